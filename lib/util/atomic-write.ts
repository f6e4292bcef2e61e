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

function markerContent(paths: readonly string[]): string {
  return ['# Written by cdk8s-netsec (synth or netsec plan); this directory is replaced as a whole each time.',
    ...[...paths].sort(), ''].join('\n');
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
 * An output directory written file by file and then put in place whole: files go into a temporary
 * sibling directory (each named `*.netsec-partial` until `commit`), which then replaces `outdir` by
 * rename. Until `commit` succeeds, `outdir` is left as it was; `abort` removes the temporary.
 * Temporaries a killed run left are removed when it starts. Folders and files get the usual modes
 * under the umask.
 */
export class AtomicOutputDir {
  private readonly target: string;
  private readonly tmp: string;
  private readonly written: string[] = [];
  private readonly paths: string[] = [];
  private done = false;

  /** Checks that `outdir` may be replaced (throws an input error if not) and creates the temporary. */
  constructor(outdir: string) {
    this.target = path.resolve(outdir);
    const parent = path.dirname(this.target);
    const base = path.basename(this.target);
    if (fs.existsSync(this.target)) {
      if (!fs.statSync(this.target).isDirectory()) {
        throw new OutputError(`outdir ${outdir} exists and is not a directory; remove it or choose another outdir`);
      }
      if (!mayReplace(this.target)) {
        throw new OutputError(`outdir ${outdir} is not empty and was not written by cdk8s-netsec (no ${MARKER_FILE} file); `
          + 'refusing to replace it: remove it or choose another outdir');
      }
    }
    fs.mkdirSync(parent, { recursive: true });
    removeStaleTemporaries(parent, base);
    this.tmp = makeTemporaryDir(parent, base);
  }

  /** Writes one file (path relative to the output directory, `/`-separated) into the temporary. */
  public write(file: OutputFile): void {
    if (this.done) throw new Error('output directory already committed or aborted');
    writePartial(this.tmp, file);
    this.record(file.path);
  }

  /** Files written (or adopted) so far. */
  public get count(): number {
    return this.paths.length;
  }

  /** The temporary folder, for another thread to write files into with `writePartial` (then `adopt` them). */
  public get temporary(): string {
    return this.tmp;
  }

  /** Takes files another thread wrote into the temporary (`writePartial`) as written by this one. */
  public adopt(paths: readonly string[]): void {
    if (this.done) throw new Error('output directory already committed or aborted');
    for (const p of paths) {
      if (!fs.existsSync(partialPath(this.tmp, p))) throw new Error(`output file ${p}: not written into ${this.tmp}`);
      this.record(p);
    }
  }

  private record(relative: string): void {
    this.written.push(path.join(this.tmp, ...relative.split('/')));
    this.paths.push(relative);
  }

  /** Names the files, writes the marker and replaces `outdir` with the temporary; aborts on failure. */
  public commit(): void {
    if (this.done) throw new Error('output directory already committed or aborted');
    let old: string | undefined;
    try {
      fs.writeFileSync(path.join(this.tmp, MARKER_FILE), markerContent(this.paths));
      for (const dest of this.written) fs.renameSync(`${dest}${PARTIAL_SUFFIX}`, dest);
      if (fs.existsSync(this.target)) {
        old = `${this.tmp}-old`;
        fs.renameSync(this.target, old);
      }
      try {
        fs.renameSync(this.tmp, this.target);
      } catch (e) {
        if (old !== undefined) fs.renameSync(old, this.target);
        old = undefined;
        throw e;
      }
    } catch (e) {
      this.abort();
      throw e;
    }
    this.done = true;
    if (old !== undefined) fs.rmSync(old, { recursive: true, force: true });
  }

  /** Removes the temporary; `outdir` stays as it was. */
  public abort(): void {
    this.done = true;
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

function partialPath(tmp: string, relative: string): string {
  return `${path.join(tmp, ...relative.split('/'))}${PARTIAL_SUFFIX}`;
}

/** Writes one file into an AtomicOutputDir's temporary folder (`temporary`), under its partial name. */
export function writePartial(tmp: string, file: OutputFile): void {
  const dest = partialPath(tmp, file.path);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, file.content);
}

/**
 * Writes `files` as the whole content of `outdir` (AtomicOutputDir): on any failure `outdir` is left
 * as it was.
 */
export function writeOutputAtomically(outdir: string, files: readonly OutputFile[]): void {
  const out = new AtomicOutputDir(outdir);
  try {
    for (const f of files) out.write(f);
  } catch (e) {
    out.abort();
    throw e;
  }
  out.commit();
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
