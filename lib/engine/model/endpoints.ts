// Workload endpoints from inventory pods and host endpoints from HostEndpoint resources.
import { HostEndpoint, StringMap } from '../../model/resources';
import { canonicalAddress } from '../../model/net';
import { NAMESPACE_PROFILE_PREFIX, serviceAccountProfileName } from '../../model/convert';
import { DSCP_ANNOTATION, DSCP_FIELD, parseDscp } from '../../model/validate';
import { InventoryPod } from '../input/inventory';
import { Endpoint } from './types';
import { vethNameForWorkload } from './veth';

/**
 * The workload endpoint Calico makes for a pod, with its profiles `kns.<ns>` and, when the pod names
 * a service account, `ksa.<ns>.<sa>` (libcalico-go workload_endpoint_default.go podToDefaultWorkloadEndpoint).
 * `serviceAccountLabels` are the labels of the pod's ServiceAccount, when it was read.
 */
export function workloadEndpoint(pod: InventoryPod, namespaceLabels: StringMap, serviceAccountLabels?: StringMap): Endpoint {
  const labels: { [key: string]: string } = {
    ...pod.labels,
    'projectcalico.org/namespace': pod.namespace,
    'projectcalico.org/orchestrator': 'k8s',
  };
  if (pod.serviceAccount) labels['projectcalico.org/serviceaccount'] = pod.serviceAccount;
  return {
    id: `${pod.namespace}/${pod.name}`,
    kind: 'workload',
    name: pod.name,
    namespace: pod.namespace,
    node: pod.nodeName,
    interfaceName: vethNameForWorkload(pod.namespace, pod.name),
    ips: pod.ips,
    labels,
    namespaceLabels,
    serviceAccount: pod.serviceAccount,
    ...(pod.serviceAccount && serviceAccountLabels ? { serviceAccountLabels } : {}),
    namedPorts: pod.namedPorts,
    profiles: [`${NAMESPACE_PROFILE_PREFIX}${pod.namespace}`, ...(pod.serviceAccount ? [serviceAccountProfileName(pod.namespace, pod.serviceAccount)] : [])],
    ...(pod.workload ? { workload: `${pod.namespace}/${pod.workload}` } : {}),
    ...(pod.dscp !== undefined ? { dscp: pod.dscp } : {}),
  };
}

/** The endpoint of a HostEndpoint resource (validated: its DSCP annotation, if any, is one Calico accepts). */
export function hostEndpoint(hep: HostEndpoint): Endpoint {
  const annotation = hep.metadata.annotations?.[DSCP_ANNOTATION];
  const dscp = annotation === undefined ? undefined : parseDscp(annotation);
  if (dscp !== undefined && 'problem' in dscp) throw new Error(`HostEndpoint ${hep.metadata.name}: ${DSCP_FIELD}: ${dscp.problem} (not validated on read)`);
  return {
    ...(dscp !== undefined ? { dscp: dscp.value } : {}),
    id: `hostendpoint/${hep.metadata.name}`,
    kind: 'host',
    name: hep.metadata.name,
    node: hep.spec.node ?? '',
    interfaceName: hep.spec.interfaceName ?? '',
    ips: (hep.spec.expectedIPs ?? []).map(canonicalAddress),
    labels: hep.metadata.labels ?? {},
    namedPorts: (hep.spec.ports ?? []).map((p) => ({ name: p.name, protocol: p.protocol, port: p.port })),
    profiles: hep.spec.profiles ?? [],
  };
}
