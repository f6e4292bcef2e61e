// Issue point 6: every kind of invalid input stops synth with an error naming the construct path,
// the field and the bad value, and nothing is written. The exact wording of each message is pinned
// by the model's validation tests (test/model/validate); this table checks the app-level promise.
import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { NetsecApp } from '../../../lib/app';
import { CalicoGlobalNetworkPolicy, CalicoNetworkPolicy, IntOrString, KubeNetworkPolicy, KubeNetworkPolicySpec } from '../../../lib/constructs/l1';
import { CalicoRule, GlobalNetworkPolicySpec } from '../../../lib/model/resources';
import { tempParent } from './helpers';

interface Case {
  readonly what: string;
  /** Adds the bad resource to the chart (namespace `shop`, id `bad`). */
  readonly build: (chart: Chart) => void;
  /** Field path and bad value the message must name. */
  readonly field: string;
  readonly value: string;
}

const gnp = (spec: GlobalNetworkPolicySpec, name = 'bad') => (chart: Chart): void => {
  new CalicoGlobalNetworkPolicy(chart, 'bad', { metadata: { name }, spec });
};
const rule = (r: CalicoRule): (chart: Chart) => void => gnp({ selector: 'all()', ingress: [r] });
const knp = (spec: KubeNetworkPolicySpec) => (chart: Chart): void => {
  new KubeNetworkPolicy(chart, 'bad', { metadata: { name: 'bad' }, spec });
};

const CASES: readonly Case[] = [
  { what: 'CIDR syntax', build: rule({ action: 'Allow', source: { nets: ['10.0.0/8'] } }), field: 'spec.ingress[0].source.nets[0]', value: '10.0.0/8' },
  { what: 'CIDR host bits', build: rule({ action: 'Allow', source: { nets: ['10.0.0.1/8'] } }), field: 'spec.ingress[0].source.nets[0]', value: '10.0.0.1/8' },
  {
    what: 'except outside cidr',
    build: knp({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }] }),
    field: 'spec.ingress[0].from[0].ipBlock.except[0]', value: '10.1.0.0/24',
  },
  { what: 'mixed IPv4 and IPv6 in one rule', build: rule({ action: 'Allow', source: { nets: ['10.0.0.0/8', '2001:db8::/32'] } }), field: 'spec.ingress[0]', value: '2001:db8::/32' },
  { what: 'ports without TCP, UDP or SCTP', build: rule({ action: 'Allow', protocol: 'ICMP', destination: { ports: ['80'] } }), field: 'spec.ingress[0].destination.ports', value: '80' },
  { what: 'port out of range', build: rule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['70000'] } }), field: 'spec.ingress[0].destination.ports[0]', value: '70000' },
  { what: 'port range reversed', build: rule({ action: 'Allow', protocol: 'TCP', destination: { ports: ['90:80'] } }), field: 'spec.ingress[0].destination.ports[0]', value: '90:80' },
  {
    what: 'endPort without a numeric port',
    build: knp({ podSelector: {}, ingress: [{ ports: [{ port: IntOrString.fromString('http'), endPort: 90 }] }] }),
    field: 'spec.ingress[0].ports[0].endPort', value: '90',
  },
  {
    what: 'endPort below port',
    build: knp({ podSelector: {}, ingress: [{ ports: [{ port: IntOrString.fromNumber(90), endPort: 80 }] }] }),
    field: 'spec.ingress[0].ports[0].endPort', value: '80',
  },
  { what: 'ICMP code without type', build: rule({ action: 'Allow', protocol: 'ICMP', icmp: { code: 1 } }), field: 'spec.ingress[0].icmp', value: 'code' },
  { what: 'bad selector syntax', build: gnp({ selector: "app == 'web' &&" }), field: 'spec.selector', value: "app == 'web' &&" },
  { what: 'unknown action', build: rule({ action: 'Accept' }), field: 'spec.ingress[0].action', value: 'Accept' },
  {
    what: 'preDNAT with egress',
    build: gnp({ selector: 'all()', preDNAT: true, applyOnForward: true, egress: [{ action: 'Deny' }] }),
    field: 'spec', value: 'preDNAT',
  },
  { what: 'preDNAT without applyOnForward', build: gnp({ selector: 'all()', preDNAT: true, ingress: [{ action: 'Deny' }] }), field: 'spec.applyOnForward', value: 'preDNAT' },
  {
    what: 'preDNAT together with doNotTrack',
    build: gnp({ selector: 'all()', preDNAT: true, doNotTrack: true, applyOnForward: true, ingress: [{ action: 'Deny' }] }),
    field: 'spec', value: 'doNotTrack',
  },
  {
    what: 'namespaced kind without namespace',
    build: (chart) => {
      const noNamespace = new Chart(chart.node.scope as NetsecApp, 'plain');
      new CalicoNetworkPolicy(noNamespace, 'bad', { metadata: { name: 'bad' }, spec: {} });
    },
    field: 'metadata.namespace', value: '',
  },
  { what: 'name not a DNS-1123 subdomain', build: gnp({ selector: 'all()' }, 'Bad_Name'), field: 'metadata.name', value: 'Bad_Name' },
  { what: 'name over 253 characters', build: gnp({ selector: 'all()' }, 'a'.repeat(254)), field: 'metadata.name', value: 'a'.repeat(20) },
  {
    what: 'duplicate resources',
    build: (chart) => {
      new CalicoGlobalNetworkPolicy(chart, 'bad', { metadata: { name: 'twice' }, spec: {} });
      new CalicoGlobalNetworkPolicy(chart, 'bad2', { metadata: { name: 'twice' }, spec: {} });
    },
    field: 'twice', value: 'bad2',
  },
];

describe.each(CASES)('invalid input: $what', (c) => {
  test('synth fails naming the construct path, field and value; no output file exists', () => {
    const parent = tempParent();
    const outdir = path.join(parent, 'dist');
    const app = new NetsecApp({ outdir });
    c.build(new Chart(app, 'shop', { namespace: 'shop' }));
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message).toContain('nothing was written');
    expect(message).toMatch(/(shop|plain)\/bad/);
    expect(message).toContain(c.field);
    expect(message).toContain(c.value);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
