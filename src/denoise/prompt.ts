import type { EditKind } from '../core/edits.js';
import type { ChatMessage } from '../provider/model-provider.js';
import type { TestResult } from '../core/test-report.js';
import type { Attempt } from '../core/attempts.js';
import type { TestExpectations } from '../core/denoiser.js';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A module shown by its declarations only: `text` is the summary, `wholeText` what the file holds. */
export interface DeclarationSource extends SourceFile {
  readonly wholeText: string;
}

export interface PromptInput {
  readonly failures: readonly TestResult[];
  /** The source of the test files the failures come from (the specification). */
  readonly testSources: readonly SourceFile[];
  /** The code the model may edit. */
  readonly editableSources: readonly SourceFile[];
  /** Modules the code uses, shown as declarations only (not to be edited). */
  readonly declarationSources?: readonly SourceFile[];
  readonly history: readonly Attempt[];
  readonly suggestedMode: EditKind;
  /** How replies must be written, from the edit format in use. */
  readonly formatInstructions: string;
  /** Earlier attempts shown in full; older ones are summarized in a line each. */
  readonly recentAttempts?: number;
  /** What the tests expect of the code (declaration summary and unsettled findings), when it was read from them. */
  readonly expectations?: TestExpectations;
}

/** How a module shown by its declarations is marked in the prompt. */
const declarationsOnly = 'declarations only; do not edit';

const modeAdvice: Record<EditKind, string> = {
  update: 'Make the smallest change that fixes the failures: one or a few exact search/replace edits.',
  patch:
    'Your last reply could not be applied. Quote the existing code exactly as it appears in the numbered listing (without the line numbers), or send a unified diff whose context lines match the file.',
  rewrite: 'Earlier replies could not be applied or did not help. Send the complete new content of each file you change (no elided parts).',
};

/** Builds the chat messages for one proposal. Pure. */
export function buildPrompt(input: PromptInput): ChatMessage[] {
  const system = [
    'You are a careful software engineer fixing code so that a failing test suite passes.',
    'The tests are the specification and are correct: never edit test files. Edit only the files listed under "Code you may edit".',
    'Keep all behaviour the passing tests rely on. Do not add dependencies.',
    ...((input.declarationSources ?? []).length > 0
      ? [`Files marked "${declarationsOnly}" show only what a module exports, not its text: do not edit them.`]
      : []),
    '',
    input.formatInstructions.trim(),
  ].join('\n');

  const sections = [
    section('Failing tests', input.failures.map(describeFailure).join('\n\n')),
    input.expectations ? section('What the tests expect (read from them)', describeExpectations(input.expectations)) : '',
    section('Test sources (the specification)', input.testSources.map((f) => listing(f, false)).join('\n\n')),
    section('Code you may edit', input.editableSources.map((f) => listing(f, true)).join('\n\n')),
    section(`Modules the code uses (${declarationsOnly})`, (input.declarationSources ?? []).map(declarations).join('\n\n')),
    input.history.length > 0 ? section('Earlier attempts (do not repeat what failed)', describeHistory(input.history, input.recentAttempts ?? 3)) : '',
    section('Task', `${modeAdvice[input.suggestedMode]}\nFirst explain the cause in one or two sentences, then give the edits.`),
  ];
  return [
    { role: 'system', content: system },
    { role: 'user', content: sections.filter((s) => s !== '').join('\n\n') },
  ];
}

/**
 * The follow-up when a reply could not be used: why, and the format to answer in now; `shownWhole` are files
 * the reply tried to edit from their declarations, listed whole now so that the model can. Pure.
 */
export function buildRetryMessage(reason: string, formatInstructions: string, shownWhole: readonly SourceFile[] = []): string {
  return [
    `Your reply could not be used: ${reason}`,
    'Answer again, this time with the complete new content of every file you change. Nothing was applied from your last reply.',
    ...(shownWhole.length > 0 ? ['', 'You may edit these files too; their whole text:', '', shownWhole.map((f) => listing(f, true)).join('\n\n')] : []),
    '',
    formatInstructions.trim(),
  ].join('\n');
}

function declarations(file: SourceFile): string {
  return `${file.path} (${declarationsOnly})\n\`\`\`ts\n${file.text.replace(/\n$/, '')}\n\`\`\``;
}

function describeExpectations(expectations: TestExpectations): string {
  const findings = expectations.findings.map((finding) => `- ${finding}`).join('\n');
  return [`\`\`\`ts\n${expectations.summary.trim()}\n\`\`\``, findings === '' ? '' : `Still to settle:\n${findings}`].filter((s) => s !== '').join('\n\n');
}

function section(title: string, body: string): string {
  return body.trim() === '' ? '' : `## ${title}\n\n${body.trim()}`;
}

function describeFailure(result: TestResult): string {
  const lines = [`- ${result.id.file} > ${result.id.name} (${result.status})`];
  const failure = result.failure;
  if (failure !== undefined) {
    lines.push(`  message: ${indent(failure.message, '  ').trimStart()}`);
    if (failure.expected !== undefined) lines.push(`  expected: ${failure.expected}`);
    if (failure.actual !== undefined) lines.push(`  actual: ${failure.actual}`);
    const frames = failure.frames.slice(0, 5).map((f) => `${f.file}:${f.line}${f.fn ? ` (${f.fn})` : ''}`);
    if (frames.length > 0) lines.push(`  at: ${frames.join(' <- ')}`);
  } else if (result.status === 'timeout') {
    lines.push('  the test did not finish in time: look for an infinite loop or a promise that never settles');
  }
  return lines.join('\n');
}

/** A fenced file listing; numbered lines help the model quote code and locate failures. */
function listing(file: SourceFile, numbered: boolean): string {
  const body = numbered
    ? file.text
        .replace(/\n$/, '')
        .split('\n')
        .map((line, i) => `${String(i + 1).padStart(4)}| ${line}`)
        .join('\n')
    : file.text.replace(/\n$/, '');
  return `${file.path}${numbered ? ' (line numbers are not part of the file)' : ''}\n\`\`\`\n${body}\n\`\`\``;
}

function describeHistory(history: readonly Attempt[], recent: number): string {
  const cutoff = history.length - recent;
  return history
    .map((attempt, i) => {
      const head =
        `Step ${attempt.step}: ${attempt.outcome}, ${attempt.score.passed}/${attempt.score.total} tests passing` +
        (attempt.files.length > 0 ? `, changed ${attempt.files.join(', ')}` : '');
      if (i < cutoff) return `- ${head}`;
      const parts = [`- ${head}`];
      if (attempt.reasoning !== '') parts.push(indent(`reasoning: ${truncate(attempt.reasoning, 400)}`, '  '));
      if (attempt.diff !== '') parts.push(indent(`diff:\n${truncate(attempt.diff, 1500)}`, '  '));
      for (const line of attempt.feedback) parts.push(indent(truncate(line, 600), '  '));
      return parts.join('\n');
    })
    .join('\n');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}
