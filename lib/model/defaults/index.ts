export { AppliedDefault, Defaulted, describeDefault } from './applied';
export { applyDefaults } from './defaults';
export { defaultCalicoPolicyTypes } from './policy-types';
export { DEFAULT_AFFINITY_SECONDS, applyServiceDefaults } from './service';
