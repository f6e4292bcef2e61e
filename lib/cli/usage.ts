// The usage text of a command, generated from its declared flags: the usage line, the option list.
import { Flag } from './flag';

/** What the usage text says besides the flags. */
export interface UsageText {
  /** The subcommand, e.g. `check`. */
  readonly name: string;
  /** The paragraphs after the usage line, lines broken where they should break. */
  readonly about: string;
  /** The command's own flags, in the order of the usage line and the option list. */
  readonly flags: readonly Flag[];
  /** Flags listed after the command's own, aligned among themselves, left out of the usage line. */
  readonly inputFlags?: readonly Flag[];
  /** Where the option list's help text starts. @default - three columns after the longest flag */
  readonly column?: number;
  /** The paragraphs after the option list. @default - none */
  readonly footer?: string;
}

/** The usage line is broken before a term that would make it longer than this. */
const USAGE_LINE_WIDTH = 98;

/** The full usage text: usage line, about, option list, footer; ends with a newline. */
export function renderUsage(u: UsageText): string {
  const options = [...optionRows(u.flags, u.column), ...optionRows(u.inputFlags ?? [])];
  return [usageLine(u.name, u.flags), u.about, options.join('\n'), ...(u.footer !== undefined ? [u.footer] : [])].join('\n\n') + '\n';
}

function usageLine(name: string, flags: readonly Flag[]): string {
  const head = `usage: netsec ${name}`;
  const indent = ' '.repeat(head.length + 1);
  const lines = [head];
  for (const flag of flags) {
    const value = flag.synopsis ?? flag.choices?.join('|') ?? flag.value;
    const bare = value === undefined ? `--${flag.name}` : `--${flag.name} ${value}`;
    const term = flag.required ? bare : `[${bare}]`;
    const last = lines.length - 1;
    if (lines[last].length + 1 + term.length > USAGE_LINE_WIDTH) lines.push(`${indent}${term}`);
    else lines[last] = `${lines[last]} ${term}`;
  }
  return lines.join('\n');
}

/** One line per described flag (a flag without help joins the line before it), help continued under the column. */
function optionRows(flags: readonly Flag[], column?: number): string[] {
  const rows: { names: string[]; value?: string; help: string }[] = [];
  for (const flag of flags) {
    const row = rows[rows.length - 1];
    if (flag.help === undefined && row !== undefined) {
      row.names.push(`--${flag.name}`);
      row.value = flag.value;
    } else {
      rows.push({ names: [`--${flag.name}`], value: flag.value, help: flag.help ?? '' });
    }
  }
  const labels = rows.map((r) => `${r.names.join(', ')}${r.value !== undefined ? ` ${r.value}` : ''}`);
  const at = column ?? 2 + Math.max(0, ...labels.map((l) => l.length)) + 3;
  return rows.map((r, i) => r.help.split('\n')
    .map((line, n) => (n === 0 ? `  ${labels[i].padEnd(at - 2)}${line}` : `${' '.repeat(at)}${line}`))
    .join('\n'));
}
