// Output written whole or not at all: a directory replaced by rename, or one file renamed over.
import * as crypto from 'crypto';
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

/** Prefix of temporary siblings (ignored by git): `<prefix><base>-<pid>-<random>[-old]`. */
const TMP_PREFIX = '.netsec-tmp-';

/**
 * Suffix a file carries while it is written into a temporary folder. `kubectl apply -R` and
 * `calicoctl apply` read only `.yaml`, `.yml` and `.json` files, so a folder left by a crash (a
 * SIGKILL) holds nothing they would apply; the files get their names only just before the folder
 * replaces the output.
 */
const PARTIAL_SUFFIX = '.netsec-partial';

/** Checks a relative output path: `/`-separated, inside the outdir, not the marker. Returns a problem or undefined. */
export function outputPathProblem(p: string): string | undefined {
  if (p === '' || p.startsWith('/') || p.includes('\\') || path.isAbsolute(p)) {
    return `path ${JSON.stringify(p)} must be relative and '/'-separated`;
  }
  const parts = p.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) {
    return `path ${JSON.stringify(p)} must not contain empty, '.' or '..' segments`;
  }
  if (p === MARKER_FILE || p.endsWith(PARTIAL_SUFFIX)) return `path ${JSON.stringify(p)} is reserved`;
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

/** True when process `pid` is running (or exists under another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries a killed run left beside `<parent>/<base>`: `<prefix><base>-<pid>-<hex>`
 * entries (and their `-old` and `.netsec-partial` forms) whose process is gone. Temporaries of a run still going (another pid alive) are left alone.
 */
function removeStaleTemporaries(parent: string, base: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  const own = `${TMP_PREFIX}${base}-`;
  for (const name of entries) {
    if (!name.startsWith(own)) continue;
    const pid = Number(/^(\d+)-[0-9a-f]{12}(?:-old|\.netsec-partial)?$/.exec(name.slice(own.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** A new, empty temporary sibling of `target`, created with the umask's mode (not mkdtemp's 0700). */
function makeTemporaryDir(parent: string, base: string): string {
  for (;;) {
    const dir = path.join(parent, `${TMP_PREFIX}${base}-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
    try {
      fs.mkdirSync(dir);
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/**
 * Writes `files` as the whole content of `outdir`: into a temporary sibling directory first
 * (each file named `*.netsec-partial` until all are written), which then replaces `outdir` by
 * rename. On any failure `outdir` is left as it was; temporaries a killed run left are removed
 * first. Folders and files get the usual modes under the umask.
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
  removeStaleTemporaries(parent, base);
  const tmp = makeTemporaryDir(parent, base);
  let old: string | undefined;
  try {
    const written: string[] = [];
    for (const f of files) {
      const dest = path.join(tmp, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(`${dest}${PARTIAL_SUFFIX}`, f.content);
      written.push(dest);
    }
    fs.writeFileSync(path.join(tmp, MARKER_FILE), markerContent(files));
    for (const dest of written) fs.renameSync(`${dest}${PARTIAL_SUFFIX}`, dest);
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
  removeStaleTemporaries(dir, path.basename(file));
  const tmp = path.join(dir, `${TMP_PREFIX}${path.basename(file)}-${process.pid}-${crypto.randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
