// Expands manifest paths (files or folders) into the files to read, in a stable order.
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
/** Larger manifest files are refused (the largest real exports are a few tens of MiB). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** Every manifest file under the given paths: files as given, folders walked for .yaml/.yml/.json (sorted). */
export function expandManifestPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      out.push(...walk(p));
    } else {
      out.push(p);
    }
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) out.push(...walk(full));
    else if (MANIFEST_EXTENSIONS.includes(path.extname(name).toLowerCase())) out.push(full);
  }
  return out;
}

/** The byte offset of the first byte that is not valid UTF-8, or -1 when the whole buffer is. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlong 3/4-byte forms, surrogates and code points above U+10FFFF
    const c1 = bytes[i + 1];
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes UTF-8 strictly: a byte that is not UTF-8 is an InputError naming the file and byte offset. */
function decodeUtf8(bytes: Buffer, file: string): string {
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw new InputError(`${file}: byte offset ${bad}: not valid UTF-8 (got byte 0x${bytes[bad].toString(16).padStart(2, '0')}); `
      + 'manifests must be UTF-8 text');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a file as strict UTF-8, with an InputError naming it when that fails. */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_MANIFEST_BYTES) {
      throw new InputError(`${file}: file is ${size} bytes; manifest files of at most ${MAX_MANIFEST_BYTES} bytes are read`);
    }
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot be read`);
  }
  return decodeUtf8(bytes, file);
}
