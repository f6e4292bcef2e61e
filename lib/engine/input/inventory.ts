// The cluster inventory kinds (`kubectl get namespaces,pods,nodes -o yaml`, `kubectl get serviceaccounts -A -o yaml`):
// Namespace, Pod, Node, ServiceAccount.
import { ManifestError, describeValue } from '../../model/parse';
import { K8S_NAMESPACE_NAME_LABEL, StringMap } from '../../model/resources';
import { canonicalAddress, ipVersionOf } from '../../model/net';
import { DSCP_ALLOWED, DSCP_ANNOTATION, DSCP_FIELD, parseDscp } from '../../model/validate';
import { KEY_ALLOWED, LABEL_ALLOWED, SUBDOMAIN_ALLOWED, VALUE_ALLOWED, isDns1123Label, isDns1123Subdomain, isLabelValue, isQualifiedName } from '../../model/validate/names';

/** A named container port (workloads) or host endpoint port. */
export interface NamedPort {
  readonly name: string;
  /** `TCP`, `UDP` or `SCTP`. */
  readonly protocol: string;
  readonly port: number;
}

/** A Kubernetes node of the inventory. */
export interface NodeInfo {
  readonly name: string;
  readonly labels: StringMap;
  /** status.addresses, e.g. InternalIP/ExternalIP. */
  readonly addresses: readonly { readonly type: string; readonly address: string }[];
  /**
   * The tunnel addresses Calico writes on the Node (libcalico-go k8s/resources/node.go). @default - none
   */
  readonly tunnelAddresses?: TunnelAddresses;
  /**
   * The node's BGP addresses, `projectcalico.org/IPv4Address` and `IPv6Address` as written (an address
   * with its subnet's prefix, e.g. `10.0.0.5/24`, or a bare address), which Felix's route resolver
   * uses to tell whether a CrossSubnet pool's traffic to another node is encapsulated. An annotation
   * Calico would ignore as invalid is left out, as Calico does (k8s/resources/node.go getAnnotation).
   * @default - none
   */
  readonly bgpAddresses?: BgpAddresses;
  /**
   * The node's WireGuard public keys, `projectcalico.org/WireguardPublicKey` and
   * `WireguardPublicKeyV6` (libcalico-go k8s/resources/node.go: the Calico Node's
   * status.wireguardPublicKey), when they are keys Felix can parse (wgtypes.ParseKey: base64 of 32
   * bytes; felix/dataplane/linux/wireguard_mgr.go treats any other value as no key). @default - none
   */
  readonly wireguardKeys?: WireguardKeys;
}

/** A Node's WireGuard public keys per IP version. */
export interface WireguardKeys {
  /** @default - none */
  readonly v4?: string;
  /** @default - none */
  readonly v6?: string;
}

/** A Node's `projectcalico.org/IPv4Address` and `IPv6Address` annotations (Calico's Node spec.bgp). */
export interface BgpAddresses {
  /** @default - none */
  readonly v4?: string;
  /** @default - none */
  readonly v6?: string;
}

/**
 * A Node's tunnel addresses, from its `projectcalico.org/IPv4IPIPTunnelAddr`, `IPv4VXLANTunnelAddr`
 * and `IPv6VXLANTunnelAddr` annotations (what Felix gets as IpInIpTunnelAddr, IPv4VXLANTunnelAddr,
 * IPv6VXLANTunnelAddr).
 */
export interface TunnelAddresses {
  /** @default - none */
  readonly ipip?: string;
  /** @default - none */
  readonly vxlan?: string;
  /** @default - none */
  readonly vxlanV6?: string;
}

/** A namespace of the inventory. */
export interface InventoryNamespace {
  readonly name: string;
  readonly labels: StringMap;
}

/**
 * A ServiceAccount of the inventory: Calico's profile `ksa.<ns>.<name>` carries its labels, which
 * service account selectors match (libcalico-go conversion.go ServiceAccountToProfile).
 */
export interface InventoryServiceAccount {
  readonly name: string;
  /** metadata.namespace; `default` when absent. */
  readonly namespace: string;
  readonly labels: StringMap;
}

/** A pod of the inventory. */
export interface InventoryPod {
  readonly name: string;
  readonly namespace: string;
  readonly labels: StringMap;
  /** spec.nodeName; empty when unscheduled. */
  readonly nodeName: string;
  readonly serviceAccount?: string;
  readonly hostNetwork: boolean;
  /** status.phase; empty when absent. */
  readonly phase: string;
  readonly ips: readonly string[];
  /** The named ports of spec.containers (what Calico resolves named ports in rules against). */
  readonly namedPorts: readonly NamedPort[];
  /** Every port of spec.containers and spec.initContainers, named or not, in document order. */
  readonly containerPorts: readonly ContainerPort[];
  /**
   * The workload the pod belongs to, `name[Kind]`: its controlling owner (a ReplicaSet made by a
   * Deployment counts as the Deployment). @default - none (a bare pod)
   */
  readonly workload?: string;
  /**
   * The status of the pod's `Ready` condition (status.conditions). @default - not given: an
   * inventory without conditions counts the pod as ready
   */
  readonly ready?: boolean;
  /** metadata.deletionTimestamp is set: the pod is terminating. @default false */
  readonly terminating?: boolean;
  /** The QoS DSCP value of the `qos.projectcalico.org/dscp` annotation (0-63). @default - none */
  readonly dscp?: number;
}

/** A port a container of a pod declares. */
export interface ContainerPort {
  /** The port's name. @default - unnamed */
  readonly name?: string;
  /** `TCP`, `UDP` or `SCTP` (Kubernetes' default is TCP). */
  readonly protocol: string;
  readonly port: number;
}

/** The parsed inventory item, tagged by kind. */
export type InventoryItem =
  | { readonly kind: 'Namespace'; readonly value: InventoryNamespace }
  | { readonly kind: 'Pod'; readonly value: InventoryPod }
  | { readonly kind: 'Node'; readonly value: NodeInfo }
  | { readonly kind: 'ServiceAccount'; readonly value: InventoryServiceAccount };

const INVENTORY_KINDS = ['Namespace', 'Pod', 'Node', 'ServiceAccount'];

type Rec = { readonly [key: string]: unknown };

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Reader {
  /** `prefix` is the path of the pod inside the document (`spec.template` for a workload's template). */
  constructor(private readonly location: string, private readonly prefix = '') {}

  fail(field: string, value: unknown, expected: string): never {
    throw new ManifestError(this.location, this.prefix ? `${this.prefix}.${field}` : field, describeValue(value), expected);
  }

  rec(v: unknown, field: string, optional = true): Rec {
    if (v === undefined || v === null) {
      if (optional) return {};
      this.fail(field, v, 'a mapping');
    }
    if (!isRec(v)) this.fail(field, v, 'a mapping');
    return v;
  }

  list(v: unknown, field: string): readonly unknown[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(field, v, 'a list');
    return v;
  }

  str(v: unknown, field: string, required: boolean): string {
    if (v === undefined || v === null) {
      if (required) this.fail(field, v, 'a non-empty string');
      return '';
    }
    if (typeof v !== 'string' || (required && v === '')) this.fail(field, v, 'a non-empty string');
    return v;
  }

  labels(v: unknown, field: string): StringMap {
    const r = this.rec(v, field);
    const out: { [key: string]: string } = {};
    for (const [k, val] of Object.entries(r)) {
      if (typeof val !== 'string') this.fail(`${field}.${k}`, val, 'a string label value');
      out[k] = val;
    }
    return out;
  }
}

/** True for the kinds this module reads (apiVersion v1 Namespace, Pod, Node, ServiceAccount). */
export function isInventoryKind(doc: unknown): boolean {
  return isRec(doc) && doc.apiVersion === 'v1' && typeof doc.kind === 'string' && INVENTORY_KINDS.includes(doc.kind);
}

/** Parses a Namespace, Pod, Node or ServiceAccount document; throws ManifestError naming location and field. */
export function parseInventoryItem(doc: Rec, location: string): InventoryItem {
  const r = new Reader(location);
  const meta = r.rec(doc.metadata, 'metadata', false);
  const name = r.str(meta.name, 'metadata.name', true);
  const labels = r.labels(meta.labels, 'metadata.labels');
  // kube-apiserver labels every namespace with its name (1.21+), whatever the manifest says
  if (doc.kind === 'Namespace') return { kind: 'Namespace', value: { name, labels: { ...labels, [K8S_NAMESPACE_NAME_LABEL]: name } } };
  if (doc.kind === 'Node') {
    const status = r.rec(doc.status, 'status');
    const addresses = r.list(status.addresses, 'status.addresses').map((a, i) => {
      const ar = r.rec(a, `status.addresses[${i}]`, false);
      return {
        type: r.str(ar.type, `status.addresses[${i}].type`, true),
        address: canonicalAddress(r.str(ar.address, `status.addresses[${i}].address`, true)),
      };
    });
    const tunnelAddresses = nodeTunnelAddresses(r, meta);
    const bgpAddresses = nodeBgpAddresses(r, meta);
    const wireguardKeys = nodeWireguardKeys(r, meta);
    return {
      kind: 'Node',
      value: {
        name, labels, addresses,
        ...(Object.keys(tunnelAddresses).length > 0 ? { tunnelAddresses } : {}),
        ...(Object.keys(bgpAddresses).length > 0 ? { bgpAddresses } : {}),
        ...(Object.keys(wireguardKeys).length > 0 ? { wireguardKeys } : {}),
      },
    };
  }
  if (doc.kind === 'ServiceAccount') return { kind: 'ServiceAccount', value: parseServiceAccount(r, name, labels, meta) };
  return { kind: 'Pod', value: parsePod(r, doc, name, labels, meta) };
}

/** A ServiceAccount: its name goes into the profile ksa.<ns>.<sa> and its labels into selectors, so both are checked as kube-apiserver does. */
function parseServiceAccount(r: Reader, name: string, labels: StringMap, meta: Rec): InventoryServiceAccount {
  if (!isDns1123Subdomain(name)) r.fail('metadata.name', name, SUBDOMAIN_ALLOWED);
  const namespace = r.str(meta.namespace, 'metadata.namespace', false) || 'default';
  if (!isDns1123Label(namespace)) r.fail('metadata.namespace', namespace, LABEL_ALLOWED);
  for (const [key, value] of Object.entries(labels)) {
    if (!isQualifiedName(key)) r.fail('metadata.labels', key, `a label key: ${KEY_ALLOWED}`);
    if (!isLabelValue(value)) r.fail(`metadata.labels.${key}`, value, `a label value: ${VALUE_ALLOWED}`);
  }
  return { name, namespace, labels };
}

/**
 * Reads a pod made from a workload's pod template (`prefix` is the template's path, for errors):
 * its labels, namespace, service account, host network and container ports.
 */
export function parseTemplatePod(doc: Rec, location: string, prefix: string): InventoryPod {
  const r = new Reader(location, prefix);
  const meta = r.rec(doc.metadata, 'metadata');
  return parsePod(r, doc, r.str(meta.name, 'metadata.name', true), r.labels(meta.labels, 'metadata.labels'), meta);
}

function parsePod(r: Reader, doc: Rec, name: string, labels: StringMap, meta: Rec): InventoryPod {
  const namespace = r.str(meta.namespace, 'metadata.namespace', false) || 'default';
  const spec = r.rec(doc.spec, 'spec');
  const status = r.rec(doc.status, 'status');
  const namedPorts: NamedPort[] = [];
  const containerPorts: ContainerPort[] = [];
  for (const list of ['containers', 'initContainers']) {
    r.list(spec[list], `spec.${list}`).forEach((c, ci) => {
      const cr = r.rec(c, `spec.${list}[${ci}]`, false);
      r.list(cr.ports, `spec.${list}[${ci}].ports`).forEach((p, pi) => {
        const port = parseContainerPort(r, p, `spec.${list}[${ci}].ports[${pi}]`);
        containerPorts.push(port);
        // Calico's workload endpoint carries the named ports of the regular containers
        if (port.name !== undefined && list === 'containers') namedPorts.push({ name: port.name, protocol: port.protocol, port: port.port });
      });
    });
  }
  const ips: string[] = [];
  r.list(status.podIPs, 'status.podIPs').forEach((p, i) => {
    const ip = canonicalAddress(r.str(r.rec(p, `status.podIPs[${i}]`, false).ip, `status.podIPs[${i}].ip`, true));
    if (!ips.includes(ip)) ips.push(ip);
  });
  const podIP = canonicalAddress(r.str(status.podIP, 'status.podIP', false));
  if (podIP && !ips.includes(podIP)) ips.unshift(podIP);
  const sa = r.str(spec.serviceAccountName, 'spec.serviceAccountName', false);
  // the name goes into the pod's profile ksa.<ns>.<sa> and so into chain names: what kube-apiserver accepts only
  if (sa && !isDns1123Subdomain(sa)) r.fail('spec.serviceAccountName', sa, SUBDOMAIN_ALLOWED);
  const workload = ownerWorkload(r, meta, labels);
  const ready = readyCondition(r, status);
  const dscp = podDscp(r, meta);
  return {
    ...(dscp !== undefined ? { dscp } : {}),
    ...(workload ? { workload } : {}),
    ...(ready !== undefined ? { ready } : {}),
    ...(meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null ? { terminating: true } : {}),
    name,
    namespace,
    labels,
    nodeName: r.str(spec.nodeName, 'spec.nodeName', false),
    serviceAccount: sa || undefined,
    hostNetwork: spec.hostNetwork === true,
    phase: r.str(status.phase, 'status.phase', false),
    ips,
    namedPorts,
    containerPorts,
  };
}

/** status.conditions' `Ready` entry: true for `True`, false for `False` or `Unknown` (podutil.IsPodReady); undefined without one. */
function readyCondition(r: Reader, status: Rec): boolean | undefined {
  let ready: boolean | undefined;
  r.list(status.conditions, 'status.conditions').forEach((c, i) => {
    const cr = r.rec(c, `status.conditions[${i}]`, false);
    if (cr.type !== 'Ready') return;
    const value = r.str(cr.status, `status.conditions[${i}].status`, true);
    if (value !== 'True' && value !== 'False' && value !== 'Unknown') r.fail(`status.conditions[${i}].status`, value, 'True, False or Unknown');
    // podutil.IsPodReady: only `True` is ready
    ready = value === 'True';
  });
  return ready;
}

/** Node annotations holding the node's tunnel address (libcalico-go k8s/resources/node.go). */
const TUNNEL_ANNOTATIONS: readonly (readonly [keyof TunnelAddresses, string])[] = [
  ['ipip', 'projectcalico.org/IPv4IPIPTunnelAddr'], ['vxlan', 'projectcalico.org/IPv4VXLANTunnelAddr'], ['vxlanV6', 'projectcalico.org/IPv6VXLANTunnelAddr'],
];

function nodeTunnelAddresses(r: Reader, meta: Rec): TunnelAddresses {
  const annotations = r.rec(meta.annotations, 'metadata.annotations');
  const out: { -readonly [K in keyof TunnelAddresses]: string } = {};
  for (const [kind, key] of TUNNEL_ANNOTATIONS) {
    const field = `metadata.annotations[${JSON.stringify(key)}]`;
    const value = annotations[key];
    if (value === undefined) continue;
    const text = r.str(value, field, true);
    const v6 = key.startsWith('projectcalico.org/IPv6');
    if (ipVersionOf(text) !== (v6 ? 6 : 4)) r.fail(field, value, `an ${v6 ? 'IPv6' : 'IPv4'} address`);
    out[kind] = text;
  }
  return out;
}

/** Node annotations holding the node's BGP address with its subnet (libcalico-go k8s/resources/node.go K8sNodeToCalico). */
const BGP_ANNOTATIONS: readonly (readonly [keyof BgpAddresses, string, 4 | 6])[] = [
  ['v4', 'projectcalico.org/IPv4Address', 4], ['v6', 'projectcalico.org/IPv6Address', 6],
];

/** The BGP address annotations Calico accepts (ValidateCIDRv4/v6: an address or CIDR of the version); others are left out, as Calico leaves them. */
function nodeBgpAddresses(r: Reader, meta: Rec): BgpAddresses {
  const annotations = r.rec(meta.annotations, 'metadata.annotations');
  const out: { -readonly [K in keyof BgpAddresses]: string } = {};
  for (const [kind, key, version] of BGP_ANNOTATIONS) {
    const value = annotations[key];
    if (typeof value !== 'string' || value === '') continue;
    const [address, prefix, ...rest] = value.split('/');
    const prefixOk = prefix === undefined || (rest.length === 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
    if (ipVersionOf(address) === version && prefixOk) out[kind] = value;
  }
  return out;
}

/** Node annotations holding the node's WireGuard public keys (libcalico-go k8s/resources/node.go). */
const WIREGUARD_ANNOTATIONS: readonly (readonly [keyof WireguardKeys, string])[] = [
  ['v4', 'projectcalico.org/WireguardPublicKey'], ['v6', 'projectcalico.org/WireguardPublicKeyV6'],
];

/** A key as wgtypes.ParseKey takes it: standard base64 of exactly 32 bytes. */
function isWireguardKey(text: string): boolean {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return false;
  return Buffer.from(text, 'base64').length === 32;
}

/** The WireGuard key annotations Felix can parse; others are left out, as Felix treats them as no key. */
function nodeWireguardKeys(r: Reader, meta: Rec): WireguardKeys {
  const annotations = r.rec(meta.annotations, 'metadata.annotations');
  const out: { -readonly [K in keyof WireguardKeys]: string } = {};
  for (const [kind, key] of WIREGUARD_ANNOTATIONS) {
    const value = annotations[key];
    if (typeof value === 'string' && isWireguardKey(value)) out[kind] = value;
  }
  return out;
}

/** The pod's `qos.projectcalico.org/dscp` annotation as Calico reads it; undefined without one. */
function podDscp(r: Reader, meta: Rec): number | undefined {
  const value = r.rec(meta.annotations, 'metadata.annotations')[DSCP_ANNOTATION];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') r.fail(DSCP_FIELD, value, `a string: ${DSCP_ALLOWED}`);
  const parsed = parseDscp(value);
  if ('problem' in parsed) r.fail(DSCP_FIELD, value, `${DSCP_ALLOWED} (Calico: ${parsed.problem})`);
  return parsed.value;
}

/** The label the Deployment controller puts on the pods (and names the ReplicaSet after). */
const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * `name[Kind]` of the pod's controlling owner (metadata.ownerReferences with controller: true, else
 * the only owner), as netpol-analyzer names workloads: a ReplicaSet named `<deployment>-<hash>`
 * whose hash is the pod's pod-template-hash label stands for its Deployment.
 */
function ownerWorkload(r: Reader, meta: Rec, labels: StringMap): string | undefined {
  const owners = r.list(meta.ownerReferences, 'metadata.ownerReferences').map((o, i) => {
    const or = r.rec(o, `metadata.ownerReferences[${i}]`, false);
    return {
      kind: r.str(or.kind, `metadata.ownerReferences[${i}].kind`, true),
      name: r.str(or.name, `metadata.ownerReferences[${i}].name`, true),
      controller: or.controller === true,
    };
  });
  const owner = owners.find((o) => o.controller) ?? (owners.length === 1 ? owners[0] : undefined);
  if (!owner) return undefined;
  const hash = labels[POD_TEMPLATE_HASH];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) {
    return `${owner.name.slice(0, -hash.length - 1)}[Deployment]`;
  }
  return `${owner.name}[${owner.kind}]`;
}

function parseContainerPort(r: Reader, p: unknown, field: string): ContainerPort {
  const pr = r.rec(p, field, false);
  const port = pr.containerPort;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    r.fail(`${field}.containerPort`, port, 'a port number 1-65535');
  }
  const protocol = r.str(pr.protocol, `${field}.protocol`, false) || 'TCP';
  if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) r.fail(`${field}.protocol`, protocol, 'TCP, UDP or SCTP');
  const name = r.str(pr.name, `${field}.name`, false);
  return name ? { name, protocol, port } : { protocol, port };
}
