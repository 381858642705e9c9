/** Test support for adapter authors: the runner and denoiser contract suites and a replaying model provider. */
export { describeTestRunnerContract } from './runner/test-runner-contract.js';
export type { ContractFixture } from './runner/test-runner-contract.js';
export { createScriptedProviderFromReplies } from './provider/scripted-provider.js';
export { describeDenoiserContract } from './denoise/denoiser-contract.js';
export type { DenoiserFixture } from './denoise/denoiser-contract.js';
