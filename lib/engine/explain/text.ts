// The readable form of a verdict: per direction, each stage, tier and policy consulted.
import { protocolName } from '../evaluate/resolve';
import { DirectionTrace, FlowVerdict, StageTrace } from '../evaluate/types';

/** Renders the verdict and both traces as text. */
export function explainText(v: FlowVerdict): string {
  const lines: string[] = [];
  const port = v.port !== undefined ? `/${v.port}` : '';
  lines.push(`${v.source} -> ${v.destination} ${protocolName(v.protocol)}${port}: ${v.allowed ? 'ALLOW' : 'DENY'}`);
  lines.push(`  ${v.reason}`);
  lines.push(...direction('egress of the source', v.egress));
  lines.push(...direction('ingress of the destination', v.ingress));
  return `${lines.join('\n')}\n`;
}

function direction(title: string, d: DirectionTrace): string[] {
  const lines = [`${title} (${d.endpoint}): ${d.allowed ? 'allow' : 'deny'}`];
  if (d.stages.length === 0) lines.push(`  ${d.reason}`);
  for (const s of d.stages) lines.push(...stageText(s));
  return lines;
}

/** The lines of one stage: its verdict, then the tiers, policies and profiles consulted. */
export function stageText(s: StageTrace): string[] {
  const lines = [`  [${s.stage}] ${s.endpoint}: ${s.verdict} (${s.reason})`];
  if (s.failsafe) lines.push(`    failsafe ${s.failsafe}`);
  for (const t of s.tiers) {
    lines.push(`    tier ${t.tier}: ${t.outcome}`);
    for (const p of t.policies) {
      const name = p.namespace ? `${p.namespace}/${p.policy}` : p.policy;
      const logged = p.logged.length > 0 ? `; logged by rule ${p.logged.join(', ')}` : '';
      const what = p.matchedRule !== undefined ? `rule ${p.matchedRule} ${p.action}` : 'no rule matched';
      lines.push(`      ${p.kind} ${name}: ${what}${logged}`);
      for (const d of p.defaults ?? []) lines.push(`        ${d}`);
      if (p.httpMatch) lines.push(`        rule ${p.matchedRule}: ${p.httpMatch}`);
      if (p.serviceMatch) lines.push(`        rule ${p.matchedRule}: ${p.serviceMatch}`);
    }
  }
  if (s.profiles) {
    const matched = s.profiles.matchedProfile !== undefined
      ? `profile ${s.profiles.matchedProfile} rule ${s.profiles.matchedRule} ${s.profiles.action}`
      : 'no profile matched';
    lines.push(`    profiles [${s.profiles.profiles.join(', ')}]: ${matched}`);
  }
  return lines;
}
