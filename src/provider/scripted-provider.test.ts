import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../core/errors.js';
import { createTempProject, type TempProject } from '../../test/helpers/temp-project.js';
import { createScriptedProvider, createScriptedProviderFromReplies } from './scripted-provider.js';

const request = { messages: [{ role: 'user' as const, content: '12345678' }] };

describe('createScriptedProviderFromReplies', () => {
  it('returns the replies in order with estimated usage, then throws when exhausted', async () => {
    const provider = createScriptedProviderFromReplies(['first', 'second reply']);
    expect(provider.usageIsEstimated).toBe(true);
    expect(await provider.generate(request)).toMatchObject({ text: 'first', usage: { promptTokens: 2, completionTokens: 2 } });
    expect(provider.remaining).toBe(1);
    expect((await provider.generate(request)).text).toBe('second reply');
    const error = await provider.generate(request).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toBe('scripted replies exhausted after 2 replies');
    expect((error as ProviderError).details.retryable).toBe(false);
  });
});

describe('createScriptedProvider', () => {
  let dir: TempProject;
  afterEach(() => dir.cleanup());

  it('reads replies from a JSON file and is named after it', async () => {
    dir = await createTempProject({ 'replies.json': JSON.stringify({ replies: ['a', 'b'] }) });
    const provider = createScriptedProvider(join(dir.dir, 'replies.json'));
    expect(provider.id).toBe('scripted:replies.json');
    expect((await provider.generate(request)).text).toBe('a');
    expect((await provider.generate(request)).text).toBe('b');
  });

  it.each([
    ['not JSON', '{replies:', /replies\.json is not valid JSON$/],
    ['the wrong shape', '{"replies": "one"}', /replies\.json must look like \{"replies": \["…"\]\} \(replies: .+\)$/],
    ['a non-string reply', '{"replies": ["a", 2]}', /\(replies\.1: .+\)$/],
  ])('refuses a file that is %s with a ConfigError naming it', async (_name, text, message) => {
    dir = await createTempProject();
    const file = join(dir.dir, 'replies.json');
    await writeFile(file, text);
    expect(() => createScriptedProvider(file)).toThrow(ConfigError);
    expect(() => createScriptedProvider(file)).toThrow(message);
  });

  it('gives each chain its own list from a chains file, wrapping around, and every chain the same plain list', async () => {
    dir = await createTempProject({
      'chains.json': JSON.stringify({ chains: [['one-a'], ['two-a', 'two-b']] }),
      'plain.json': JSON.stringify({ replies: ['same'] }),
    });
    const replyOf = async (file: string, chain: number) => (await createScriptedProvider(join(dir.dir, file), chain).generate(request)).text;
    expect(await replyOf('chains.json', 1)).toBe('one-a');
    expect(await replyOf('chains.json', 2)).toBe('two-a');
    expect(await replyOf('chains.json', 3)).toBe('one-a');
    expect(createScriptedProvider(join(dir.dir, 'chains.json'), 2).remaining).toBe(2);
    expect(await replyOf('plain.json', 2)).toBe('same');
  });

  it('refuses a chains file whose lists are not lists of replies', async () => {
    dir = await createTempProject({ 'chains.json': JSON.stringify({ chains: ['a'] }) });
    expect(() => createScriptedProvider(join(dir.dir, 'chains.json'))).toThrow(/must look like \{"chains": \[\["…"\], \["…"\]\]\} \(chains\.0: .+\)$/);
  });

  it('refuses a missing file', async () => {
    dir = await createTempProject();
    expect(() => createScriptedProvider(join(dir.dir, 'nope.json'))).toThrow(/cannot read scripted replies file .*nope\.json$/);
  });
});
