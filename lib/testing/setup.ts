// Add to Jest's `setupFilesAfterEnv`: registers toAllow / toDeny on `expect`.
import './jest-types';
import { netsecMatchers } from './matchers';

const jestExpect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
if (typeof jestExpect?.extend !== 'function') {
  throw new Error('cdk8s-netsec/testing/setup: no Jest `expect` global; load this file from setupFilesAfterEnv');
}
jestExpect.extend(netsecMatchers);
