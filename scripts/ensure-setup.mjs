#!/usr/bin/env node
// Brings a fresh clone to a runnable state with nothing but Node and npm: installs dependencies when
// package.json or the lockfile changed since the last install, and builds dist/ when it is older than src/.
// `npm run demo` and `npm test` call it first, so neither needs a prior step.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--build');
// A package build starts from an empty dist/, so that nothing of a deleted or moved source file is shipped.
const clean = process.argv.includes('--clean');
// The tests also need the older framework majors of fixtures/versions (a separate install, so their
// executables never shadow the project's own); the demo does not.
const withFixtures = process.argv.includes('--fixtures');

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** The newest mtime of a tree, directories included (a deleted or renamed file changes its directory's). */
function newestIn(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command, args, cwd = root) {
  const result = attempt(command, args, cwd);
  if (result.status !== 0) {
    console.error(`[setup] '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function attempt(command, args, cwd = root) {
  console.error(`[setup] ${command} ${args.join(' ')}${cwd === root ? '' : ` (in ${cwd})`}`);
  return spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

function manifestHash(dir = root) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    if (existsSync(join(dir, file))) hash.update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}

function installIfChanged(dir) {
  const stamp = join(dir, 'node_modules', '.redgreen-installed');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === manifestHash(dir)) return;
  // `npm ci` empties node_modules entry by entry: through a symlink (a worktree sharing another checkout's
  // install) it would empty the linked install. The link goes; this checkout gets its own.
  const modules = join(dir, 'node_modules');
  if (lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink() === true) unlinkSync(modules);
  // `npm ci` installs exactly what the lockfile says and never writes it. `npm install` rewrites the lockfile
  // whenever its own resolution differs: a lockfile saved by an install that had node_modules present lacks
  // other platforms' optional bindings (esbuild, rollup, unrs-resolver; npm/cli#4828), and a fresh clone's
  // install, with no node_modules, adds them back — a dirty checkout after `npm test`. Only when package.json
  // and the lockfile disagree (a dependency just added or removed) does `npm install` run: updating the
  // lockfile is then its job (run it with no node_modules to keep every platform's bindings).
  if (attempt('npm', ['ci', '--no-audit', '--no-fund'], dir).status !== 0) {
    console.error('[setup] npm ci failed (package.json and package-lock.json disagree?): npm install updates the lockfile');
    run('npm', ['install', '--no-audit', '--no-fund'], dir);
  }
  writeFileSync(stamp, manifestHash(dir));
}

/**
 * The tests of redgreen's OS boundary need bubblewrap on Linux. Installed from Debian's packages when missing
 * and this is root on a Debian-like system (CI, a fresh container); elsewhere a notice says what to install.
 */
function ensureBubblewrap() {
  if (process.platform !== 'linux' || commandExists('bwrap')) return;
  if (process.getuid?.() !== 0 || !commandExists('apt-get')) {
    console.error('[setup] bubblewrap (bwrap) is missing: the isolation tests need it (apt-get install bubblewrap)');
    return;
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', 'bubblewrap']);
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

installIfChanged(root);
if (withFixtures) {
  installIfChanged(join(root, 'fixtures', 'versions'));
  ensureBubblewrap();
}

const builtMarker = join(root, 'dist', 'index.js');
if (force || clean || mtime(builtMarker) < Math.max(newestIn(join(root, 'src')), mtime(join(root, 'tsconfig.build.json')))) {
  // tsc emits every file on each build anyway; starting from an empty dist/ leaves nothing behind of a
  // deleted or moved source, or of a build setting since turned off (source maps).
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
}
