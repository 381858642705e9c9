import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError, ProviderError } from '../core/errors.js';
import {
  loadNodeLlamaCpp,
  type ChatHistoryItem,
  type GenerationOptions,
  type ImportModule,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type NodeLlamaCpp,
} from './gguf-runtime.js';
import type { ChatMessage, Completion, ModelProvider, SamplingOptions } from './model-provider.js';
import { resolveSampling, type ModelSettings } from './model-settings.js';

/** Options of `createGgufProvider`. */
export interface GgufProviderOptions {
  /** The `.gguf` file. */
  readonly path: string;
  readonly settings?: ModelSettings;
  /** `false` forces the CPU; default `auto` (CUDA, Vulkan or Metal where present). */
  readonly gpu?: 'auto' | false;
  /** Injected by tests to simulate node-llama-cpp being absent, or to load another copy. */
  readonly importModule?: ImportModule;
}

/** The context size asked for when the settings give none: enough for a run's prompts, small enough for a laptop. */
const defaultMaxContext = 8192;

interface Loaded {
  readonly runtime: NodeLlamaCpp;
  readonly llama: Llama;
  readonly context: LlamaContext;
}

/**
 * A local GGUF model run in-process through node-llama-cpp, an optional dependency loaded on first use (or
 * `init()`). Requests run one at a time on one context sequence; `jsonSchema` becomes a grammar.
 */
export function createGgufProvider(options: GgufProviderOptions): ModelProvider {
  if (!existsSync(options.path)) throw new ConfigError(`GGUF model file not found: ${options.path}`);
  const settings = options.settings ?? {};
  let loading: Promise<Loaded> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = (): Promise<Loaded> =>
    (loading ??= (async () => {
      const runtime = await loadNodeLlamaCpp(options.importModule);
      const llama = await runtime.getLlama({ gpu: options.gpu ?? 'auto' });
      const model = await llama.loadModel({ modelPath: options.path });
      const context = await model.createContext({ contextSize: settings.contextSize ?? { max: Math.min(model.trainContextSize, defaultMaxContext) } });
      return { runtime, llama, context };
    })());

  /** Runs `work` on a fresh sequence once earlier requests are done, counting the tokens it used. */
  const serially = (work: (loaded: Loaded, sequence: LlamaContextSequence) => Promise<string>): Promise<Completion> => {
    const run = queue.then(async () => {
      const loaded = await load();
      const sequence = loaded.context.getSequence();
      try {
        const before = sequence.tokenMeter.getState();
        const text = await work(loaded, sequence);
        const used = sequence.tokenMeter.diff(before);
        return { text, usage: { promptTokens: used.usedInputTokens, completionTokens: used.usedOutputTokens }, model: basename(options.path) };
      } catch (error) {
        if (error instanceof ProviderError || error instanceof ConfigError) throw error;
        throw new ProviderError(`the local model failed: ${basename(options.path)}`, { retryable: false }, { cause: error });
      } finally {
        sequence.dispose();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const generation = (request: SamplingOptions): GenerationOptions => {
    const sampling = resolveSampling(request, settings);
    return {
      ...(sampling.maxTokens === undefined ? {} : { maxTokens: sampling.maxTokens }),
      ...(sampling.temperature === undefined ? {} : { temperature: sampling.temperature }),
      ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(request.onToken === undefined ? {} : { onTextChunk: request.onToken }),
    };
  };

  return {
    id: `gguf:${basename(options.path)}`,
    generate: (request) =>
      serially(async ({ runtime, llama }, contextSequence) => {
        const { history, prompt } = toChatHistory(request.messages);
        const session = new runtime.LlamaChatSession({ contextSequence });
        session.setChatHistory(history);
        const grammar = request.jsonSchema === undefined ? undefined : await llama.createGrammarForJsonSchema(request.jsonSchema);
        return session.prompt(prompt, { ...generation(request), ...(grammar === undefined ? {} : { grammar }) });
      }),
    infill: (request) =>
      serially(async ({ runtime }, contextSequence) => {
        const completion = new runtime.LlamaCompletion({ contextSequence });
        if (!completion.infillSupported)
          throw new ProviderError(`${basename(options.path)} has no fill-in-the-middle tokens; use generate`, { retryable: false });
        return completion.generateInfillCompletion(request.prefix, request.suffix, generation(request));
      }),
    async init() {
      await load();
    },
    async dispose() {
      const loaded = await loading?.catch(() => undefined);
      // Disposing the Llama disposes its models and contexts.
      await loaded?.llama.dispose();
      loading = undefined;
    },
  };
}

/** node-llama-cpp's chat history for all but the last user message, which becomes the prompt. */
export function toChatHistory(messages: readonly ChatMessage[]): { history: ChatHistoryItem[]; prompt: string } {
  const lastUser = messages.findLastIndex((message) => message.role === 'user');
  const history: ChatHistoryItem[] = messages
    .filter((_message, index) => index !== lastUser)
    .map(({ role, content }) => (role === 'assistant' ? { type: 'model', response: [content] } : { type: role, text: content }));
  return { history, prompt: messages[lastUser]?.content ?? '' };
}
