import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DenoiseContext } from '../../src/core/denoiser.js';
import { createLlmDenoiser, noiseTemperature } from '../../src/denoise/llm-denoiser.js';
import { getEditFormat } from '../../src/edit/edit-formats.js';
import type { ModelSettings } from '../../src/provider/model-settings.js';
import { createProvider } from '../../src/provider/provider-registry.js';
import { aReport, aResult } from '../helpers/factories.js';
import { chatCompletion, createFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fake-openai-server.js';

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await createFakeOpenAiServer({ models: ['gpt-test'] });
});
afterAll(async () => {
  await server.close();
});

const report = aReport([aResult('clamps', 'failed')]);
const context = (noise?: number): DenoiseContext => ({
  step: 1,
  maxSteps: 5,
  project: { root: '/nowhere', files: [], read: async () => undefined, isTestFile: () => false, isEditable: () => true },
  report,
  failures: report.results,
  history: [],
  suggestedMode: 'update',
  stepFeedback: [],
  runner: 'vitest',
  testTimeoutMs: 1000,
  ...(noise === undefined ? {} : { noise }),
});

/** The temperature the model server was sent for one proposal at `noise`. */
async function sentTemperature(noise: number | undefined, settings: ModelSettings = {}): Promise<unknown> {
  server.enqueue({ body: chatCompletion('No change is needed.') });
  const provider = createProvider('openai:gpt-test', { env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test' }, settings });
  const denoiser = createLlmDenoiser({ provider, editFormat: getEditFormat('search-replace') });
  const iterator = denoiser.propose(context(noise))[Symbol.asyncIterator]();
  await iterator.next();
  await iterator.return?.();
  const body = server.requests.at(-1)?.body as Record<string, unknown>;
  return body.temperature;
}

describe('the noise level sets a model denoiser’s sampling temperature', () => {
  it('maps σ linearly from 0.2 to 1', () => {
    expect([0, 0.25, 0.5, 1].map(noiseTemperature)).toEqual([0.2, 0.4, 0.6, 1]);
    expect(noiseTemperature(-1)).toBe(0.2);
    expect(noiseTemperature(3)).toBe(1);
  });

  it('sends the temperature of the step’s noise to the model server', async () => {
    expect(await sentTemperature(1)).toBe(1);
    expect(await sentTemperature(0.25)).toBe(0.4);
  });

  it('leaves the temperature to the server without a schedule', async () => {
    expect(await sentTemperature(undefined)).toBeUndefined();
  });

  it('lets a temperature the user set win over the noise', async () => {
    expect(await sentTemperature(1, { temperature: 0 })).toBe(0);
    expect(await sentTemperature(0.1, { temperature: 0.7 })).toBe(0.7);
  });
});
