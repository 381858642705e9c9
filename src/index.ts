/**
 * redgreen's public API: `fix()` and its options and result, the ports an adapter implements (Denoiser,
 * TestRunner, ModelProvider) with the factories of the built-in ones, config helpers, the `--json` contract,
 * write-back and undo, and the errors. The contract suites for adapter authors are in `redgreen/testing`.
 * Everything else is internal and may change in any release.
 */
export { ConfigError, InternalError, ProviderError, RedgreenError, RunnerError, UsageError, WorkspaceError, describeError } from './core/errors.js';
export type { ErrorCode, ProviderErrorDetails, ProviderFailure } from './core/errors.js';

// Running a repair
export { builtinModel, fix, fixDefaults } from './fix.js';
export type { FixOptions, FixSession } from './fix.js';
export type { RunReporter, RunStartEvent, StepStartEvent } from './core/events.js';
export type { NoiseSchedule, NoiseThresholds } from './core/noise.js';
export type { RunResult, RunStopReason, StopReason, FlakyTest, ReplyStats } from './core/run-result.js';
export type { Attempt, AttemptOutcome, Proposal, Score } from './core/attempts.js';
export type { FileChange, FileEncoding } from './core/file-change.js';
export type { IsolationMode } from './core/isolation.js';
export type { TokenUsage } from './core/usage.js';

// Configuration
export { defineConfig } from './config/define-config.js';
export type { RedgreenConfig } from './config/schema.js';
export { loadConfig } from './config/load-config.js';
export type { LoadConfigOptions, LoadedConfig } from './config/load-config.js';

// The machine-readable output of `redgreen fix --json`
export { jsonSchemaVersion } from './cli/json-contract.js';
export type { Delivery, FixJsonOutput, FixJsonResult, JsonErrorKind, JsonErrorResult, JsonWarning } from './cli/json-contract.js';

// Ports and the built-in adapters
export type { Failure, SourceFrame, TestId, TestReport, TestResult, TestStatus } from './core/test-report.js';
export type { RunOptions, RunnerCapabilities, TestRunner } from './core/test-runner.js';
export type {
  CandidateRun,
  CandidateRunRequest,
  CoverageMatrix,
  CoverageOptions,
  RunCandidateOptions,
  StatementSite,
  WarmSession,
  WarmSessionOptions,
  WarmSessionProvider,
} from './core/warm-session.js';
export { createRunner, detectRunner, isTestFile, runnerNames } from './runner/runner-registry.js';
export type { DenoiseContext, Denoiser, ProgressData, ProjectView } from './core/denoiser.js';
export { createBuiltinDenoiser } from './denoise/builtin-denoiser.js';
export type { BuiltinDenoiserOptions } from './denoise/builtin-denoiser.js';
export { createLlmDenoiser } from './denoise/llm-denoiser.js';
export { createInfillDenoiser } from './denoise/infill-denoiser.js';
export { editFormatNames, getEditFormat } from './edit/edit-formats.js';
export type { EditFormat } from './edit/edit-format.js';
export type { Edit, EditKind } from './core/edits.js';
export type { ChatMessage, Completion, CompletionRequest, InfillRequest, ModelProvider } from './provider/model-provider.js';
export type { ModelSettings } from './provider/model-settings.js';
export { createProvider } from './provider/provider-registry.js';
export type { CreateProviderOptions } from './provider/provider-registry.js';
export type { ModelPrice, PriceTable } from './provider/usage-meter.js';

// Writing a fix into a project, and taking it back
export { restoreBackup, writeBack } from './workspace/write-back.js';
export type { WriteBackOptions, WriteBackResult, WriteBackStep } from './workspace/write-back.js';
export { describeRecovery, recoverWriteBacks } from './workspace/recover-write-back.js';
export type { RecoveredWriteBack } from './workspace/recover-write-back.js';
