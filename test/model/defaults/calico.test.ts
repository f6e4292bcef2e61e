// Calico's defaulting of policies and tiers, from its own tests (projectcalico/calico
// api/pkg/defaults/defaults_test.go: "types" and "tier label" tables, for NetworkPolicy and
// GlobalNetworkPolicy) and the CRD markers (`+kubebuilder:default=default` on spec.tier,
// `+kubebuilder:default=Deny` on a Tier's defaultAction). The documents are our own.
import { applyDefaults } from '../../../lib/model/defaults';
import { NetsecResource } from '../../../lib/model/resources';

const API = 'projectcalico.org/v3';
type Spec = Record<string, unknown>;

function policy(kind: 'NetworkPolicy' | 'GlobalNetworkPolicy', spec: Spec, labels?: Record<string, string>): NetsecResource {
  const metadata = { name: 'test', ...(kind === 'NetworkPolicy' ? { namespace: 'shop' } : {}), ...(labels ? { labels } : {}) };
  return { apiVersion: API, kind, metadata, spec } as unknown as NetsecResource;
}
const specOf = (r: NetsecResource): Spec => (r as unknown as { spec: Spec }).spec;
const R = { action: 'Allow' };

describe.each(['NetworkPolicy', 'GlobalNetworkPolicy'] as const)('Calico %s defaults', (kind) => {
  test.each([
    ['no rules - defaults to Ingress', {}, ['Ingress']],
    ['ingress only - defaults to Ingress', { ingress: [R] }, ['Ingress']],
    ['egress only - defaults to Egress', { egress: [R] }, ['Egress']],
    ['both ingress and egress - defaults to both', { ingress: [R], egress: [R] }, ['Ingress', 'Egress']],
  ])('types: %s', (_name, spec, types) => {
    const { resource, defaults } = applyDefaults(policy(kind, spec));
    expect(specOf(resource).types).toEqual(types);
    expect(defaults.map((d) => d.field)).toContain('spec.types');
  });

  test('types: already set - not overwritten', () => {
    const { resource, defaults } = applyDefaults(policy(kind, { types: ['Egress'] }));
    expect(specOf(resource).types).toEqual(['Egress']);
    expect(defaults.map((d) => d.field)).not.toContain('spec.types');
  });

  test.each([
    ["empty tier defaults label to 'default'", undefined, undefined, 'default', true],
    ['explicit tier sets label', 'net-sec', undefined, 'net-sec', true],
    ['label already correct returns no change', 'net-sec', 'net-sec', 'net-sec', false],
    ["label already 'default' with empty tier returns no change", undefined, 'default', 'default', false],
  ])('tier label: %s', (_name, tier, existing, expected, changed) => {
    const spec = { types: ['Ingress'], ...(tier ? { tier } : {}) };
    const { resource, defaults } = applyDefaults(policy(kind, spec, existing ? { 'projectcalico.org/tier': existing } : undefined));
    expect(resource.metadata.labels?.['projectcalico.org/tier']).toBe(expected);
    const label = defaults.find((d) => d.field === 'metadata.labels.projectcalico.org/tier');
    expect(label !== undefined).toBe(changed);
    // the label decides nothing that is enforced, so verdict traces leave it out
    if (label) expect(label.enforced).toBe(false);
  });

  test('spec.tier defaults to default (CRD marker), and an explicit tier is kept', () => {
    expect(specOf(applyDefaults(policy(kind, { types: ['Ingress'] })).resource).tier).toBe('default');
    const kept = applyDefaults(policy(kind, { types: ['Ingress'], tier: 'security' }));
    expect(specOf(kept.resource).tier).toBe('security');
    expect(kept.defaults.map((d) => d.field)).not.toContain('spec.tier');
  });

  test('other labels are kept beside the tier label', () => {
    const { resource } = applyDefaults(policy(kind, { types: ['Ingress'] }, { team: 'a' }));
    expect(resource.metadata.labels).toEqual({ team: 'a', 'projectcalico.org/tier': 'default' });
  });
});

describe('Calico Tier defaults', () => {
  const tier = (spec: Spec): NetsecResource => ({ apiVersion: API, kind: 'Tier', metadata: { name: 'security' }, spec }) as unknown as NetsecResource;
  test('defaultAction defaults to Deny', () => {
    const { resource, defaults } = applyDefaults(tier({ order: 100 }));
    expect(specOf(resource)).toEqual({ order: 100, defaultAction: 'Deny' });
    expect(defaults).toEqual([{ field: 'spec.defaultAction', value: 'Deny', by: 'Calico API server' }]);
  });
  test('an explicit Pass is kept', () => {
    const { resource, defaults } = applyDefaults(tier({ order: 100, defaultAction: 'Pass' }));
    expect(specOf(resource).defaultAction).toBe('Pass');
    expect(defaults).toEqual([]);
  });
});
