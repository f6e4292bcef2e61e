/** Characters that would make a terminal show something other than the text: C1 controls, bidi and invisible format characters. */
const UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Escapes what JSON.stringify leaves raw and a terminal would act on or hide (e.g. U+202E), as \\uXXXX. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value for a message: JSON (control characters escaped by JSON, bidi and format characters by us). */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  return escapeUnsafe(JSON.stringify(value) ?? String(value));
}
