#!/usr/bin/env node
// Brings a fresh clone to a runnable state with nothing but Node and npm: installs dependencies when
// node_modules is missing or older than the lockfile, and builds dist/ when it is missing or older than src/.
// `npm run demo` and `npm test` call it first, so neither needs a prior step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--build');

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command, args) {
  console.error(`[setup] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`[setup] '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const installedMarker = join(root, 'node_modules', '.package-lock.json');
if (mtime(installedMarker) < mtime(join(root, 'package-lock.json'))) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const builtMarker = join(root, 'dist', 'index.js');
if (force || mtime(builtMarker) < Math.max(newestIn(join(root, 'src')), mtime(join(root, 'tsconfig.build.json')))) {
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
}
