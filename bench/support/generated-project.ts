import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface GeneratedProjectOptions {
  readonly modules: number;
  readonly testsPerModule: number;
  /** The module whose `+` is a `-`: its tests fail (all but the one with offset-free input). */
  readonly buggyModule: number;
}

/**
 * Writes a vitest project of many small modules, each with its own test file, one of them buggy, into a
 * temp dir with the repository's node_modules linked. A stand-in for a real codebase where one module breaks.
 */
export async function generateProject(options: GeneratedProjectOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-bench-project-'));
  await mkdir(join(dir, 'src'));
  await mkdir(join(dir, 'test'));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-project', type: 'module', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4' } }),
  );
  await writeFile(
    join(dir, 'vitest.config.ts'),
    "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n",
  );
  for (let i = 0; i < options.modules; i++) {
    const op = i === options.buggyModule ? '-' : '+';
    await writeFile(join(dir, 'src', `m${i}.ts`), `/** Adds the module's offset. */\nexport function f${i}(x: number): number {\n  return x ${op} ${i};\n}\n`);
    const cases = Array.from({ length: options.testsPerModule }, (_, k) => `  it('case ${k}', () => {\n    expect(f${i}(${k * 3})).toBe(${k * 3 + i});\n  });`);
    await writeFile(
      join(dir, 'test', `m${i}.test.ts`),
      `import { describe, expect, it } from 'vitest';\nimport { f${i} } from '../src/m${i}.js';\n\ndescribe('f${i}', () => {\n${cases.join('\n')}\n});\n`,
    );
  }
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
