// CIDR-heavy inputs: lint of two rules of 1,000 CIDRs each, and synth of a 1,200-CIDR DenyCidr
// (synth validates and lints the chart). Issue targets: both well under 2 s.
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../lib/app';
import { DenyCidr, PolicyTarget, TrafficDirection } from '../../lib/constructs';
import { lintTexts } from '../../lib/lint';
import { timeMs } from './timing';

const nets = (from: number, count: number): string[] => Array.from({ length: count }, (_, i) => `10.${((from + i) >> 8) & 255}.${(from + i) & 255}.0/24`);

/** Milliseconds to lint one GlobalNetworkPolicy with two Deny rules of 1,000 overlapping CIDRs. */
export function lintTwoThousandCidrsMs(): number {
  const text = JSON.stringify({
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'big' },
    spec: { selector: 'all()', types: ['Ingress'], ingress: [nets(0, 1000), nets(500, 1000)].map((n) => ({ action: 'Deny', source: { nets: n } })) },
  });
  return timeMs(() => lintTexts([{ file: 'big.json', text }], undefined));
}

/** A NetsecApp that keeps its warnings to itself. */
class QuietApp extends NetsecApp {
  protected reportWarning(_warning: string): void {
    // the bench prints a table
  }
}

/** Milliseconds to synthesise (in memory) a chart with one DenyCidr of 1,200 CIDRs. */
export function denyCidrSynthMs(): number {
  return timeMs(() => {
    const app = new QuietApp({ outdir: '/nonexistent-bench-outdir' });
    new DenyCidr(new Chart(app, 'c'), 'deny', { cidrs: nets(0, 1200), target: PolicyTarget.namespace('shop'), direction: TrafficDirection.INGRESS });
    app.synthYaml();
  });
}
