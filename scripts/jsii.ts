// `npm run jsii`: compiles the package root (lib/index.ts, the construct API) with the real jsii
// compiler, so the claim that the construct API is jsii-compatible is checked.
//
// jsii compiles the project whose package.json it is pointed at, and wants fields (author,
// repository, a "jsii" section) and an output layout of its own. So the check runs in a staging
// folder: a copy of lib/ and README.md, the project's node_modules linked in, and a generated
// package.json and tsconfig whose only root file is lib/index.ts (jsii then compiles that entry and
// what it imports, never the engine entry). The project's own build/ and package.json are not
// touched; the messages name files as lib/... like the project does. Exits non-zero when jsii
// reports an error or a warning, except reserved-word warnings: `namespace`, `from`, `except`,
// `type` are Kubernetes' field names, kept as they are (the language generators escape them).
// Extra arguments go to jsii.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly license: string;
  readonly dependencies: Record<string, string>;
  readonly peerDependencies: Record<string, string>;
}

/** True when the installed package ships a jsii assembly (is a jsii library). */
function isJsiiLibrary(name: string): boolean {
  return fs.existsSync(path.join(ROOT, 'node_modules', name, '.jsii'));
}

/**
 * The staging folder's package.json: the project's identity and dependencies in the form jsii
 * wants them. The jsii libraries (cdk8s, constructs) appear in the public API, so they are peer
 * dependencies (as in the project's package.json), also pinned as dev dependencies at their lowest
 * version; every other dependency is bundled.
 */
function stagingPackageJson(pkg: PackageJson): object {
  const names = Object.keys(pkg.dependencies).sort();
  const peers = Object.keys(pkg.peerDependencies).sort();
  const notJsii = peers.filter((n) => !isJsiiLibrary(n));
  if (notJsii.length > 0) throw new Error(`peer dependencies that are not jsii libraries: ${notJsii.join(', ')}`);
  const lowest = (range: string): string => range.replace(/^[\^~]/, '');
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    author: { name: 'cdk8s-netsec authors', organization: true },
    repository: { type: 'git', url: ROOT },
    main: 'build/index.js',
    types: 'build/index.d.ts',
    dependencies: pkg.dependencies,
    peerDependencies: pkg.peerDependencies,
    devDependencies: Object.fromEntries(peers.map((n) => [n, lowest(pkg.peerDependencies[n])])),
    bundledDependencies: names,
    jsii: { outdir: 'dist', targets: {}, tsconfig: 'tsconfig.jsii.json', validateTsconfig: 'minimal' },
  };
}

/** The project's compiler options, with the construct entry as the only root file. */
function stagingTsconfig(): object {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  return {
    compilerOptions: { ...base.compilerOptions, types: ['node'], rootDir: 'lib', outDir: 'build' },
    files: ['lib/index.ts'],
  };
}

function main(): number {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'netsec-jsii-'));
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
    fs.cpSync(path.join(ROOT, 'lib'), path.join(stage, 'lib'), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(stagingPackageJson(pkg), null, 2)}\n`);
    fs.writeFileSync(path.join(stage, 'tsconfig.jsii.json'), `${JSON.stringify(stagingTsconfig(), null, 2)}\n`);
    fs.copyFileSync(path.join(ROOT, 'README.md'), path.join(stage, 'README.md'));
    const jsii = path.join(ROOT, 'node_modules', 'jsii', 'bin', 'jsii');
    const result = spawnSync(process.execPath, [jsii, '--fail-on-warnings', '--silence-warnings', 'reserved-word', ...process.argv.slice(2)], {
      cwd: stage,
      stdio: 'inherit',
      // jsii warns on every run under a Node release it no longer lists; the engines field decides.
      env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0] },
    });
    return result.status ?? 1;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

process.exitCode = main();
