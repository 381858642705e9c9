import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The line of module `i` that the benchmarks edit: a constant in a function body, typed `number`. */
export function editableLine(i: number): string {
  return `  const scale = ${i + 2};`;
}

/**
 * Writes a strict TypeScript project of `modules` modules to a temp dir: each declares an interface, a class,
 * a few functions over the types of the two modules before it, and a generic helper: about 60 lines a module.
 * No node_modules: the lib files are the only declarations, so the figures are the project's own.
 */
export async function generateTypedProject(modules: number): Promise<{ dir: string; lines: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-bench-typecheck-'));
  await mkdir(join(dir, 'src'));
  const tsconfig = {
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] },
    include: ['src'],
  };
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  let lines = 0;
  for (let i = 0; i < modules; i++) {
    const text = moduleText(i);
    lines += text.split('\n').length;
    await writeFile(join(dir, 'src', `m${i}.ts`), text);
  }
  return { dir, lines };
}

function moduleText(i: number): string {
  const deps = [i - 1, i - 2].filter((d) => d >= 0);
  const imports = deps.map((d) => `import { Item${d}, total${d}, Store${d} } from './m${d}.js';`);
  const parts = deps.map((d) => `  readonly part${d}: Item${d};`);
  const sums = deps.map((d) => ` + total${d}([item.part${d}])`).join('');
  return [
    ...imports,
    '',
    `/** An item of module ${i}. */`,
    `export interface Item${i} {`,
    '  readonly id: string;',
    '  readonly weight: number;',
    "  readonly kind: 'small' | 'large';",
    '  readonly tags: readonly string[];',
    ...parts,
    '}',
    '',
    `/** Sums the weights of module ${i}'s items, scaled. */`,
    `export function total${i}(items: readonly Item${i}[]): number {`,
    editableLine(i),
    '  let sum = 0;',
    `  for (const item of items) sum += item.weight * scale${sums};`,
    '  return sum;',
    '}',
    '',
    `/** The items of module ${i} of one kind. */`,
    `export function ofKind${i}(items: readonly Item${i}[], kind: Item${i}['kind']): Item${i}[] {`,
    '  return items.filter((item) => item.kind === kind);',
    '}',
    '',
    `/** Groups module ${i}'s items by tag. */`,
    `export function byTag${i}(items: readonly Item${i}[]): Map<string, Item${i}[]> {`,
    `  const groups = new Map<string, Item${i}[]>();`,
    '  for (const item of items) {',
    '    for (const tag of item.tags) {',
    '      const group = groups.get(tag) ?? [];',
    '      group.push(item);',
    '      groups.set(tag, group);',
    '    }',
    '  }',
    '  return groups;',
    '}',
    '',
    `/** A keyed store of module ${i}'s items. */`,
    `export class Store${i}<T extends Item${i} = Item${i}> {`,
    '  readonly #items = new Map<string, T>();',
    '',
    '  add(item: T): this {',
    '    this.#items.set(item.id, item);',
    '    return this;',
    '  }',
    '',
    '  get(id: string): T | undefined {',
    '    return this.#items.get(id);',
    '  }',
    '',
    '  weight(): number {',
    `    return total${i}([...this.#items.values()]);`,
    '  }',
    '}',
    '',
    `/** The heaviest item of a store, if any. */`,
    `export function heaviest${i}<T extends Item${i}>(store: Store${i}<T>, ids: readonly string[]): T | undefined {`,
    '  let best: T | undefined;',
    '  for (const id of ids) {',
    '    const item = store.get(id);',
    '    if (item !== undefined && (best === undefined || item.weight > best.weight)) best = item;',
    '  }',
    '  return best;',
    '}',
    ...deps.map((d) => `export const linked${i}From${d} = (store: Store${d}): number => store.weight();`),
    '',
  ].join('\n');
}
