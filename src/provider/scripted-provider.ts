import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { ConfigError, ProviderError } from '../core/errors.js';
import type { ChatMessage, ModelProvider, TokenUsage } from './model-provider.js';

/** A provider that replays fixed replies, for tests, demos and reproducing a run without a model. */
export interface ScriptedProvider extends ModelProvider {
  /** Its `usage` is estimated from characters (4 per token), not counted by a tokenizer. */
  readonly usageIsEstimated: true;
  /** Replies not yet given. */
  readonly remaining: number;
}

const repliesSchema = z.object({ replies: z.array(z.string()) }).strict();
const chainsSchema = z.object({ chains: z.array(z.array(z.string())).min(1) }).strict();

/**
 * Reads `{"replies": ["…", …]}` from `file`; each `generate()` returns the next reply. A file of the form
 * `{"chains": [["…"], ["…"]]}` gives each chain of a `--chains` run its own replies: chain `chain` (1-based)
 * replays list `chain`, wrapping around when there are fewer lists than chains; with `replies`, every chain
 * replays the same list. A missing, unreadable
 * or malformed file is a `ConfigError` naming it. The id is `scripted:<file name>`. The file is read once,
 * synchronously: it is configuration, and a bad one should fail before the run starts.
 */
export function createScriptedProvider(file: string, chain = 1): ScriptedProvider {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read scripted replies file ${file}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`scripted replies file ${file} is not valid JSON`, { cause: error });
  }
  const perChain = typeof json === 'object' && json !== null && 'chains' in json;
  const parsed = perChain ? chainsSchema.safeParse(json) : repliesSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new ConfigError(`scripted replies file ${file} must look like ${perChain ? '{"chains": [["…"], ["…"]]}' : '{"replies": ["…"]}'} (${problem})`, {
      cause: parsed.error,
    });
  }
  const script = parsed.data;
  const replies = 'replies' in script ? script.replies : (script.chains[(chain - 1) % script.chains.length] ?? []);
  return createScriptedProviderFromReplies(replies, `scripted:${basename(file)}`);
}

/** A scripted provider over in-memory replies; once they run out, `generate()` throws a `ProviderError`. */
export function createScriptedProviderFromReplies(replies: readonly string[], id = 'scripted:inline'): ScriptedProvider {
  const queue = [...replies];
  let given = 0;
  return {
    id,
    usageIsEstimated: true,
    get remaining() {
      return queue.length - given;
    },
    async generate(request) {
      const text = queue[given];
      if (text === undefined) throw new ProviderError(`scripted replies exhausted after ${queue.length} replies`, { retryable: false, exhausted: true });
      given += 1;
      return { text, usage: estimateUsage(request.messages, text), model: id, finishReason: 'stop' };
    },
  };
}

function estimateUsage(messages: readonly ChatMessage[], reply: string): TokenUsage {
  const promptChars = messages.reduce((sum, message) => sum + message.content.length, 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(reply.length / 4) };
}
