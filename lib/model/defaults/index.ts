export { AppliedDefault, Defaulted, describeDefault } from './applied';
export { DefaultOptions, applyDefaults } from './defaults';
export { defaultCalicoPolicyTypes } from './policy-types';
