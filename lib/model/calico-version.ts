// The Calico releases whose behaviour conversion, the engine and the node plan can follow.
import { NetsecInputError } from './errors';

/** A Calico release line the model, engine and plan can follow; they always agree on one. */
export type CalicoVersion = '3.31' | '3.32';

/** Every release line that can be declared, oldest first. */
export const CALICO_VERSIONS: readonly CalicoVersion[] = ['3.31', '3.32'];

/** The latest release, followed unless another is declared. */
export const DEFAULT_CALICO_VERSION: CalicoVersion = '3.32';

/** Thrown for a Calico version that cannot be declared; names where it was given. */
export class CalicoVersionError extends NetsecInputError {
  constructor(where: string, value: string) {
    super(`${where}: Calico version '${value}' is not supported; allowed: ${CALICO_VERSIONS.join(', ')} (a patch release such as 3.31.7 selects its line)`);
    this.name = 'CalicoVersionError';
  }
}

/** Reads `3.31`, `v3.31` or `3.31.7` as a release line; throws CalicoVersionError naming `where` otherwise. */
export function parseCalicoVersion(value: string, where: string): CalicoVersion {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(value.trim());
  const line = m === null ? undefined : `${m[1]}.${m[2]}`;
  const found = CALICO_VERSIONS.find((v) => v === line);
  if (found === undefined) throw new CalicoVersionError(where, value);
  return found;
}
