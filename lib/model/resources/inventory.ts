/**
 * Annotation that marks an object of the synthesised output as cluster inventory (facts about the
 * cluster, such as its nodes, namespaces and pods) rather than something to apply:
 * `netsec.io/inventory: "true"`. NetsecApp writes such objects to `inventory/<chart>.inventory.yaml`.
 */
export const INVENTORY_ANNOTATION = 'netsec.io/inventory';
/** Annotation on an inventory Node: the name of the worker's public interface. */
export const PUBLIC_INTERFACE_ANNOTATION = 'netsec.io/public-interface';
/** Annotation on an inventory Node: the name of the worker's private interface. */
export const PRIVATE_INTERFACE_ANNOTATION = 'netsec.io/private-interface';

/** True when a plain manifest object carries the inventory annotation. */
export function isInventoryObject(obj: { readonly [key: string]: unknown }): boolean {
  const metadata = obj.metadata;
  if (typeof metadata !== 'object' || metadata === null) return false;
  const annotations = (metadata as { readonly annotations?: unknown }).annotations;
  if (typeof annotations !== 'object' || annotations === null) return false;
  return (annotations as { readonly [key: string]: unknown })[INVENTORY_ANNOTATION] === 'true';
}
