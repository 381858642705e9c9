/**
 * `npm run bench:runners`: seconds to green for the same bug under each runner adapter.
 *
 * One small project (three modules, two test files, one boundary bug) is written once per runner — vitest
 * (TypeScript), jest (CommonJS), node:test (ESM) and mocha (ESM) — and repaired by the real `fix()` with the
 * built-in engine. Prints, per runner and sample: the status, seconds to the end of the run, seconds spent
 * in the baseline, and the steps taken; then the median per runner.
 *
 *   npm run bench:runners -- [--samples <n>] [--only <runner>]...
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fix } from '../src/fix.js';
import { repoRoot } from './bugs/lib/corpus.js';
import { median } from './support/generated-project.js';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '3' }, only: { type: 'string', multiple: true } } });

const source = {
  inventory: `export function inStock(count, minimum) {\n  return count > minimum;\n}\n`,
  orders: `import { inStock } from './inventory.js';\nexport function canShip(order) {\n  return order.lines.every((line) => inStock(line.count, line.wanted));\n}\n`,
  totals: `export function total(lines) {\n  return lines.reduce((sum, line) => sum + line.wanted * line.price, 0);\n}\n`,
};

interface Flavour {
  readonly packageJson: Record<string, unknown>;
  readonly files: Record<string, string>;
}

function tests(style: 'vitest' | 'jest' | 'node' | 'mocha', ext: string, imp: (module: string) => string): Record<string, string> {
  const head = {
    vitest: `import { describe, it, expect } from 'vitest';`,
    jest: '',
    node: `import { describe, it } from 'node:test';\nimport assert from 'node:assert/strict';`,
    mocha: `import assert from 'node:assert/strict';`,
  }[style];
  const eq = (a: string, b: string) => (style === 'vitest' || style === 'jest' ? `expect(${a}).toBe(${b});` : `assert.equal(${a}, ${b});`);
  return {
    [`test/orders.test.${ext}`]: `${head}\n${imp('orders')}\n${imp('inventory')}\ndescribe('orders', () => {\n  it('ships when every line is in stock', () => { ${eq('canShip({ lines: [{ count: 5, wanted: 2 }] })', 'true')} });\n  it('ships the last items on the shelf', () => { ${eq('canShip({ lines: [{ count: 2, wanted: 2 }] })', 'true')} });\n  it('holds an order short of stock', () => { ${eq('canShip({ lines: [{ count: 1, wanted: 2 }] })', 'false')} });\n  it('counts exactly enough as in stock', () => { ${eq('inStock(3, 3)', 'true')} });\n});\n`,
    [`test/totals.test.${ext}`]: `${head}\n${imp('totals')}\ndescribe('totals', () => {\n  it('adds line prices', () => { ${eq('total([{ wanted: 2, price: 3 }, { wanted: 1, price: 4 }])', '10')} });\n  it('is zero for no lines', () => { ${eq('total([])', '0')} });\n});\n`,
  };
}

const esm = (names: string) => (module: string) =>
  `import { ${{ orders: 'canShip', inventory: 'inStock', totals: 'total' }[module]} } from '../src/${module}${names}';`;
const srcFiles = (ext: string, transform = (text: string) => text) =>
  Object.fromEntries(Object.entries(source).map(([name, text]) => [`src/${name}.${ext}`, transform(text)]));
const toCommonJs = (text: string) =>
  text
    .replace(/^import \{ (\w+) \} from '\.\/(\w+)\.js';$/m, "const { $1 } = require('./$2.js');")
    .replace(/^export function (\w+)/m, 'function $1')
    .concat(`module.exports = { ${/function (\w+)/.exec(text)?.[1] ?? ''} };\n`);

const flavours: Record<string, Flavour> = {
  vitest: {
    packageJson: { type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '*' } },
    files: { ...srcFiles('ts'), ...tests('vitest', 'ts', esm('.js')) },
  },
  jest: {
    packageJson: { scripts: { test: 'jest' }, devDependencies: { jest: '*' } },
    files: {
      ...srcFiles('js', toCommonJs),
      ...Object.fromEntries(
        Object.entries(
          tests('jest', 'js', (m) => `const { ${{ orders: 'canShip', inventory: 'inStock', totals: 'total' }[m]} } = require('../src/${m}.js');`),
        ).map(([f, t]) => [f.replace('test/', '__tests__/'), t]),
      ),
    },
  },
  'node-test': { packageJson: { type: 'module', scripts: { test: 'node --test' } }, files: { ...srcFiles('js'), ...tests('node', 'js', esm('.js')) } },
  mocha: {
    packageJson: { type: 'module', scripts: { test: 'mocha' }, devDependencies: { mocha: '*' } },
    files: { ...srcFiles('js'), ...tests('mocha', 'js', esm('.js')) },
  },
};

async function writeProject(flavour: Flavour): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-bench-runners-'));
  const files = { 'package.json': JSON.stringify({ name: 'shop', version: '1.0.0', private: true, ...flavour.packageJson }, null, 2), ...flavour.files };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const rows: { runner: string; seconds: number; status: string }[] = [];
for (const [runner, flavour] of Object.entries(flavours)) {
  if (values.only && !values.only.includes(runner)) continue;
  for (let sample = 1; sample <= Number(values.samples); sample++) {
    const dir = await writeProject(flavour);
    const started = performance.now();
    let baselineSeconds = 0;
    try {
      const session = await fix({ projectDir: dir, runner, reporters: [{ onBaseline: () => void (baselineSeconds = (performance.now() - started) / 1000) }] });
      const seconds = (performance.now() - started) / 1000;
      await session.dispose();
      rows.push({ runner, seconds, status: session.result.status });
      console.log(
        `${runner.padEnd(10)} sample ${sample}  ${session.result.status.padEnd(6)} ${seconds.toFixed(1).padStart(5)} s to the end (baseline ${baselineSeconds.toFixed(1)} s), ${session.result.attempts.length} step(s)`,
      );
    } catch (error) {
      rows.push({ runner, seconds: Number.NaN, status: 'crashed' });
      console.log(`${runner.padEnd(10)} sample ${sample}  crashed: ${String(error)}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
console.log('\nseconds to green, median per runner (same bug: `count > minimum` should be `>=`):');
for (const runner of Object.keys(flavours)) {
  const green = rows.filter((row) => row.runner === runner && row.status === 'green').map((row) => row.seconds);
  const all = rows.filter((row) => row.runner === runner).length;
  if (all > 0) console.log(`  ${runner.padEnd(10)} ${green.length > 0 ? `${median(green).toFixed(1)} s` : '—'}  (${green.length}/${all} green)`);
}
