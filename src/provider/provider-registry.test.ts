import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createProvider, providerUsages } from './provider-registry.js';

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

  it('refuses an unknown provider, listing the valid ones', () => {
    expect(providerUsages).toEqual(['scripted:<replies.json>', 'openai:<model>']);
    expect(() => createProvider('ollama:llama3')).toThrow(ConfigError);
    expect(() => createProvider('ollama:llama3')).toThrow("unknown provider 'ollama:llama3'; valid providers: scripted:<replies.json>, openai:<model>");
    expect(() => createProvider('toString:x')).toThrow(/unknown provider/);
  });

  it('refuses a spec without its argument', () => {
    expect(() => createProvider('openai')).toThrow("provider 'openai' is incomplete; write it as openai:<model>");
    expect(() => createProvider('scripted:')).toThrow(/write it as scripted:<replies.json>/);
  });
});
