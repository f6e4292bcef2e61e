export * from './netsec-app';
export * from './output-provider';
export { addSynthWarning } from './warnings';
