import { describe, expect, it } from 'vitest';
import type { DenoiseContext, ProjectView } from '../../src/core/denoiser.js';
import { createLlmDenoiser } from '../../src/denoise/llm-denoiser.js';
import { getEditFormat } from '../../src/edit/edit-formats.js';
import type { CompletionRequest, ModelProvider } from '../../src/provider/model-provider.js';
import { createScriptedProviderFromReplies } from '../../src/provider/scripted-provider.js';
import { aReport, aResult } from '../helpers/factories.js';
import { searchReplace } from '../helpers/replies-file.js';

// The tests expect a Stack to grow from a stub; it keeps its items in a store module it need not change.
const texts: Record<string, string> = {
  'test/stack.test.ts':
    "import { Stack } from '../src/stack.js';\nit('pops what was pushed', () => { const s = new Stack(); s.push(1); expect(s.pop()).toBe(1); });\n",
  'src/stack.ts': "import { Store } from './store.js';\nexport class Stack {\n  private store = new Store<number>();\n}\n",
  'src/store.ts': [
    '/** An append-only list of items with a cursor. */',
    'export class Store<T> {',
    '  private items: T[] = [];',
    '  /** Adds an item at the end. */',
    '  append(item: T): void {',
    '    this.items = [...this.items, item];',
    '  }',
    '  /** Removes and returns the last item, if any. */',
    '  takeLast(): T | undefined {',
    '    const last = this.items.at(-1);',
    '    this.items = this.items.slice(0, -1);',
    '    return last;',
    '  }',
    '}',
    '',
  ].join('\n'),
};
const storeBody = 'this.items = this.items.slice(0, -1);';
const project: ProjectView = {
  root: '/nonexistent',
  files: Object.keys(texts),
  read: async (file) => texts[file],
  isTestFile: (file) => file.startsWith('test/'),
  isEditable: (file) => file.startsWith('src/'),
};
const expectations = {
  summary:
    '// src/stack.ts — exists; imported by test/stack.test.ts\nexport class Stack {\n  constructor();\n  push(item: number): void;\n  pop(): number;\n}\n',
  findings: ['src/stack.ts: `Stack` has no method `push`'],
};
const failure = {
  ...aResult('pops what was pushed', 'failed', 'test/stack.test.ts'),
  failure: { message: 's.push is not a function', output: '', frames: [] },
};

function recording(replies: string[]): { provider: ModelProvider; requests: CompletionRequest[] } {
  const inner = createScriptedProviderFromReplies(replies);
  const requests: CompletionRequest[] = [];
  return {
    requests,
    provider: { ...inner, id: inner.id, generate: (request) => (requests.push({ ...request, messages: [...request.messages] }), inner.generate(request)) },
  };
}

function contextFor(stepFeedback: string[]): DenoiseContext {
  return {
    step: 1,
    maxSteps: 3,
    project,
    report: aReport([failure]),
    failures: [failure],
    history: [],
    suggestedMode: 'update',
    expectations,
    stepFeedback,
    runner: 'vitest',
    testTimeoutMs: 10_000,
  };
}

const text = (request: CompletionRequest | undefined) => (request?.messages ?? []).map((m) => m.content).join('\n');

describe('the chat-model denoiser when the tests expect a stub to grow', () => {
  it('sends the expectations and the stub whole, and the module the stub uses as declarations only', async () => {
    const { provider, requests } = recording([searchReplace('src/stack.ts', 'export class Stack {', 'export class Stack {\n  push(item: number): void {}')]);
    const denoiser = createLlmDenoiser({ provider, editFormat: getEditFormat('search-replace') });
    const proposals = denoiser.propose(contextFor([]))[Symbol.asyncIterator]();
    expect((await proposals.next()).value).toMatchObject({ kind: 'edits' });
    const prompt = text(requests[0]);
    expect(prompt).toContain('## What the tests expect (read from them)');
    expect(prompt).toContain('- src/stack.ts: `Stack` has no method `push`');
    expect(prompt).toContain('   2| export class Stack {');
    expect(prompt).toContain(
      'src/store.ts (declarations only; do not edit)\n```ts\n/** An append-only list of items with a cursor. */\nexport declare class Store<T> {',
    );
    expect(prompt).toContain('    /** Removes and returns the last item, if any. */\n    takeLast(): T | undefined;');
    expect(prompt).not.toContain(storeBody);
    expect(prompt).not.toContain('private items');
  });

  it('refuses an edit to the declarations-only module, answers with its text, and shows it whole at the next step', async () => {
    const toStore = searchReplace('src/store.ts', '    takeLast(): T | undefined;', '    takeLast(): T;');
    const toStack = searchReplace('src/stack.ts', 'export class Stack {', 'export class Stack {\n  push(item: number): void {}');
    const { provider, requests } = recording([toStore, toStack, toStack]);
    const denoiser = createLlmDenoiser({ provider, editFormat: getEditFormat('search-replace') });
    const stepFeedback: string[] = [];
    const proposals = denoiser.propose(contextFor(stepFeedback))[Symbol.asyncIterator]();
    const refused = (await proposals.next()).value as { kind: string; reason: string };
    expect(refused).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('refused: src/store.ts was shown as declarations only') as unknown });
    stepFeedback.push(refused.reason);
    expect((await proposals.next()).value).toMatchObject({ kind: 'edits', edits: [{ file: 'src/stack.ts' }] });
    expect(text(requests[1])).toContain(`  11|     ${storeBody}`);

    await denoiser.propose(contextFor([]))[Symbol.asyncIterator]().next();
    const nextStep = text(requests[2]);
    expect(nextStep).toContain(`  11|     ${storeBody}`);
    expect(nextStep).not.toContain('declarations only');
  });
});
