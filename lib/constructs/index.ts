export * from './l1';
export * from './app';
export * from './vocabulary';
export * from './intent';
export * from './ibm';
export * from './inventory';
export * from './service';
