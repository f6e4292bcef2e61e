// How an L1 object becomes its synthesised document: the model's renderer, at synth time, through
// cdk8s's own ApiObject.toJson() (no override; see lib/constructs/l1/rendered-body.ts).
import { Chart, JsonPatch, Testing } from 'cdk8s';
import { CalicoNetworkPolicy, CalicoTier, KubeService, NetsecApiObject } from '../../../lib/constructs/l1';
import { renderResource, renderServiceResource } from '../../../lib/model/parse';
import { NetsecResource } from '../../../lib/model/resources';

function chart(): Chart {
  return new Chart(Testing.app(), 'c', { namespace: 'shop' });
}

/** Every object's keys, depth first: the order a YAML or JSON writer emits them in. */
function keyPaths(v: unknown, at = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, `${at}[${i}]`));
  if (typeof v !== 'object' || v === null) return [];
  return Object.entries(v).flatMap(([k, x]) => [`${at}.${k}`, ...keyPaths(x, `${at}.${k}`)]);
}

describe('L1 synthesised document', () => {
  test('a policy keeps the renderer\'s key order, not cdk8s\'s sorted keys', () => {
    const np = new CalicoNetworkPolicy(chart(), 'np', {
      metadata: { name: 'p' },
      spec: { types: ['Ingress'], ingress: [{ protocol: 'TCP', action: 'Allow' }], selector: 'all()', order: 10, tier: 'default' },
    });
    const json: unknown = np.toJson();
    expect(keyPaths(json)).toEqual(keyPaths(renderResource(np.toResource())));
    // The order of the policy schema (lib/model/parse/schema.ts), neither the order given nor the
    // sorted order cdk8s gives what it resolves itself.
    const specKeys = Object.keys((json as { spec: object }).spec);
    expect(specKeys).toEqual(['tier', 'order', 'selector', 'types', 'ingress']);
    expect(specKeys).not.toEqual([...specKeys].sort());
  });

  test('a Service keeps the renderer\'s key order (type before selector, port fields by the schema)', () => {
    const svc = new KubeService(chart(), 's', {
      metadata: { name: 'api' },
      spec: { selector: { app: 'api' }, type: 'NodePort', ports: [{ targetPort: 'api', port: 9000, protocol: 'TCP', name: 'x' }] },
    });
    const json: unknown = svc.toJson();
    expect(keyPaths(json)).toEqual(keyPaths(renderServiceResource({
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'shop' }, spec: svc.spec,
    })));
    // SERVICE_SPEC's order in lib/model/parse/schema.ts; sorted would be ports, selector, type.
    expect(Object.keys((json as { spec: object }).spec)).toEqual(['type', 'selector', 'ports']);
    expect(Object.keys((json as { spec: { ports: object[] } }).spec.ports[0])).toEqual(['name', 'protocol', 'port', 'targetPort']);
  });

  test('rendered anew at each synth: metadata changed between two calls shows in the second', () => {
    const tier = new CalicoTier(chart(), 't', { metadata: { name: 'security' }, spec: {} });
    expect(tier.toJson().metadata).toEqual({ name: 'security' });
    tier.metadata.addLabel('x', 'y');
    expect(tier.toJson().metadata).toEqual({ name: 'security', labels: { x: 'y' } });
    const svc = new KubeService(chart(), 's', { metadata: { name: 'api' }, spec: { ports: [{ port: 80 }] } });
    expect(svc.toJson().metadata).toEqual({ name: 'api', namespace: 'shop' });
    svc.metadata.addAnnotation('note', 'n');
    expect(svc.toJson().metadata).toEqual({ name: 'api', namespace: 'shop', annotations: { note: 'n' } });
  });

  test('a rendering error fails the synth of the object, naming its construct path and kind', () => {
    class BrokenTier extends CalicoTier {
      public toResource(): NetsecResource {
        throw new Error('boom');
      }
    }
    const broken = new BrokenTier(chart(), 'broken', { metadata: { name: 'b' }, spec: {} });
    expect(NetsecApiObject.isNetsecApiObject(broken)).toBe(true);
    expect(() => broken.toJson()).toThrow("c/broken: cannot render Tier 'b': boom");
  });

  test('user JSON patches are still refused (the rendering patch is the L1\'s own)', () => {
    const tier = new CalicoTier(chart(), 't', { metadata: { name: 'security' }, spec: { order: 100 } });
    expect(() => tier.addJsonPatch(JsonPatch.replace('/spec/order', 1))).toThrow(/^c\/t: addJsonPatch is not supported on Tier 'security'/);
    expect(tier.toJson()).toEqual({ apiVersion: 'projectcalico.org/v3', kind: 'Tier', metadata: { name: 'security' }, spec: { order: 100 } });
  });

  test('a cdk8s that would not render the patch value is refused when an L1 is constructed, not synthesised as the bare value', () => {
    jest.isolateModules(() => {
      const cdk8s = require('cdk8s') as typeof import('cdk8s');
      // as if JsonPatch.apply applied the operations without copying them through JSON
      jest.spyOn(cdk8s.JsonPatch, 'apply').mockImplementation((_doc: unknown, ...ops: JsonPatch[]) =>
        (ops[0] as unknown as { _toJson(): { value: unknown } })._toJson().value);
      const l1 = require('../../../lib/constructs/l1') as typeof import('../../../lib/constructs/l1');
      const c = new cdk8s.Chart(cdk8s.Testing.app(), 'c');
      expect(() => new l1.CalicoTier(c, 't', { metadata: { name: 'security' }, spec: {} }))
        .toThrow(/^cdk8s-netsec: this cdk8s does not render a JSON patch value through its toJSON\(\) .*JsonPatch\.apply gave an object with the keys \[toJSON\]\); allowed: a cdk8s 2\.x/);
    });
  });
});
