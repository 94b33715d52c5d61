import {
  asksForCommandHelp,
  asksForHelp,
  describeCommand,
  describeCommands,
  describeFlag,
  describeOptionBeforeCommand,
  describeProblem,
  describeUnknownCommand,
  parseCommandLine,
} from './parse-args';
import { auditVerifyCommand } from './commands/audit-verify.command';
import { commands } from './commands';
import { migrateCommand } from './commands/migrate.command';
import { projectionsRunCommand } from './commands/projections-run.command';
import { seedDemoCommand } from './commands/seed-demo.command';

const sweep = { name: 'files:sweep', flags: { 'dry-run': 'boolean', json: 'boolean' } as const, usage: 'Pemakaian: npm run cli -- files:sweep [--dry-run] [--json]' };
const verify = { flags: { satker: 'string', digest: 'string', json: 'boolean' } as const };
const rebuild = { flags: { name: 'string' } as const, positionals: true };

describe('parseCommandLine: the flags a command declares, nothing else', () => {
  it('given the declared flags, reads booleans bare and strings with a value, either form', () => {
    expect(parseCommandLine(sweep, ['--dry-run', '--json'])).toEqual({ ok: true, flags: { 'dry-run': true, json: true } });
    expect(parseCommandLine(verify, ['--satker', 'kpu-kab-jember', '--digest=d.json', '--json']))
      .toEqual({ ok: true, flags: { satker: 'kpu-kab-jember', digest: 'd.json', json: true } });
    expect(parseCommandLine(sweep, [])).toEqual({ ok: true, flags: {} });
  });

  it.each([
    [['--dryrun'], { kind: 'unknown-flag', flag: '--dryrun' }],
    [['--DRY-RUN'], { kind: 'unknown-flag', flag: '--DRY-RUN' }],
    [['-n'], { kind: 'unknown-flag', flag: '-n' }],
    [['--dry-run=true'], { kind: 'value-for-boolean', flag: '--dry-run', value: 'true' }],
    [['--dry-run', 'yes'], { kind: 'unexpected-argument', argument: 'yes' }],
    [['sekarang'], { kind: 'unexpected-argument', argument: 'sekarang' }],
    [['--dry-run', '--dry-run'], { kind: 'repeated-flag', flag: '--dry-run' }],
    [['--constructor'], { kind: 'unknown-flag', flag: '--constructor' }],
  ])('when files:sweep is given %j, then it is refused: %j', (argv, problem) => {
    expect(parseCommandLine(sweep, argv)).toEqual({ ok: false, problem });
  });

  it('when a string flag has no value, then it is refused rather than read as true', () => {
    expect(parseCommandLine(verify, ['--satker'])).toEqual({ ok: false, problem: { kind: 'missing-value', flag: '--satker' } });
    expect(parseCommandLine(verify, ['--satker', '--json'])).toEqual({ ok: false, problem: { kind: 'missing-value', flag: '--satker' } });
    expect(parseCommandLine(verify, ['--satker='])).toEqual({ ok: false, problem: { kind: 'missing-value', flag: '--satker' } });
  });

  it('given a command that takes positional words, joins them under _', () => {
    expect(parseCommandLine(rebuild, ['current-performance', 'audit-trail'])).toEqual({ ok: true, flags: { _: 'current-performance audit-trail' } });
    expect(parseCommandLine(rebuild, ['--names', 'x'])).toEqual({ ok: false, problem: { kind: 'unknown-flag', flag: '--names' } });
  });

  it('describes the refusal in Indonesian and ends with the command\'s usage line', () => {
    expect(describeProblem(sweep, { kind: 'unknown-flag', flag: '--dryrun' }))
      .toBe('DITOLAK: opsi --dryrun tidak dikenal oleh files:sweep; tidak ada yang dijalankan.\nPemakaian: npm run cli -- files:sweep [--dry-run] [--json]');
    expect(describeProblem(seedDemoCommand, { kind: 'value-for-boolean', flag: '--allow-production', value: 'yes' })).toBe(
      'DITOLAK: opsi --allow-production tidak menerima nilai ("yes"); tulis --allow-production saja; tidak ada yang dijalankan.\n'
        + 'Pemakaian: npm run cli -- seed:demo [--allow-production]',
    );
    expect(describeProblem(migrateCommand, { kind: 'unexpected-argument', argument: 'sekarang' }))
      .toBe('DITOLAK: argumen "sekarang" tidak dikenal oleh migrate; tidak ada yang dijalankan.\nPemakaian: npm run cli -- migrate');
  });
});

describe('projections:run --batch-size: a whole number of events, 1 to 100 000', () => {
  it.each([['abc'], ['1.5'], ['-5'], ['0'], ['1e3'], [' 5'], ['0x10'], ['100001'], ['99999999999999999999']])(
    'when given --batch-size %s, then it is refused before anything runs, with the usage line',
    (value) => {
      const line = parseCommandLine(projectionsRunCommand, ['--batch-size', value]);
      expect(line).toEqual({ ok: false, problem: { kind: 'not-a-whole-number', flag: '--batch-size', value, min: 1, max: 100_000 } });
      expect(parseCommandLine(projectionsRunCommand, [`--batch-size=${value}`])).toEqual(line);
      if (!line.ok) {
        expect(describeProblem(projectionsRunCommand, line.problem)).toBe(
          `DITOLAK: opsi --batch-size memerlukan bilangan bulat 1–100000, bukan "${value}"; tidak ada yang dijalankan.\n${projectionsRunCommand.usage}`,
        );
      }
    },
  );

  it('given 1, 500 or 100000, then it is read', () => {
    for (const value of ['1', '500', '100000']) {
      expect(parseCommandLine(projectionsRunCommand, ['--batch-size', value])).toEqual({ ok: true, flags: { 'batch-size': value } });
    }
  });

  it('echoes a refused value without its control characters, bounded', () => {
    const line = parseCommandLine(projectionsRunCommand, [`--batch-size=\u0000\u001b[31m${'9'.repeat(60)}`]);
    expect(line.ok).toBe(false);
    if (!line.ok) expect(describeProblem(projectionsRunCommand, line.problem)).toContain(`bukan "??[31m${'9'.repeat(34)}…"`);
  });
});

describe('every CLI command declares its command line', () => {
  it.each(commands.map((c) => [c.name, c]))('%s: its usage line names it and every flag it takes', (name, command) => {
    expect(command.usage).toContain(`npm run cli -- ${name}`);
    for (const flag of Object.keys(command.flags)) expect(command.usage).toContain(`--${flag}`);
  });
});

describe('the command list and an unknown command, in Indonesian', () => {
  it('lists every command with its description under the usage lines, and under it the options it takes', () => {
    const lines = describeCommands(commands).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Pemakaian: npm run cli -- <perintah> [--opsi nilai]',
      '           npm run cli -- <perintah> --help   (rincian satu perintah)',
      '           npm run cli -- --version',
      '',
    ]);
    const withOptions = commands.filter((c) => Object.keys(c.flags).length > 0).length;
    expect(lines).toHaveLength(4 + commands.length + withOptions);
    expect(lines).toContain('  migrate              Terapkan migrasi basis data yang belum diterapkan (DATABASE_URL, atau basis data bawaan)');
    expect(lines).toContain('                       opsi: --dry-run, --json');
    expect(lines).toContain('                       opsi: --batch-size <1–100000>');
    expect(lines).toContain('                       opsi: --satker <nilai>, --digest <nilai>, --public-key <nilai>, --json');
  });

  it.each(commands.map((c) => [c.name, c]))('%s: the list shows every flag parseCommandLine accepts from it, from the same table', (_, command) => {
    const list = describeCommands(commands);
    for (const [flag, kind] of Object.entries(command.flags)) {
      expect(list).toContain(describeFlag(flag, kind));
      expect(describeCommand(command)).toContain(`\n  ${describeFlag(flag, kind)}`);
    }
  });

  it('refuses a word that names no command, listing those there are', () => {
    expect(describeUnknownCommand('migrat', commands))
      .toBe(`DITOLAK: perintah "migrat" tidak dikenal; tidak ada yang dijalankan.\n\n${describeCommands(commands)}`);
  });

  it('echoes an unknown command without its control characters', () => {
    expect(describeUnknownCommand('\u001b[2Jmigrate', commands)).toMatch(/^DITOLAK: perintah "\?\[2Jmigrate" tidak dikenal; /);
  });

  it.each([[undefined], [''], ['help'], ['--help'], ['-h']])('reads %j as asking for the list of commands', (word) => {
    expect(asksForHelp(word)).toBe(true);
  });

  it.each([['migrate'], ['HELP'], ['--helps']])('reads %j as naming a command', (word) => {
    expect(asksForHelp(word)).toBe(false);
  });
});

describe('every CLI command speaks Indonesian to the operator', () => {
  it.each(commands.map((c) => [c.name, c]))('%s: its usage line and description are Indonesian', (_, command) => {
    expect(command.usage).toMatch(/^Pemakaian: npm run cli -- /);
    expect(command.description).not.toMatch(/\b(the|and|or|from|into|every|until|of)\b/i);
  });
});

describe('one command\'s help, an option before the command, a missing --satker', () => {
  it('describes a command: its usage line, what it does, each option', () => {
    expect(describeCommand(projectionsRunCommand)).toBe(
      `${projectionsRunCommand.usage}\n\nprojections:run: ${projectionsRunCommand.description}\n\nOpsi:\n  --batch-size <1–100000>`,
    );
    expect(describeCommand(migrateCommand).split('\n').at(-1)).toBe('Tanpa opsi.');
  });

  it.each([[['--help']], [['-h']], [['--satker', 'x', '--help']]])('reads %j after a command as asking for its help', (rest) => {
    expect(asksForCommandHelp(rest)).toBe(true);
  });

  it.each([[[]], [['--helps']], [['help']], [['--dry-run']]])('reads %j after a command as no request for help', (rest) => {
    expect(asksForCommandHelp(rest)).toBe(false);
  });

  it('refuses an option given before the command as such, showing where it goes', () => {
    expect(describeOptionBeforeCommand(['--dry-run', 'files:sweep'], commands)).toBe(
      'DITOLAK: opsi --dry-run diberikan sebelum perintah; tulis perintahnya dulu (npm run cli -- files:sweep --dry-run); tidak ada yang dijalankan.\n\n'
        + describeCommands(commands),
    );
    expect(describeOptionBeforeCommand(['--json'], commands)).toMatch(/^DITOLAK: opsi --json diberikan sebelum perintah; tulis perintahnya dulu \(npm run cli -- <perintah> --json\); /);
  });

  it('refuses audit:verify without --satker naming what is missing, before anything runs', () => {
    expect(auditVerifyCommand.refuse?.({ json: true }, {})).toBe(
      `DITOLAK: opsi --satker <kode> wajib diberikan: kode satker yang rantai hash-nya diperiksa; tidak ada yang dijalankan.\n${auditVerifyCommand.usage}`,
    );
    expect(auditVerifyCommand.refuse?.({ satker: 'kpu-kab-jember' }, {})).toBeNull();
  });
});
