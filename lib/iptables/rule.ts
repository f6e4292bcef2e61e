// One iptables rule and chain, and their iptables-restore text with Felix's `cali:` hash comments.
import { createHash } from 'crypto';

/** A rule: match fragments (already rendered), an action fragment and readable comments. */
export interface Rule {
  /** Match fragments in order, e.g. `-p tcp`, `-m mark --mark 0x10000/0x10000`. */
  readonly match: readonly string[];
  /** e.g. `--jump ACCEPT`, `--goto cali-fw-x`; empty for a comment-only rule. */
  readonly action: string;
  /** Readable comments (may be empty: every rendered rule still carries its `cali:` hash comment). */
  readonly comments: readonly string[];
}

/** A chain of one table. */
export interface Chain {
  readonly name: string;
  readonly rules: readonly Rule[];
}

/** Felix's RuleHashPrefix. */
export const RULE_HASH_PREFIX = 'cali:';
const HASH_LENGTH = 16;
/** xt_comment holds 256 bytes including the terminating NUL. */
export const MAX_COMMENT_LENGTH = 255;

export function rule(match: readonly string[], action: string, ...comments: string[]): Rule {
  return { match, action, comments };
}

/** Adds comments to a rule. */
export function withComments(r: Rule, ...comments: string[]): Rule {
  return { ...r, comments: [...r.comments, ...comments] };
}

/** Makes a comment safe for iptables-restore: printable ASCII, no double quotes, at most 255 chars. */
export function sanitizeComment(text: string): string {
  const clean = text.replace(/"/g, "'").replace(/\\/g, '/').replace(/[^\x20-\x7e]/g, '?');
  return clean.length > MAX_COMMENT_LENGTH ? clean.slice(0, MAX_COMMENT_LENGTH) : clean;
}

function body(r: Rule): string {
  const parts: string[] = r.comments.map((c) => `-m comment --comment "${sanitizeComment(c)}"`);
  parts.push(...r.match);
  if (r.action !== '') parts.push(r.action);
  return parts.join(' ');
}

/**
 * Felix's Chain.RuleHashes: SHA-224 of the chain name, then for each rule SHA-224 of the previous
 * hash plus the rule rendered with `HASH` in place of its hash comment; base64url, 16 characters.
 */
export function ruleHashes(c: Chain): string[] {
  let hash = createHash('sha224').update(c.name, 'utf8').digest();
  return c.rules.map((r) => {
    const forHashing = `-A ${c.name} HASH ${body(r)}`.trimEnd();
    hash = createHash('sha224').update(hash).update(forHashing, 'utf8').digest();
    return hash.toString('base64url').slice(0, HASH_LENGTH);
  });
}

/** The `-A` lines of a chain, each starting with its `cali:` hash comment. */
export function renderChainRules(c: Chain): string[] {
  const hashes = ruleHashes(c);
  return c.rules.map((r, i) => {
    const rest = body(r);
    return `-A ${c.name} -m comment --comment "${RULE_HASH_PREFIX}${hashes[i]}"${rest === '' ? '' : ` ${rest}`}`;
  });
}
