import { ConfigError } from '../core/errors.js';

/*
 * The part of node-llama-cpp (v3) the gguf provider uses, typed structurally so that redgreen builds without
 * the optional dependency installed. Names and shapes follow its `.d.ts` files.
 */

/** node-llama-cpp's token counts at one moment. */
export interface TokenMeterState {
  readonly usedInputTokens: number;
  readonly usedOutputTokens: number;
}

/** One sequence of a context: a conversation slot with its token meter. */
/** A context (KV cache) of a loaded model. */
/** The llama.cpp binding `getLlama()` returns. */
export interface LlamaContextSequence {
  readonly tokenMeter: { getState(): TokenMeterState; diff(state: TokenMeterState): TokenMeterState };
  dispose(): void;
}

/** A context (KV cache) of a loaded model. */
/** The llama.cpp binding `getLlama()` returns. */
export interface LlamaContext {
  getSequence(): LlamaContextSequence;
  dispose(): Promise<void>;
}

/** Loaded weights. */
/** The llama.cpp binding `getLlama()` returns. */
export interface LlamaModel {
  readonly trainContextSize: number;
  createContext(options?: { contextSize?: number | { min?: number; max?: number }; sequences?: number }): Promise<LlamaContext>;
  dispose(): Promise<void>;
}

/** A grammar from `llama.createGrammarForJsonSchema`. */
export type LlamaGrammar = object;

/** The llama.cpp binding `getLlama()` returns. */
export interface Llama {
  loadModel(options: { modelPath: string }): Promise<LlamaModel>;
  createGrammarForJsonSchema(schema: Readonly<Record<string, unknown>>): Promise<LlamaGrammar>;
  dispose(): Promise<void>;
}

/** Sampling options shared by `prompt` and `generateInfillCompletion`. */
export interface GenerationOptions {
  maxTokens?: number;
  temperature?: number;
  seed?: number;
  signal?: AbortSignal;
  onTextChunk?: (text: string) => void;
  grammar?: LlamaGrammar;
}

/** An item of node-llama-cpp's chat history. */
export type ChatHistoryItem = { type: 'system'; text: string } | { type: 'user'; text: string } | { type: 'model'; response: string[] };

/** The llama.cpp binding `getLlama()` returns. */
/** A chat over one context sequence. */
export interface LlamaChatSession {
  setChatHistory(history: ChatHistoryItem[]): void;
  prompt(text: string, options?: GenerationOptions): Promise<string>;
  dispose(options?: { disposeSequence?: boolean }): void;
}

/** The llama.cpp binding `getLlama()` returns. */
/** Plain and fill-in-the-middle completion over one context sequence. */
export interface LlamaCompletion {
  readonly infillSupported: boolean;
  generateInfillCompletion(prefix: string, suffix: string, options?: GenerationOptions): Promise<string>;
  dispose(options?: { disposeSequence?: boolean }): void;
}

/** The module exports the provider uses. */
export interface NodeLlamaCpp {
  getLlama(options?: { gpu?: 'auto' | false }): Promise<Llama>;
  LlamaChatSession: new (options: { contextSequence: LlamaContextSequence }) => LlamaChatSession;
  LlamaCompletion: new (options: { contextSequence: LlamaContextSequence }) => LlamaCompletion;
}

/** Loads a module by name: `(name) => import(name)` unless a test injects another. */
export type ImportModule = (specifier: string) => Promise<unknown>;

/** The command that installs the optional dependency, for error messages. */
export const installNodeLlamaCpp = 'npm install node-llama-cpp';

/**
 * Loads node-llama-cpp lazily. Absent, it is a `ConfigError` naming the install command; present but broken
 * (no binary for this platform), a `ConfigError` with the cause.
 */
export async function loadNodeLlamaCpp(importModule: ImportModule = (specifier) => import(specifier)): Promise<NodeLlamaCpp> {
  let loaded: unknown;
  try {
    loaded = await importModule('node-llama-cpp');
  } catch (error) {
    if (isModuleNotFound(error)) {
      throw new ConfigError(`the gguf provider needs node-llama-cpp, an optional dependency that is not installed: ${installNodeLlamaCpp}`, { cause: error });
    }
    throw new ConfigError('node-llama-cpp is installed but could not be loaded', { cause: error });
  }
  if (!isNodeLlamaCpp(loaded))
    throw new ConfigError(`the installed node-llama-cpp is not a version this provider knows (v3 expected): ${installNodeLlamaCpp}@3`);
  return loaded;
}

function isModuleNotFound(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

function isNodeLlamaCpp(value: unknown): value is NodeLlamaCpp {
  if (typeof value !== 'object' || value === null) return false;
  const module = value as Record<string, unknown>;
  return typeof module.getLlama === 'function' && typeof module.LlamaChatSession === 'function' && typeof module.LlamaCompletion === 'function';
}
