export { ConfigError, InternalError, ProviderError, RedgreenError, RunnerError, UsageError, WorkspaceError, describeError } from './errors.js';
export type { ErrorCode, ProviderErrorDetails } from './errors.js';

export { builtinModel, fix, fixDefaults } from './fix.js';
export { defineConfig } from './config/schema.js';
export type { RedgreenConfig } from './config/schema.js';
export { loadConfig } from './config/load-config.js';
export type { FixOptions, FixSession } from './fix.js';
export { runLoop } from './loop/run-loop.js';
export type { LoopOptions, RunContext, SandboxFiles } from './loop/run-context.js';
export type { RunResult } from './loop/run-result.js';
export type { Attempt, AttemptOutcome, Proposal, Score } from './loop/types.js';
export { decideNext } from './loop/policy.js';
export type { Decision, PolicyInput, StopReason } from './loop/policy.js';
export { findSensitiveEdits } from './loop/sensitive-edits.js';
export type { SensitiveEdit } from './loop/sensitive-edits.js';
export { findVerdictGaming } from './loop/verdict-gaming.js';
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

export type { ChatMessage, Completion, CompletionRequest, InfillRequest, ModelProvider, TokenUsage } from './provider/model-provider.js';
export type { ModelSettings } from './provider/model-settings.js';
export { createProvider, decorateProvider, providerUsages } from './provider/provider-registry.js';
export type { CreateProviderOptions } from './provider/provider-registry.js';
export { createOpenAiProvider } from './provider/openai-compatible-provider.js';
export { createOllamaProvider } from './provider/ollama-provider.js';
export { createLlamaCppProvider } from './provider/llamacpp-provider.js';
export { createAnthropicProvider } from './provider/anthropic-provider.js';
export { createGgufProvider } from './provider/gguf-provider.js';
export { createScriptedProvider } from './provider/scripted-provider.js';
export { withRetry } from './provider/with-retry.js';
export { withTimeout } from './provider/with-timeout.js';
export { withBudget } from './provider/with-budget.js';
export type { BudgetOptions } from './provider/with-budget.js';
export { costOf, createUsageMeter, withUsageTracking } from './provider/usage-meter.js';
export type { ModelPrice, PriceTable, UsageMeter } from './provider/usage-meter.js';

export type { DenoiseContext, Denoiser, ProgressData, ProjectView } from './denoise/denoiser.js';
export { createLlmDenoiser } from './denoise/llm-denoiser.js';
export { createInfillDenoiser } from './denoise/infill-denoiser.js';
export { createBuiltinDenoiser } from './denoise/builtin-denoiser.js';
export type { BuiltinDenoiserOptions } from './denoise/builtin-denoiser.js';
export { defaultEditFormat, editFormatTable } from './denoise/edit-format-table.js';
export { searchRepairs } from './builtin/engine/search-repairs.js';
export type { SearchOptions, SearchProgress, SearchResult } from './builtin/engine/search-repairs.js';
export type { Candidate, CandidateVerdict, CoverageMatrix, StatementSite, Suspicion, TextChange } from './builtin/types.js';
export { mutators } from './builtin/mutators/index.js';
export { templates } from './builtin/templates/index.js';
export type { Mutator } from './builtin/mutators/mutator.js';

export { createSandbox } from './workspace/sandbox.js';
export type { Sandbox } from './workspace/sandbox.js';
export { restoreBackup, writeBack } from './workspace/write-back.js';
export type { FileChange } from './workspace/file-change.js';
