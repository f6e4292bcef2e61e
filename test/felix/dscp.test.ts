// calico v3.32.1 felix/rules/dscp_test.go (Describe "DSCP"), built from manifests: pods and
// HostEndpoints with the qos.projectcalico.org/dscp annotation on the plan's node. Felix's test hands
// EgressDSCPChain rules already in the order the DSCP manager sorts them in (dscp_mgr.go
// CompleteDeferredWork: by the source address text); its addresses are mapped to documentation
// ones that sort the same way (192.168.10.100 -> 192.0.2.100, 172.17.1.100 -> 198.51.100.100,
// 192.168.10.20 -> 192.0.2.20, 192.168.20.1 -> 203.0.113.1; dead:beef:: -> 2001:db8::). An
// endpoint with two addresses of one version (Felix's "192.168.10.100,172.17.1.100") is a
// HostEndpoint with two expectedIPs: a pod has at most one per version. DSCPAction renders
// `--jump DSCP --set-dscp <n>` (felix/iptables/actions.go). Comments aside.
import { buildFlow, evaluateFlow } from '../../lib/engine';
import { Pod, chainRules, felixWorld, NODE, nodePlan } from './world';

const NODE_IP = '198.51.100.10';
const dscp = (value: string): Record<string, string> => ({ 'qos.projectcalico.org/dscp': value });

function hep(name: string, ips: readonly string[], value: string): object {
  return {
    apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint',
    metadata: { name, annotations: dscp(value) }, spec: { node: NODE, interfaceName: 'eth1', expectedIPs: ips },
  };
}

interface Row {
  readonly felixCase: string;
  readonly pods: readonly Pod[];
  readonly manifests: readonly object[];
  readonly family: 'iptables' | 'ip6tables';
  /** dscp_test.go's expected rules, comments aside. */
  readonly rules: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    felixCase: 'should render empty chain for no policies',
    pods: [{ name: 'a', ip: '192.0.2.11' }], manifests: [], family: 'iptables', rules: [],
  },
  {
    felixCase: 'should render correct chain for policies',
    pods: [
      { name: 'a', ip: '192.0.2.20', annotations: dscp('AF11') },
      { name: 'b', ip: '203.0.113.1', annotations: dscp('0') },
      { name: 'c', ip: '192.0.2.30' },
    ],
    manifests: [hep('h40', ['192.0.2.100', '198.51.100.100'], 'cs5')],
    family: 'iptables',
    rules: [
      '--source 192.0.2.100,198.51.100.100 --jump DSCP --set-dscp 40',
      '--source 192.0.2.20 --jump DSCP --set-dscp 10',
      '--source 203.0.113.1 --jump DSCP --set-dscp 0',
    ],
  },
  {
    felixCase: 'should render correct IPv6 chain for policies',
    pods: [
      { name: 'a', ip: '2001:db8::1:20', annotations: dscp('10') },
      { name: 'b', ip: '2001:db8::2:2', annotations: dscp('af23') },
    ],
    manifests: [hep('h40', ['2001:db8::1:100', '2001:db8::10:1'], '40')],
    family: 'ip6tables',
    rules: [
      '--source 2001:db8::1:100,2001:db8::10:1 --jump DSCP --set-dscp 40',
      '--source 2001:db8::1:20 --jump DSCP --set-dscp 10',
      '--source 2001:db8::2:2 --jump DSCP --set-dscp 22',
    ],
  },
];

/** The mangle table of a restore text. */
function mangle(text: string | undefined): string {
  const t = text ?? '';
  const start = t.indexOf('*mangle\n');
  return t.slice(start, t.indexOf('COMMIT', start));
}

describe('felix/rules/dscp_test.go (v3.32.1): cali-egress-dscp from the DSCP annotation', () => {
  it.each(ROWS)('$felixCase', ({ pods, manifests, family, rules }) => {
    const plan = nodePlan(felixWorld(pods, manifests, undefined, NODE_IP));
    const text = mangle(family === 'iptables' ? plan.iptables : plan.ip6tables);
    // the chain is declared whether or not it has rules (EgressDSCPChain of no rules)
    expect(text).toContain(':cali-egress-dscp - [0:0]\n');
    expect(chainRules(text, 'cali-egress-dscp')).toEqual(rules);
  });

  it('the same in Calico 3.31 (v3.31.7 dscp.go, dscp_mgr.go and static.go are the same)', () => {
    const row = ROWS[1];
    const plan = nodePlan(felixWorld(row.pods, row.manifests, undefined, NODE_IP, [], '3.31'));
    expect(chainRules(mangle(plan.iptables), 'cali-egress-dscp')).toEqual(row.rules);
  });

  it('only the node\'s own endpoints, and only their addresses of the chain\'s IP version (dscp_mgr.go: "no address provided")', () => {
    const plan = nodePlan(felixWorld(
      [{ name: 'a', ip: '192.0.2.20', annotations: dscp('EF') }, { name: 'b', ip: '2001:db8::1', annotations: dscp('EF') }],
      [{ apiVersion: 'projectcalico.org/v3', kind: 'HostEndpoint', metadata: { name: 'elsewhere', annotations: dscp('CS1') },
        spec: { node: 'node-2', interfaceName: 'eth0', expectedIPs: ['192.0.2.99'] } }],
      undefined, NODE_IP, [{ name: 'node-2', ip: '198.51.100.20' }]));
    expect(chainRules(mangle(plan.iptables), 'cali-egress-dscp')).toEqual(['--source 192.0.2.20 --jump DSCP --set-dscp 46']);
    expect(chainRules(mangle(plan.ip6tables), 'cali-egress-dscp')).toEqual(['--source 2001:db8::1 --jump DSCP --set-dscp 46']);
  });
});

describe('static_test.go cali-POSTROUTING DSCP rule and the sets it reads (dscp_mgr.go, hostip_mgr.go)', () => {
  it('the jump comes first in mangle cali-POSTROUTING, in IPv4 and IPv6', () => {
    const plan = nodePlan(felixWorld([{ name: 'a', ip: '2001:db8::5', annotations: dscp('EF') }, { name: 'b', ip: '192.0.2.5' }], [], undefined, NODE_IP));
    for (const v of [4, 6]) {
      const rules = chainRules(mangle(v === 4 ? plan.iptables : plan.ip6tables), 'cali-POSTROUTING');
      expect(rules[0]).toBe(`-m set --match-set cali${v}0dscp-src-net src -m set ! --match-set cali${v}0network-ip-pools dst -m set ! --match-set cali${v}0this-host dst --jump cali-egress-dscp`);
      expect(rules[1]).toBe('-m mark --mark 0x10000/0x10000 --jump RETURN');
    }
  });

  it('dscp-src-net (hash:net) holds the DSCP endpoints\' addresses; this-host (hash:ip) the node\'s addresses as the inventory knows them, loopback\'s too', () => {
    const plan = nodePlan(felixWorld(
      [{ name: 'a', ip: '192.0.2.20', annotations: dscp('EF') }, { name: 'b', ip: '192.0.2.21' }],
      [hep('h', ['192.0.2.100', '198.51.100.100'], 'CS1')], undefined, NODE_IP));
    const set = (name: string): string[] => plan.ipsets.split('\n').filter((l) => l.startsWith(`create ${name} `) || l.startsWith(`add ${name} `));
    expect(set('cali40dscp-src-net')).toEqual([
      'create cali40dscp-src-net hash:net family inet hashsize 1024 maxelem 1048576',
      'add cali40dscp-src-net 192.0.2.100', 'add cali40dscp-src-net 192.0.2.20', 'add cali40dscp-src-net 198.51.100.100',
    ]);
    expect(set('cali40this-host')).toEqual([
      'create cali40this-host hash:ip family inet hashsize 1024 maxelem 1048576',
      'add cali40this-host 127.0.0.0', 'add cali40this-host 127.0.0.1',
      'add cali40this-host 192.0.2.100', 'add cali40this-host 198.51.100.10', 'add cali40this-host 198.51.100.100',
    ]);
  });

  it('without DSCP endpoints both sets still exist, dscp-src-net empty (Felix creates both on start)', () => {
    const plan = nodePlan(felixWorld([{ name: 'a', ip: '192.0.2.11' }], [], undefined, NODE_IP));
    expect(plan.ipsets).toContain('create cali40dscp-src-net hash:net family inet hashsize 1024 maxelem 1048576\n');
    expect(plan.ipsets).not.toContain('add cali40dscp-src-net ');
    expect(plan.ipsets).toContain('add cali40this-host 198.51.100.10\n');
  });
});

describe('DSCP decides no verdict (the engine reads the annotation and judges as without it)', () => {
  const policy = {
    apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'out' },
    spec: { selector: 'all()', types: ['Egress'], egress: [{ action: 'Allow', protocol: 'TCP', destination: { ports: [443] } }] },
  };
  const world = (annotated: boolean) => felixWorld(
    [{ name: 'a', ip: '192.0.2.20', ...(annotated ? { annotations: dscp('EF') } : {}) }], [policy], undefined, NODE_IP);

  it.each([443, 80])('TCP %d from the annotated pod: the same verdict and reason as without the annotation', (port) => {
    const verdict = (annotated: boolean) => {
      const model = world(annotated);
      const r = evaluateFlow(model, buildFlow(model, { from: 'app/a', to: '203.0.113.7', protocol: 'TCP', port }));
      return [r.allowed, r.reason];
    };
    // worked out by hand: the policy allows 443 only, so 80 meets the end-of-tier deny
    expect(verdict(true)).toEqual(verdict(false));
    expect(verdict(true)[0]).toBe(port === 443);
  });
});
