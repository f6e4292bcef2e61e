// The canonical form of one rule, so that a plan (iptables-restore input, our spelling) and
// iptables-save output (the kernel's spelling) compare equal when they hold the same rule:
// long and short option names, the base matches first in a fixed order, implicit protocol modules,
// `/32` and `/128` suffixes, `0.0.0.0/0`, protocol names and numbers, mark values in hex,
// `--set-mark` as the `--set-xmark` the kernel stores, `--set-dscp` in hex, NFLOG's options in libxt_NFLOG's order. Comments are not part of the rule's key;
// the `cali:<hash>` and readable text are kept beside it.
import { ipNumToString, toIpNum } from '../model/net';
import { canonicalProtocol } from './protocols';
import { SavedRule } from './iptables-save';

/** A rule reduced to what the kernel does with it. */
export interface CanonicalRule {
  readonly chain: string;
  /** Matches and target, canonical; equal keys mean the same rule. */
  readonly key: string;
  /** Felix's rule hash from a `cali:<hash>` comment. @default - none */
  readonly hash?: string;
  /** The readable comment text after the hash. */
  readonly comment: string;
  /** The chain a `--jump`/`--goto` leads to (or a built-in target). @default - none */
  readonly target?: string;
  readonly line: number;
  readonly text: string;
}

/** Base options (iptables prints them first, in this order) by each spelling. */
const BASE: { readonly [spelling: string]: string } = {
  '-p': '-p', '--protocol': '-p', '-s': '-s', '--source': '-s', '--src': '-s', '-d': '-d', '--destination': '-d',
  '--dst': '-d', '-i': '-i', '--in-interface': '-i', '-o': '-o', '--out-interface': '-o', '-f': '-f', '--fragment': '-f',
};
const BASE_ORDER = ['-s', '-d', '-i', '-o', '-p', '-f'];

/** Option spellings iptables-save prints shorter, per module or target. */
const OPTION_ALIASES: { readonly [module: string]: { readonly [spelling: string]: string } } = {
  multiport: { '--destination-ports': '--dports', '--source-ports': '--sports', },
  tcp: { '--destination-port': '--dport', '--source-port': '--sport' },
  udp: { '--destination-port': '--dport', '--source-port': '--sport' },
  sctp: { '--destination-port': '--dport', '--source-port': '--sport' },
  icmp: {},
  set: {},
};
const PROTOCOL_MODULES: { readonly [protocol: string]: string } = { 6: 'tcp', 17: 'udp', 132: 'sctp', 1: 'icmp', 58: 'icmp6' };

function hexNumber(text: string): string {
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(text)) return text;
  return `0x${BigInt(text).toString(16)}`;
}

/** `value[/mask]` with each number in lower-case hex. */
function markValue(text: string): string {
  return text.split('/').map(hexNumber).join('/');
}

/** `--set-mark v/m` is stored as `--set-xmark v/(m|v)`; `--set-mark v` as `v/0xffffffff`. */
function setXmark(text: string): string {
  const [v, m] = text.split('/');
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(v) || (m !== undefined && !/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(m))) return text;
  const value = BigInt(v);
  const mask = m === undefined ? 0xffffffffn : BigInt(m) | value;
  return `0x${value.toString(16)}/0x${mask.toString(16)}`;
}

/** An address or CIDR as iptables-save prints it: no `/32` (`/128`), IPv6 compressed. */
function hostAddress(text: string): string {
  const [addr, prefix] = text.split('/');
  const ip = toIpNum(addr);
  const shown = ip ? ipNumToString(ip) : addr.toLowerCase();
  const full = addr.includes(':') ? '128' : '32';
  return prefix === undefined || prefix === full ? shown : `${shown}/${prefix}`;
}

interface Module {
  readonly name: string;
  readonly options: string[];
}

function isOption(w: string): boolean {
  return w.startsWith('-') && w !== '-';
}

/** NFLOG's options in the order iptables-save prints them (libxt_NFLOG nflog_save). */
const NFLOG_OPTION_ORDER = ['--nflog-prefix', '--nflog-group', '--nflog-range', '--nflog-size', '--nflog-threshold'];

function nflogOptionRank(option: string): number {
  const at = NFLOG_OPTION_ORDER.indexOf(option.split(' ')[0]);
  return at < 0 ? NFLOG_OPTION_ORDER.length : at;
}

/** The canonical rule of a parsed `-A` line. */
export function canonicalRule(r: SavedRule): CanonicalRule {
  const base = new Map<string, string>();
  const modules: Module[] = [];
  const comments: string[] = [];
  let target: Module | undefined;
  let current: Module | undefined;
  let negate = false;
  const w = r.words;
  for (let i = 0; i < w.length; i++) {
    const word = w[i];
    if (word === '!') {
      negate = true;
      continue;
    }
    let not = negate ? '! ' : '';
    negate = false;
    const baseName = BASE[word];
    if (baseName !== undefined) {
      if (baseName === '-f') {
        base.set('-f', `${not}-f`);
        continue;
      }
      let value = w[++i] ?? '';
      if (value === '!') {
        // the old spelling `-s ! 192.0.2.1`
        value = w[++i] ?? '';
        not = '! ';
      }
      if (baseName === '-p') value = canonicalProtocol(value);
      if (baseName === '-s' || baseName === '-d') {
        value = hostAddress(value);
        if ((value === '0.0.0.0/0' || value === '::/0') && not === '') continue;
      }
      base.set(baseName, `${not}${baseName} ${value}`);
      current = undefined;
      continue;
    }
    if (word === '-m' || word === '--match') {
      current = { name: w[++i] ?? '', options: [] };
      if (current.name !== 'comment') modules.push(current);
      continue;
    }
    if (word === '-j' || word === '--jump' || word === '-g' || word === '--goto') {
      current = { name: `${word === '-g' || word === '--goto' ? '-g' : '-j'} ${w[++i] ?? ''}`, options: [] };
      target = current;
      continue;
    }
    if (current?.name === 'comment' && (word === '--comment')) {
      comments.push(w[++i] ?? '');
      continue;
    }
    if (isOption(word) && current === undefined) {
      // an option of the protocol's implicit module (`-p tcp --dport 80`)
      const proto = base.get('-p')?.split(' ').pop() ?? '';
      current = { name: PROTOCOL_MODULES[proto] ?? proto, options: [] };
      modules.push(current);
    }
    if (current === undefined) {
      modules.push(current = { name: '', options: [] });
    }
    const aliases = OPTION_ALIASES[current.name] ?? {};
    let option = isOption(word) ? (aliases[word] ?? word) : word;
    if (isOption(word) && i + 1 < w.length && !isOption(w[i + 1]) && w[i + 1] !== '!') {
      let value = w[++i];
      if (current.name === 'mark' && option === '--mark') value = markValue(value);
      if (current.name === '-j MARK' && option === '--set-mark') {
        option = '--set-xmark';
        value = setXmark(value);
      } else if (current.name === '-j MARK' && option === '--set-xmark') value = markValue(value);
      // libxt_DSCP prints the value in hex (`--set-dscp 0x0a`); Felix writes it in decimal
      if (current.name === '-j DSCP' && option === '--set-dscp') value = hexNumber(value);
      if (current.name === 'conntrack' && (option === '--ctstate' || option === '--ctstatus')) value = value.split(',').sort().join(',');
      option = `${option} ${value}`;
    }
    current.options.push(`${not}${option}`);
  }
  // libxt_NFLOG prints its options in its own order (prefix, group, then range, size, threshold), Felix writes the group first
  if (target?.name === '-j NFLOG') target.options.sort((a, b) => nflogOptionRank(a) - nflogOptionRank(b));
  const parts = [
    ...BASE_ORDER.flatMap((b) => (base.has(b) ? [base.get(b) ?? ''] : [])),
    ...modules.map((m) => [m.name === '' ? '' : `-m ${m.name}`, ...m.options].filter((x) => x !== '').join(' ')),
    ...(target ? [[target.name, ...target.options].join(' ')] : []),
  ];
  const comment = comments.join('; ');
  const hash = /^cali:([a-zA-Z0-9_-]+)/.exec(comment);
  const readable = hash ? comment.slice(hash[0].length).replace(/^;?\s*/, '') : comment;
  return {
    chain: r.chain, key: parts.join(' '), comment: readable, line: r.line, text: r.text,
    ...(hash ? { hash: hash[1] } : {}),
    ...(target ? { target: target.name.slice(3) } : {}),
  };
}
