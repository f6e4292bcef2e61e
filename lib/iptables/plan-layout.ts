// How the plan lays out dispatch, endpoint and policy-group chains: Felix's own layout (the default,
// for comparing with a node's iptables-save) or a compact one with the same verdicts and fewer rules.
import { NetsecInputError } from '../model/errors';

/**
 * `felix`: dispatch chains as Felix's prefix tree, a "return if accepted" after every policy or
 * policy-group jump, both raw chains of a host endpoint with untracked policy. `compact`: flat
 * dispatch chains, an accept check every 5 jumps, raw chains only where there is untracked policy.
 * Both use the same policy-group chains and give every packet the same verdict.
 */
export type PlanLayout = 'felix' | 'compact';

/** Every layout, the default first. */
export const PLAN_LAYOUTS: readonly PlanLayout[] = ['felix', 'compact'];

/** Felix's layout unless another is asked for. */
export const DEFAULT_PLAN_LAYOUT: PlanLayout = 'felix';

/** How a plan is rendered. */
export interface PlanOptions {
  /** @default 'felix' */
  readonly layout?: PlanLayout;
}

/** Thrown for a layout name that is not one of PLAN_LAYOUTS; names where it was given. */
export class PlanLayoutError extends NetsecInputError {
  constructor(where: string, value: string) {
    super(`${where}: plan layout ${JSON.stringify(value)} is not known; allowed: ${PLAN_LAYOUTS.join(', ')}`);
    this.name = 'PlanLayoutError';
  }
}

/** Reads a layout name; throws PlanLayoutError naming `where` otherwise. */
export function parsePlanLayout(value: string, where: string): PlanLayout {
  const found = PLAN_LAYOUTS.find((l) => l === value);
  if (found === undefined) throw new PlanLayoutError(where, value);
  return found;
}
