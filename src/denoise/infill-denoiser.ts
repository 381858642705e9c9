import { ConfigError, ProviderError } from '../core/errors.js';
import { relativeImports, resolveImport, selectContext } from './select-context.js';
import type { Proposal } from '../core/attempts.js';
import type { ModelProvider } from '../provider/model-provider.js';
import type { DenoiseContext, Denoiser } from '../core/denoiser.js';
import type { Mask, MaskScope } from './infill/choose-mask.js';
import { calledInTest } from '../builtin/localize/called-in-test.js';
import { chooseMask, findFunctionLine } from './infill/choose-mask.js';

/** A place the fault may be: a line of an editable file. */
interface Site {
  readonly file: string;
  readonly line: number;
}

/**
 * Masked infill: the code around the suspected fault is cut out and the model writes it again between the
 * code before and after it, with the failing tests as extra context. Each further proposal the loop asks for
 * within a step masks more (the statement, then the whole function) or moves to the next suspect.
 */
export function createInfillDenoiser(provider: ModelProvider): Denoiser {
  const infill = provider.infill?.bind(provider);
  if (infill === undefined) {
    throw new ConfigError(`${provider.id} has no fill-in-the-middle API; use ollama:<model>, llamacpp, gguf:<file> or a Mercury model, or leave out --infill`);
  }
  return {
    name: `${provider.id} (infill)`,
    async *propose(context: DenoiseContext): AsyncIterable<Proposal> {
      const extra = (await selectContext(context.project, context.failures)).testSources.map((f) => ({ filename: f.path, text: f.text }));
      for (const site of await suspectedSites(context)) {
        const text = await context.project.read(site.file);
        if (text === undefined) continue;
        for (const scope of ['statement', 'body'] as const satisfies readonly MaskScope[]) {
          const mask = chooseMask(site.file, text, site.line, scope);
          if (mask === undefined) continue;
          let completion;
          try {
            completion = await infill({ prefix: text.slice(0, mask.start), suffix: text.slice(mask.end), extra, signal: context.signal });
          } catch (error) {
            if (error instanceof ProviderError && error.details.exhausted === true) return;
            throw error;
          }
          const filled = cleanInfill(completion.text);
          yield {
            kind: 'edits',
            edits: [{ kind: 'rewrite', file: site.file, content: text.slice(0, mask.start) + filled + text.slice(mask.end) }],
            reasoning: `regenerated ${describeMask(site.file, mask, scope)}`,
            denoiser: `${provider.id} (infill)`,
            usage: completion.usage,
            raw: completion.text,
            format: 'infill',
          };
        }
      }
    },
    init: () => provider.init?.() ?? Promise.resolve(),
    dispose: () => provider.dispose?.() ?? Promise.resolve(),
  };
}

/**
 * Where to mask, most likely first: lines of editable files on the failing tests' stack frames, then the
 * functions the failing tests call by name in the modules they import.
 */
async function suspectedSites(context: DenoiseContext): Promise<Site[]> {
  const sites: Site[] = [];
  for (const failure of context.failures) {
    for (const frame of failure.failure?.frames ?? []) {
      if (context.project.isEditable(frame.file)) sites.push({ file: frame.file, line: frame.line });
    }
  }
  const files = new Set(context.project.files);
  for (const failure of context.failures) {
    const testFile = failure.id.file;
    const testText = (await context.project.read(testFile)) ?? '';
    const called = calledInTest(testFile, testText, failure.id.name.split(' > ').at(-1) ?? failure.id.name);
    for (const specifier of relativeImports(testText)) {
      const module = resolveImport(testFile, specifier, files);
      if (module === undefined || !context.project.isEditable(module)) continue;
      const line = findFunctionLine(module, (await context.project.read(module)) ?? '', called);
      if (line !== undefined) sites.push({ file: module, line });
    }
  }
  const seen = new Set<string>();
  return sites.filter((s) => !seen.has(`${s.file}:${s.line}`) && seen.add(`${s.file}:${s.line}`));
}

/** Infill models sometimes wrap their answer in a fence; the gap must end with a newline like the lines it replaces. */
function cleanInfill(text: string): string {
  const fenced = /^```[\w-]*\n([\s\S]*?)\n?```\s*$/.exec(text.trim());
  const body = fenced ? (fenced[1] as string) : text;
  return body.endsWith('\n') ? body : `${body}\n`;
}

function describeMask(file: string, mask: Mask, scope: MaskScope): string {
  const where = mask.firstLine === mask.lastLine ? `line ${mask.firstLine}` : `lines ${mask.firstLine}-${mask.lastLine}`;
  return `${scope === 'body' ? 'the function body' : 'the statement'} at ${file} ${where} by fill-in-the-middle`;
}
