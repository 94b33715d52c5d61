import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { CONSTRAINT_MESSAGES, constraintNameOf, hasOwnMessage, isDescribedFormat, ValidationMetadata } from './constraint-messages';

/**
 * Every DTO of the API, as class-validator registered it: each file under apps/api/src that uses
 * class-validator is loaded and the rules of its exported classes (with what they inherit) are
 * read from class-validator's own metadata, under the names its errors carry.
 */
const API_SOURCE = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const dtoFiles = sourceFiles(API_SOURCE).filter((file) => /from 'class-validator'/.test(readFileSync(file, 'utf8')));

interface Rule {
  dto: string;
  property: string;
  constraint: string;
  metadata: ValidationMetadata;
}

function rulesOf(): Rule[] {
  const rules: Rule[] = [];
  for (const file of dtoFiles) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: Record<string, unknown> = require(file);
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== 'function' || !value.prototype) continue;
      for (const metadata of getMetadataStorage().getTargetValidationMetadatas(value, '', true, false)) {
        const constraint = constraintNameOf(metadata);
        if (constraint !== null) rules.push({ dto: `${relative(API_SOURCE, file)}: ${name}`, property: metadata.propertyName, constraint, metadata });
      }
    }
  }
  return rules;
}

describe('the rules of every DTO', () => {
  const rules = rulesOf();

  it('are found (the DTOs of admin, auth, PK, realisasi, audit … are loaded)', () => {
    expect(dtoFiles.map((f) => relative(API_SOURCE, f))).toEqual(
      expect.arrayContaining(['admin/satker.dto.ts', 'auth/auth.dto.ts', 'perjanjian-kinerja/pk.dto.ts', 'notifications/notifications.dto.ts']),
    );
    expect(rules.length).toBeGreaterThan(100);
    // The names of class-validator 0.15, not those of the decorators.
    const names = new Set(rules.map((r) => r.constraint));
    for (const name of ['isUuid', 'isCalendarDate', 'isLength', 'isInstant', 'isNotNull']) expect(names).toContain(name);
  });

  it('each have a message in Indonesian, as have the failures of a request as a whole', () => {
    const always = ['whitelistValidation', 'unknownValue', 'isDefined'];
    const missing = [...new Set([...always, ...rules.map((r) => r.constraint)])].filter((c) => CONSTRAINT_MESSAGES[c] === undefined);
    expect(missing).toEqual([]);
  });

  it('give no message of class-validator as their own (@ValidateNested puts its English one in the rule)', () => {
    const english = rules.filter((r) => hasOwnMessage(r.metadata) && /\b(must|should|each value|property)\b/.test(String(r.metadata.message)));
    expect(english.map((r) => `${r.dto}.${r.property}: ${r.constraint}`)).toEqual([]);
  });

  it('say in words what format a pattern asks for, when the DTO gives no message of its own', () => {
    const patterns = rules.filter((r) => r.constraint === 'matches' && !hasOwnMessage(r.metadata));
    expect(patterns.length).toBeGreaterThan(5);
    expect(patterns.filter((r) => !isDescribedFormat(r.metadata.constraints[0])).map((r) => `${r.dto}.${r.property}: ${r.metadata.constraints[0]}`)).toEqual([]);
  });

  it('bound every whole number from above, so that none reaches PostgreSQL out of its range', () => {
    const key = (r: Rule) => `${r.dto}.${r.property}`;
    const bounded = new Set(rules.filter((r) => r.constraint === 'max').map(key));
    const numbers = rules.filter((r) => r.constraint === 'isInt' || r.constraint === 'isNumber');
    expect(numbers.length).toBeGreaterThan(10);
    expect([...new Set(numbers.map(key))].filter((k) => !bounded.has(k))).toEqual([]);
  });
});
