// The Service a Calico rule's `services` match names, keyed as Felix keys its sets (`namespace/name`).
import { ServiceMatch } from '../../model/resources';
import { InputService } from './services';

/** `namespace/name` as Felix keys the set (an empty namespace stays empty: `/name` has no slices). */
export function serviceKey(match: ServiceMatch): string {
  return `${match.namespace ?? ''}/${match.name ?? ''}`;
}

const byList = new WeakMap<readonly InputService[], Map<string, InputService>>();

/** The Service the match names, or undefined when the inputs hold none (its sets are then empty). */
export function findMatchedService(services: readonly InputService[], match: ServiceMatch): InputService | undefined {
  let index = byList.get(services);
  if (!index) {
    index = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
    byList.set(services, index);
  }
  return index.get(serviceKey(match));
}
