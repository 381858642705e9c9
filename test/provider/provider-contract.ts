import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/core/errors.js';
import type { CompletionRequest, ModelProvider, TokenUsage } from '../../src/provider/model-provider.js';
import type { CreateProviderOptions } from '../../src/provider/provider-registry.js';
import type { FakeHttpServer, FakeResponse, RecordedRequest } from '../helpers/fake-http-server.js';

/** One back end as the contract suite drives it: its fake server, recorded replies and protocol checks. */
export interface ContractBackend {
  readonly server: FakeHttpServer;
  /** The provider under test, made by `createProvider` (so the registry's decorators are part of the test). */
  create(options: Pick<CreateProviderOptions, 'retry' | 'settings'>): ModelProvider;
  readonly replies: {
    /** The recorded success; its text is `Fixed: return a + b;`. */
    readonly ok: FakeResponse;
    /** Ends cleanly before the protocol's end marker. */
    readonly truncated: FakeResponse;
    /** The socket is destroyed part way through the body. */
    readonly reset: FakeResponse;
    readonly garbage: FakeResponse;
    readonly unauthorized: FakeResponse;
    readonly unknownModel: FakeResponse;
    /** A 429 with `Retry-After: 2`. */
    readonly rateLimited: FakeResponse;
    readonly serverError: FakeResponse;
  };
  readonly expected: {
    readonly usage: TokenUsage;
    /** The models the fake server lists. */
    readonly models: readonly string[];
    /** Whether replies are streamed (then `onToken` sees every piece). */
    readonly streams: boolean;
    readonly truncated: RegExp;
    /** The variable a 401 message tells the user to check. */
    readonly keyHint: string;
  };
  /** Asserts that `recorded` is this protocol's request for `request` (path, body, auth headers). */
  checkRequest(recorded: RecordedRequest, request: CompletionRequest): void;
}

/** The request every contract test sends: a system and a user message, every sampling setting. */
export const contractRequest: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You fix failing tests.' },
    { role: 'user', content: 'add() returns a - b; the test expects a + b.' },
  ],
  temperature: 0.2,
  maxTokens: 256,
  seed: 7,
};

const expectedText = 'Fixed: return a + b;';

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`, { cause: error });
  return error;
}

/** The behaviour every model back end shares, run against its fake server on 127.0.0.1. */
export function describeProviderContract(name: string, setup: () => Promise<ContractBackend>): void {
  describe(`${name} provider contract`, () => {
    let backend: ContractBackend;
    let sleeps: number[];
    beforeEach(async () => {
      backend = await setup();
      sleeps = [];
    });
    afterEach(() => backend.server.close());

    const retrying = () => backend.create({ retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, baseDelayMs: 100 } });
    const once = (timeoutMs?: number) => backend.create({ retry: false, ...(timeoutMs === undefined ? {} : { settings: { timeoutMs } }) });

    it('assembles the reply text and usage, and sends this protocol’s request', async () => {
      backend.server.enqueue(backend.replies.ok);
      const pieces: string[] = [];
      const request = backend.expected.streams ? { ...contractRequest, onToken: (piece: string) => void pieces.push(piece) } : contractRequest;
      const completion = await once().generate(request);
      expect(completion.text).toBe(expectedText);
      expect(completion.usage).toEqual(backend.expected.usage);
      if (backend.expected.streams) expect(pieces.join('')).toBe(expectedText);
      expect(backend.server.requests).toHaveLength(1);
      backend.checkRequest(backend.server.requests[0] as RecordedRequest, request);
    });

    it('waits out a 429’s Retry-After, then succeeds', async () => {
      backend.server.enqueue(backend.replies.rateLimited, backend.replies.ok);
      expect((await retrying().generate(contractRequest)).text).toBe(expectedText);
      expect(sleeps).toEqual([2000]);
    });

    it('retries a 500 with backoff, then succeeds', async () => {
      backend.server.enqueue(backend.replies.serverError, backend.replies.ok);
      expect((await retrying().generate(contractRequest)).text).toBe(expectedText);
      expect(sleeps).toEqual([50]);
      expect(backend.server.requests).toHaveLength(2);
    });

    it('retries a connection reset part way through the reply', async () => {
      backend.server.enqueue(backend.replies.reset, backend.replies.ok);
      expect((await retrying().generate(contractRequest)).text).toBe(expectedText);
      expect(sleeps).toHaveLength(1);
    });

    it('reports a reply cut off before its end as a retryable error', async () => {
      backend.server.enqueue(backend.replies.truncated);
      const error = await failureOf(once().generate(contractRequest));
      expect(error.message).toMatch(backend.expected.truncated);
      expect(error.details.retryable).toBe(true);
    });

    it('reports garbage as a retryable error', async () => {
      backend.server.enqueue(backend.replies.garbage);
      const error = await failureOf(once().generate(contractRequest));
      expect(error.message).toMatch(/not JSON/);
      expect(error.details.retryable).toBe(true);
    });

    it('times out a slow server as a retryable error', async () => {
      backend.server.enqueue({ ...backend.replies.ok, delayMs: 3_000 });
      const error = await failureOf(once(150).generate(contractRequest));
      expect(error.message).toMatch(/^the model server at http:\/\/127\.0\.0\.1:\d+\S* did not answer within 0\.15 s$/);
      expect(error.details).toMatchObject({ retryable: true, failure: 'timeout' });
    });

    it('explains a 401 without retrying', async () => {
      backend.server.enqueue(backend.replies.unauthorized, backend.replies.ok);
      const error = await failureOf(retrying().generate(contractRequest));
      expect(error.message).toMatch(
        new RegExp(`^authentication failed \\(401\\): check ${backend.expected.keyHint.replace(/[()]/g, '\\$&')} \\(server: .+\\)$`),
      );
      expect(error.details).toMatchObject({ status: 401, retryable: false });
      expect(sleeps).toEqual([]);
    });

    it('lists the server’s models after a 404 for an unknown model', async () => {
      backend.server.enqueue(backend.replies.unknownModel);
      const error = await failureOf(retrying().generate(contractRequest));
      expect(error.message).toMatch(/^model '.+' not found at http:\/\/127\.0\.0\.1:\d+/);
      expect(error.message).toContain(`available models: ${backend.expected.models.join(', ')}`);
      expect(error.details).toMatchObject({ status: 404, retryable: false });
      expect(sleeps).toEqual([]);
    });

    it('lists the server’s models', async () => {
      expect(await once().listModels?.()).toEqual(backend.expected.models);
    });
  });
}
