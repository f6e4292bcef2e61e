// The map in netpol-analyzer's output formats: txt (`src => dst : conn`), json, csv, md and dot.
import { ConnectivityLine } from './compute';

/** The formats, the first the default. */
export const CONNECTIVITY_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const mdField = (s: string): string => s.replace(/\|/g, '\\|');
const dotId = (s: string): string => JSON.stringify(s);

const jsonLine = (l: ConnectivityLine): object => ({ src: l.src, dst: l.dst, conn: l.conn, ...(l.explanation ? { explanation: l.explanation } : {}) });

/**
 * Writes the lines in one of CONNECTIVITY_FORMATS to `sink` a line (or a JSON element) at a time,
 * the same text as formatConnectivity. txt and json take the lines one by one as they come (a
 * generator's lines are never all held); csv, md and dot, whose text needs them all, collect them.
 */
export function writeConnectivity(lines: Iterable<ConnectivityLine>, format: string, sink: (text: string) => void): void {
  if (format === 'json') {
    // the text of JSON.stringify(lines, undefined, 2): each element indented by two spaces
    let first = true;
    for (const l of lines) {
      sink(`${first ? '[\n' : ',\n'}  ${JSON.stringify(jsonLine(l), undefined, 2).replace(/\n/g, '\n  ')}`);
      first = false;
    }
    sink(first ? '[]\n' : '\n]\n');
    return;
  }
  if (format === 'txt' || !(CONNECTIVITY_FORMATS as readonly string[]).includes(format)) {
    for (const l of lines) sink(formatConnectivity([l], format));
    return;
  }
  sink(formatConnectivity([...lines], format));
}

/** Renders the lines in one of CONNECTIVITY_FORMATS. */
export function formatConnectivity(lines: readonly ConnectivityLine[], format: string): string {
  switch (format) {
    case 'json': return `${JSON.stringify(lines.map(jsonLine), undefined, 2)}\n`;
    case 'csv': return ['src,dst,conn', ...lines.map((l) => [l.src, l.dst, l.conn].map(csvField).join(','))].join('\n') + '\n';
    case 'md': return ['| src | dst | conn |', '|-----|-----|------|', ...lines.map((l) => `| ${mdField(l.src)} | ${mdField(l.dst)} | ${mdField(l.conn)} |`)].join('\n') + '\n';
    case 'dot': {
      const nodes = [...new Set(lines.flatMap((l) => [l.src, l.dst]))].sort();
      return ['digraph connectivity {', ...nodes.map((n) => `  ${dotId(n)};`),
        ...lines.map((l) => `  ${dotId(l.src)} -> ${dotId(l.dst)} [label=${dotId(l.conn)}];`), '}'].join('\n') + '\n';
    }
    default: return lines.map((l) => `${l.src} => ${l.dst} : ${l.conn}\n${(l.explanation ?? []).map((e) => `    ${e}\n`).join('')}`).join('');
  }
}
