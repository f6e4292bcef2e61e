export * from './l1';
export * from './app';
