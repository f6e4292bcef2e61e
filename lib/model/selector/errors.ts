import { NetsecInputError } from '../errors';

/**
 * Thrown when a Calico selector does not parse. It says where (0-based character offset into the
 * selector text) and what the parser expected there.
 */
export class SelectorSyntaxError extends NetsecInputError {
  /**
   * @param selector the full selector text that failed to parse
   * @param position 0-based character offset of the problem (the text length means "at the end")
   * @param expected what the parser expected at that position
   */
  constructor(readonly selector: string, readonly position: number, readonly expected: string) {
    super(`invalid selector ${JSON.stringify(selector)} at position ${position}: expected ${expected}`);
    this.name = 'SelectorSyntaxError';
  }
}
