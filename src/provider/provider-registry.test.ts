import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createProvider, providerUsages } from './provider-registry.js';
import { createUsageMeter } from './usage-meter.js';

describe('createProvider', () => {
  let dir: TempProject | undefined;
  afterEach(() => dir?.cleanup());

  it('creates a scripted provider from a file relative to cwd', async () => {
    dir = await createTempProject({ 'replies/one.json': '{"replies":["hello"]}' });
    const provider = createProvider('scripted:replies/one.json', { cwd: dir.dir });
    expect(provider.id).toBe('scripted:one.json');
    expect((await provider.generate({ messages: [] })).text).toBe('hello');
  });

  it('creates an OpenAI-compatible provider', () => {
    expect(createProvider('openai:gpt-4o-mini', { env: { OPENAI_API_KEY: 'sk' } }).id).toBe('openai:gpt-4o-mini');
  });

  it('creates every network back end from its spec', () => {
    const env = { ANTHROPIC_API_KEY: 'k', OLLAMA_HOST: 'localhost:11434' };
    expect(createProvider('ollama:qwen2.5-coder:7b', { env }).id).toBe('ollama:qwen2.5-coder:7b');
    expect(createProvider('llamacpp', { env }).id).toBe('llamacpp:default');
    expect(createProvider('llamacpp:coder', { env }).id).toBe('llamacpp:coder');
    expect(createProvider('anthropic:claude-sonnet-4-5', { env }).id).toBe('anthropic:claude-sonnet-4-5');
    expect(createProvider('ollama:m', { env }).infill).toBeTypeOf('function');
  });

  it('refuses a gguf path that does not exist', () => {
    expect(() => createProvider('gguf:missing.gguf', { cwd: '/nowhere' })).toThrow('GGUF model file not found: /nowhere/missing.gguf');
  });

  it('composes usage tracking and the budget around a scripted provider', async () => {
    dir = await createTempProject({ 'r.json': '{"replies":["one","two"]}' });
    const usage = createUsageMeter();
    const provider = createProvider('scripted:r.json', { cwd: dir.dir, usage, budget: { maxTokens: 1 } });
    await provider.generate({ messages: [{ role: 'user', content: 'hello' }] });
    expect(usage.total()).toMatchObject({ promptTokens: 2, completionTokens: 1, requests: 1 });
    await expect(provider.generate({ messages: [] })).rejects.toMatchObject({ details: { exhausted: true } });
  });

  it('refuses an unknown provider, listing the valid ones', () => {
    expect(providerUsages).toEqual([
      'scripted:<replies.json>',
      'openai:<model>',
      'ollama:<model>',
      'llamacpp[:<alias>]',
      'anthropic:<model>',
      'gguf:<path/to/model.gguf>',
    ]);
    expect(() => createProvider('vllm:llama3')).toThrow(ConfigError);
    expect(() => createProvider('vllm:llama3')).toThrow(`unknown provider 'vllm:llama3'; valid providers: ${providerUsages.join(', ')}`);
    expect(() => createProvider('toString:x')).toThrow(/unknown provider/);
  });

  it('refuses a spec without its argument', () => {
    expect(() => createProvider('openai')).toThrow("provider 'openai' is incomplete; write it as openai:<model>");
    expect(() => createProvider('scripted:')).toThrow(/write it as scripted:<replies.json>/);
  });
});
