import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/core/errors.js';
import { isBackendFailure } from '../../src/provider/backend-failure.js';
import { createProvider } from '../../src/provider/provider-registry.js';
import type { RetryInfo } from '../../src/provider/with-retry.js';
import { createMisbehavingServer, type Misbehavior, type MisbehavingServer } from '../helpers/fake-misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request = { messages: [{ role: 'user' as const, content: 'fix it' }] };

/** The provider a run would build for `spec` (timeout and retries composed), pointed at a misbehaving server. */
async function against(behavior: Misbehavior, spec: string, env: (origin: string) => Record<string, string>, stream = false) {
  server = await createMisbehavingServer(behavior);
  const retries: RetryInfo[] = [];
  const provider = createProvider(spec, {
    env: env(server.origin),
    settings: { timeoutMs: 200, stream },
    retry: { sleep: async () => undefined, onRetry: (info) => retries.push(info) },
  });
  const error = await provider.generate(request).catch((thrown: unknown) => thrown);
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  await server.allClosed();
  return { error, retries, origin: server.origin };
}

const openaiEnv = (origin: string) => ({ OPENAI_BASE_URL: `${origin}/v1` });

describe('a model server that never answers', () => {
  it('is reported as not answering within the timeout, after one retry, with every connection closed', async () => {
    const { error, retries, origin } = await against({ kind: 'silent' }, 'openai:m', openaiEnv);
    expect(error.message).toBe(`the model server at ${origin}/v1 did not answer within 0.2 s (2 attempts)`);
    expect(error.details).toMatchObject({ retryable: true, failure: 'timeout', attempts: 2 });
    expect(isBackendFailure(error)).toBe(true);
    expect(retries).toHaveLength(1);
    expect(server?.requests()).toBe(2);
    expect(server?.closedConnections()).toBe(2);
  });

  it('is reported the same when it sends headers and then nothing (streamed or not)', async () => {
    for (const stream of [false, true]) {
      const { error, origin } = await against(
        { kind: 'stalls', contentType: stream ? 'text/event-stream' : 'application/json' },
        'openai:m',
        openaiEnv,
        stream,
      );
      expect(error.message).toBe(`the model server at ${origin}/v1 did not answer within 0.2 s (2 attempts)`);
      await server?.close();
      server = undefined;
    }
  });

  it('says a stream stopped part way when text had arrived', async () => {
    const chunk = `data: ${JSON.stringify({ choices: [{ delta: { content: 'x' } }] })}\n\n`;
    server = await createMisbehavingServer({ kind: 'stalls', contentType: 'text/event-stream', first: chunk });
    const provider = createProvider('openai:m', { env: openaiEnv(server.origin), settings: { timeoutMs: 200 }, retry: false });
    const pieces: string[] = [];
    const error = await provider.generate({ ...request, onToken: (text) => pieces.push(text) }).catch((thrown: unknown) => thrown);
    expect(pieces).toEqual(['x']);
    expect(error).toMatchObject({ message: `the model server at ${server.origin}/v1 stopped answering: its reply was not complete within 0.2 s` });
  });

  it('is reported for Ollama and Anthropic too, naming their address', async () => {
    const ollama = await against({ kind: 'silent' }, 'ollama:m', (origin) => ({ OLLAMA_HOST: origin }));
    expect(ollama.error.message).toBe(`the model server at ${ollama.origin} did not answer within 0.2 s (2 attempts)`);
    await server?.close();
    const anthropic = await against({ kind: 'silent' }, 'anthropic:m', (origin) => ({ ANTHROPIC_BASE_URL: origin }));
    expect(anthropic.error.message).toBe(`the model server at ${anthropic.origin} did not answer within 0.2 s (2 attempts)`);
  });
});
