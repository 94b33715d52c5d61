// Layer rule (STYLE.md): the domain is pure TypeScript. It imports no framework, no driver and no
// other Kinerja library, and its production code reads no clock, randomness or file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, 'src');
const FORBIDDEN = [/^@nestjs\//, /^typeorm(\/|$)/, /^bullmq(\/|$)/, /^ioredis(\/|$)/, /^class-validator(\/|$)/, /^class-transformer(\/|$)/, /^pg(\/|$)/, /^@kinerja\/(?!domain(\/|$))/];
const IMPURE = [/\bDate\.now\(/, /\bnew Date\(\s*\)/, /\brandomUUID\b/, /\bMath\.random\(/, /\bprocess\.env\b/, /from ['"](node:)?(fs|net|http|https|child_process|crypto)['"]/];
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

export function layerViolations(source: string, isSpec: boolean): string[] {
  const imports = importsOf(source).filter((spec) => FORBIDDEN.some((rule) => rule.test(spec)));
  const impure = isSpec ? [] : IMPURE.filter((rule) => rule.test(source)).map((rule) => `impure: ${rule.source}`);
  return [...imports, ...impure];
}

describe('libs/domain layer rule', () => {
  const files = tsFiles(SRC);

  it('given the checker, then it recognises forbidden imports and impurity (so this test can fail)', () => {
    expect(layerViolations(`import { Injectable } from '@nestjs/common';\nimport { Repository } from "typeorm";`, false)).toEqual(['@nestjs/common', 'typeorm']);
    expect(layerViolations(`const { Queue } = require('bullmq');`, false)).toEqual(['bullmq']);
    expect(layerViolations(`import type { X } from '@kinerja/event-store';`, false)).toEqual(['@kinerja/event-store']);
    expect(layerViolations(`import { Dec } from '@kinerja/domain';`, false)).toEqual([]);
    expect(layerViolations(`const t = Date.now();`, false)).toHaveLength(1);
    expect(layerViolations(`const t = Date.now();`, true)).toHaveLength(0);
  });

  it('given every .ts under libs/domain/src, then none breaks the layer rule', () => {
    expect(files.length).toBeGreaterThan(20);
    const violations = files
      .map((file) => ({ file: relative(SRC, file), found: layerViolations(readFileSync(file, 'utf8'), file.endsWith('.spec.ts')) }))
      .filter((v) => v.found.length > 0);
    expect(violations).toEqual([]);
  });
});
