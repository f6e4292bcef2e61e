// Calico's own validator table (projectcalico/calico, libcalico-go/lib/validator/v3/validator_test.go,
// DescribeTable "Validator") restated as complete manifests and run through our offline validator.
// Each case cites the upstream Entry description in `upstream`; the documents are our own.
// Upstream cases on bare sub-structs (Rule, EntityRule, ICMPFields, ProtoPort, Protocol, selectors)
// are wrapped into a minimal GlobalNetworkPolicy (rule in spec.ingress) or FelixConfiguration.
import { parseEngineInputs } from '../../../lib/engine';

function isValid(doc: object): boolean {
  try {
    parseEngineInputs([{ file: 'case.json', text: JSON.stringify(doc) }]);
    return true;
  } catch (e) {
    if ((e as Error).name === 'ValidationError' || (e as Error).name === 'ManifestError') return false;
    throw e;
  }
}

type Obj = Record<string, unknown>;

interface Case {
  readonly name: string;
  /** The upstream Entry description. */
  readonly upstream: string;
  readonly doc: Obj;
  /** Upstream's expectation (and ours). */
  readonly valid: boolean;
}

const API = 'projectcalico.org/v3';

function meta(name: string, extra: Obj = {}): Obj {
  return { name, ...extra };
}
function gnp(spec: Obj = {}, name = 'thing', metaExtra: Obj = {}): Obj {
  return { apiVersion: API, kind: 'GlobalNetworkPolicy', metadata: meta(name, metaExtra), spec };
}
function np(spec: Obj = {}, name = 'thing'): Obj {
  return { apiVersion: API, kind: 'NetworkPolicy', metadata: meta(name, { namespace: 'default' }), spec };
}
/** A GlobalNetworkPolicy whose only ingress rule is `rule`. */
function rule(r: Obj): Obj {
  return gnp({ ingress: [r] });
}
/** An Allow rule with the given fields. */
function allow(r: Obj = {}): Obj {
  return rule({ action: 'Allow', ...r });
}
/** An Allow rule whose source is the given entity rule. */
function src(entity: Obj): Obj {
  return allow({ source: entity });
}
function hep(spec: Obj, name = 'hep1'): Obj {
  return { apiVersion: API, kind: 'HostEndpoint', metadata: meta(name), spec };
}
function gns(nets: unknown[], name = 'testset', metaExtra: Obj = {}): Obj {
  return { apiVersion: API, kind: 'GlobalNetworkSet', metadata: meta(name, metaExtra), spec: { nets } };
}
function ns(nets: unknown[], name = 'testset', metaExtra: Obj = {}): Obj {
  return { apiVersion: API, kind: 'NetworkSet', metadata: meta(name, { namespace: 'default', ...metaExtra }), spec: { nets } };
}
function felix(spec: Obj): Obj {
  return { apiVersion: API, kind: 'FelixConfiguration', metadata: meta('default'), spec };
}
function c(name: string, upstream: string, doc: Obj, valid: boolean): Case {
  return { name, upstream, doc, valid };
}

const x = (n: number): string => 'x'.repeat(n);
const ANNOTATIONS_MAX = 256 * 1024;
const SVC = { name: 'service1', namespace: 'default' };

const CASES: readonly Case[] = [
  // Actions.
  c('action Allow', 'should accept allow action', rule({ action: 'Allow' }), true),
  c('action Deny', 'should accept deny action', rule({ action: 'Deny' }), true),
  c('action Log', 'should accept log action', rule({ action: 'Log' }), true),
  c('action unknown', 'should reject unknown action', rule({ action: 'unknown' }), false),
  c('action allowfoo', 'should reject unknown action', rule({ action: 'allowfoo' }), false),
  c('rule without action', 'should reject rule with no action', rule({}), false),

  // HostEndpointSpec.
  c('hep with a named port', 'should accept HostEndpointSpec with a port (m)',
    hep({ interfaceName: 'eth0', node: 'node01', ports: [{ name: 'a-valid-port', protocol: 'TCP', port: 1234 }] }), true),
  c('hep with an unnamed port', 'should reject HostEndpointSpec with an unnamed port (m)',
    hep({ interfaceName: 'eth0', node: 'node01', ports: [{ protocol: 'TCP', port: 1234 }] }), false),
  c('hep without node', 'should reject HostEndpointSpec with a missing node',
    hep({ interfaceName: 'eth0', ports: [{ name: 'a-valid-port', protocol: 'TCP', port: 1234 }] }), false),
  c('hep with name-clashing ports', 'should accept HostEndpointSpec with name-clashing ports (m)',
    hep({ interfaceName: 'eth0', node: 'node01', ports: [{ name: 'a-valid-port', protocol: 'TCP', port: 1234 }, { name: 'a-valid-port', protocol: 'UDP', port: 5456 }] }), true),
  c('hep interfaceName *', 'should accept HostEndpointSpec with interfaceName *', hep({ interfaceName: '*', node: 'node01' }), true),
  c('hep interface and node', 'should accept host endpoint with interface and node', hep({ interfaceName: 'eth0', node: 'node01' }), true),
  c('hep expected IPs', 'should accept host endpoint with expected IPs', hep({ expectedIPs: ['1.2.3.4', 'aabb:aabb::ffff'], node: 'node01' }), true),
  c('hep interface and expected IPs', 'should accept host endpoint with interface and expected IPs',
    hep({ interfaceName: 'eth0', expectedIPs: ['1.2.3.4', 'aabb:aabb::ffff'], node: 'node01' }), true),
  c('hep with no config', 'should reject host endpoint with no config', hep({}), false),
  c('hep blank interface no IPs', 'should reject host endpoint with blank interface an no IPs',
    hep({ interfaceName: '', expectedIPs: [], node: 'node01' }), false),
  c('hep prefixed profile names', 'should accept host endpoint with prefixed profile name',
    hep({ interfaceName: 'eth0', profiles: ['knp.default.fun', 'knp.default.funner.11234-a'], node: 'node01' }), true),
  c('hep unprefixed profile name', 'should accept host endpoint without prefixed profile name',
    hep({ interfaceName: 'eth0', profiles: ['fun-funner1234'], node: 'node01' }), true),

  // GlobalNetworkSet / NetworkSet.
  c('gns CIDRs and IPs', 'should accept GlobalNetworkSetSpec with CIDRs and IPs', gns(['10.0.0.1', '11.0.0.0/8', 'dead:beef::', 'dead:beef::/96']), true),
  c('gns bad CIDR', 'should reject GlobalNetworkSetSpec with bad CIDR', gns(['garbage']), false),
  c('gns with labels', 'should accept GlobalNetworkSet with labels', gns(['10.0.0.1'], 'testset', { labels: { a: 'b' } }), true),
  c('gns reserved label', 'should reject GlobalNetworkSet with reserved labels',
    gns(['10.0.0.1'], 'testset', { labels: { 'projectcalico.org/namespace': 'foo' } }), false),
  c('gns bad name', 'should reject GlobalNetworkSet with bad name', gns(['10.0.0.1'], 'test$set'), false),
  c('ns CIDRs and IPs', 'should accept NetworkSetSpec with CIDRs and IPs', ns(['10.0.0.1', '11.0.0.0/8', 'dead:beef::', 'dead:beef::/96']), true),
  c('ns bad CIDR', 'should reject NetworkSetSpec with bad CIDR', ns(['garbage']), false),
  c('ns with labels', 'should accept NetworkSet with labels', ns(['10.0.0.1'], 'testset', { labels: { a: 'b' } }), true),
  c('ns reserved label', 'should reject NetworkSet with reserved labels',
    ns(['10.0.0.1'], 'testset', { labels: { 'projectcalico.org/namespace': 'foo' } }), false),
  c('ns bad name', 'should reject NetworkSet with bad name', ns(['10.0.0.1'], 'test$set'), false),

  // IP version.
  c('ipVersion 4', 'should accept IP version 4', allow({ ipVersion: 4 }), true),
  c('ipVersion 6', 'should accept IP version 6', allow({ ipVersion: 6 }), true),
  c('ipVersion 0', 'should reject IP version 0', allow({ ipVersion: 0 }), false),

  // ProtoPort, as FelixConfiguration failsafe ports.
  c('failsafe TCP port 20', 'should accept ProtoPort.Protocol: TCP', felix({ failsafeInboundHostPorts: [{ protocol: 'TCP', port: 20 }] }), true),
  c('failsafe SCTP port 20', 'should accept ProtoPort.Protocol: SCTP', felix({ failsafeOutboundHostPorts: [{ protocol: 'SCTP', port: 20 }] }), true),
  c('failsafe jolly-UDP', 'should reject random ProtoPort.Protocol', felix({ failsafeOutboundHostPorts: [{ protocol: 'jolly-UDP', port: 0 }] }), false),

  // Selectors.
  c('selector ==', 'should accept valid selector', src({ selector: 'foo == "bar"' }), true),
  c('selector has with /', "should accept valid selector with 'has' and a '/'", src({ selector: 'has(calico/k8s_ns)' }), true),
  c('selector has with two /', "should accept valid selector with 'has' and two '/'", src({ selector: 'has(calico/k8s_ns/role)' }), true),
  c('selector has with two / and -.', "should accept valid selector with 'has' and two '/' and '-.'", src({ selector: 'has(calico/k8s_NS-.1/role)' }), true),
  c('selector trailing &', 'should reject invalid selector', src({ selector: 'thing=hello &' }), false),

  // Labels and annotations (labelsToApply cases restated on metadata.labels; IPPool metadata on a GlobalNetworkSet).
  c('label value 63 chars', 'should accept a valid labelsToApply', gns(['10.0.0.1'], 'testset', { labels: { 'project.calico.org/my-valid-label': x(63) } }), true),
  c('label value 64 chars', 'should reject an excessively long value in labelsToApply', gns(['10.0.0.1'], 'testset', { labels: { 'project.calico.org/my-valid-label': x(64) } }), false),
  c('label key starting with .', 'should reject . at start of key in a labelsToApply', gns(['10.0.0.1'], 'testset', { labels: { '.mylabel': 'value' } }), false),
  c('label key with !', 'should reject ! in a labelsToApply', gns(['10.0.0.1'], 'testset', { labels: { 'my!nvalid-label': 'value' } }), false),
  c('label key with $', 'should reject $ in a labelsToApply', gns(['10.0.0.1'], 'testset', { labels: { 'my-invalid-label$': 'value' } }), false),
  c('metadata label value 63', 'should accept valid labels in metadata', gns(['10.0.0.1'], 'pool.name', { labels: { 'projectcalico.org/label': x(63) } }), true),
  c('metadata label value 64', 'should reject an excessively long value in labels in metadata', gns(['10.0.0.1'], 'pool.name', { labels: { 'projectcalico.org/label': x(64) } }), false),
  c('metadata label uppercase domain', 'should reject invalid labels in metadata (uppercase domain)', gns(['10.0.0.1'], 'pool.name', { labels: { 'ProjectCalico.org/label': 'value' } }), false),
  c('metadata label uppercase name', 'should accept valid labels in metadata (uppercase name)', gns(['10.0.0.1'], 'pool.name', { labels: { 'projectcalico.org/Label': 'value' } }), true),
  c('metadata annotation with $', 'should reject invalid annotations in metadata', gns(['10.0.0.1'], 'pool.name', { annotations: { 'projectcalico.org$label': 'value' } }), false),
  c('metadata annotation with $ (repeated upstream)', 'should reject invalid annotations in metadata', gns(['10.0.0.1'], 'pool.name', { annotations: { 'projectcalico.org$label': 'value' } }), false),
  c('metadata annotation uppercase', 'should accept valid annotations in metadata (uppercase domain and name)', gns(['10.0.0.1'], 'pool.name', { annotations: { 'ProjectCalico.org/Label': 'value' } }), true),
  c('metadata annotations 256k', 'should allow annotations in metadata <= 256k', gns(['10.0.0.1'], 'pool.name', { annotations: { key: x(ANNOTATIONS_MAX - 3) } }), true),
  c('metadata annotations over 256k', 'should disallow annotations in metadata > 256k', gns(['10.0.0.1'], 'pool.name', { annotations: { key: x(ANNOTATIONS_MAX - 2) } }), false),
  c('name of 253 chars', 'should allow a name of 253 chars', gns(['10.0.0.1'], x(253)), true),
  c('name of 254 chars', 'should disallow a name of 254 chars', gns(['10.0.0.1'], x(254)), false),

  // FelixConfiguration (modelled fields only).
  c('felix DefaultEndpointToHostAction Drop', 'should accept a valid DefaultEndpointToHostAction value', felix({ defaultEndpointToHostAction: 'Drop' }), true),
  c('felix DefaultEndpointToHostAction drop', "should reject an invalid DefaultEndpointToHostAction value 'drop' (lower case)", felix({ defaultEndpointToHostAction: 'drop' }), false),
  c('felix IptablesFilterDenyAction Drop', "should accept a valid IptablesFilterDenyAction value 'Drop'", felix({ iptablesFilterDenyAction: 'Drop' }), true),
  c('felix IptablesFilterDenyAction Reject', "should accept a valid IptablesFilterDenyAction value 'Reject'", felix({ iptablesFilterDenyAction: 'Reject' }), true),

  // Protocol (as a rule's protocol).
  c('protocol TCP', 'should accept protocol TCP', allow({ protocol: 'TCP' }), true),
  c('protocol UDP', 'should accept protocol UDP', allow({ protocol: 'UDP' }), true),
  c('protocol ICMP', 'should accept protocol ICMP', allow({ protocol: 'ICMP' }), true),
  c('protocol ICMPv6', 'should accept protocol ICMPv6', allow({ protocol: 'ICMPv6' }), true),
  c('protocol SCTP', 'should accept protocol SCTP', allow({ protocol: 'SCTP' }), true),
  c('protocol UDPLite', 'should accept protocol UDPLite', allow({ protocol: 'UDPLite' }), true),
  c('protocol 1 as int', 'should accept protocol 1 as int', allow({ protocol: 1 }), true),
  c('protocol 255 as int', 'should accept protocol 255 as int', allow({ protocol: 255 }), true),
  c('protocol 255 as string', 'should accept protocol 255 as string', allow({ protocol: '255' }), true),
  c('protocol 1 as string', 'should accept protocol 1 as string', allow({ protocol: '1' }), true),
  c('protocol 0 as int', 'should reject protocol 0 as int', allow({ protocol: 0 }), false),
  c('protocol 256 as string', 'should reject protocol 256 as string', allow({ protocol: '256' }), false),
  c('protocol 0 as string', 'should reject protocol 0 as string', allow({ protocol: '0' }), false),
  c('protocol tcpfoo', 'should reject protocol tcpfoo', allow({ protocol: 'tcpfoo' }), false),
  c('protocol footcp', 'should reject protocol footcp', allow({ protocol: 'footcp' }), false),
  c('protocol tcp lower case', 'should reject protocol tcp', allow({ protocol: 'tcp' }), false),
  c('notProtocol 256', 'should reject protocol 256 as string', allow({ notProtocol: '256' }), false),
  c('notProtocol UDPLite', 'should accept protocol UDPLite', allow({ notProtocol: 'UDPLite' }), true),

  // ICMPFields (in an ICMP rule).
  c('icmp with no config', 'should accept ICMP with no config', allow({ protocol: 'ICMP', icmp: {} }), true),
  c('icmp type 0', 'should accept ICMP with type with min value', allow({ protocol: 'ICMP', icmp: { type: 0 } }), true),
  c('icmp type 254', 'should accept ICMP with type with max value', allow({ protocol: 'ICMP', icmp: { type: 254 } }), true),
  c('icmp type 128 code 0', 'should accept ICMP with type and code with min value', allow({ protocol: 'ICMP', icmp: { type: 128, code: 0 } }), true),
  c('icmp type 128 code 255', 'should accept ICMP with type and code with min value', allow({ protocol: 'ICMP', icmp: { type: 128, code: 255 } }), true),
  c('icmp code without type', 'should reject ICMP with code and no type', allow({ protocol: 'ICMP', icmp: { code: 0 } }), false),
  c('icmp type 255', 'should reject ICMP with type too high', allow({ protocol: 'ICMP', icmp: { type: 255 } }), false),
  c('icmp code 256', 'should reject ICMP with code too high', allow({ protocol: 'ICMP', icmp: { type: 128, code: 256 } }), false),
  c('notICMP type 255', 'should reject ICMP with type too high', allow({ protocol: 'ICMP', notICMP: { type: 255 } }), false),
  c('icmpv6 type 128 code 255', 'should accept ICMP with type and code with min value', allow({ protocol: 'ICMPv6', icmp: { type: 128, code: 255 } }), true),

  // Rule.
  c('SCTP and no other config', 'should accept Rule with protocol SCTP and no other config', allow({ protocol: 'SCTP' }), true),
  c('source ports with protocol 6', 'should accept Rule with source ports and protocol type 6', allow({ protocol: 6, source: { ports: [1] } }), true),
  c('source named port with protocol 6', 'should accept Rule with source named ports and protocol type 6', allow({ protocol: 6, source: { ports: ['foo'] } }), true),
  c('source named port with TCP', 'should accept Rule with source named ports and protocol type tcp', allow({ protocol: 'TCP', source: { ports: ['foo'] } }), true),
  c('source named port with UDP', 'should accept Rule with source named ports and protocol type udp', allow({ protocol: 'UDP', source: { ports: ['foo'] } }), true),
  c('empty source ports with protocol 7', 'should accept Rule with empty source ports and protocol type 7', allow({ protocol: 7, source: { ports: [] } }), true),
  c('source notPorts with protocol 17', 'should accept Rule with source !ports and protocol type 17', allow({ protocol: 17, source: { notPorts: [1] } }), true),
  c('empty source notPorts with protocol 100', 'should accept Rule with empty source !ports and protocol type 100', allow({ protocol: 100, source: { notPorts: [] } }), true),
  c('dest ports with TCP', 'should accept Rule with dest ports and protocol type tcp', allow({ protocol: 'TCP', destination: { ports: [1] } }), true),
  c('dest ports without protocol', 'should reject Rule with dest ports and no protocol', allow({ destination: { ports: [1] } }), false),
  c('dest notPorts 0', 'should reject Rule with invalid port (port 0)', allow({ protocol: 'TCP', destination: { notPorts: [0] } }), false),
  c('dest notPorts 0:456', '(Validator errors) should reject Rule with invalid port (name + number)', allow({ protocol: 'TCP', destination: { notPorts: ['0:456'] } }), false),
  c('named notPort with protocol unknown', 'should reject named port Rule with invalid protocol', allow({ protocol: 'unknown', destination: { notPorts: ['foo'] } }), false),
  c('empty dest ports with SCTP', 'should accept Rule with empty dest ports and protocol type SCTP', allow({ protocol: 'SCTP', destination: { ports: [] } }), true),
  c('empty dest notPorts with ICMPv6', 'should accept Rule with empty dest !ports and protocol type ICMPv6', allow({ ipVersion: 6, protocol: 'ICMPv6', destination: { notPorts: [] } }), true),
  c('icmp fields without protocol', 'should reject Rule with icmp fields and no protocol', allow({ ipVersion: 4, icmp: { type: 0 } }), false),
  c('icmp fields without ipVersion', 'should not reject Rule with icmp fields and no ipversion', allow({ protocol: 'ICMP', icmp: { type: 0 } }), true),
  c('icmpv6 fields without ipVersion', 'should not reject Rule with icmpv6 fields and no ipversion', allow({ protocol: 'ICMPv6', icmp: { type: 0 } }), true),
  c('ICMP with ipVersion 6', 'should reject Rule with mismatched ipversion for icmp', allow({ protocol: 'ICMP', ipVersion: 6 }), false),
  c('ICMPv6 with ipVersion 4', 'should reject Rule with mismatched ipversion for icmpv6', allow({ protocol: 'ICMPv6', ipVersion: 4 }), false),
  c('ICMP with ipVersion 4 and icmp', 'should allow Rule with correct ipversion for icmp', allow({ ipVersion: 4, protocol: 'ICMP', icmp: { type: 0 } }), true),
  c('ICMPv6 with ipVersion 6 and icmp', 'should allow Rule with correct ipversion for icmpv6', allow({ ipVersion: 6, protocol: 'ICMPv6', icmp: { type: 0 } }), true),
  c('source ports with protocol 7', 'should reject Rule with source ports and protocol type 7', allow({ protocol: 7, source: { ports: [1] } }), false),
  c('source notPorts with protocol 100', 'should reject Rule with source !ports and protocol type 100', allow({ protocol: 100, source: { notPorts: [1] } }), false),
  c('dest ports with SCTP', 'should allow Rule with dest ports and protocol type sctp', allow({ protocol: 'SCTP', destination: { ports: [1] } }), true),
  c('dest notPorts with icmp', 'should reject Rule with dest !ports and protocol type udp', allow({ ipVersion: 4, protocol: 'icmp', destination: { notPorts: [1] } }), false),
  c('dest notPorts with ICMP', 'should reject Rule with dest !ports and protocol type udp', allow({ ipVersion: 4, protocol: 'ICMP', destination: { notPorts: [1] } }), false),
  c('source ports 200:100', 'should reject Rule with invalid source ports and protocol type tcp', allow({ protocol: 'TCP', source: { ports: ['200:100'] } }), false),
  c('source notPorts 200:100', 'should reject Rule with invalid source !ports and protocol type tcp', allow({ protocol: 'TCP', source: { notPorts: ['200:100'] } }), false),
  c('dest ports 200:100', 'should reject Rule with invalid dest ports and protocol type tcp', allow({ protocol: 'TCP', destination: { ports: ['200:100'] } }), false),
  c('dest notPorts 200:100', 'should reject Rule with invalid dest !ports and protocol type tcp', allow({ protocol: 'TCP', destination: { notPorts: ['200:100'] } }), false),
  c('dest notPorts 0:100', 'should reject Rule with one invalid port in the port range (MinPort 0)', allow({ protocol: 'TCP', destination: { notPorts: ['0:100'] } }), false),
  c('source v4 dest v6 nets', 'should reject rule mixed IPv4 (src) and IPv6 (dest)',
    allow({ protocol: 'TCP', source: { nets: ['1.2.3.0/26'] }, destination: { nets: ['aabb:aabb::0000/122'] } }), false),
  c('source v6 dest v4 nets', 'should reject rule mixed IPv6 (src) and IPv4 (dest)',
    allow({ protocol: 'TCP', source: { nets: ['aabb:aabb::/128'] }, destination: { nets: ['1.2.0.0/32'] } }), false),
  c('ipVersion 6 with v4 nets', 'should reject rule mixed IPv6 version and IPv4 Net',
    allow({ protocol: 'TCP', ipVersion: 6, source: { nets: ['1.0.0.0/10'] }, destination: { nets: ['1.2.0.0/32'] } }), false),
  c('ipVersion 6 with v4 source net', 'should reject rule mixed IPVersion and Source Net IP version', allow({ protocol: 'TCP', ipVersion: 6, source: { nets: ['1.2.3.4/32'] } }), false),
  c('ipVersion 4 with v6 dest net', 'should reject rule mixed IPVersion and Dest Net IP version', allow({ protocol: 'TCP', ipVersion: 4, destination: { nets: ['aabb:aabb::ffff/128'] } }), false),
  c('ipVersion 6 with v4 notNets', 'net list: should reject rule mixed IPv6 version and IPv4 Net',
    allow({ protocol: 'TCP', ipVersion: 6, source: { nets: ['1.0.0.0/10'] }, destination: { notNets: ['1.2.0.0/32'] } }), false),
  c('ipVersion 6 with v4 source notNets', 'net list: should reject rule mixed IPVersion and Source Net IP version', allow({ protocol: 'TCP', ipVersion: 6, source: { notNets: ['1.2.3.4/32'] } }), false),
  c('ipVersion 4 with v6 dest notNets', 'net list: should reject rule mixed IPVersion and Dest Net IP version', allow({ protocol: 'TCP', ipVersion: 4, destination: { notNets: ['aabb:aabb::ffff/128'] } }), false),
  c('source v4 nets dest v6 notNets', 'net list: should reject rule mixed IPv4 (src) and IPv6 (dest)',
    allow({ protocol: 'TCP', source: { nets: ['1.2.3.0/26'] }, destination: { notNets: ['aabb:aabb::0000/122'] } }), false),
  c('ICMPv6 with ipVersion 4 (v6 protocol)', 'should reject rule with an IPv6 protocol and an IPVersion=4', allow({ protocol: 'ICMPv6', ipVersion: 4 }), false),
  c('ICMP with ipVersion 6 (v4 protocol)', 'should reject rule with an IPv4 protocol and an IPVersion=6', allow({ protocol: 'ICMP', ipVersion: 6 }), false),
  c('rule metadata annotations', 'should accept Rule with valid annotations', allow({ metadata: { annotations: { foo: 'bar' } } }), true),
  c('rule metadata bad annotation key', 'should reject Rule with invalid annotations', allow({ metadata: { annotations: { '...': 'bar' } } }), false),

  // GlobalNetworkPolicy.
  c('gnp name with ~!', 'disallow name with invalid character', gnp({}, 't~!s.h.i.ng'), false),
  c('gnp name mixed case', 'disallow name with mixed case characters', gnp({}, 'tHiNg'), false),
  c('gnp valid name', 'allow valid name', gnp({}, 'thing'), true),
  c('gnp name with dot', 'disallow name with dot', gnp({}, 't.h.i.ng'), false),
  c('gnp knp. name', 'disallow k8s policy name', gnp({}, 'knp.default.thing'), false),
  c('gnp preDNAT and doNotTrack', 'should reject GlobalNetworkPolicy with both PreDNAT and DoNotTrack', gnp({ preDNAT: true, doNotTrack: true, applyOnForward: true }), false),
  c('gnp preDNAT only', 'should accept GlobalNetworkPolicy PreDNAT but not DoNotTrack', gnp({ preDNAT: true, applyOnForward: true }), true),
  c('gnp doNotTrack only', 'should accept GlobalNetworkPolicy DoNotTrack but not PreDNAT', gnp({ preDNAT: false, doNotTrack: true, applyOnForward: true }), true),
  c('gnp preDNAT egress rules', 'should reject pre-DNAT GlobalNetworkPolicy egress rules', gnp({ preDNAT: true, applyOnForward: true, egress: [{ action: 'Allow' }] }), false),
  c('gnp preDNAT ingress rules', 'should accept pre-DNAT GlobalNetworkPolicy ingress rules', gnp({ preDNAT: true, applyOnForward: true, ingress: [{ action: 'Allow' }] }), true),
  c('gnp applyOnForward without preDNAT', 'should accept GlobalNetworkPolicy ApplyOnForward but not PreDNAT', gnp({ preDNAT: false, applyOnForward: true }), true),
  c('gnp applyOnForward without doNotTrack', 'should accept GlobalNetworkPolicy ApplyOnForward but not DoNotTrack', gnp({ doNotTrack: false, applyOnForward: true }), true),
  c('gnp applyOnForward and preDNAT', 'should accept GlobalNetworkPolicy ApplyOnForward and PreDNAT', gnp({ preDNAT: true, applyOnForward: true }), true),
  c('gnp applyOnForward and doNotTrack', 'should accept GlobalNetworkPolicy ApplyOnForward and DoNotTrack', gnp({ doNotTrack: true, applyOnForward: true }), true),
  c('gnp all three false', 'should accept GlobalNetworkPolicy no ApplyOnForward DoNotTrack PreDNAT', gnp({ preDNAT: false, doNotTrack: false, applyOnForward: false }), true),
  c('gnp preDNAT without applyOnForward', 'should reject GlobalNetworkPolicy PreDNAT but not ApplyOnForward', gnp({ preDNAT: true, applyOnForward: false }), false),
  c('gnp doNotTrack without applyOnForward', 'should reject GlobalNetworkPolicy DoNotTrack but not ApplyOnForward', gnp({ doNotTrack: true, applyOnForward: false }), false),
  c('gnp missing types', 'allow missing Types', gnp({}), true),
  c('gnp empty types', 'allow empty Types', gnp({ types: [] }), true),
  c('gnp types Ingress', 'allow ingress Types', gnp({ types: ['Ingress'] }), true),
  c('gnp types Egress', 'allow egress Types', gnp({ types: ['Egress'] }), true),
  c('gnp types Ingress Egress', 'allow ingress+egress Types', gnp({ types: ['Ingress', 'Egress'] }), true),
  c('gnp types Egress twice', 'disallow repeated egress Types', gnp({ types: ['Egress', 'Egress'] }), false),
  c('gnp types unexpected', 'disallow unexpected value', gnp({ types: ['unexpected'] }), false),
  c('gnp ingress rules with types Egress', 'allow Types without ingress when Ingress present (gnp)', gnp({ ingress: [{ action: 'Allow' }], types: ['Egress'] }), true),
  c('gnp egress rules with types Ingress', 'allow Types without egress when Egress present (gnp)', gnp({ egress: [{ action: 'Allow' }], types: ['Ingress'] }), true),
  c('gnp ingress rules with types Ingress', 'allow Types with ingress when Ingress present (gnp)', gnp({ ingress: [{ action: 'Allow' }], types: ['Ingress'] }), true),
  c('gnp ingress rules with both types', 'allow Types with ingress+egress when Ingress present (gnp)', gnp({ ingress: [{ action: 'Allow' }], types: ['Ingress', 'Egress'] }), true),
  c('gnp egress rules with types Egress', 'allow Types with egress when Egress present (gnp)', gnp({ egress: [{ action: 'Allow' }], types: ['Egress'] }), true),
  c('gnp egress rules with both types', 'allow Types with ingress+egress when Egress present (gnp)', gnp({ egress: [{ action: 'Allow' }], types: ['Ingress', 'Egress'] }), true),
  c('gnp preDNAT types Ingress', 'allow ingress Types with pre-DNAT (gnp)', gnp({ preDNAT: true, applyOnForward: true, types: ['Ingress'] }), true),
  c('gnp preDNAT types Egress', 'disallow egress Types with pre-DNAT (gnp)', gnp({ preDNAT: true, applyOnForward: true, types: ['Egress'] }), false),
  c('gnp preDNAT both types', 'disallow ingress+egress Types with pre-DNAT (gnp)', gnp({ preDNAT: true, applyOnForward: true, types: ['Ingress', 'Egress'] }), false),
  c('gnp namespaceSelector global()', 'disallow global() in namespaceSelector field', gnp({ namespaceSelector: 'global()' }), false),
  c('gnp selector global()', 'disallow global() in selector field', gnp({ selector: 'global()' }), false),
  c('gnp serviceAccountSelector global()', 'disallow global() in serviceAccountSelector field', gnp({ serviceAccountSelector: 'global()' }), false),
  c('gnp rule source selector global()', 'disallow global() in EntityRule selector field', src({ selector: 'global()' }), false),
  c('gnp rule namespaceSelector global() and name', 'allow global() and projectcalico.org/name in EntityRule namespaceSelector field',
    allow({ source: { namespaceSelector: 'global()' }, destination: { namespaceSelector: "projectcalico.org/name == 'test'" } }), true),
  c('gnp service match', 'allow a Service match on a GNP', gnp({ ingress: [{ action: 'Allow', destination: { services: SVC } }] }), false),
  c('gnp service match without namespace', 'disallow a Service match without a namespace on a GNP', gnp({ egress: [{ action: 'Allow', destination: { services: { name: 'service1' } } }] }), false),
  c('gnp service match and namespaceSelector', 'disallow a Service match AND a NamespaceSelector match on a GNP',
    gnp({ ingress: [{ action: 'Allow', destination: { namespaceSelector: "x == 'y'", services: SVC } }] }), false),

  // NetworkPolicy.
  c('np valid name', 'allow valid name', np({}, 'thing'), true),
  c('np name with dot', 'disallow name with dot', np({}, 't.h.i.ng'), false),
  c('np name mixed case', 'disallow name with mixed case', np({}, 'tHiNg'), false),
  c('np name of 253 chars', 'allow valid name of 253 chars', np({}, x(253)), true),
  c('np name of 254 chars', 'disallow a name of 254 chars', np({}, x(254)), false),
  c('np knp. name', 'allow k8s policy name', np({}, 'knp.default.thing'), true),
  c('np missing types', 'allow missing Types', np({}), true),
  c('np empty types', 'allow empty Types', np({ types: [] }), true),
  c('np types Ingress', 'allow ingress Types', np({ types: ['Ingress'] }), true),
  c('np types Egress', 'allow egress Types', np({ types: ['Egress'] }), true),
  c('np types Ingress Egress', 'allow ingress+egress Types', np({ types: ['Ingress', 'Egress'] }), true),
  c('np types Egress twice', 'disallow repeated egress Types', np({ types: ['Egress', 'Egress'] }), false),
  c('np types unexpected', 'disallow unexpected value', np({ types: ['unexpected'] }), false),
  c('np ingress rules with types Egress', 'allow Types without ingress when Ingress present', np({ ingress: [{ action: 'Allow' }], types: ['Egress'] }), true),
  c('np egress rules with types Ingress', 'allow Types without egress when Egress present', np({ egress: [{ action: 'Allow' }], types: ['Ingress'] }), true),
  c('np ingress rules with types Ingress', 'allow Types with ingress when Ingress present', np({ ingress: [{ action: 'Allow' }], types: ['Ingress'] }), true),
  c('np ingress rules with both types', 'allow Types with ingress+egress when Ingress present', np({ ingress: [{ action: 'Allow' }], types: ['Ingress', 'Egress'] }), true),
  c('np egress rules with types Egress', 'allow Types with egress when Egress present', np({ egress: [{ action: 'Allow' }], types: ['Egress'] }), true),
  c('np egress rules with both types', 'allow Types with ingress+egress when Egress present', np({ egress: [{ action: 'Allow' }], types: ['Ingress', 'Egress'] }), true),
  c('np selector global()', 'disallow global() in selector field', np({ selector: 'global()' }), false),
  c('np serviceAccountSelector global()', 'disallow global() in serviceAccountSelector field', np({ serviceAccountSelector: 'global()' }), false),
  c('np rule namespaceSelector global() and name', 'allow global() and projectcalico.org/name in EntityRule namespaceSelector field',
    np({ ingress: [{ action: 'Allow', source: { namespaceSelector: 'global()' }, destination: { namespaceSelector: "projectcalico.org/name == 'test'" } }] }), true),
  c('np service in egress destination', 'allow a Service match in an egress rule destination', np({ egress: [{ action: 'Allow', destination: { services: SVC } }] }), true),
  c('np service in egress source', 'disallow a Service match in an egress rule source', np({ egress: [{ action: 'Allow', source: { services: SVC } }] }), false),
  c('np service in ingress source', 'allow a Service match in an ingress rule source', np({ ingress: [{ action: 'Allow', source: { services: SVC } }] }), true),
  c('np service in egress destination (2)', 'disallow a Service match in an ingress rule destination', np({ egress: [{ action: 'Allow', destination: { services: SVC } }] }), true),
  c('np service and serviceAccounts', 'disallow a Service match AND a ServiceAccount match',
    np({ ingress: [{ action: 'Allow', destination: { serviceAccounts: { names: ['serviceaccount'] }, services: SVC } }] }), false),
  c('np service and ports in egress destination', 'disallow a Service match AND a Ports match on an egress destination rule',
    np({ egress: [{ action: 'Allow', destination: { ports: [80], services: SVC } }] }), false),
  c('np service and notPorts in egress destination', 'disallow a Service match AND a NotPorts match on an egress destination rule',
    np({ egress: [{ action: 'Allow', destination: { notPorts: [80], services: SVC } }] }), false),
  c('np service and ports in ingress source', 'allow a Service match AND a Ports match specified on the source on an ingress source rule',
    np({ ingress: [{ action: 'Allow', protocol: 'TCP', source: { ports: [80], services: SVC } }] }), true),
  c('np service and notPorts in ingress source', 'allow a Service match AND a NotPorts match on an ingress source rule',
    np({ ingress: [{ action: 'Allow', protocol: 'TCP', source: { notPorts: [80], services: SVC } }] }), true),
  c('np service and nets', 'disallow a Service match AND a Nets match', np({ ingress: [{ action: 'Allow', destination: { nets: ['10.0.0.0/8'], services: SVC } }] }), false),
  c('np service and notNets', 'disallow a Service match AND a NotNets match', np({ ingress: [{ action: 'Allow', destination: { notNets: ['10.0.0.0/8'], services: SVC } }] }), false),
  c('np service and selector', 'disallow a Service match AND a Selector match', np({ ingress: [{ action: 'Allow', destination: { selector: "x == 'y'", services: SVC } }] }), false),
  c('np service and notSelector', 'disallow a Service match AND a NotSelector match', np({ ingress: [{ action: 'Allow', destination: { notSelector: "x == 'y'", services: SVC } }] }), false),
  c('np service and namespaceSelector', 'disallow a Service match AND a NamespaceSelector match', np({ ingress: [{ action: 'Allow', destination: { namespaceSelector: "x == 'y'", services: SVC } }] }), false),

  // EntityRule with the special selector global().
  c('entity selector global() with spaces', 'disallow global() in EntityRule selector field', src({ selector: '  global()  ' }), false),
  c('entity namespaceSelector global() with spaces', 'allow global() in EntityRule namespaceSelector field', src({ namespaceSelector: '  global()  ' }), true),
  c('entity namespaceSelector global() && all()', "disallow global() in EntityRule namespaceSelector field AND'd with other expressions", src({ namespaceSelector: ' global() && all()' }), false),
  c('entity namespaceSelector global()||all()', "disallow global() in EntityRule namespaceSelector field OR'd other expressions", src({ namespaceSelector: 'global()||all()' }), false),
  c('entity selector global() && bad', 'disallow bad selectors in EntityRule selector field', src({ selector: 'global() && bad' }), false),

  // differed until the profile-name and failsafe port-0 checks were aligned
  c('hep profile name starting with dot', 'should reject host endpoint with no prefix and dots at the start of the name',
    hep({ interfaceName: 'eth0', profiles: ['.fun'], node: 'node01' }), false),
  c('failsafe UDP port 0', 'should accept ProtoPort.Protocol: UDP', felix({ failsafeInboundHostPorts: [{ protocol: 'UDP', port: 0 }] }), true),

  // Rules with an HTTP match (application layer policy); upstream's bare HTTPMatch cases are put on an Allow rule.
  c('Allow rule with http', 'should accept Allow rule with HTTP clause', allow({ http: { methods: ['GET'] } }), true),
  c('Deny rule with http', 'should reject Deny rule with HTTP clause', rule({ action: 'Deny', http: { methods: ['GET'] } }), false),
  c('UDP rule with http', 'should reject non-TCP protocol with HTTP clause', allow({ protocol: 'UDP', http: { methods: ['GET'] } }), false),
  c('TCP rule with http', 'should accept TCP protocol with HTTP clause', allow({ protocol: 'TCP', http: { methods: ['GET'] } }), true),
  c('missing protocol with http', 'should accept missing protocol with HTTP clause', rule({ action: 'Allow', http: { methods: ['GET'] } }), true),
  c('gnp http in egress', 'disallow HTTP in egress rule (GlobalNetworkPolicy)',
    gnp({ egress: [{ action: 'Allow', http: { methods: ['GET'] } }], types: ['Ingress', 'Egress'] }), false),
  c('np http in egress', 'disallow HTTP in egress rule (NetworkPolicy)',
    np({ egress: [{ action: 'Allow', http: { methods: ['GET'] } }], types: ['Ingress', 'Egress'] }), false),
  c('http exact and prefix paths', 'allow HTTP Path with permitted match clauses', allow({ http: { paths: [{ exact: '/foo' }, { prefix: '/bar' }] } }), true),
  c('http path with exact and prefix', 'disallow HTTP Path with invalid match clauses', allow({ http: { paths: [{ exact: '/foo', prefix: '/bar' }, { prefix: '/bar' }] } }), false),
  c('http path with ?', 'disallow HTTP Path with invalid match clauses', allow({ http: { paths: [{ exact: '/fo?o' }] } }), false),
  c('http path with space', 'disallow HTTP Path with invalid match clauses', allow({ http: { paths: [{ exact: '/fo o' }] } }), false),
  c('http path with #', 'disallow HTTP Path with invalid match clauses', allow({ http: { paths: [{ exact: '/f#oo' }] } }), false),
  c('http path with #!?', 'disallow HTTP Path with invalid match clauses', allow({ http: { paths: [{ exact: '/fo#!?o' }] } }), false),
  c('http path empty', 'disallow HTTP Path with empty match clauses', allow({ http: { paths: [{}] } }), false),
  c('http duplicate methods', 'disallow HTTP Method with duplicate match clause', allow({ http: { methods: ['GET', 'GET', 'Foo'] } }), false),
];

/** Upstream cases left out: kinds or fields we do not read, and Go-only states; one line per group. */
const LEFT_OUT: readonly { readonly group: string; readonly reason: string; readonly count: number }[] = [
  { group: 'WorkloadEndpoint (ports, spec, interface names, IPNAT)', count: 39, reason: 'kind not read: workload endpoints are derived from pods, not read as manifests' },
  { group: 'IPPool (CIDR, encapsulation modes, nodeSelector, allowedUses, v1 compat fields)', count: 37, reason: 'kind not read (its metadata label/annotation/name cases are restated on a GlobalNetworkSet above)' },
  { group: 'IPReservation', count: 6, reason: 'kind not read' },
  { group: 'BGPConfiguration (log level, service IPs, mesh password/restart, interfaces, communities)', count: 36, reason: 'kind not read' },
  { group: 'BGPPeer (peer IP/port, selectors, reachableBy, password, sourceAddress, restart time)', count: 37, reason: 'kind not read' },
  { group: 'Node spec/status (BGP addresses, RR cluster ID, Wireguard)', count: 14, reason: 'kind not read' },
  { group: 'KubeControllersConfiguration and its controller sub-configs', count: 17, reason: 'kind not read' },
  { group: 'BlockAffinity', count: 2, reason: 'kind not read' },
  { group: 'FelixConfiguration fields we do not model (iptables backend, allow actions, log levels, BPF, route tables, Wireguard, AWS, NAT, Prometheus, ...)', count: 94, reason: 'only failsafe ports, defaultEndpointToHostAction, iptablesMarkMask, iptablesFilterDenyAction, logPrefix, allowVXLANPacketsFromWorkloads and allowIPIPPacketsFromWorkloads are modelled; other Felix fields are ignored' },
  { group: 'Port with both a name and a number range (Go struct numorstring.Port{PortName, MinPort, MaxPort})', count: 1, reason: 'Go-only struct state: YAML gives a port as a number, a "min:max" string or a name, never both' },
];

describe('Calico validator table (upstream validator_test.go)', () => {
  test.each(CASES.map((k) => [k.name, k] as const))('%s', (_name, k) => {
    expect(isValid(k.doc)).toBe(k.valid);
  });

  test('left-out upstream cases are listed with reasons', () => {
    expect(LEFT_OUT.length).toBeGreaterThan(0);
    for (const g of LEFT_OUT) {
      expect(g.reason.length).toBeGreaterThan(0);
      expect(g.count).toBeGreaterThan(0);
    }
  });
});
