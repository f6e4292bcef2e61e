// Expands manifest paths (files or folders) into the files to read, in a stable order.
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

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

/** Reads a file as UTF-8, with an InputError naming it when that fails. */
export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file}: cannot be read`);
  }
}
