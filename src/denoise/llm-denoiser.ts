import { ProviderError } from '../core/errors.js';
import type { EditFormat } from '../edit/edit-format.js';
import { getEditFormat } from '../edit/edit-formats.js';
import { buildPrompt, buildRetryMessage } from './prompt.js';
import { selectContext } from './select-context.js';
import { guardDeclarationEdits } from './declaration-edits.js';
import type { Proposal } from '../core/attempts.js';
import type { ChatMessage, Completion, CompletionRequest, ModelProvider } from '../provider/model-provider.js';
import type { DenoiseContext, Denoiser } from '../core/denoiser.js';
import { fallbackEditFormat } from './edit-format-table.js';

export interface LlmDenoiserOptions {
  readonly provider: ModelProvider;
  /** The format asked for first; a retry after an unusable reply asks for whole files. */
  readonly editFormat: EditFormat;
  /** Per-request overrides of the provider's own settings. */
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly seed?: number;
}

/** The sampling temperatures a noise schedule spans: near-greedy for single edits, free for whole rewrites. */
export const noiseTemperatures = { min: 0.2, max: 1 } as const;

/** The temperature of a step at noise level σ: min + σ·(max − min). Pure. */
export function noiseTemperature(noise: number): number {
  const sigma = Math.min(1, Math.max(0, noise));
  return Math.round((noiseTemperatures.min + sigma * (noiseTemperatures.max - noiseTemperatures.min)) * 100) / 100;
}

/**
 * A denoiser backed by a code model: context selection → prompt → completion → reply parsing. When the loop
 * asks again within a step (the reply could not be read or applied), the conversation goes on with the
 * reason and a request for whole files, rather than starting over. Under a noise schedule the step's noise
 * level sets the temperature, unless the user set one.
 */
export function createLlmDenoiser(options: LlmDenoiserOptions): Denoiser {
  const { provider } = options;
  const fallback = getEditFormat(fallbackEditFormat);
  // Files a reply tried to edit from their declarations: shown whole from then on.
  const whole = new Set<string>();
  return {
    name: provider.id,
    async *propose(context: DenoiseContext): AsyncIterable<Proposal> {
      const selected = await selectContext(context.project, context.failures, { summarize: true, expectations: context.expectations, whole });
      const messages: ChatMessage[] = buildPrompt({
        declarationSources: selected.declarationSources,
        ...(context.expectations === undefined ? {} : { expectations: context.expectations }),
        failures: context.failures,
        testSources: selected.testSources,
        editableSources: selected.editableSources,
        history: context.history,
        suggestedMode: context.suggestedMode,
        formatInstructions: options.editFormat.instructions(),
      });
      let format = options.editFormat;
      let seen = 0;
      for (;;) {
        const completion = await generateUnlessExhausted(provider, {
          messages,
          temperature: options.temperature,
          ...(context.noise === undefined ? {} : { defaultTemperature: noiseTemperature(context.noise) }),
          maxTokens: options.maxTokens,
          seed: options.seed,
          signal: context.signal,
        });
        if (completion === undefined) return;
        const guarded = guardDeclarationEdits(
          toProposal(provider.id, format, completion, context.project.files),
          selected.declarationSources.filter((source) => !whole.has(source.path)),
          context.project.files,
        );
        for (const file of guarded.shownWhole) whole.add(file.path);
        yield guarded.proposal;
        // Resumed: the loop could not use that reply and asks again.
        format = fallback;
        messages.push({ role: 'assistant', content: completion.text });
        // Every reason the loop gave for this reply, not just the last line of it.
        const reasons = context.stepFeedback.slice(seen);
        seen = context.stepFeedback.length;
        messages.push({
          role: 'user',
          content: buildRetryMessage(reasons.length > 0 ? reasons.join('\n') : 'the reply could not be used', format.instructions(), guarded.shownWhole),
        });
      }
    },
    init: () => provider.init?.() ?? Promise.resolve(),
    dispose: () => provider.dispose?.() ?? Promise.resolve(),
  };
}

function toProposal(denoiser: string, format: EditFormat, completion: Completion, knownFiles: readonly string[]): Proposal {
  const parsed = format.parse(completion.text, { knownFiles });
  const common = { denoiser, usage: completion.usage, raw: completion.text, format: format.name };
  return parsed.status === 'parsed'
    ? { kind: 'edits', edits: parsed.edits, reasoning: parsed.reasoning, ...common }
    : { kind: 'malformed', reason: `the reply could not be read: ${parsed.reason}`, problem: parsed.problem, ...common };
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
