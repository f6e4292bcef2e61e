/**
 * The shape of every resource kind, as ordered field lists. The same table drives parsing (type
 * checks, unknown-field errors) and rendering (canonical key order), so the two cannot drift.
 */
import {
  ADMIN_POLICY_V1ALPHA1_API_VERSION, CALICO_API_VERSION, CLUSTER_NETWORK_POLICY_API_VERSION, K8S_CORE_API_VERSION, K8S_DISCOVERY_API_VERSION, K8S_NETWORKING_API_VERSION,
} from '../resources';
import { FELIX_FIELDS, FelixValueKind, NODE_SELECTOR_FIELD } from '../felix/fields';

export type FieldType =
  | { readonly t: 'string' }
  | { readonly t: 'number' }
  | { readonly t: 'integer' }
  | { readonly t: 'boolean' }
  /** Kubernetes IntOrString: held as a string, digits render as an integer. */
  | { readonly t: 'intOrString'; readonly expected: string; /** '' is read (a Service targetPort: defaulted to the port). @default false */ readonly allowEmpty?: boolean }
  | { readonly t: 'stringMap' }
  | { readonly t: 'list'; readonly of: FieldType }
  | { readonly t: 'object'; readonly fields: readonly Field[]; readonly ignore?: readonly string[] };

export interface Field {
  readonly key: string;
  readonly type: FieldType;
  readonly required?: boolean;
}

const STRING: FieldType = { t: 'string' };
const NUMBER: FieldType = { t: 'number' };
const INTEGER: FieldType = { t: 'integer' };
const BOOLEAN: FieldType = { t: 'boolean' };
const STRING_MAP: FieldType = { t: 'stringMap' };
const STRINGS: FieldType = { t: 'list', of: STRING };
const PROTOCOL: FieldType = { t: 'intOrString', expected: 'a protocol name or number' };
const PORT: FieldType = { t: 'intOrString', expected: 'a port number, range or name' };

function obj(fields: readonly Field[], ignore?: readonly string[]): FieldType {
  return { t: 'object', fields, ignore };
}
function f(key: string, type: FieldType, required?: boolean): Field {
  return { key, type, required };
}

/** Fields the API server fills in; accepted and dropped. */
const SERVER_METADATA = [
  'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink',
  'finalizers', 'ownerReferences', 'generateName', 'deletionTimestamp', 'deletionGracePeriodSeconds',
];

const METADATA = obj([
  f('name', STRING, true), f('namespace', STRING), f('labels', STRING_MAP), f('annotations', STRING_MAP),
], SERVER_METADATA);

// --- Kubernetes networking.k8s.io/v1 ---------------------------------------------------------
const LABEL_SELECTOR = obj([
  f('matchLabels', STRING_MAP),
  f('matchExpressions', { t: 'list', of: obj([f('key', STRING, true), f('operator', STRING, true), f('values', STRINGS)]) }),
]);
const K8S_PEERS: FieldType = {
  t: 'list',
  of: obj([
    f('ipBlock', obj([f('cidr', STRING, true), f('except', STRINGS)])),
    f('namespaceSelector', LABEL_SELECTOR),
    f('podSelector', LABEL_SELECTOR),
  ]),
};
const K8S_PORTS: FieldType = {
  t: 'list',
  of: obj([f('protocol', STRING), f('port', { t: 'intOrString', expected: 'a port number or name' }), f('endPort', INTEGER)]),
};
const K8S_SPEC = obj([
  f('podSelector', LABEL_SELECTOR, true),
  f('policyTypes', STRINGS),
  f('ingress', { t: 'list', of: obj([f('from', K8S_PEERS), f('ports', K8S_PORTS)]) }),
  f('egress', { t: 'list', of: obj([f('to', K8S_PEERS), f('ports', K8S_PORTS)]) }),
]);

// --- sig-network policy.networking.k8s.io v1alpha1 (AdminNetworkPolicy, BaselineAdminNetworkPolicy), v1alpha2 (ClusterNetworkPolicy)
const NAMESPACED_POD = obj([f('namespaceSelector', LABEL_SELECTOR, true), f('podSelector', LABEL_SELECTOR, true)]);
const ADMIN_SUBJECT = obj([f('namespaces', LABEL_SELECTOR), f('pods', NAMESPACED_POD)]);
const ADMIN_INGRESS_PEERS: FieldType = { t: 'list', of: obj([f('namespaces', LABEL_SELECTOR), f('pods', NAMESPACED_POD)]) };
const ADMIN_EGRESS_PEERS: FieldType = {
  t: 'list',
  of: obj([f('namespaces', LABEL_SELECTOR), f('pods', NAMESPACED_POD), f('nodes', LABEL_SELECTOR), f('networks', STRINGS), f('domainNames', STRINGS)]),
};
const ADMIN_PORTS: FieldType = {
  t: 'list',
  of: obj([
    f('portNumber', obj([f('protocol', STRING), f('port', INTEGER, true)])),
    f('namedPort', STRING),
    f('portRange', obj([f('protocol', STRING), f('start', INTEGER, true), f('end', INTEGER, true)])),
  ]),
};
const ADMIN_RULE_HEAD = [f('name', STRING), f('action', STRING, true)];
const ADMIN_RULES = (peersKey: string, peers: FieldType): FieldType => ({
  t: 'list', of: obj([...ADMIN_RULE_HEAD, f(peersKey, peers, true), f('ports', ADMIN_PORTS)]),
});
const ANP_SPEC = obj([
  f('priority', INTEGER, true), f('subject', ADMIN_SUBJECT, true),
  f('ingress', ADMIN_RULES('from', ADMIN_INGRESS_PEERS)), f('egress', ADMIN_RULES('to', ADMIN_EGRESS_PEERS)),
]);
const BANP_SPEC = obj([
  f('subject', ADMIN_SUBJECT, true),
  f('ingress', ADMIN_RULES('from', ADMIN_INGRESS_PEERS)), f('egress', ADMIN_RULES('to', ADMIN_EGRESS_PEERS)),
]);
const CNP_PORT = obj([f('number', INTEGER), f('range', obj([f('start', INTEGER, true), f('end', INTEGER, true)]))]);
const CNP_PROTOCOL_PORTS = obj([f('destinationPort', CNP_PORT)]);
const CNP_PROTOCOLS: FieldType = {
  t: 'list',
  of: obj([f('tcp', CNP_PROTOCOL_PORTS), f('udp', CNP_PROTOCOL_PORTS), f('sctp', CNP_PROTOCOL_PORTS), f('destinationNamedPort', STRING)]),
};
const CNP_RULES = (peersKey: string, peers: FieldType): FieldType => ({
  t: 'list', of: obj([...ADMIN_RULE_HEAD, f(peersKey, peers, true), f('protocols', CNP_PROTOCOLS)]),
});
const CNP_SPEC = obj([
  f('tier', STRING, true), f('priority', INTEGER, true), f('subject', ADMIN_SUBJECT, true),
  f('ingress', CNP_RULES('from', ADMIN_INGRESS_PEERS)), f('egress', CNP_RULES('to', ADMIN_EGRESS_PEERS)),
]);

// --- Calico projectcalico.org/v3 -------------------------------------------------------------
const ICMP = obj([f('type', INTEGER), f('code', INTEGER)]);
const ENTITY = obj([
  f('nets', STRINGS), f('notNets', STRINGS),
  f('selector', STRING), f('notSelector', STRING), f('namespaceSelector', STRING),
  f('ports', { t: 'list', of: PORT }), f('notPorts', { t: 'list', of: PORT }),
  f('serviceAccounts', obj([f('names', STRINGS), f('selector', STRING)])),
  f('services', obj([f('name', STRING), f('namespace', STRING)])),
]);
const RULES: FieldType = {
  t: 'list',
  of: obj([
    f('action', STRING, true),
    f('protocol', PROTOCOL), f('notProtocol', PROTOCOL),
    f('icmp', ICMP), f('notICMP', ICMP),
    f('ipVersion', INTEGER),
    f('source', ENTITY), f('destination', ENTITY),
    f('http', obj([f('methods', STRINGS), f('paths', { t: 'list', of: obj([f('exact', STRING), f('prefix', STRING)]) })])),
    f('metadata', obj([f('annotations', STRING_MAP)])),
  ]),
};
const POLICY_HEAD = [f('tier', STRING), f('order', NUMBER), f('selector', STRING)];
const POLICY_TAIL = [
  f('types', STRINGS), f('ingress', RULES), f('egress', RULES),
];
const CALICO_NP_SPEC = obj([
  ...POLICY_HEAD, f('serviceAccountSelector', STRING), ...POLICY_TAIL, f('performanceHints', STRINGS),
]);
const GNP_SPEC = obj([
  ...POLICY_HEAD, f('namespaceSelector', STRING), f('serviceAccountSelector', STRING), ...POLICY_TAIL,
  f('doNotTrack', BOOLEAN), f('preDNAT', BOOLEAN), f('applyOnForward', BOOLEAN), f('performanceHints', STRINGS),
]);
const HEP_SPEC = obj([
  f('node', STRING), f('interfaceName', STRING), f('expectedIPs', STRINGS), f('profiles', STRINGS),
  f('ports', { t: 'list', of: obj([f('name', STRING, true), f('port', INTEGER, true), f('protocol', STRING, true)]) }),
]);
const NETSET_SPEC = obj([f('nets', STRINGS)]);
const TIER_SPEC = obj([f('order', NUMBER), f('defaultAction', STRING)]);
const PROTO_PORTS: FieldType = {
  t: 'list', of: obj([f('protocol', STRING, true), f('port', INTEGER, true), f('net', STRING)]),
};
const FELIX_KINDS: { readonly [kind in FelixValueKind]: FieldType } = {
  string: STRING, integer: INTEGER, boolean: BOOLEAN, strings: STRINGS, protoPorts: PROTO_PORTS,
  portRange: { t: 'intOrString', expected: 'a port or a port range min:max' },
};
/**
 * FelixConfiguration, from the one table of Felix's settings (lib/model/felix/fields.ts): the fields
 * the plan honours or reads only at Felix's default are typed (validation refuses the values not
 * rendered); the fields that change no rule are accepted and dropped, by name. Any other field is an
 * unknown field, as the API server's schema would refuse it.
 */
const FELIX_SPEC: FieldType = obj(
  [
    ...FELIX_FIELDS.flatMap((fd) => (fd.field === undefined || fd.use === 'no-effect' ? [] : [f(fd.field, FELIX_KINDS[fd.kind])])),
    f(NODE_SELECTOR_FIELD, STRING),
  ],
  FELIX_FIELDS.flatMap((fd) => (fd.field !== undefined && fd.use === 'no-effect' ? [fd.field] : [])),
);
const IPPOOL_SPEC = obj([
  f('cidr', STRING, true), f('vxlanMode', STRING), f('ipipMode', STRING), f('natOutgoing', BOOLEAN), f('disabled', BOOLEAN),
  f('disableBGPExport', BOOLEAN), f('blockSize', INTEGER), f('nodeSelector', STRING), f('namespaceSelector', STRING),
  f('allowedUses', STRINGS), f('assignmentMode', STRING),
]);

/** A known kind: its schema and whether the spec may be left out (it then parses as `{}`). */
interface KindSchema {
  readonly apiVersion: string;
  readonly kind: string;
  readonly spec: FieldType;
  readonly specRequired: boolean;
}

const KIND_SCHEMAS: readonly KindSchema[] = [
  { apiVersion: K8S_NETWORKING_API_VERSION, kind: 'NetworkPolicy', spec: K8S_SPEC, specRequired: true },
  { apiVersion: CALICO_API_VERSION, kind: 'NetworkPolicy', spec: CALICO_NP_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'GlobalNetworkPolicy', spec: GNP_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'HostEndpoint', spec: HEP_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'GlobalNetworkSet', spec: NETSET_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'NetworkSet', spec: NETSET_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'Tier', spec: TIER_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'FelixConfiguration', spec: FELIX_SPEC, specRequired: false },
  { apiVersion: CALICO_API_VERSION, kind: 'IPPool', spec: IPPOOL_SPEC, specRequired: true },
  { apiVersion: ADMIN_POLICY_V1ALPHA1_API_VERSION, kind: 'AdminNetworkPolicy', spec: ANP_SPEC, specRequired: true },
  { apiVersion: ADMIN_POLICY_V1ALPHA1_API_VERSION, kind: 'BaselineAdminNetworkPolicy', spec: BANP_SPEC, specRequired: true },
  { apiVersion: CLUSTER_NETWORK_POLICY_API_VERSION, kind: 'ClusterNetworkPolicy', spec: CNP_SPEC, specRequired: true },
];

/** The whole-document shape of a kind. */
export function documentSchema(k: KindSchema): FieldType {
  return obj([
    f('apiVersion', STRING, true), f('kind', STRING, true), f('metadata', METADATA, true), f('spec', k.spec, k.specRequired),
  ], ['status']);
}

export function findKindSchema(apiVersion: unknown, kind: unknown): KindSchema | undefined {
  return KIND_SCHEMAS.find((k) => k.apiVersion === apiVersion && k.kind === kind);
}

// --- What kube-proxy reads: v1 Service, discovery.k8s.io/v1 EndpointSlice, v1 Endpoints ---------
const TARGET_REF = obj([f('kind', STRING), f('name', STRING), f('namespace', STRING)], ['*']);
const SERVICE_SPEC = obj([
  f('type', STRING), f('selector', STRING_MAP),
  f('ports', { t: 'list', of: obj([
    f('name', STRING), f('protocol', STRING), f('port', INTEGER, true),
    f('targetPort', { t: 'intOrString', expected: 'a port number or a container port name', allowEmpty: true }), f('nodePort', INTEGER),
  ], ['appProtocol']) }),
  f('clusterIP', STRING), f('clusterIPs', STRINGS), f('externalIPs', STRINGS),
  f('externalTrafficPolicy', STRING), f('internalTrafficPolicy', STRING), f('externalName', STRING), f('loadBalancerIP', STRING),
  f('publishNotReadyAddresses', BOOLEAN),
  f('sessionAffinity', STRING), f('sessionAffinityConfig', obj([f('clientIP', obj([f('timeoutSeconds', INTEGER)]))])),
  f('loadBalancerSourceRanges', STRINGS),
  f('ipFamilies', STRINGS), f('ipFamilyPolicy', STRING), f('loadBalancerClass', STRING), f('allocateLoadBalancerNodePorts', BOOLEAN),
  f('healthCheckNodePort', INTEGER), f('trafficDistribution', STRING),
]);
const SERVICE_STATUS = obj([
  f('loadBalancer', obj([f('ingress', { t: 'list', of: obj([f('ip', STRING), f('hostname', STRING), f('ipMode', STRING)], ['ports']) })])),
], ['conditions']);
const TOPOLOGY_NAMES: FieldType = { t: 'list', of: obj([f('name', STRING, true)]) };
const ENDPOINT_PORTS: FieldType = { t: 'list', of: obj([f('name', STRING), f('protocol', STRING), f('port', INTEGER)], ['appProtocol']) };
const ENDPOINT_ADDRESSES: FieldType = {
  t: 'list', of: obj([f('ip', STRING, true), f('nodeName', STRING), f('targetRef', TARGET_REF)], ['hostname']),
};

/** The whole-document shape of the kinds kube-proxy reads, by apiVersion and kind. */
const SERVICE_KIND_SCHEMAS: readonly { readonly apiVersion: string; readonly kind: string; readonly document: FieldType }[] = [
  {
    apiVersion: K8S_CORE_API_VERSION, kind: 'Service',
    document: obj([f('apiVersion', STRING, true), f('kind', STRING, true), f('metadata', METADATA, true),
      f('spec', SERVICE_SPEC, true), f('status', SERVICE_STATUS)]),
  },
  {
    apiVersion: K8S_DISCOVERY_API_VERSION, kind: 'EndpointSlice',
    document: obj([f('apiVersion', STRING, true), f('kind', STRING, true), f('metadata', METADATA, true),
      f('addressType', STRING, true), f('ports', ENDPOINT_PORTS),
      f('endpoints', { t: 'list', of: obj([
        f('addresses', STRINGS, true), f('nodeName', STRING), f('targetRef', TARGET_REF),
        f('conditions', obj([f('ready', BOOLEAN), f('serving', BOOLEAN), f('terminating', BOOLEAN)])),
        f('hints', obj([f('forZones', TOPOLOGY_NAMES), f('forNodes', TOPOLOGY_NAMES)])),
      ], ['hostname', 'zone', 'deprecatedTopology']) })]),
  },
  {
    apiVersion: K8S_CORE_API_VERSION, kind: 'Endpoints',
    document: obj([f('apiVersion', STRING, true), f('kind', STRING, true), f('metadata', METADATA, true),
      f('subsets', { t: 'list', of: obj([
        f('addresses', ENDPOINT_ADDRESSES), f('notReadyAddresses', ENDPOINT_ADDRESSES), f('ports', ENDPOINT_PORTS),
      ]) })]),
  },
];

/** The document shape of a Service, EndpointSlice or Endpoints; undefined for other kinds. */
export function findServiceKindSchema(apiVersion: unknown, kind: unknown): FieldType | undefined {
  return SERVICE_KIND_SCHEMAS.find((k) => k.apiVersion === apiVersion && k.kind === kind)?.document;
}
