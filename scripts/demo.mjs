#!/usr/bin/env node
// `npm run demo`: repairs a fresh copy of examples/pricing with redgreen and shows progress and the diff.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.demo', 'pricing');
rmSync(work, { recursive: true, force: true });
cpSync(join(root, 'examples', 'pricing'), work, { recursive: true });
// The example is a user project of its own; it runs with the vitest this repository installs.
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');

console.log('redgreen demo: repairing a copy of examples/pricing in .demo/pricing (two real bugs, 4 of 6 tests red).');
console.log('Denoiser: the built-in engine — no model, no network: per-test coverage localizes the fault, AST');
console.log('mutations and repair templates propose candidates, a warm vitest validates them, the loop keeps the best.\n');

const cli = join(root, 'bin', 'redgreen.js');
const result = spawnSync(process.execPath, [cli, 'fix', work, '--yes'], {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.env.NO_COLOR ? '0' : '1' },
});
process.exitCode = result.status ?? 3;
