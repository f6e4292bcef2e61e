// Escaping for HTML text and attribute values (also valid inside inline SVG).

const ENTITIES: { readonly [c: string]: string } = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a double-quoted attribute; newlines become `&#10;` so titles keep them. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]).replace(/\n/g, '&#10;');
}
