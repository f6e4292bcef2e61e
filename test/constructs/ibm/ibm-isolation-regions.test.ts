import * as fs from 'fs';
import * as path from 'path';
import {
  IbmPrivateNetworkIsolation, IbmPublicNetworkIsolation, IbmRegion, WorkerNode,
} from '../../../lib/constructs/ibm';
import { Manifest, newChart, sortManifests, synthChart } from './helpers';

/**
 * For every region, the isolation constructs must synthesise exactly IBM's published documents
 * (IBM-Cloud/kube-samples calico-policies/, normalised by scripts/ibm-fixtures.ts: comments
 * dropped, keys sorted, empty source/destination removed). The fixtures are the project's own
 * copy of IBM's data; they are not generated from the library.
 */
interface Fixture {
  readonly documents: Array<{ readonly file: string; readonly resource: Manifest }>;
}

const FIXTURES = path.join(__dirname, 'fixtures');
const REGIONS = ['au-syd', 'br-sao', 'ca-tor', 'eu-de', 'eu-es', 'eu-gb', 'jp-osa', 'jp-tok', 'us-east', 'us-south'];

function fixture(set: string, region: string): Manifest[] {
  const f = JSON.parse(fs.readFileSync(path.join(FIXTURES, set, `${region}.json`), 'utf8')) as Fixture;
  return f.documents.map(d => d.resource);
}

/** IBM's host endpoint template with its placeholders filled in for the given workers. */
function fillHostEndpointTemplate(expected: Manifest[], nodes: Array<{ name: string; privateIp: string }>): Manifest[] {
  let i = 0;
  return expected.map(m => {
    if (m.kind !== 'HostEndpoint') return m;
    const n = nodes[i++];
    const meta = m.metadata as { name: string; labels: { [k: string]: string } };
    const spec = m.spec as { node: string; interfaceName: string; expectedIPs: string[] };
    expect(meta.name).toBe('<worker-node-name>-worker-private');
    expect(spec.node).toBe('<worker-node-name>');
    expect(spec.expectedIPs).toEqual(['<worker-node-private-ip>']);
    return {
      ...m,
      metadata: { ...meta, name: meta.name.replace('<worker-node-name>', n.name) },
      spec: { ...spec, node: n.name, expectedIPs: [n.privateIp] },
    };
  });
}

test('the fixtures cover exactly the regions of the library', () => {
  expect(fs.readdirSync(path.join(FIXTURES, 'public-network-isolation')).sort()).toEqual(REGIONS.map(r => `${r}.json`));
  expect(fs.readdirSync(path.join(FIXTURES, 'private-network-isolation')).sort()).toEqual(REGIONS.map(r => `${r}.json`));
  expect(IbmRegion.all().map(r => r.name)).toEqual(REGIONS);
});

describe.each(REGIONS)('region %s', (region) => {
  test('IbmPublicNetworkIsolation with every optional policy equals IBM\'s public set', () => {
    const { app, chart } = newChart();
    new IbmPublicNetworkIsolation(chart, 'public', {
      region: IbmRegion.of(region),
      publicServices: true,
      publicServicesPods: true,
      kubernetesDashboard: true,
      openShift: true,
    });
    const actual = synthChart(app, chart);
    expect(sortManifests(actual)).toEqual(sortManifests(fixture('public-network-isolation', region)));
  });

  test('IbmPrivateNetworkIsolation with every optional policy equals IBM\'s private set', () => {
    const expectedRaw = fixture('private-network-isolation', region);
    // IBM's template has two worker entries (none for ca-tor, which has no template).
    const templateCount = expectedRaw.filter(m => m.kind === 'HostEndpoint').length;
    const { app, chart } = newChart();
    const nodes = [
      { name: 'worker-a', privateIp: '192.0.2.10', publicIp: '203.0.113.10' },
      { name: 'worker-b', privateIp: '192.0.2.11', publicIp: '203.0.113.11' },
    ].slice(0, templateCount);
    const workers = nodes.map(n => new WorkerNode(chart, n.name, n));
    new IbmPrivateNetworkIsolation(chart, 'private', {
      region: IbmRegion.of(region),
      privateServices: true,
      privateServicesPods: true,
      openShift311HostEndpoints: workers,
    });
    const actual = synthChart(app, chart).filter(m => m.kind !== 'Node');
    expect(sortManifests(actual)).toEqual(sortManifests(fillHostEndpointTemplate(expectedRaw, nodes)));
  });
});
