import { LabelSelector } from '../vocabulary/label-selector';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';
import { IntentRule } from './rules';

/** An egress Allow to the cluster DNS: pods `k8s-app: kube-dns` in `kube-system`, UDP and TCP 53. Internal. */
export function kubeDnsEgressRule(): IntentRule {
  return {
    action: 'Allow',
    peers: [Peer.pods(LabelSelector.of({ 'k8s-app': 'kube-dns' }), 'kube-system')],
    ports: [Port.udp(53), Port.tcp(53)],
  };
}
