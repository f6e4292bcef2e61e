// The namespace owner's policies used by the guardrail tests of the lab, written by hand: the
// guestbook frontend opens egress TCP 443 to the whole guarded block 203.0.113.128/26 (the admin
// Deny must still win there, except for the delegated 203.0.113.128/28), and the backend opens
// egress to kube-system TCP 9153 (CoreDNS metrics; the baseline must close it at kube-system).
export const OWNER_OPENS_GUARDED_BLOCK = {
  file: 'owner-opens-guarded-block.yaml',
  text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-to-guarded-block, namespace: guestbook}
spec:
  podSelector: {matchLabels: {tier: frontend}}
  policyTypes: [Egress]
  egress:
  - to: [{ipBlock: {cidr: 203.0.113.128/26}}]
    ports: [{protocol: TCP, port: 443}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backend-to-kube-system-metrics, namespace: guestbook}
spec:
  podSelector: {matchLabels: {tier: backend}}
  policyTypes: [Egress]
  egress:
  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
    ports: [{protocol: TCP, port: 9153}]
`,
};

/** An address of the delegated block 203.0.113.128/28. */
export const DELEGATED_HOST = '203.0.113.130';
/** An address of the guarded block 203.0.113.128/26 outside the delegated part. */
export const GUARDED_HOST = '203.0.113.150';
