/** Test support for adapter authors: the runner contract suite and a replaying model provider. */
export { describeTestRunnerContract } from './runner/test-runner-contract.js';
export type { ContractFixture } from './runner/test-runner-contract.js';
export { createScriptedProviderFromReplies } from './provider/scripted-provider.js';
