import { NetsecInputError } from '../../model/errors';

/** A problem with the engine's input that is not a manifest shape error: missing file, bad reference. */
export class InputError extends NetsecInputError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
