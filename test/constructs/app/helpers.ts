import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh empty temporary directory; the outdir used in tests is a child that does not exist yet. */
export function tempParent(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-app-test-'));
}

/** Every file under `dir`, relative and '/'-separated, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}
