#!/usr/bin/env node
// Wall time of `redgreen --version` and `redgreen --help` from the built CLI: N spawns each, median and spread.
// Usage: npm run bench:startup [-- <runs>]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/redgreen.js', import.meta.url));
const runs = Number(process.argv[2] ?? 15);

function measure(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`redgreen ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: at(0.5), min: times[0], max: times[times.length - 1] };
}

// A bare `node -e ''` is the floor no CLI can go under.
const floor = (() => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
})();

console.log(`runs: ${runs} each; node ${process.version}; bare node startup median ${floor.toFixed(0)} ms`);
for (const args of [['--version'], ['--help'], ['fix', '--help']]) {
  const { median, min, max } = measure(args);
  console.log(`redgreen ${args.join(' ').padEnd(10)}  median ${median.toFixed(0)} ms  (min ${min.toFixed(0)}, max ${max.toFixed(0)})`);
}
