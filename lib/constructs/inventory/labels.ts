import { StringMap } from '../../model/resources';
import { checkLabelKey, checkLabelValue } from '../vocabulary/names';

/**
 * A copy of `labels` after checking every key and value is a valid Kubernetes label; throws naming
 * `<path>: <field>`, the bad key or value and what is allowed.
 */
export function checkedLabels(path: string, field: string, labels: StringMap | undefined): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (typeof value !== 'string') {
      throw new Error(`${path}: ${field}.${key}: invalid label value ${JSON.stringify(value)}; allowed: a string`);
    }
    checkLabelKey(`${path}: ${field}`, key);
    checkLabelValue(`${path}: ${field}`, key, value);
    out[key] = value;
  }
  return out;
}
