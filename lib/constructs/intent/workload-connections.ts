import { Construct } from 'constructs';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';
import { IPodWorkload, workloadPods } from '../vocabulary/workload';
import { AllowEgressTo } from './allow-egress-to';
import { AllowFromPods } from './allow-from-pods';
import { collectErrors } from './collect-errors';
import { PolicyTarget } from './policy-target';

/** Props of {@link WorkloadConnections}. */
export interface WorkloadConnectionsProps {
  /** The workload whose connections these are, e.g. a cdk8s-plus `Deployment` (it needs a namespace). */
  readonly workload: IPodWorkload;
}

/**
 * The connections of one workload, in the spirit of AWS CDK's `ec2.Connections`. Each call allows
 * one kind of new connection at both of its ends, so it works under a default deny of ingress
 * and egress: `allowFrom(other, ports)` emits an {@link AllowFromPods} for this workload (ingress
 * from `other`'s pods) and an {@link AllowEgressTo} for `other` (egress to this workload's pods);
 * `allowTo(other, ports)` the same with the roles swapped. Call `n` (0, 1, ...) emits the policies
 * `<id>-<n>-ingress` and `<id>-<n>-egress` (in the receiver's and the sender's namespace), as
 * children `<n>-ingress` and `<n>-egress`. Problems (a workload without a namespace) are listed at synth.
 */
export class WorkloadConnections extends Construct {
  /** The workload whose connections these are. */
  public readonly workload: IPodWorkload;
  private calls = 0;

  constructor(scope: Construct, id: string, props: WorkloadConnectionsProps) {
    super(scope, id);
    this.workload = props.workload;
  }

  /** Lets the pods of `other` open new connections to this workload's pods on `ports`. */
  public allowFrom(other: IPodWorkload, ports: Port[]): void {
    this.connect(other, this.workload, ports);
  }

  /** Lets this workload's pods open new connections to the pods of `other` on `ports`. */
  public allowTo(other: IPodWorkload, ports: Port[]): void {
    this.connect(this.workload, other, ports);
  }

  private connect(sender: IPodWorkload, receiver: IPodWorkload, ports: Port[]): void {
    const n = this.calls++;
    collectErrors(this, () => {
      const from = workloadPods('WorkloadConnections', sender);
      new AllowFromPods(this, `${n}-ingress`, {
        name: `${this.node.id}-${n}-ingress`, target: PolicyTarget.workload(receiver),
        fromPods: from.selector, fromNamespace: from.namespace, ports,
      });
      new AllowEgressTo(this, `${n}-egress`, {
        name: `${this.node.id}-${n}-egress`, target: PolicyTarget.workload(sender), to: [Peer.workload(receiver)], ports,
      });
    });
  }
}
