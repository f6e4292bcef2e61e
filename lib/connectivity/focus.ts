// `connectivity --focus NAME`: which pairs of parties and which of their lines concern NAME, a
// workload, a pod, a host endpoint or a range. A line belongs to its pair of parties: when the pods of
// a workload differ, its lines name the pods, not the workload, and still belong to the workload.
import { NetsecInputError } from '../model/errors';
import { Party } from './parties';

/** One end of the map as listed: the party and its name (a range's merged name for externals). */
export interface NamedParty {
  readonly party: Party;
  readonly name: string;
}

/** One end of a line: the name printed and the party it belongs to. */
const endConcerns = (end: NamedParty, printed: string, focus: string): boolean =>
  printed === focus || end.name === focus
  // a workload's line where its pods agree speaks for each of its pods
  || (printed === end.name && end.party.endpoints.some((e) => e.id === focus));

/** Whether the focus names the party or one of its endpoints (its lines may then concern the focus). */
export function partyConcerns(end: NamedParty, focus: string | undefined): boolean {
  return focus === undefined || end.name === focus || end.party.endpoints.some((e) => e.id === focus);
}

/** Whether a line of the pair (a, b), printed as `src => dst`, concerns the focus. */
export function lineConcerns(a: NamedParty, b: NamedParty, src: string, dst: string, focus: string | undefined): boolean {
  return focus === undefined || endConcerns(a, src, focus) || endConcerns(b, dst, focus);
}

/** A focus that names no end of the map: an error, not an empty map (a misspelt name would read as "no connections"). */
class FocusError extends NetsecInputError {
  constructor(focus: string) {
    super(`focus ${JSON.stringify(focus)}: no workload (ns/name[Kind]), pod (ns/name), host endpoint or address range of the map has this name`);
    this.name = 'FocusError';
  }
}

/** Throws FocusError when the focus names none of the ends. */
export function checkFocus(ends: readonly NamedParty[], focus: string | undefined): void {
  if (focus !== undefined && !ends.some((end) => end.name !== '' && partyConcerns(end, focus))) throw new FocusError(focus);
}
