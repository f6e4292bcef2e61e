// Which Service probes verify sends on one node, and how they are judged, without a kernel: the
// hand-written scenario of test/kernel/fixtures/services on node w1 (web-1, web-2 and client on
// w1, web-3 on w2), with a topology described by hand.
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { engineJudge } from '../../lib/verify/engine-judge';
import { serviceAddresses, serviceVariants, unprobedServiceAddresses } from '../../lib/verify/service-flows';
import { EXTERNAL_INVENTORY, EXTERNAL_MANIFESTS } from '../engine/fixtures/external-services';
import { Topology } from '../../lib/verify/topology';

const text = readFileSync(join(__dirname, '..', 'kernel', 'fixtures', 'services', 'scenario.yaml'), 'utf8');
const model = buildEngineModel(parseEngineInputs([{ file: 'services/scenario.yaml', text }]));
const topology: Topology = {
  tag: 't', nodeNs: 'node',
  workloads: [
    { id: 'shop/client', interfaceName: 'cali1', ips: ['198.51.100.20'], ns: 'pc' },
    { id: 'shop/web-1', interfaceName: 'cali2', ips: ['198.51.100.10'], ns: 'p1' },
    { id: 'shop/web-2', interfaceName: 'cali3', ips: ['198.51.100.11'], ns: 'p2' },
  ],
  links: [{ interfaceName: 'eth1', nodeIps: ['203.0.113.1'], peerIps: ['203.0.113.200'], peerNs: 'pub' }],
  destroy: async () => undefined,
};
const variants = serviceVariants(model, 'w1', topology);
const flows = variants.flatMap((v) => v.flows);
const find = (src: string, dst: string, port: number, backend: string) => {
  const hit = flows.filter((f) => f.source.ip === src && f.destination.ip === dst && f.port === port && f.listen?.ip === backend);
  if (hit.length !== 1) throw new Error(`expected one flow ${src} -> ${dst}:${port} to ${backend}, found ${hit.length}`);
  return hit[0];
};

describe('Service probes of one node', () => {
  it('one kube-proxy variant per backend built here (web-1, web-2), each pinned to that backend only', () => {
    // backends of every port: web-1, web-2, web-3 in that order; web-3 is on w2, so no third variant
    expect(variants).toHaveLength(2);
    for (const [k, v] of variants.entries()) {
      const pinned = k === 0 ? '198.51.100.10' : '198.51.100.11';
      const other = k === 0 ? '198.51.100.11' : '198.51.100.10';
      expect(v.kubeProxy).toContain(`shop/web:http -> ${pinned}:8080`);
      expect(v.kubeProxy).not.toContain(`shop/web:http -> ${other}:8080`);
      expect(v.kubeProxy).not.toContain('-m statistic');
      expect(new Set(v.flows.map((f) => f.listen?.ip))).toEqual(new Set([pinned]));
    }
  });

  it('probes a cluster IP from the other pods (not from the backend itself), nodePorts and the LoadBalancer IP from the peer host', () => {
    const f = find('198.51.100.20', '192.0.2.100', 80, '198.51.100.10');
    expect(f.service).toEqual({ kind: 'clusterIP', node: 'w1', service: 'shop/web', servicePort: 80, backend: 0 });
    expect(f.listen).toEqual({ ns: 'p1', ip: '198.51.100.10', port: 8080 });
    expect(() => find('198.51.100.10', '192.0.2.100', 80, '198.51.100.10')).toThrow('found 0');
    expect(find('203.0.113.200', '203.0.113.1', 30080, '198.51.100.11').service?.kind).toBe('nodePort');
    expect(find('203.0.113.200', '203.0.113.50', 443, '198.51.100.11').service).toEqual({ kind: 'loadBalancer', node: 'w1', service: 'shop/web-lb', servicePort: 443, backend: 1 });
    expect(flows.some((f) => f.listen?.ip === '198.51.100.12')).toBe(false);
    expect(serviceAddresses(model)).toEqual(['203.0.113.50']);
  });

  it('judges each probe on the engine\'s path to its backend', () => {
    const judge = engineJudge(model);
    // by hand: the client reaches web through its services rule and web's ingress; web-1 -> web-2 is refused by web's ingress
    expect(judge.judge(find('198.51.100.20', '192.0.2.100', 80, '198.51.100.11')).allowed).toBe(true);
    expect(judge.judge(find('198.51.100.10', '192.0.2.100', 80, '198.51.100.11')).allowed).toBe(false);
    // the client's services rule admits only web's endpoints at 8080: web-admin's 9090 is dropped
    expect(judge.judge(find('198.51.100.20', '192.0.2.104', 9090, '198.51.100.10')).allowed).toBe(false);
    // the internet's /24 is allowed on 8080; on the same node the backend sees the client
    expect(judge.judge(find('203.0.113.200', '203.0.113.1', 30080, '198.51.100.10')).allowed).toBe(true);
    expect(judge.judge(find('203.0.113.200', '203.0.113.1', 30090, '198.51.100.10')).allowed).toBe(false);
  });

  it('refuses to judge a probe whose Service the engine does not find there (counted as a mismatch by compareFlows)', () => {
    const f = find('203.0.113.200', '203.0.113.1', 30080, '198.51.100.10');
    expect(() => engineJudge(model).judge({ ...f, service: { ...f.service!, service: 'shop/other' } })).toThrow('is for Service shop/other, but the engine finds shop/web-cluster (nodePort)');
  });
});

describe('Service addresses outside the documentation ranges', () => {
  // test/engine/fixtures/external-services: cluster IPs 10.96.0.20-22, LoadBalancer 203.0.113.50, web-1 on w1
  const external = buildEngineModel(parseEngineInputs([{ file: 'm.yaml', text: `${EXTERNAL_INVENTORY}---\n${EXTERNAL_MANIFESTS}` }]));
  const w1: Topology = { ...topology, workloads: [{ id: 'shop/web-1', interfaceName: 'cali2', ips: ['198.51.100.10'], ns: 'p1' }, { id: 'shop/x', interfaceName: 'cali9', ips: ['198.51.100.99'], ns: 'px' }] };

  it('are never probed, and are listed for the report', () => {
    const sent = serviceVariants(external, 'w1', w1).flatMap((v) => v.flows);
    expect(sent.filter((f) => f.destination.ip.startsWith('10.'))).toEqual([]);
    expect(sent.some((f) => f.service?.kind === 'nodePort')).toBe(true);
    expect(unprobedServiceAddresses(external)).toEqual(['10.96.0.20', '10.96.0.21', '10.96.0.22']);
    expect(unprobedServiceAddresses(model)).toEqual([]);
  });
});
