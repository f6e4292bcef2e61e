import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const created: string[] = [];
afterAll(() => {
  for (const d of created) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh empty temporary directory (removed after the test file); tests use a child as outdir. */
export function tempParent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-app-test-'));
  created.push(dir);
  return dir;
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
