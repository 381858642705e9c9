import { afterAll, beforeAll } from 'vitest';
import { createBuiltinDenoiser } from '../../src/denoise/builtin-denoiser.js';
import { describeDenoiserContract, type DenoiserFixture } from '../../src/denoise/denoiser-contract.js';
import { createInfillDenoiser } from '../../src/denoise/infill-denoiser.js';
import { createLlmDenoiser } from '../../src/denoise/llm-denoiser.js';
import { getEditFormat } from '../../src/edit/edit-formats.js';
import { createLlamaCppProvider } from '../../src/provider/llamacpp-provider.js';
import { createScriptedProviderFromReplies } from '../../src/provider/scripted-provider.js';
import { createRunner } from '../../src/runner/runner-registry.js';
import type { FakeHttpServer } from '../helpers/fake-http-server.js';
import { createFakeLlamaCppServer } from '../helpers/fake-llamacpp-server.js';
import { copyFixture } from '../helpers/fixture-project.js';
import { searchReplace } from '../helpers/replies-file.js';

// vitest-basic: clamp's second comparison is the wrong way round.
const vitestBasic: DenoiserFixture = {
  setup: () => copyFixture('vitest-basic'),
  runner: () => createRunner('vitest'),
  isTestFile: (file) => file.startsWith('test/'),
};

const fix = searchReplace('src/math.ts', '  if (value < max) {', '  if (value > max) {');
const fixedStatement = '  if (value > max) {\n    return max;\n  }\n';

describeDenoiserContract('builtin', () => createBuiltinDenoiser(), vitestBasic);

describeDenoiserContract(
  'a chat model (scripted replies)',
  () => createLlmDenoiser({ provider: createScriptedProviderFromReplies([fix, fix, fix]), editFormat: getEditFormat('search-replace') }),
  vitestBasic,
);

let llamacpp: FakeHttpServer | undefined;
beforeAll(async () => {
  llamacpp = await createFakeLlamaCppServer();
  const reply = { body: { index: 0, content: fixedStatement, stop: true, tokens_predicted: 20, tokens_evaluated: 120 } };
  llamacpp.enqueue(reply, reply, reply, reply);
});
afterAll(async () => {
  await llamacpp?.close();
});

describeDenoiserContract(
  'fill-in-the-middle (llama.cpp /infill on loopback)',
  () => createInfillDenoiser(createLlamaCppProvider({ host: llamacpp?.origin })),
  vitestBasic,
);
