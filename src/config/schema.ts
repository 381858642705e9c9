import { z } from 'zod';
import type { ConfigOptionName, OptionSpec } from './options.js';
import { configOptionNames, fixOptions, helpText } from './options.js';

export { maxTimerSeconds } from './value-kinds.js';

const usd = z.number({ error: 'expected USD per million tokens' }).nonnegative({ error: 'expected USD per million tokens' });
const price = z.object({
  /** USD per million prompt tokens. */
  input: usd,
  /** USD per million completion tokens. */
  output: usd,
  /** USD per million cached prompt tokens, when the back end reports them. */
  cachedInput: usd.optional(),
});

type OptionShape = { [K in ConfigOptionName]: (typeof fixOptions)[K]['kind']['schema'] };

function describe(spec: OptionSpec): z.ZodType {
  return spec.kind.schema.meta({ description: helpText(spec), ...(spec.default === undefined ? {} : { default: spec.default }) });
}

const optionShape = Object.fromEntries(configOptionNames.map((name) => [name, describe(fixOptions[name])])) as unknown as OptionShape;

/**
 * Settings a project may keep in `redgreen.config.*` or the `redgreen` key of package.json; flags win. Every
 * key but `prices` (and the editor's `$schema`) comes from the options table.
 */
export const configSchema = z
  .object({
    $schema: z.string().meta({ description: 'the JSON Schema of this file, for editor completion' }),
    ...optionShape,
    prices: z
      .record(z.string(), price, { error: 'expected prices by model id' })
      .meta({ description: 'prices per model id (`openai:gpt-4o` or the bare model name) in USD per million tokens, for the cost line of the summary' }),
  })
  .partial()
  .strict();

export type RedgreenConfig = z.infer<typeof configSchema>;

/** The JSON Schema published as `schema/redgreen.config.schema.json`, for editors. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { target: 'draft-07' }),
    title: 'redgreen settings',
  };
}
