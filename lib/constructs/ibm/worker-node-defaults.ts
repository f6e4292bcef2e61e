import { Construct } from 'constructs';
import { isProtoPortNumber } from '../../model/net';
import { CalicoFelixConfiguration } from '../l1';
import { DefaultPolicy, defaultPolicies } from './default-policies';
import { emitPolicies } from './emit';
import { FelixFailsafe } from './felix-failsafe';
import { WorkerNodeDefaultsGeneration } from './generation';
import { privateHostEndpoint, publicHostEndpoint, requireDistinctNodes } from './host-endpoints';
import { requireCidr } from '../vocabulary/require';
import { addSynthWarning } from '../app';
import { WorkerNode } from './worker-node';

/**
 * The IBM Cloud infrastructure management subnets that IBM requires in every cluster, whatever the
 * region: IBM's "Required nets for all clusters: dal01, dal10, wdc04", the first four entries of
 * `allow-sys-mgmt-private` in every region (a test checks each region's data). IBM does not publish
 * the nets of its default `allow-sys-mgmt`; these are the only management subnets IBM publishes as
 * needed everywhere, so they are the default of `WorkerNodeDefaults`.
 */
export const IKS_REQUIRED_SYS_MGMT_CIDRS: readonly string[] = Object.freeze([
  '10.0.64.0/19',
  '10.200.80.0/20',
  '10.3.160.0/20',
  '10.201.0.0/20',
]);

/** Props of {@link WorkerNodeDefaults}. */
export interface WorkerNodeDefaultsProps {
  /** The workers of the cluster. Each gets its host endpoint(s). */
  readonly nodes: WorkerNode[];
  /** Which generation of IKS defaults to reproduce. @default WorkerNodeDefaultsGeneration.CURRENT */
  readonly generation?: WorkerNodeDefaultsGeneration;
  /**
   * Sources `allow-sys-mgmt` lets in: the IBM Cloud infrastructure management subnets. Use
   * `IbmRegion.tryFacts(region).sysMgmtNets` for the full list of a region.
   * @default IKS_REQUIRED_SYS_MGMT_CIDRS (10.0.64.0/19, 10.200.80.0/20, 10.3.160.0/20, 10.201.0.0/20)
   */
  readonly sysMgmtCidrs?: string[];
  /**
   * The failsafe ports written to the FelixConfiguration `default`. Any entry with TCP 22 prints a
   * warning: SSH then reaches the public interface.
   * @default FelixFailsafe.withoutSsh()
   */
  readonly failsafe?: FelixFailsafe;
  /**
   * Names of default policies NOT to emit. Each prints a warning at synth: IKS recreates its
   * defaults at the next master refresh, and without them the cluster breaks.
   * @default - none: every default of the generation is emitted
   */
  readonly dangerouslyOmitDefaultPolicies?: string[];
  /**
   * Do not emit the FelixConfiguration `default`. Prints a warning: Felix's built-in failsafe list
   * then lets SSH (TCP 22) into every worker's public interface.
   * @default false
   */
  readonly dangerouslyOmitFelixConfiguration?: boolean;
}

/**
 * What IBM Cloud Kubernetes Service creates on every classic cluster, as code: a Calico
 * HostEndpoint on each worker's public interface (`<node>-worker-public`, `ibm.role:
 * worker_public`), the default GlobalNetworkPolicies of the chosen generation with IBM's names,
 * orders and selectors, and (current generation) a private-interface host endpoint per worker
 * with `allow-all-private-default`.
 *
 * Result: SSH (TCP 22) to a worker's public interface is denied (no default policy allows it, and
 * the emitted FelixConfiguration `default` leaves 22 out of the failsafe ports), while the private
 * interface allows it (no host endpoint in the 2018 set; `allow-all-private-default` now).
 *
 * Caution: the FelixConfiguration `default` is written whole. Applying it replaces the cluster's
 * `default` spec; merge other Felix settings you rely on into it first.
 */
export class WorkerNodeDefaults extends Construct {
  /** The generation that was emitted. */
  public readonly generation: WorkerNodeDefaultsGeneration;
  /** Names of the default policies that were emitted. */
  public readonly policyNames: string[];

  constructor(scope: Construct, id: string, props: WorkerNodeDefaultsProps) {
    super(scope, id);
    const path = this.node.path;
    this.generation = props.generation ?? WorkerNodeDefaultsGeneration.CURRENT;
    if (!Object.values(WorkerNodeDefaultsGeneration).includes(this.generation)) {
      throw new Error(`${path}: generation: unknown generation ${JSON.stringify(this.generation)}; `
        + `allowed: ${Object.values(WorkerNodeDefaultsGeneration).join(', ')}`);
    }
    requireDistinctNodes(path, 'nodes', props.nodes);
    const sysMgmtCidrs = validateSysMgmt(path, props.sysMgmtCidrs ?? [...IKS_REQUIRED_SYS_MGMT_CIDRS]);

    const all = defaultPolicies(this.generation, sysMgmtCidrs);
    const omitted = validateOmissions(path, this.generation, all, props.dangerouslyOmitDefaultPolicies ?? []);
    const kept = all.filter(p => !omitted.includes(p.template.name));
    this.policyNames = kept.map(p => p.template.name);

    for (const node of props.nodes) {
      publicHostEndpoint(this, node);
      if (this.generation === WorkerNodeDefaultsGeneration.CURRENT) privateHostEndpoint(this, node);
    }
    emitPolicies(this, kept.map(p => p.template));
    for (const p of all.filter(d => omitted.includes(d.template.name))) {
      addSynthWarning(this, `dangerouslyOmitDefaultPolicies: IKS default policy '${p.template.name}' is not emitted: `
        + `${p.purpose}. IKS recreates it at the next master refresh.`);
    }

    if (props.dangerouslyOmitFelixConfiguration) {
      addSynthWarning(this, 'dangerouslyOmitFelixConfiguration: FelixConfiguration \'default\' is not emitted: Felix\'s '
        + 'built-in failsafe ports then let SSH (TCP 22) into every worker\'s public interface.');
      return;
    }
    const failsafe = props.failsafe ?? FelixFailsafe.withoutSsh();
    validateFailsafe(path, failsafe);
    if (failsafe.allowsSshIn()) {
      addSynthWarning(this, 'failsafe: the inbound failsafe ports include TCP 22: SSH reaches every worker\'s public '
        + 'interface whatever the policies say.');
    }
    new CalicoFelixConfiguration(this, 'FelixConfiguration', {
      metadata: { name: 'default' },
      spec: {
        failsafeInboundHostPorts: failsafe.inbound.map(p => p.toProtoPort()),
        ...(failsafe.outbound ? { failsafeOutboundHostPorts: failsafe.outbound.map(p => p.toProtoPort()) } : {}),
      },
    });
  }
}

function validateSysMgmt(path: string, cidrs: string[]): string[] {
  if (cidrs.length === 0) {
    throw new Error(`${path}: sysMgmtCidrs: empty list; allowed: at least one CIDR (an empty nets list would match `
      + 'every source); to drop the policy use dangerouslyOmitDefaultPolicies: [\'allow-sys-mgmt\']');
  }
  cidrs.forEach((c, i) => requireCidr(path, `sysMgmtCidrs[${i}]`, c));
  return [...cidrs];
}

function validateOmissions(path: string, generation: WorkerNodeDefaultsGeneration, all: DefaultPolicy[], names: string[]): string[] {
  const known = all.map(p => p.template.name);
  names.forEach((n, i) => {
    if (!known.includes(n)) {
      throw new Error(`${path}: dangerouslyOmitDefaultPolicies[${i}]: ${JSON.stringify(n)} is not a default policy of `
        + `generation ${generation}; allowed: ${known.join(', ')}`);
    }
  });
  return names;
}

function validateFailsafe(path: string, failsafe: FelixFailsafe): void {
  const check = (list: string, entries: FelixFailsafe['inbound']): void => {
    entries.forEach((p, i) => {
      if (!isProtoPortNumber(p.port)) {
        throw new Error(`${path}: failsafe.${list}[${i}]: invalid port ${JSON.stringify(p.port)}; allowed: an integer 0-65535`);
      }
      if (p.net !== undefined) requireCidr(path, `failsafe.${list}[${i}].net`, p.net);
    });
  };
  check('inbound', failsafe.inbound);
  check('outbound', failsafe.outbound ?? []);
}
