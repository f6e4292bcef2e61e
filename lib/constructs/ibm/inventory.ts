// The inventory annotations live in the model; re-exported here for the IBM constructs' imports.
export { INVENTORY_ANNOTATION, PRIVATE_INTERFACE_ANNOTATION, PUBLIC_INTERFACE_ANNOTATION } from '../../model/resources/inventory';
