// The layering, enforced: data flows one way (constructs -> manifests -> model -> engine / plan / lint / cli).
import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', 'lib');
/** Folders whose subfolders are layers of their own; every other top-level folder is one unit. */
const SPLIT = ['constructs', 'engine', 'model'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** `engine/input`, `lint`, or '' for the package entry files directly in lib/. */
function unitOf(file: string): string {
  const parts = path.relative(LIB, path.dirname(file)).split(path.sep).filter((p) => p !== '');
  if (parts.length === 0) return '';
  return SPLIT.includes(parts[0]) && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Each file's imports: relative ones resolved to files, others as package names. */
function importsOf(file: string): { readonly files: string[]; readonly packages: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/(?:from|require\(|import)\s*'([^']+)'/g)) {
    const spec = m[1];
    if (!spec.startsWith('.')) {
      packages.push(spec);
      continue;
    }
    const target = path.resolve(path.dirname(file), spec);
    const candidates = [`${target}.ts`, path.join(target, 'index.ts'), target];
    const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (found) files.push(found);
  }
  return { files, packages };
}

const FILES = sourceFiles(LIB);
const GRAPH = new Map<string, Map<string, string>>(); // unit -> unit -> an example file
for (const file of FILES) {
  const from = unitOf(file);
  for (const target of importsOf(file).files) {
    const to = unitOf(target);
    if (to === from || from === '' || to === '') continue;
    if (!GRAPH.has(from)) GRAPH.set(from, new Map());
    GRAPH.get(from)?.set(to, path.relative(LIB, file));
  }
}

/** Every cycle's units, found by depth-first search (each cycle reported once, as a path). */
function cycles(): string[] {
  const out: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (u: string): void => {
    state.set(u, 'open');
    stack.push(u);
    for (const v of GRAPH.get(u)?.keys() ?? []) {
      if (state.get(v) === 'open') out.push([...stack.slice(stack.indexOf(v)), v].map((x, i, a) => (i < a.length - 1 ? `${x} (${GRAPH.get(x)?.get(a[i + 1])})` : x)).join(' -> '));
      else if (!state.has(v)) visit(v);
    }
    stack.pop();
    state.set(u, 'done');
  };
  for (const u of [...GRAPH.keys()].sort()) if (!state.has(u)) visit(u);
  return out;
}

describe('architecture', () => {
  test('the folder graph has no cycle', () => {
    expect(GRAPH.size).toBeGreaterThan(10); // the graph really was read
    expect(cycles()).toEqual([]);
  });

  test('the model imports neither cdk8s nor constructs nor any other layer', () => {
    const bad = FILES.filter((f) => unitOf(f).startsWith('model'))
      .flatMap((f) => [
        ...importsOf(f).packages.filter((p) => p === 'cdk8s' || p === 'constructs' || p.startsWith('cdk8s-')).map((p) => `${path.relative(LIB, f)} imports ${p}`),
        ...importsOf(f).files.filter((t) => !unitOf(t).startsWith('model')).map((t) => `${path.relative(LIB, f)} imports ${path.relative(LIB, t)}`),
      ]);
    expect(bad).toEqual([]);
  });

  test('engine, iptables, lint, diff, report and cli never import constructs or cdk8s', () => {
    const readers = ['engine', 'iptables', 'lint', 'diff', 'report', 'cli', 'verify', 'connectivity'];
    const bad = FILES.filter((f) => readers.some((r) => unitOf(f) === r || unitOf(f).startsWith(`${r}/`)))
      .flatMap((f) => [
        ...importsOf(f).packages.filter((p) => p === 'cdk8s' || p === 'constructs').map((p) => `${path.relative(LIB, f)} imports ${p}`),
        ...importsOf(f).files.filter((t) => unitOf(t).startsWith('constructs')).map((t) => `${path.relative(LIB, f)} imports ${path.relative(LIB, t)}`),
      ]);
    expect(bad).toEqual([]);
  });

  test('constructs never reach the readers: the composition of synth, lint and plan lives in lib/app', () => {
    const readers = ['engine', 'iptables', 'lint', 'diff', 'report', 'cli', 'verify', 'connectivity', 'app'];
    const bad = FILES.filter((f) => unitOf(f).startsWith('constructs'))
      .flatMap((f) => importsOf(f).files.filter((t) => readers.some((r) => unitOf(t) === r || unitOf(t).startsWith(`${r}/`)))
        .map((t) => `${path.relative(LIB, f)} imports ${path.relative(LIB, t)}`));
    expect(FILES.some((f) => unitOf(f) === 'app')).toBe(true);
    expect(bad).toEqual([]);
  });
});
