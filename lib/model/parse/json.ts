// The fast path for a file that is one JSON value (`kubectl get -o json`): JSON.parse, several times
// faster than the YAML loader on a large export. It reads a file only when the YAML loader would read
// it to the same value; otherwise (not JSON, more than one document, a key twice in one object) the
// caller falls back to the YAML loader, which also words the errors.

/** True at a character JSON counts as whitespace (space, tab, line feed, carriage return). */
function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Index of the closing quote of the string whose opening quote is at `start` (the text is valid JSON). */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    // a quote after an odd number of backslashes is escaped
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/** The characters hasDuplicateKey stops at (a regular expression skips the rest fast). */
const STRUCTURE = /["{}[\]]/g;

/**
 * True when some object of the (valid) JSON text names a key twice. JSON.parse keeps the last value
 * silently; the YAML loader refuses the file, and so must we (a second `selector` must not win unseen).
 */
function hasDuplicateKey(text: string): boolean {
  // per open bracket: the keys seen in that object, or undefined in an array
  const open: (Set<string> | undefined)[] = [];
  const re = new RegExp(STRUCTURE.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x7b) open.push(new Set());
    else if (c === 0x5b) open.push(undefined);
    else if (c === 0x7d || c === 0x5d) open.pop();
    else {
      const end = stringEnd(text, i);
      let next = end + 1;
      while (isJsonSpace(text.charCodeAt(next))) next++;
      const keys = open[open.length - 1];
      if (keys !== undefined && text.charCodeAt(next) === 0x3a) {
        const raw = text.slice(i + 1, end);
        // keys with escapes are compared by what they spell ("a" and "\u0061" are one key)
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return true;
        keys.add(key);
      }
      re.lastIndex = end + 1;
    }
  }
  return false;
}

/**
 * The value of a file that is one JSON object or array, or undefined when it is not (then read it
 * as YAML): not starting with `{` or `[`, not valid JSON, or a key twice in one object.
 */
export function parseJsonFile(text: string): { readonly value: unknown } | undefined {
  let i = 0;
  while (isJsonSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c !== 0x7b && c !== 0x5b) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return hasDuplicateKey(text) ? undefined : { value };
}
