// Notes on stderr that stay readable at cluster size: the first ones in full, then how many more.

/** Notes written in full before the rest are counted (a 10k-pod map can have thousands). */
const NOTES_SHOWN = 20;

/**
 * The `note:` lines for `notes`: every one up to NOTES_SHOWN, else the first NOTES_SHOWN and one line
 * with the count of the others and how to see them.
 */
export function noteLines(notes: readonly string[], rest: string): string[] {
  const lines = notes.slice(0, NOTES_SHOWN).map((n) => `note: ${n}\n`);
  if (notes.length > NOTES_SHOWN) lines.push(`note: ${notes.length - NOTES_SHOWN} more notes like these (${notes.length} in all) not shown; ${rest}\n`);
  return lines;
}
