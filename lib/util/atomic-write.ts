// Output written whole or not at all: a directory replaced by rename, or one file renamed over.
import * as fs from 'fs';
import * as path from 'path';
import { NetsecInputError } from '../model/errors';

/** A refused output location (an input error: the CLI exits 2 for it). */
class OutputError extends NetsecInputError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** A file to write: path relative to the output directory, `/`-separated, and its whole content. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Marker file written into every output directory. An existing output directory is replaced only
 * when it is empty or carries this marker, so a mistyped outdir never wipes unrelated files.
 * (`kubectl apply -f <dir>` reads only .json/.yaml/.yml files, so it ignores the marker.)
 */
const MARKER_FILE = '.netsec-synth';

/** Prefix of temporary sibling directories (ignored by git). */
const TMP_PREFIX = '.netsec-tmp-';

/** Checks a relative output path: `/`-separated, inside the outdir, not the marker. Returns a problem or undefined. */
export function outputPathProblem(p: string): string | undefined {
  if (p === '' || p.startsWith('/') || p.includes('\\') || path.isAbsolute(p)) {
    return `path ${JSON.stringify(p)} must be relative and '/'-separated`;
  }
  const parts = p.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) {
    return `path ${JSON.stringify(p)} must not contain empty, '.' or '..' segments`;
  }
  if (p === MARKER_FILE) return `path ${JSON.stringify(p)} is reserved`;
  return undefined;
}

function markerContent(files: readonly OutputFile[]): string {
  return ['# Written by cdk8s-netsec (synth or netsec plan); this directory is replaced as a whole each time.',
    ...files.map((f) => f.path).sort(), ''].join('\n');
}

function mayReplace(dir: string): boolean {
  const entries = fs.readdirSync(dir);
  return entries.length === 0 || entries.includes(MARKER_FILE);
}

/**
 * Writes `files` as the whole content of `outdir`: into a temporary sibling directory first,
 * which then replaces `outdir` by rename. On any failure `outdir` is left as it was.
 */
export function writeOutputAtomically(outdir: string, files: readonly OutputFile[]): void {
  const target = path.resolve(outdir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) {
      throw new OutputError(`outdir ${outdir} exists and is not a directory; remove it or choose another outdir`);
    }
    if (!mayReplace(target)) {
      throw new OutputError(`outdir ${outdir} is not empty and was not written by cdk8s-netsec (no ${MARKER_FILE} file); `
        + 'refusing to replace it: remove it or choose another outdir');
    }
  }
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(parent, `${TMP_PREFIX}${base}-`));
  let old: string | undefined;
  try {
    for (const f of files) {
      const dest = path.join(tmp, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, f.content);
    }
    fs.writeFileSync(path.join(tmp, MARKER_FILE), markerContent(files));
    if (fs.existsSync(target)) {
      old = `${tmp}-old`;
      fs.renameSync(target, old);
    }
    try {
      fs.renameSync(tmp, target);
    } catch (e) {
      if (old !== undefined) fs.renameSync(old, target);
      old = undefined;
      throw e;
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (old !== undefined) fs.rmSync(old, { recursive: true, force: true });
}

/** Writes one file whole: into a temporary sibling first, then renamed over `file`. */
export function writeFileAtomically(file: string, content: string): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `${TMP_PREFIX}${path.basename(file)}-${process.pid}`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
