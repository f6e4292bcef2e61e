// One object, one definition: the same object read twice (a folder and an inventory that overlap,
// a file given twice) is read once when both copies are equal, and refused when they differ,
// because the engine cannot know which of the two the cluster holds.
import { canonicalJson } from '../../model/canonical-json';
import { InvalidDocument } from './invalid';

/** Remembers each object's first definition by identity (kind, namespace, name). */
export class DefinitionRegistry {
  /** The first definition; its canonical JSON is worked out only when a second copy comes (most objects have one). */
  private readonly first = new Map<string, { readonly location: string; readonly value: unknown; body?: string }>();

  constructor(private readonly invalid: InvalidDocument[], private readonly notes: string[]) {}

  /**
   * True when the object is new and is to be read. An equal second copy is noted and false; a
   * different one is an invalid document naming both locations, and false.
   * @param identity what names the object, e.g. `networking.k8s.io/v1 NetworkPolicy default/db`
   */
  admit(identity: string, value: unknown, location: string): boolean {
    const seen = this.first.get(identity);
    if (seen === undefined) {
      this.first.set(identity, { location, value });
      return true;
    }
    seen.body ??= canonicalJson(seen.value);
    if (seen.body === canonicalJson(value)) {
      this.notes.push(`${location}: ${identity} is the same as ${seen.location}; read once`);
    } else {
      this.invalid.push({
        location,
        problems: [`metadata.name: ${identity} is defined twice, differently (got a second definition; allowed: one definition, or copies that are equal; the first is ${seen.location})`],
      });
    }
    return false;
  }
}

/** The identity of a manifest object: apiVersion, kind, namespace (when namespaced) and name. */
export function objectIdentity(apiVersion: string, kind: string, name: string, namespace?: string): string {
  return `${apiVersion} ${kind} ${namespace === undefined ? name : `${namespace}/${name}`}`;
}
