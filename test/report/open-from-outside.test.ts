// The report's "open from outside" column: every connection an outside address may open on a host
// endpoint, failsafe ports included. Worked out by hand: a public host endpoint whose only policy
// denies all ingress is still open on Felix's default inbound failsafe ports (tcp 22, 179, 2379,
// 2380, 5473, 6443, 6666, 6667 and udp 68), which are accepted before any policy.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../lib/cli/commands/report';
import { capture } from '../diff/run';

const MANIFESTS = `apiVersion: projectcalico.org/v3
kind: HostEndpoint
metadata: {name: n1-public, labels: {role: public}}
spec: {node: n1, interfaceName: eth1, expectedIPs: [203.0.113.5]}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkPolicy
metadata: {name: deny-public-ingress}
spec:
  selector: role == 'public'
  types: [Ingress]
  ingress: [{action: Deny}]
`;
const CLUSTER = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1}
  status: {addresses: [{type: InternalIP, address: 203.0.113.5}]}
`;

test('open from outside lists the failsafe ports, over every protocol and port', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-report-hep-'));
  try {
    fs.writeFileSync(path.join(dir, 'm.yaml'), MANIFESTS);
    fs.writeFileSync(path.join(dir, 'c.yaml'), CLUSTER);
    const r = capture(command, ['--manifests', path.join(dir, 'm.yaml'), '--cluster', path.join(dir, 'c.yaml'), '--out', path.join(dir, 'r.html')]);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<td class="open">TCP 22,179,2379-2380,5473,6443,6666-6667,UDP 68</td>');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
