// Opens the report in headless Chromium and checks that matrices and graph were laid out.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../lib/cli/commands/report';
import { capture } from '../diff/run';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const FIXTURES = path.join(__dirname, '..', 'diff', 'fixtures');
// In CI a missing browser is a failure, not a skip.
const run = CHROMIUM !== undefined || process.env.CI ? test : test.skip;
const name = CHROMIUM !== undefined || process.env.CI ? 'the report renders in headless Chromium with the expected cells and graph'
  : 'skipped: chromium is not installed at /usr/bin/chromium and CI is not set';

function dumpDom(file: string, profile: string): string {
  if (!CHROMIUM) throw new Error('chromium not found at /usr/bin/chromium (install the Debian chromium package)');
  return execFileSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', `file://${file}`,
  ], { encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'] });
}

run(name, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-chromium-'));
  try {
    const file = path.join(dir, 'report.html');
    const r = capture(command, ['--manifests', path.join(FIXTURES, 'before'), '--cluster', path.join(FIXTURES, 'inventory.yaml'), '--out', file]);
    expect(r.code).toBe(0);
    const dom = dumpDom(file, path.join(dir, 'profile'));
    const body = /<body([^>]*)>/.exec(dom)?.[1] ?? '';
    const attr = (n: string): string | undefined => new RegExp(`${n}="([^"]*)"`).exec(body)?.[1];
    // (1 overview + 3 ports) x 6 pods x 6 pods cells; 4 groups; 7 edges (see report-command.test.ts).
    expect(attr('data-rendered')).toBe('ok');
    expect(attr('data-cells-laid-out')).toBe('144');
    expect(attr('data-graph-nodes-laid-out')).toBe('4');
    expect(attr('data-graph-edges-drawn')).toBe('7');
    // The CSS applied: allowed and denied cells have different backgrounds.
    expect(attr('data-allow-colour')).toBe('rgb(165, 214, 167)');
    expect(attr('data-deny-colour')).toBe('rgb(239, 154, 154)');
    // The rendered DOM still holds the expected cells.
    const table = dom.split('data-port="TCP/8080"')[1].split('</table>')[0];
    expect(table).toMatch(/<td class="cell allow" data-from="shop\/frontend-2" data-to="shop\/backend-1"/);
    expect(table).toMatch(/<td class="cell deny" data-from="shop\/db-1" data-to="shop\/backend-1"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
