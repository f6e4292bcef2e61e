// The kube-proxy plan is IPv4 only (kube-proxy runs one iptables proxier per family; the IPv6 one,
// ip6tables, is not rendered). A Service's IPv6 addresses are named in a comment rather than left out
// silently (issue 12). Expected lines written by hand.
import { buildEngineModel, parseEngineInputs } from '../../lib/engine';
import { renderKubeProxy } from '../../lib/iptables/kube-proxy';
import { EXTERNAL_INVENTORY } from '../engine/fixtures/external-services';

const SERVICES = `apiVersion: v1
kind: Service
metadata: {name: dual, namespace: shop}
spec: {clusterIP: 10.96.0.50, clusterIPs: [10.96.0.50, "2001:db8::50"], ipFamilies: [IPv4, IPv6], ipFamilyPolicy: RequireDualStack, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: plain, namespace: shop}
spec: {clusterIP: 10.96.0.51, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`;

test('a dual-stack Service\'s IPv6 cluster IP is named as not rendered; its IPv4 one is rendered; an IPv4 Service gets no note', () => {
  const model = buildEngineModel(parseEngineInputs([{ file: 'c.yaml', text: EXTERNAL_INVENTORY }, { file: 's.yaml', text: SERVICES }]));
  const text = renderKubeProxy(model, 'w1');
  const notes = text.split('\n').filter((l) => l.startsWith('# Not rendered (IPv6)'));
  expect(notes).toEqual(['# Not rendered (IPv6): shop/dual 2001:db8::50']);
  expect(text).toContain('-d 10.96.0.50 --dport 80');
  expect(text).not.toContain('2001:db8::50 --dport');
});
