export { ConfigError, InternalError, ProviderError, RedgreenError, RunnerError, UsageError, WorkspaceError, describeError } from './errors.js';
export type { Failure, SourceFrame, TestId, TestReport, TestResult, TestStatus } from './runner/types.js';
export type { RunOptions, TestRunner } from './runner/test-runner.js';
export type { ApplyResult, Edit, EditKind, ParseResult, ReplyFormat } from './edit/types.js';
export type { ChatMessage, Completion, CompletionRequest, ModelProvider, TokenUsage } from './provider/model-provider.js';
