/**
 * Annotation that marks an object of the synthesised output as cluster inventory (facts about
 * the cluster, such as its nodes) rather than something to apply: `netsec.io/inventory: "true"`.
 */
export const INVENTORY_ANNOTATION = 'netsec.io/inventory';
/** Annotation on an inventory Node: the name of the worker's public interface. */
export const PUBLIC_INTERFACE_ANNOTATION = 'netsec.io/public-interface';
/** Annotation on an inventory Node: the name of the worker's private interface. */
export const PRIVATE_INTERFACE_ANNOTATION = 'netsec.io/private-interface';
