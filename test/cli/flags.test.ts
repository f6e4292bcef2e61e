// Flags declared once: the parser and the usage text both come from the declaration.
import { ParsedArgs, UsageError } from '../../lib/cli/args';
import { defineCommand } from '../../lib/cli/command';
import { Flag } from '../../lib/cli/flag';
import { CliCommand } from '../../lib/cli/io';

const FLAGS = [
  { name: 'manifests', kind: 'multi', value: 'M...', required: true, help: 'manifest files' },
  { name: 'from', kind: 'single', value: 'REF', required: true, help: 'the source\nor the address' },
  { name: 'to', kind: 'single', value: 'REF', required: true },
  { name: 'format', kind: 'single', value: 'F', choices: ['text', 'json'], default: 'text', help: 'text or json' },
  { name: 'out', kind: 'single', value: 'FILE', synopsis: 'out.html', help: 'where to write' },
  { name: 'dry-run', kind: 'switch', help: 'write nothing' },
] as const satisfies readonly Flag[];

type Name = (typeof FLAGS)[number]['name'] | 'felix';

function commandFor(onRun: (parsed: ParsedArgs<Name>) => void): CliCommand {
  return defineCommand<Name>({
    name: 'demo',
    about: 'Does a demo.',
    flags: FLAGS,
    inputFlags: [{ name: 'felix', kind: 'multi', value: 'KEY=VALUE...', help: 'Felix settings' }],
    footer: 'Exit codes: 0.',
    run: (parsed) => {
      onRun(parsed);
      return 0;
    },
  });
}

describe('declared flags', () => {
  test('the usage text: required bare, optional in brackets, choices and synopsis values, shared rows, own column for input flags', () => {
    expect(commandFor(() => undefined).usage).toBe(`usage: netsec demo --manifests M... --from REF --to REF [--format text|json] [--out out.html]
                   [--dry-run]

Does a demo.

  --manifests M...   manifest files
  --from, --to REF   the source
                     or the address
  --format F         text or json
  --out FILE         where to write
  --dry-run          write nothing
  --felix KEY=VALUE...   Felix settings

Exit codes: 0.
`);
  });

  test('values, lists, switches and defaults are read as declared', () => {
    const seen: unknown[] = [];
    commandFor((p) => seen.push(p.list('manifests'), p.get('from'), p.value('to'), p.get('format'), p.value('out'), p.has('dry-run')))
      .run(['--manifests', 'a', 'b', '--from=x/a', '--to', 'x/b', '--dry-run'], { stdout: () => undefined, stderr: () => undefined });
    expect(seen).toEqual([['a', 'b'], 'x/a', 'x/b', 'text', undefined, true]);
  });

  test.each([
    [['--bogus'], 'unknown option --bogus'],
    [['stray'], 'unexpected argument "stray"'],
    [['--from'], '--from needs a value'],
    [['--from', '--to', 'x'], '--from needs a value'],
    [['--from', 'a', '--from', 'b'], '--from given twice'],
    [['--manifests'], '--manifests needs at least one value'],
    [['--dry-run=yes'], '--dry-run takes no value'],
    [[], '--manifests is required'],
    [['--manifests', 'a'], '--from is required'],
    [['--manifests', 'a', '--from', 'a', '--to', 'b', '--format', 'xml'], '--format must be one of text, json, got "xml"'],
  ])('%j: %s', (args, message) => {
    const command = commandFor((p) => { p.list('manifests'); p.get('from'); p.get('to'); p.get('format'); });
    expect(() => command.run(args, { stdout: () => undefined, stderr: () => undefined })).toThrow(new UsageError(message));
  });
});
