import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { createGgufProvider } from '../../src/provider/gguf-provider.js';
import type { ImportModule } from '../../src/provider/gguf-runtime.js';
import type { ModelProvider } from '../../src/provider/model-provider.js';
import { createProvider } from '../../src/provider/provider-registry.js';
import { writeTinyGguf } from '../helpers/tiny-gguf.js';

const absent: ImportModule = (specifier) =>
  Promise.reject(Object.assign(new Error(`Cannot find package '${specifier}' imported from redgreen`), { code: 'ERR_MODULE_NOT_FOUND' }));

/**
 * node-llama-cpp as the tests can load it: the repo's own copy if installed, else the package directory named
 * by REDGREEN_NODE_LLAMA_CPP (e.g. a scratch install), else undefined and the real-model tests are skipped.
 */
async function findNodeLlamaCpp(): Promise<ImportModule | undefined> {
  const own: ImportModule = (specifier) => import(specifier);
  if (
    await own('node-llama-cpp').then(
      () => true,
      () => false,
    )
  )
    return own;
  const dir = process.env.REDGREEN_NODE_LLAMA_CPP;
  if (dir === undefined || dir === '') return undefined;
  const entry = pathToFileURL(join(dir, 'dist', 'index.js')).href;
  return (await import(entry).then(
    () => true,
    () => false,
  ))
    ? () => import(entry)
    : undefined;
}

const nodeLlamaCpp = await findNodeLlamaCpp();

describe('gguf without node-llama-cpp', () => {
  let dir: string;
  let modelPath: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redgreen-gguf-'));
    modelPath = join(dir, 'model.gguf');
    await writeFile(modelPath, 'not loaded in these tests');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('fails on first use with a ConfigError naming the install command, loading nothing before', async () => {
    const provider = createGgufProvider({ path: modelPath, importModule: absent });
    expect(provider.id).toBe('gguf:model.gguf');
    const error = await provider.generate({ messages: [{ role: 'user', content: 'hi' }] }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      message: 'the gguf provider needs node-llama-cpp, an optional dependency that is not installed: npm install node-llama-cpp',
    });
    expect((error as Error).cause).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
  });

  it('fails the same way through the registry’s decorators, without retrying, and from init()', async () => {
    let imports = 0;
    const counting: ImportModule = (specifier) => (imports++, absent(specifier));
    const provider = createProvider('gguf:model.gguf', { cwd: dir, importModule: counting, retry: { sleep: async () => undefined } });
    await expect(provider.init?.()).rejects.toThrow(/npm install node-llama-cpp$/);
    expect(imports).toBe(1);
  });

  it('rejects a module that is not node-llama-cpp v3', async () => {
    const provider = createGgufProvider({ path: modelPath, importModule: async () => ({ default: {} }) });
    await expect(provider.init?.()).rejects.toThrow(/not a version this provider knows/);
  });
});

describe.skipIf(nodeLlamaCpp === undefined)('gguf with node-llama-cpp and a generated tiny model (CPU)', () => {
  let dir: string;
  let provider: ModelProvider;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redgreen-gguf-'));
    await writeTinyGguf(join(dir, 'tiny.gguf'));
    provider = createProvider('gguf:tiny.gguf', { cwd: dir, importModule: nodeLlamaCpp, settings: { contextSize: 512, temperature: 0.5, seed: 1 } });
    await provider.init?.();
  }, 120_000);
  afterAll(async () => {
    await provider.dispose?.();
    await rm(dir, { recursive: true, force: true });
  });

  it('generates tokens and counts them', async () => {
    const pieces: string[] = [];
    const completion = await provider.generate({
      messages: [
        { role: 'system', content: 'You fix tests.' },
        { role: 'user', content: 'fix add' },
        { role: 'assistant', content: 'which file?' },
        { role: 'user', content: 'add.ts' },
      ],
      maxTokens: 8,
      onToken: (piece) => pieces.push(piece),
    });
    expect(completion.usage?.completionTokens).toBeGreaterThan(0);
    expect(completion.usage?.completionTokens).toBeLessThanOrEqual(8);
    expect(completion.usage?.promptTokens).toBeGreaterThan(0);
    expect(pieces.join('')).toBe(completion.text);
    expect(completion.model).toBe('tiny.gguf');
  });

  it('runs concurrent requests one after another on its one sequence', async () => {
    const ask = () => provider.generate({ messages: [{ role: 'user', content: 'hi' }], maxTokens: 4 });
    const replies = await Promise.all([ask(), ask()]);
    expect(replies.every((reply) => (reply.usage?.completionTokens ?? 0) > 0)).toBe(true);
  });

  it('constrains the reply to a JSON schema through a grammar', async () => {
    const jsonSchema = { type: 'object', properties: { fixed: { type: 'boolean' } }, required: ['fixed'] };
    const completion = await provider.generate({ messages: [{ role: 'user', content: 'done?' }], jsonSchema, maxTokens: 12 });
    expect(completion.text).toMatch(/^\s*\{/);
  });

  it('says plainly that a model without FIM tokens cannot infill', async () => {
    await expect(provider.infill?.({ prefix: 'a', suffix: 'b', maxTokens: 4 })).rejects.toThrow('tiny.gguf has no fill-in-the-middle tokens; use generate');
  });
});
