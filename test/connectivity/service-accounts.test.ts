// The connectivity map with the ksa.<ns>.<sa> profile every pod naming a service account gets:
// the profile has no rules and the namespace profile accepts first, so the map is the one of the
// same pods without service accounts, line for line.
import { computeConnectivity, formatConnectivity } from '../../lib/connectivity';
import { PodDef, inventory, model } from '../engine/helpers/world';

const pods: PodDef[] = Array.from({ length: 6 }, (_, i) => ({ ns: `n${i % 2}`, name: `p${i}`, ip: `192.0.2.${i + 11}`, labels: { tier: `t${i % 3}` } }));
// n0: t0 pods take TCP 80 from t1 pods only; everything else is open (no policy: kns allows)
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: t0-from-t1, namespace: n0}
spec:
  podSelector: {matchLabels: {tier: t0}}
  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {tier: t1}}}], ports: [{protocol: TCP, port: 80}]}]
`;

describe('connectivity with service account profiles', () => {
  it('prints the same map as without service accounts', () => {
    const plain = model(POLICY, inventory(pods));
    const withSa = model(POLICY, inventory(pods.map((p, i) => ({ ...p, serviceAccount: i % 2 === 0 ? 'default' : 'web' }))));
    expect(withSa.endpoints.find((e) => e.id === 'n1/p1')?.profiles).toEqual(['kns.n1', 'ksa.n1.web']);
    const text = formatConnectivity(computeConnectivity(withSa).lines, 'txt');
    expect(text).toBe(formatConnectivity(computeConnectivity(plain).lines, 'txt'));
    // by hand: n0/p0 (t0) is reached by n1/p1 (t1) on TCP 80 only, and by n1/p3 (t0) not at all
    expect(text).toContain('n1/p1 => n0/p0 : TCP 80\n');
    expect(text).not.toContain('n1/p3 => n0/p0 ');
  });
});
