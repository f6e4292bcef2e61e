export * from './inventory-namespace';
export * from './inventory-pod';
export { InventoryContainerPort } from './container-port';
