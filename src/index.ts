export { ConfigError, InternalError, ProviderError, RedgreenError, RunnerError, UsageError, WorkspaceError, describeError } from './errors.js';
export type { ErrorCode, ProviderErrorDetails } from './errors.js';

export { fix, fixDefaults } from './fix.js';
export type { FixOptions, FixSession } from './fix.js';
export { runLoop } from './loop/run-loop.js';
export type { LoopOptions, RunContext, SandboxFiles } from './loop/run-context.js';
export type { RunResult } from './loop/run-result.js';
export type { Attempt, AttemptOutcome, Proposal, Score } from './loop/types.js';
export { decideNext } from './loop/policy.js';
export type { Decision, PolicyInput, StopReason } from './loop/policy.js';
export { buildPrompt } from './loop/prompt.js';
export type { PromptInput, SourceFile } from './loop/prompt.js';
export { combineReporters } from './events.js';
export type { RunReporter, RunStartEvent } from './events.js';

export type { Failure, SourceFrame, TestId, TestReport, TestResult, TestStatus } from './runner/types.js';
export type { RunOptions, TestRunner } from './runner/test-runner.js';
export { createRunner, detectRunner, isTestFile, runnerNames } from './runner/runner-registry.js';

export type { ApplyResult, Edit, EditKind, ParseResult, ReplyFormat } from './edit/types.js';
export { applyEdit } from './edit/apply-edit.js';
export { parseReply } from './edit/parse-reply.js';
export { checkSyntax } from './edit/syntax-check.js';
export { editFormatNames, getEditFormat } from './edit/edit-formats.js';
export type { EditFormat } from './edit/edit-format.js';

export type { ChatMessage, Completion, CompletionRequest, ModelProvider, TokenUsage } from './provider/model-provider.js';
export { createProvider } from './provider/provider-registry.js';
export { createOpenAiProvider } from './provider/openai-compatible-provider.js';
export { createScriptedProvider } from './provider/scripted-provider.js';
export { withRetry } from './provider/with-retry.js';

export type { DenoiseContext, Denoiser, ProjectView } from './denoise/denoiser.js';
export { createLlmDenoiser } from './denoise/llm-denoiser.js';

export { createSandbox } from './workspace/sandbox.js';
export type { Sandbox } from './workspace/sandbox.js';
export { restoreBackup, writeBack } from './workspace/write-back.js';
export type { FileChange } from './workspace/file-change.js';
