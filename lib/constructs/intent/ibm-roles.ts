import { IBM_ROLE_LABEL, WORKER_PRIVATE, WORKER_PUBLIC } from '../ibm/roles';
import { LabelSelector } from '../vocabulary/label-selector';

/** IBM Cloud's host endpoint of a worker's public interface (label `ibm.role: worker_public`). Internal. */
export function ibmWorkerPublic(): LabelSelector {
  return LabelSelector.of({ [IBM_ROLE_LABEL]: WORKER_PUBLIC });
}

/** IBM Cloud's host endpoint of a worker's private interface (label `ibm.role: worker_private`). Internal. */
export function ibmWorkerPrivate(): LabelSelector {
  return LabelSelector.of({ [IBM_ROLE_LABEL]: WORKER_PRIVATE });
}
