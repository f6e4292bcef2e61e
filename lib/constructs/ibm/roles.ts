import { LabelSelector } from '../vocabulary/label-selector';

/** The label IKS puts on its host endpoints, and the selectors IBM's policies use. */
export const IBM_ROLE_LABEL = 'ibm.role';
/** `ibm.role` value of a worker's public-interface host endpoint. */
export const WORKER_PUBLIC = 'worker_public';
/** `ibm.role` value of a worker's private-interface host endpoint. */
export const WORKER_PRIVATE = 'worker_private';

/** Selects the public host endpoints of the workers. */
export const SEL_WORKER_PUBLIC = `${IBM_ROLE_LABEL} == '${WORKER_PUBLIC}'`;
/** Selects the private host endpoints of the workers. */
export const SEL_WORKER_PRIVATE = `${IBM_ROLE_LABEL} == '${WORKER_PRIVATE}'`;
/** Selects the public host endpoints of workers and (on IBM's side) masters. */
export const SEL_PUBLIC_ROLES = `${IBM_ROLE_LABEL} in { '${WORKER_PUBLIC}', 'master_public' }`;
/**
 * Selects every Kubernetes pod: the orchestrator term Calico labels each workload endpoint with,
 * as an empty pod selector converts (`projectcalico.org/orchestrator == 'k8s'`).
 */
export const SEL_PODS = LabelSelector.all().toCalicoPods();
