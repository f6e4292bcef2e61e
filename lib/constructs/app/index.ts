export * from './output-provider';
export { addSynthWarning } from './warnings';
