export { AppliedDefault, Defaulted, describeDefault } from './applied';
export { applyDefaults } from './defaults';
export { defaultCalicoPolicyTypes } from './policy-types';
export { applyServiceDefaults } from './service';
