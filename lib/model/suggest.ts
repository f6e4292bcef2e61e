// "Did you mean ...?": the known name nearest to a misspelt one, by edit distance, any case.

/** Levenshtein distance of two strings, compared in lower case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    }
    previous = row;
  }
  return previous[y.length];
}

/**
 * The known name closest to `given`, when it is close enough to be a slip (at most a quarter of its
 * letters, and at least 2, differ; a difference of case alone always counts); undefined otherwise.
 */
function nearestName(given: string, known: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(given.length / 4));
  let best: { readonly name: string; readonly d: number } | undefined;
  for (const name of known) {
    const d = distance(given, name);
    if (d <= limit && (best === undefined || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** ` (did you mean "x"?)` for the nearest known name, or ''. */
export function didYouMean(given: string, known: readonly string[]): string {
  const name = nearestName(given, known);
  return name === undefined ? '' : ` (did you mean ${JSON.stringify(name)}?)`;
}
