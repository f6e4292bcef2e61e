// Seeded random scenarios for the kernel harness: one worker node, pods with random labels,
// host endpoints, Calico (Allow/Deny/Pass/Log, tiers, orders, nets, ports, selectors; preDNAT and
// doNotTrack host endpoint policies) and Kubernetes policies. Every address is from the
// documentation ranges.
import { dump } from 'js-yaml';
import { Rng } from '../../util/rng';
import { CALICO_API_VERSION, K8S_NETWORKING_API_VERSION } from '../../model/resources';

type Doc = { [key: string]: unknown };

/** A generated scenario: manifests, inventory and the test hosts to wire. */
export interface RandomScenario {
  readonly seed: number;
  readonly node: string;
  /** Calico and Kubernetes resources. */
  readonly manifests: readonly Doc[];
  /** Namespaces, pods and the node, as `kubectl get -o yaml` items. */
  readonly inventory: readonly Doc[];
  /** Addresses of the peer hosts behind each node interface (`eth1` public, `eth0` private). */
  readonly peers: { readonly [iface: string]: readonly string[] };
  /** TCP ports worth probing. */
  readonly tcpPorts: readonly number[];
  /** UDP ports worth probing. */
  readonly udpPorts: readonly number[];
}

const NODE = 'worker-1';
const PUBLIC_IP = '203.0.113.10';
const PRIVATE_IP = '198.51.100.10';
const PEERS = { eth1: ['203.0.113.1', '203.0.113.77', '203.0.113.200'], eth0: ['198.51.100.1', '198.51.100.150'] };
const TCP_PORTS = [22, 80, 179, 443, 5432, 8080, 10250];
const UDP_PORTS = [53, 5353];
const NETS = ['203.0.113.0/25', '203.0.113.128/25', '198.51.100.0/25', '198.51.100.128/25', '192.0.2.0/28', '192.0.2.16/28', '0.0.0.0/0', '203.0.113.77/32'];
const NAMESPACES = ['shop', 'ops'];
const APPS = ['web', 'api', 'db'];

const POD_SELECTORS = ["app == 'web'", "app == 'api'", "app in {'api', 'db'}", 'has(tier)', '!has(tier)', "app != 'db'", 'all()', "tier == 'back' && app == 'db'"];
const HEP_SELECTORS = ["ibm.role == 'worker_public'", "ibm.role == 'worker_private'", 'has(ibm.role)', "ibm.role in {'worker_public', 'worker_private'}"];
const NS_SELECTORS = ["team == 'red'", "team == 'blue'", 'all()', "env != 'prod'"];

class Generator {
  private policyCount = 0;
  constructor(private readonly rng: Rng, private readonly docs: Doc[] = [], private readonly prefix = '') {}

  public generate(seed: number): RandomScenario {
    const inventory = this.inventory();
    this.hostEndpoints();
    this.felix();
    const tiered = this.rng.chance(0.4);
    if (tiered) {
      this.docs.push(calico('Tier', { name: 'security' }, { order: 100, defaultAction: this.rng.pick(['Deny', 'Pass']) }));
    }
    for (let i = this.rng.int(1, 3); i > 0; i--) this.k8sPolicy();
    for (let i = this.rng.int(1, 3); i > 0; i--) this.calicoPolicy(false, tiered);
    for (let i = this.rng.int(1, 3); i > 0; i--) this.calicoPolicy(true, tiered);
    // Host endpoint policies of the raw and mangle tables, drawn from a second stream so that the
    // documents above stay the same for every seed as the generator grows.
    const extra = new Generator(new Rng((seed ^ 0x5bd1e995) >>> 0), this.docs, 'extra-');
    extra.hostTablePolicies(tiered);
    return { seed, node: NODE, manifests: this.docs, inventory, peers: PEERS, tcpPorts: TCP_PORTS, udpPorts: UDP_PORTS };
  }

  /**
   * preDNAT policies (mangle; ingress only, any rule) and doNotTrack policies (raw), plus a
   * namespaced policy in the `security` tier. The raw table sees every packet, replies included,
   * and the engine judges the first packet of a connection only, so untracked rules are kept to
   * what cannot match a reply: Deny, Pass or Log (an untracked Allow leaves the reply untracked
   * and policed afresh) of TCP or UDP to listed service ports (a reply goes to an ephemeral port).
   */
  public hostTablePolicies(tiered: boolean): void {
    if (this.rng.chance(0.5)) {
      for (let i = this.rng.int(1, 2); i > 0; i--) {
        this.hostTablePolicy('prednat', tiered, ['Ingress'], { preDNAT: true, applyOnForward: true }, (key) => this.calicoRule(false, key));
      }
    }
    if (this.rng.chance(0.5)) {
      const types = this.rng.pick([['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
      this.hostTablePolicy('untracked', tiered, types, { doNotTrack: true, applyOnForward: true }, (key) => this.untrackedRule(key));
    }
    if (tiered && this.rng.chance(0.5)) {
      const types = this.rng.pick([['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
      const spec: Doc = { selector: this.rng.pick(POD_SELECTORS), types, tier: 'security', order: this.rng.pick([10, 100, 500]) };
      for (const t of types) {
        const key = t === 'Ingress' ? 'ingress' : 'egress';
        spec[key] = Array.from({ length: this.rng.int(1, 3) }, () => this.calicoRule(true, key));
      }
      this.docs.push(calico('NetworkPolicy', { name: `security.${this.prefix}np-${this.policyCount++}`, namespace: this.rng.pick(NAMESPACES) }, spec));
    }
  }

  /** A raw-table rule that matches requests to the probed service ports, never their replies. */
  private untrackedRule(direction: string): Doc {
    const protocol = this.rng.pick(['TCP', 'TCP', 'UDP']);
    const rule: Doc = { action: this.rng.pick(['Deny', 'Deny', 'Pass', 'Log']), protocol };
    const peer: Doc = {};
    const which = this.rng.int(0, 4);
    if (which === 0) peer.nets = this.rng.subset(NETS, 1, 2);
    else if (which === 1) peer.notNets = [this.rng.pick(NETS.filter((n) => n !== '0.0.0.0/0'))];
    else if (which === 2) peer.selector = this.rng.pick([...POD_SELECTORS, ...HEP_SELECTORS]);
    else if (which === 3) peer.notSelector = this.rng.pick(POD_SELECTORS.filter((x) => x !== 'all()'));
    const ports = protocol === 'TCP' ? this.rng.subset(TCP_PORTS, 1, 3) : this.rng.subset(UDP_PORTS, 1, 2);
    const peerKey = direction === 'ingress' ? 'source' : 'destination';
    rule[peerKey] = peer;
    rule.destination = { ...(rule.destination as Doc | undefined), ports };
    return rule;
  }

  private hostTablePolicy(kind: string, tiered: boolean, types: readonly string[], flags: Doc, makeRule: (key: string) => Doc): void {
    const inTier = tiered && this.rng.chance(0.5);
    const spec: Doc = { selector: this.rng.pick(HEP_SELECTORS), types: [...types], ...flags };
    const order = this.rng.pick([undefined, 10, 100, 1000]);
    if (order !== undefined) spec.order = order;
    if (inTier) spec.tier = 'security';
    for (const t of types) {
      const key = t === 'Ingress' ? 'ingress' : 'egress';
      spec[key] = Array.from({ length: this.rng.int(1, 3) }, () => makeRule(key));
    }
    this.docs.push(calico('GlobalNetworkPolicy', { name: `${inTier ? 'security.' : ''}${kind}-${this.policyCount++}` }, spec));
  }

  private inventory(): Doc[] {
    const out: Doc[] = NAMESPACES.map((ns) => ({
      apiVersion: 'v1', kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns, team: this.rng.pick(['red', 'blue']), env: this.rng.pick(['prod', 'dev']) } },
    }));
    out.push({
      apiVersion: 'v1', kind: 'Node',
      metadata: { name: NODE, labels: { 'kubernetes.io/hostname': NODE } },
      status: { addresses: [{ type: 'InternalIP', address: PRIVATE_IP }, { type: 'ExternalIP', address: PUBLIC_IP }] },
    });
    const count = this.rng.int(3, 5);
    for (let i = 0; i < count; i++) {
      const labels: { [k: string]: string } = { app: APPS[i % APPS.length] };
      if (this.rng.chance(0.5)) labels.tier = this.rng.pick(['front', 'back']);
      const httpPort = this.rng.pick([80, 8080]);
      out.push({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: `pod-${i}`, namespace: this.rng.pick(NAMESPACES), labels },
        spec: {
          // every pod names a service account (kube-apiserver defaults it): the plan renders its ksa profile
          nodeName: NODE, serviceAccountName: APPS[i % APPS.length],
          containers: [{ name: 'main', ports: [{ name: 'http', containerPort: httpPort, protocol: 'TCP' }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }],
        },
        status: { phase: 'Running', podIP: `192.0.2.${11 + i}`, podIPs: [{ ip: `192.0.2.${11 + i}` }] },
      });
    }
    return out;
  }

  private hostEndpoints(): void {
    const profiles = (): Doc => (this.rng.chance(0.2) ? { profiles: ['projectcalico-default-allow'] } : {});
    if (this.rng.chance(0.8)) {
      this.docs.push(calico('HostEndpoint', { name: `${NODE}-public`, labels: { 'ibm.role': 'worker_public' } },
        { node: NODE, interfaceName: 'eth1', expectedIPs: [PUBLIC_IP], ...profiles() }));
    }
    if (this.rng.chance(0.5)) {
      this.docs.push(calico('HostEndpoint', { name: `${NODE}-private`, labels: { 'ibm.role': 'worker_private' } },
        { node: NODE, interfaceName: 'eth0', expectedIPs: [PRIVATE_IP], ...profiles() }));
    }
  }

  private felix(): void {
    if (!this.rng.chance(0.6)) return;
    const inbound = this.rng.pick([[], [{ protocol: 'tcp', port: 22 }], [{ protocol: 'tcp', port: 22, net: '198.51.100.0/24' }, { protocol: 'udp', port: 68 }]]);
    const outbound = this.rng.pick([[], [{ protocol: 'udp', port: 53 }], [{ protocol: 'tcp', port: 443 }]]);
    this.docs.push(calico('FelixConfiguration', { name: 'default' }, {
      failsafeInboundHostPorts: inbound, failsafeOutboundHostPorts: outbound,
      defaultEndpointToHostAction: this.rng.pick(['Drop', 'Accept', 'Return']),
    }));
  }

  private k8sPolicy(): void {
    const ns = this.rng.pick(NAMESPACES);
    const types = this.rng.pick([['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
    const podSelector = this.rng.chance(0.3) ? {} : { matchLabels: { app: this.rng.pick(APPS) } };
    const rules = (key: string): Doc[] => Array.from({ length: this.rng.int(0, 2) }, () => {
      const rule: Doc = {};
      if (this.rng.chance(0.7)) rule[key] = [this.k8sPeer()];
      if (this.rng.chance(0.6)) rule.ports = [this.k8sPort()];
      return rule;
    });
    const spec: Doc = { podSelector, policyTypes: types };
    if (types.includes('Ingress')) spec.ingress = rules('from');
    if (types.includes('Egress')) spec.egress = rules('to');
    this.docs.push({ apiVersion: K8S_NETWORKING_API_VERSION, kind: 'NetworkPolicy', metadata: { name: `knp-${this.policyCount++}`, namespace: ns }, spec });
  }

  private k8sPeer(): Doc {
    const kind = this.rng.int(0, 3);
    if (kind === 0) return { podSelector: { matchLabels: { app: this.rng.pick(APPS) } } };
    if (kind === 1) return { namespaceSelector: { matchLabels: { team: this.rng.pick(['red', 'blue']) } } };
    if (kind === 2) return { namespaceSelector: {}, podSelector: { matchLabels: { app: this.rng.pick(APPS) } } };
    const cidr = this.rng.pick(['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24']);
    const except = cidr === '203.0.113.0/24' && this.rng.chance(0.5) ? { except: ['203.0.113.0/25'] } : {};
    return { ipBlock: { cidr, ...except } };
  }

  private k8sPort(): Doc {
    const kind = this.rng.int(0, 3);
    if (kind === 0) return { protocol: 'TCP', port: this.rng.pick(TCP_PORTS) };
    if (kind === 1) return { protocol: 'UDP', port: this.rng.pick(UDP_PORTS) };
    if (kind === 2) return { port: 'http' };
    return { protocol: 'TCP', port: 8000, endPort: 8100 };
  }

  private calicoPolicy(global: boolean, tiered: boolean): void {
    const forHosts = global && this.rng.chance(0.5);
    const selector = this.rng.pick(forHosts ? HEP_SELECTORS : POD_SELECTORS);
    const types = this.rng.pick([['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
    const inTier = tiered && global && this.rng.chance(0.5);
    const name = `${inTier ? 'security.' : ''}${global ? 'gnp' : 'np'}-${this.policyCount++}`;
    const spec: Doc = { selector, types };
    const order = this.rng.pick([undefined, 10, 100, 500, 1000, 1500]);
    if (order !== undefined) spec.order = order;
    if (inTier) spec.tier = 'security';
    if (forHosts && this.rng.chance(0.3)) spec.applyOnForward = true;
    for (const t of types) {
      const key = t === 'Ingress' ? 'ingress' : 'egress';
      spec[key] = Array.from({ length: this.rng.int(0, 3) }, () => this.calicoRule(!global, key));
    }
    const metadata: Doc = global ? { name } : { name, namespace: this.rng.pick(NAMESPACES) };
    this.docs.push(calico(global ? 'GlobalNetworkPolicy' : 'NetworkPolicy', metadata, spec));
  }

  private calicoRule(namespaced: boolean, direction: string): Doc {
    const action = this.rng.pick(['Allow', 'Allow', 'Allow', 'Deny', 'Deny', 'Pass', 'Log']);
    const rule: Doc = { action };
    const protocol = this.rng.pick(['TCP', 'TCP', 'UDP', 'ICMP', undefined]);
    if (protocol) rule.protocol = protocol;
    const peerKey = direction === 'ingress' ? 'source' : 'destination';
    const localKey = direction === 'ingress' ? 'destination' : 'source';
    const peer: Doc = {};
    const which = this.rng.int(0, 5);
    if (which === 0) peer.nets = this.rng.subset(NETS, 1, 2);
    else if (which === 1) peer.notNets = [this.rng.pick(NETS.filter((n) => n !== '0.0.0.0/0'))];
    else if (which === 2) peer.selector = this.rng.pick([...POD_SELECTORS, ...HEP_SELECTORS]);
    else if (which === 3 && namespaced) peer.namespaceSelector = this.rng.pick(NS_SELECTORS);
    else if (which === 4) peer.notSelector = this.rng.pick(POD_SELECTORS.filter((s) => s !== 'all()'));
    if (Object.keys(peer).length > 0) rule[peerKey] = peer;
    if (protocol === 'TCP' || protocol === 'UDP') {
      const ports = protocol === 'TCP' ? this.tcpPorts() : this.rng.subset(UDP_PORTS, 1, 2);
      if (this.rng.chance(0.7)) rule.destination = { ...(rule.destination as Doc | undefined), ports };
      else if (this.rng.chance(0.5)) rule.destination = { ...(rule.destination as Doc | undefined), notPorts: ports };
    }
    if (protocol === 'ICMP' && this.rng.chance(0.3)) rule.icmp = { type: 8 };
    if (this.rng.chance(0.15)) rule[localKey] = { ...(rule[localKey] as Doc | undefined), nets: [this.rng.pick(NETS)] };
    return rule;
  }

  private tcpPorts(): (number | string)[] {
    const kind = this.rng.int(0, 4);
    if (kind === 0) return ['8000:8100'];
    if (kind === 1) return ['http'];
    if (kind === 2) return [this.rng.pick(TCP_PORTS), '8000:8100'];
    return this.rng.subset(TCP_PORTS, 1, 3);
  }
}

function calico(kind: string, metadata: Doc, spec: Doc): Doc {
  return { apiVersion: CALICO_API_VERSION, kind, metadata, spec };
}

/** The scenario of a seed (a 32-bit integer). */
export function generateScenario(seed: number): RandomScenario {
  return new Generator(new Rng(seed)).generate(seed);
}

/** The scenario as two YAML files (manifests, inventory) for the engine's reader. */
export function scenarioSources(s: RandomScenario): { file: string; text: string }[] {
  return [
    { file: `scenario-${s.seed}/manifests.yaml`, text: s.manifests.map((d) => dump(d)).join('---\n') },
    { file: `scenario-${s.seed}/inventory.yaml`, text: dump({ apiVersion: 'v1', kind: 'List', items: s.inventory }) },
  ];
}
