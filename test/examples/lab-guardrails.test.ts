// The lab's platform guardrails (examples/ibm-lab/guardrails.ts) through the engine: which tier
// decides. Expectations by hand from what the chart declares: kube-admin (always-allow-dns 10,
// delegate-partner-block 20 Pass to 203.0.113.128/28, deny-guarded-block 30 Deny 203.0.113.128/26),
// then the default tier (the guestbook's NetworkPolicies and IBM's allow-egress-pods-public, which
// allows every pod TCP 443 out), then kube-baseline (baseline-kube-system-closed: kube-system
// denies ingress from every namespace's pods).
import { buildEngineModel, buildFlow, evaluateFlow, FlowVerdict, parseEngineInputs } from '../../lib/engine';
import { DELEGATED_HOST, GUARDED_HOST, OWNER_OPENS_GUARDED_BLOCK } from './lab-guardrails.fixture';
import { synthLab } from './lab-world';

const { files } = synthLab();
const lab = files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ file: f.path, text: f.content }));
/** The guestbook's DenyCidr tier (order 100) comes first and passes what it does not deny. */
const NETSEC_DENY = ['netsec-deny', 'end-of-tier-pass'];
const plain = buildEngineModel(parseEngineInputs(lab));
const opened = buildEngineModel(parseEngineInputs([...lab, OWNER_OPENS_GUARDED_BLOCK]));

function egressTiers(m: typeof plain, from: string, to: string, port: number): { allowed: boolean; tiers: string[][] } {
  const v: FlowVerdict = evaluateFlow(m, buildFlow(m, { from, to, protocol: 'TCP', port }));
  return { allowed: v.allowed, tiers: v.egress.stages[0].tiers.map((t) => [t.tier, t.outcome]) };
}

test('the lab declares the four guardrails as ClusterNetworkPolicies', () => {
  const k8s = files.find((f) => f.path.endsWith('lab.k8s.yaml'))?.content ?? '';
  for (const name of ['always-allow-dns', 'always-allow-dns-ingress', 'delegate-partner-block', 'deny-guarded-block', 'baseline-kube-system-closed']) {
    expect(k8s).toContain(`kind: ClusterNetworkPolicy\nmetadata:\n  name: ${name}\n`);
  }
});

test('an admin Deny wins over the namespace Allow: frontend -> guarded block 443', () => {
  expect(egressTiers(opened, 'guestbook/frontend-1', GUARDED_HOST, 443)).toEqual({ allowed: false, tiers: [NETSEC_DENY, ['kube-admin', 'deny']] });
});

test('Pass hands the delegated block down to the default tier, where the owner (and IBM) allow 443', () => {
  expect(egressTiers(opened, 'guestbook/frontend-1', DELEGATED_HOST, 443).tiers.slice(0, 3)).toEqual([NETSEC_DENY, ['kube-admin', 'pass'], ['default', 'allow']]);
  expect(egressTiers(opened, 'guestbook/frontend-1', DELEGATED_HOST, 443).allowed).toBe(true);
  expect(egressTiers(plain, 'guestbook/backend-1', DELEGATED_HOST, 443).allowed).toBe(true);
  expect(egressTiers(plain, 'guestbook/backend-1', DELEGATED_HOST, 8080)).toEqual({ allowed: false, tiers: [NETSEC_DENY, ['kube-admin', 'pass'], ['default', 'end-of-tier-drop']] });
});

test('the baseline Deny decides where no namespace policy selects the pod: guestbook backend -> kube-system TCP 9153', () => {
  const v = evaluateFlow(opened, buildFlow(opened, { from: 'guestbook/backend-2', to: 'kube-system/coredns-1', protocol: 'TCP', port: 9153 }));
  expect(v.egress.allowed).toBe(true);
  expect({ allowed: v.allowed, tiers: v.ingress.stages[0].tiers.map((t) => [t.tier, t.outcome]) })
    .toEqual({ allowed: false, tiers: [['kube-admin', 'end-of-tier-pass'], ['kube-baseline', 'deny']] });
});

test('DNS stays allowed at kube-system (an admin Accept before the baseline); the rest of the internet is untouched', () => {
  expect(evaluateFlow(plain, buildFlow(plain, { from: 'guestbook/db-0', to: 'kube-system/coredns-1', protocol: 'UDP', port: 53 })).allowed).toBe(true);
  expect(egressTiers(plain, 'kube-system/coredns-1', '203.0.113.100', 443).allowed).toBe(true);
});
