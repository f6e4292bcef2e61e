// `cdk8s-netsec/testing`: Jest matchers over synthesised manifests.
import './jest-types';

export { netsecMatchers, NetsecMatcherResult } from './matchers';
export { NetsecFlowExpectation, NetsecProtocolPort, CalicoPortLike } from './flow';
