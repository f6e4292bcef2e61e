// Splits one iptables-save rule line into words: double quotes group, backslash escapes (as
// iptables-save prints a comment and iptables-restore reads it).
import { DriftInputError } from './errors';

/** The words of `text`; throws on an unterminated quote. */
export function splitWords(text: string, file: string, line: number): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && (quoted || text[i + 1] === '"' || text[i + 1] === '\\')) {
      word += text[++i];
      inWord = true;
    } else if (c === '"') {
      quoted = !quoted;
      inWord = true;
    } else if (!quoted && (c === ' ' || c === '\t')) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quoted) throw new DriftInputError(file, line, `unterminated double quote in ${JSON.stringify(text)}`);
  if (inWord) out.push(word);
  return out;
}
