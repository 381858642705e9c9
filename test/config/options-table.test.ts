import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFile, readmeFile, renderJsonSchema, renderOptionsTable, withOptionsTable } from '../../scripts/config-docs.js';
import { toFixOptions } from '../../src/cli/fix-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { ConfigOptionName, OptionSpec } from '../../src/config/options.js';
import { configOptionNames, fixOptionNames, fixOptions, helpText } from '../../src/config/options.js';
import { configSchema } from '../../src/config/schema.js';
import { fixDefaults } from '../../src/fix.js';
import { defaultTimeoutMs } from '../../src/provider/model-settings.js';

/** A valid value for every option a config may hold; a new option without one fails the type check. */
const samples = {
  model: 'scripted:replies.json',
  maxIter: 3,
  tests: ['test/**'],
  src: ['src/**'],
  runner: 'vitest',
  editFormat: 'whole-file',
  formatRetries: 1,
  testTimeout: 7,
  hangTimeout: 3,
  flakyReruns: 0,
  schedule: '1,0.5,0.2',
  noiseThresholds: '0.7,0.3',
  stallSteps: 3,
  budgetSeconds: 30,
  budgetTokens: 1000,
  maxCandidates: 50,
  temperature: 0.5,
  maxTokens: 256,
  contextSize: 4096,
  modelTimeout: 9,
  maxReplyBytes: 1024,
  seed: 42,
  stream: true,
  infill: true,
  typecheck: 'warn',
  allowTestEdits: true,
  scaffold: false,
  allowEdit: ['.npmrc'],
  isolation: 'basic',
  allowNetwork: true,
  passEnv: ['DATABASE_URL'],
  memoryLimit: 512,
  chains: 3,
  concurrency: 2,
  beam: 2,
} as const satisfies Record<ConfigOptionName, unknown>;

async function fixHelp(): Promise<string> {
  let out = '';
  const io: CliIo = {
    stdout: (s) => (out += s),
    stderr: () => undefined,
    stdin: process.stdin,
    prompt: process.stderr,
    isInteractive: false,
    color: false,
    cwd: process.cwd(),
  };
  expect(await main(['node', 'redgreen', 'fix', '--help'], io)).toBe(0);
  return out.replaceAll(/\s+/g, ' ');
}

describe('the options table drives', () => {
  it('the flags of redgreen fix, each with its help line', async () => {
    const help = await fixHelp();
    for (const name of fixOptionNames) {
      const spec = fixOptions[name];
      expect(help).toContain(`${spec.flag} ${helpText(spec)}`.replaceAll(/\s+/g, ' '));
    }
  });

  it('the config schema: one key per option that may live in a config, plus prices and $schema', () => {
    expect(Object.keys(configSchema.shape).sort()).toEqual(['$schema', ...configOptionNames, 'prices'].sort());
    expect(configSchema.parse(samples)).toEqual(samples);
    for (const name of fixOptionNames.filter((n) => !fixOptions[n].config)) expect(configSchema.safeParse({ [name]: true }).success).toBe(false);
  });

  it('the published JSON Schema', async () => {
    expect(await readFile(jsonSchemaFile, 'utf8'), 'run npm run docs:options').toBe(renderJsonSchema());
    const published = JSON.parse(await readFile(jsonSchemaFile, 'utf8')) as {
      properties: Record<string, { description?: string }>;
      additionalProperties: boolean;
    };
    expect(Object.keys(published.properties).sort()).toEqual(['$schema', ...configOptionNames, 'prices'].sort());
    expect(published.additionalProperties).toBe(false);
    expect(published.properties.maxIter?.description).toBe(helpText(fixOptions.maxIter));
  });

  it("the README's options table", async () => {
    const readme = await readFile(readmeFile, 'utf8');
    expect(readme, 'run npm run docs:options').toBe(withOptionsTable(readme, renderOptionsTable()));
    for (const name of fixOptionNames) expect(renderOptionsTable()).toContain(`| \`${fixOptions[name].flag}\` |`);
  });

  it('the fix() options each setting feeds, under the name the table gives (maxIter → maxSteps)', () => {
    for (const name of configOptionNames) {
      const spec: OptionSpec = fixOptions[name];
      const options = toFixOptions('/project', { [name]: samples[name] });
      const fed = (spec.feeds ?? name).split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], options);
      expect(fed, `${name} feeds ${spec.feeds ?? name}`).toBeDefined();
    }
    expect(toFixOptions('/project', { maxIter: 3 }).maxSteps).toBe(3);
  });

  it('defaults that say what the library does when the option is absent', () => {
    expect(fixOptions.model.default).toBe(fixDefaults.model);
    expect(fixOptions.maxIter.default).toBe(fixDefaults.maxSteps);
    expect(fixOptions.testTimeout.default * 1000).toBe(fixDefaults.testTimeoutMs);
    expect(fixOptions.hangTimeout.default * 1000).toBe(fixDefaults.hangTimeoutMs);
    expect(fixOptions.formatRetries.default).toBe(fixDefaults.formatRetries);
    expect(fixOptions.flakyReruns.default).toBe(fixDefaults.flakyReruns);
    expect(fixOptions.budgetSeconds.defaultText).toBe(`${fixDefaults.builtinBudgetSeconds} with the built-in engine`);
    expect(fixOptions.modelTimeout.default * 1000).toBe(defaultTimeoutMs);
  });
});
