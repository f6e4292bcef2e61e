// A node's drift: its saved rules and sets against its plan, each read by the same parsers.
import { CanonicalRule } from './canonical';
import { RuleDrift, compareRulesets } from './compare';
import { parseIptablesSave } from './iptables-save';
import { SetDrift, compareIpSets, parseIpsetSave } from './ipset-save';
import { mainIpSetName } from '../iptables/ipset-names';
import { THIS_HOST } from '../iptables/this-host';

/** A saved file: its name (for messages) and text. */
export interface SavedFile {
  readonly file: string;
  readonly text: string;
}

/** What to compare: the plan's texts and the node's saved files (each optional but iptables). */
export interface DriftInput {
  readonly node: string;
  readonly plan: { readonly iptables: string; readonly ip6tables?: string; readonly ipsets: string };
  readonly iptablesSave: SavedFile;
  /** `ip6tables-save` output. @default - IPv6 rules are not compared */
  readonly ip6tablesSave?: SavedFile;
  /** `ipset save` output. @default - sets are not compared */
  readonly ipsetSave?: SavedFile;
}

/** The differences found, and what was compared. */
export interface DriftReport {
  readonly node: string;
  readonly compared: readonly string[];
  /** What the plan holds that no saved file was given for. */
  readonly notCompared: readonly string[];
  readonly rules: readonly RuleDrift[];
  readonly sets: readonly SetDrift[];
  /**
   * Member differences of `this-host` (IPv4 and IPv6): Felix fills it from the node's live
   * interface addresses, the plan from the inventory (lib/iptables/this-host.ts), so they are shown
   * apart and are no drift. The set missing, extra or of another type is drift (in `sets`).
   */
  readonly hostAddresses: readonly SetDrift[];
}

const THIS_HOST_SETS = new Set([mainIpSetName(4, THIS_HOST), mainIpSetName(6, THIS_HOST)]);

function isHostAddressMember(s: SetDrift): boolean {
  return THIS_HOST_SETS.has(s.set) && (s.kind === 'missing-member' || s.kind === 'extra-member');
}

/** Compares; throws DriftInputError (file and line) on a saved file that is not what the tools print. */
export function nodeDrift(input: DriftInput): DriftReport {
  const compared = [`iptables (${input.iptablesSave.file})`];
  const rules = compareRulesets('iptables',
    parseIptablesSave(input.plan.iptables, `plan of ${input.node} (iptables)`), parseIptablesSave(input.iptablesSave.text, input.iptablesSave.file));
  if (input.ip6tablesSave) {
    compared.push(`ip6tables (${input.ip6tablesSave.file})`);
    const plan = input.plan.ip6tables === undefined ? undefined : parseIptablesSave(input.plan.ip6tables, `plan of ${input.node} (ip6tables)`);
    rules.push(...compareRulesets('ip6tables', plan, parseIptablesSave(input.ip6tablesSave.text, input.ip6tablesSave.file)));
  }
  let allSets: SetDrift[] = [];
  if (input.ipsetSave) {
    compared.push(`ipsets (${input.ipsetSave.file})`);
    allSets = compareIpSets(parseIpsetSave(input.plan.ipsets, `plan of ${input.node} (ipsets)`), parseIpsetSave(input.ipsetSave.text, input.ipsetSave.file));
  }
  const sets = allSets.filter((s) => !isHostAddressMember(s));
  const hostAddresses = allSets.filter(isHostAddressMember);
  const notCompared = [
    ...(input.plan.ip6tables !== undefined && !input.ip6tablesSave ? ['ip6tables (the plan has IPv6 rules; give --ip6tables-save)'] : []),
    ...(input.plan.ipsets.trim() !== '' && !input.ipsetSave ? ['ipsets (give --ipset-save)'] : []),
  ];
  return { node: input.node, compared, notCompared, rules, sets, hostAddresses };
}

/** True when anything differs (`this-host` members aside). */
export function hasDrift(r: DriftReport): boolean {
  return r.rules.length > 0 || r.sets.length > 0;
}

function count(r: DriftReport, kind: string): number {
  return r.rules.filter((d) => d.kind === kind).length;
}

function ruleText(r: CanonicalRule | undefined, where: string): string {
  if (!r) return '';
  return `      ${where} ${r.key === '' ? '(no match, no target)' : r.key}${r.comment === '' ? '' : `  # ${r.comment}`}`;
}

/** The report as text: a summary line, then per family, table and chain each rule with its owner. */
export function formatDriftText(r: DriftReport): string {
  const lines: string[] = [];
  const summary = `${count(r, 'missing')} missing, ${count(r, 'extra')} extra, ${count(r, 'changed')} changed rule(s); ${r.sets.length} set difference(s)${
    r.hostAddresses.length > 0 ? `; ${r.hostAddresses.length} this-host member difference(s), not drift` : ''}`;
  lines.push(`netsec drift: node ${r.node}: ${hasDrift(r) ? 'DRIFT' : 'no drift'} (${summary})`);
  lines.push(`compared: ${r.compared.join(', ')}`);
  if (r.notCompared.length > 0) lines.push(`not compared: ${r.notCompared.join(', ')}`);
  let heading = '';
  for (const d of r.rules) {
    const h = `${d.family} ${d.table} ${d.chain}`;
    if (h !== heading) {
      lines.push(`  ${h}:`);
      heading = h;
    }
    lines.push(`    ${d.kind} (${d.owner})`);
    if (d.planned) lines.push(ruleText(d.planned, `plan line ${d.planned.line}:`));
    if (d.live) lines.push(ruleText(d.live, `node line ${d.live.line}:`));
  }
  if (r.sets.length > 0) lines.push('  ipsets:');
  const setLine = (s: SetDrift): string => `    ${s.kind} ${s.set}${s.member === undefined ? '' : ` ${s.member}`}${s.detail === undefined ? '' : `: ${s.detail}`}`;
  lines.push(...r.sets.map(setLine));
  if (r.hostAddresses.length > 0) {
    lines.push('  this-host members (filled from the node\'s live interfaces; the plan knows only the inventory\'s addresses; not drift):');
    lines.push(...r.hostAddresses.map(setLine));
  }
  return `${lines.join('\n')}\n`;
}

function ruleJson(r: CanonicalRule | undefined): object | undefined {
  return r && { line: r.line, rule: r.key, comment: r.comment, ...(r.hash === undefined ? {} : { hash: r.hash }), text: r.text };
}

/** The report as JSON. */
export function formatDriftJson(r: DriftReport): string {
  return `${JSON.stringify({
    node: r.node, drift: hasDrift(r), compared: r.compared, notCompared: r.notCompared,
    rules: r.rules.map((d) => ({ kind: d.kind, family: d.family, table: d.table, chain: d.chain, owner: d.owner, planned: ruleJson(d.planned), node: ruleJson(d.live) })),
    sets: r.sets, hostAddresses: r.hostAddresses,
  }, null, 2)}\n`;
}
