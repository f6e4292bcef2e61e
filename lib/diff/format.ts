// Text, JSON and Markdown renderings of a semantic diff.
import { Endpoint } from '../engine';
import { DiffResult } from './compare';
import { FlowGroup, groupFlows } from './group';
import { portKeyText } from './ports';
import { DecidingPolicy, describeDeciding } from './responsible';

function policiesBySide(policies: readonly DecidingPolicy[], side: string): string[] {
  return policies.filter((p) => p.side === side).map(describeDeciding);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(r: DiffResult): string {
  return `${plural(r.opened.length, 'flow')} opened, ${r.closed.length} closed `
    + `(compared ${plural(r.pods.length, 'pod')} on ${plural(r.ports.length, 'port')}: ${r.ports.map(portKeyText).join(', ') || 'none'})`;
}

/** Plain text for a terminal. */
export function diffToText(r: DiffResult, endpoints: readonly Endpoint[]): string {
  const lines = [`netsec diff: ${summary(r)}`];
  const section = (title: string, groups: FlowGroup[]): void => {
    if (groups.length === 0) return;
    lines.push('', `${title}:`);
    for (const g of groups) {
      lines.push(`  ${g.from} -> ${g.to}  ${g.ports.join(', ')}  (${plural(g.flows.length, 'pod flow')})`);
      for (const side of ['before', 'after']) {
        for (const d of policiesBySide(g.policies, side)) lines.push(`    ${side}: ${d}`);
      }
      for (const f of g.flows) lines.push(`      ${f.from} -> ${f.to} ${portKeyText(f)}`);
    }
  };
  section('Opened', groupFlows(r.opened, endpoints));
  section('Closed', groupFlows(r.closed, endpoints));
  return `${lines.join('\n')}\n`;
}

/** The JSON form: every changed pod-level flow. */
export function diffToJson(r: DiffResult): string {
  const flows = (list: DiffResult['opened']): unknown[] => list.map((f) => ({
    from: f.from, to: f.to, protocol: f.protocol, ...(f.port !== undefined ? { port: f.port } : {}),
    ...(f.toPort !== undefined ? { toPort: f.toPort } : {}), policies: f.policies,
  }));
  return `${JSON.stringify({ opened: flows(r.opened), closed: flows(r.closed), ports: r.ports.map(portKeyText) }, null, 2)}\n`;
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');
}

/** Markdown for a pull-request comment. */
export function diffToMarkdown(r: DiffResult, endpoints: readonly Endpoint[]): string {
  const icon = r.opened.length > 0 ? ':warning:' : ':white_check_mark:';
  const lines = [`### ${icon} netsec diff: ${r.opened.length} opened, ${r.closed.length} closed`, '',
    `Compared ${plural(r.pods.length, 'pod')} on ${r.ports.map((k) => `\`${portKeyText(k)}\``).join(', ') || 'no ports'}.`];
  const section = (title: string, groups: FlowGroup[]): void => {
    if (groups.length === 0) return;
    lines.push('', `#### ${title}`, '', '| From | To | Ports | Pod flows | Before | After |', '|---|---|---|---|---|---|');
    for (const g of groups) {
      const before = policiesBySide(g.policies, 'before').map(cell).join('<br>');
      const after = policiesBySide(g.policies, 'after').map(cell).join('<br>');
      lines.push(`| ${cell(g.from)} | ${cell(g.to)} | ${g.ports.join(', ')} | ${g.flows.length} | ${before} | ${after} |`);
    }
    const all = groups.flatMap((g) => g.flows);
    lines.push('', `<details><summary>${plural(all.length, 'pod-level flow')} ${title.toLowerCase()}</summary>`, '');
    for (const f of all) lines.push(`- \`${f.from}\` → \`${f.to}\` ${portKeyText(f)}`);
    lines.push('', '</details>');
  };
  section('Opened', groupFlows(r.opened, endpoints));
  section('Closed', groupFlows(r.closed, endpoints));
  return `${lines.join('\n')}\n`;
}
