// The map in netpol-analyzer's output formats: txt (`src => dst : conn`), json, csv, md and dot.
import { ConnectivityLine } from './compute';

/** The formats, the first the default. */
export const CONNECTIVITY_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const mdField = (s: string): string => s.replace(/\|/g, '\\|');
const dotId = (s: string): string => JSON.stringify(s);

/** Renders the lines in one of CONNECTIVITY_FORMATS. */
export function formatConnectivity(lines: readonly ConnectivityLine[], format: string): string {
  switch (format) {
    case 'json': return `${JSON.stringify(lines.map((l) => ({ src: l.src, dst: l.dst, conn: l.conn, ...(l.explanation ? { explanation: l.explanation } : {}) })), undefined, 2)}\n`;
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
