import type { EditFormat } from '../edit/edit-format.js';
import { buildPrompt } from '../loop/prompt.js';
import { selectContext } from '../loop/select-context.js';
import type { Proposal } from '../loop/types.js';
import { ProviderError } from '../errors.js';
import type { Completion, CompletionRequest, ModelProvider } from '../provider/model-provider.js';
import type { DenoiseContext, Denoiser } from './denoiser.js';

export interface LlmDenoiserOptions {
  readonly provider: ModelProvider;
  readonly editFormat: EditFormat;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly seed?: number;
}

/** A denoiser backed by a code model: context selection → prompt → completion → reply parsing. */
export function createLlmDenoiser(options: LlmDenoiserOptions): Denoiser {
  const { provider, editFormat } = options;
  return {
    name: provider.id,
    async *propose(context: DenoiseContext): AsyncIterable<Proposal> {
      const selected = await selectContext(context.project, context.failures);
      const messages = buildPrompt({
        failures: context.failures,
        testSources: selected.testSources,
        editableSources: selected.editableSources,
        history: context.history,
        suggestedMode: context.suggestedMode,
        formatInstructions: editFormat.instructions(),
      });
      const completion = await generateUnlessExhausted(provider, {
        messages,
        temperature: options.temperature,
        maxTokens: options.maxTokens,
        seed: options.seed,
        signal: context.signal,
      });
      if (completion === undefined) return;
      const parsed = editFormat.parse(completion.text, { knownFiles: context.project.files });
      const common = { denoiser: provider.id, usage: completion.usage, raw: completion.text };
      yield parsed.status === 'parsed'
        ? { kind: 'edits', edits: parsed.edits, reasoning: parsed.reasoning, ...common }
        : { kind: 'malformed', reason: `the reply could not be read: ${parsed.reason}`, ...common };
    },
    dispose: () => provider.dispose?.() ?? Promise.resolve(),
  };
}

/** `undefined` when the back end has nothing more to give, which ends the run's proposals rather than failing it. */
async function generateUnlessExhausted(provider: ModelProvider, request: CompletionRequest): Promise<Completion | undefined> {
  try {
    return await provider.generate(request);
  } catch (error) {
    if (error instanceof ProviderError && error.details.exhausted === true) return undefined;
    throw error;
  }
}
