// Where synth writes each kind of output inside the output folder. One folder per way of using
// a file, so that `kubectl apply -f dist/kubernetes/` and `calicoctl apply -f dist/calico/` take
// exactly their files; the inventory and the iptables plan are in folders nothing applies, and
// the output folder itself holds no manifest (`kubectl apply -f dist/` applies nothing).

/** The folder of `<chart>.k8s.yaml` files: `kubectl apply -f <outdir>/kubernetes/`. */
const KUBERNETES_FOLDER = 'kubernetes';
/** The folder of `<chart>.calico.yaml` files: `calicoctl apply -f <outdir>/calico/`. */
const CALICO_FOLDER = 'calico';
/** The folder of `<chart>.inventory.yaml` files: never applied, read by the engine (`--cluster`). */
const INVENTORY_FOLDER = 'inventory';

/** The output path of a chart's Kubernetes resources. */
export function kubernetesFilePath(stem: string): string {
  return `${KUBERNETES_FOLDER}/${stem}.k8s.yaml`;
}

/** The output path of a chart's Calico resources. */
export function calicoFilePath(stem: string): string {
  return `${CALICO_FOLDER}/${stem}.calico.yaml`;
}

/** The output path of a chart's inventory objects. */
export function inventoryFilePath(stem: string): string {
  return `${INVENTORY_FOLDER}/${stem}.inventory.yaml`;
}

/** True for an output path `kubectl apply` or `calicoctl apply` takes (the Kubernetes and Calico files). */
export function isAppliedFilePath(p: string): boolean {
  return p.startsWith(`${KUBERNETES_FOLDER}/`) || p.startsWith(`${CALICO_FOLDER}/`);
}
