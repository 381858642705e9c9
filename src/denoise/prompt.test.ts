import { describe, expect, it } from 'vitest';
import { aResult, anAttempt } from '../../test/helpers/factories.js';
import { buildPrompt, buildRetryMessage } from './prompt.js';

const input = {
  failures: [aResult('adds numbers', 'failed')],
  testSources: [{ path: 'test/a.test.ts', text: "import { add } from '../src/a.js';\n" }],
  editableSources: [{ path: 'src/a.ts', text: 'export const add = (a, b) => a - b;\n' }],
  history: [],
  suggestedMode: 'update' as const,
  formatInstructions: 'FORMAT RULES',
};

describe('buildPrompt', () => {
  it('gives the rules and format in the system message, the failures and code in the user message', () => {
    const [system, user] = buildPrompt(input);
    expect(system?.content).toContain('never edit test files');
    expect(system?.content).toContain('FORMAT RULES');
    expect(user?.content).toContain('test/a.test.ts > adds numbers (failed)');
    expect(user?.content).toContain('expected: 1');
    expect(user?.content).toContain('at: src/a.ts:3');
    expect(user?.content).toContain('   1| export const add = (a, b) => a - b;');
  });
  it('feeds back earlier attempts with their diff and refusal reasons', () => {
    const history = [anAttempt({ step: 1, outcome: 'refused', feedback: ['src/a.ts: SEARCH text not found'], diff: '' })];
    const [, user] = buildPrompt({ ...input, history, suggestedMode: 'patch' });
    expect(user?.content).toContain('Step 1: refused');
    expect(user?.content).toContain('SEARCH text not found');
    expect(user?.content).toContain('could not be applied');
  });
  it('summarizes old attempts in one line', () => {
    const history = [1, 2, 3, 4].map((step) => anAttempt({ step, reasoning: `idea ${step}` }));
    const [, user] = buildPrompt({ ...input, history });
    expect(user?.content).not.toContain('idea 1');
    expect(user?.content).toContain('idea 4');
  });
  it('shows what the tests expect, before the test sources, and what is still to settle', () => {
    const expectations = { summary: 'export function add(a: number, b: number): number;', findings: ['src/a.ts: `add` takes 1 argument, the tests pass 2'] };
    const [, user] = buildPrompt({ ...input, expectations });
    const text = user?.content ?? '';
    expect(text).toContain('## What the tests expect (read from them)\n\n```ts\nexport function add(a: number, b: number): number;\n```');
    expect(text).toContain('Still to settle:\n- src/a.ts: `add` takes 1 argument, the tests pass 2');
    expect(text.indexOf('What the tests expect')).toBeLessThan(text.indexOf('Test sources'));
    expect(buildPrompt(input)[1]?.content).not.toContain('What the tests expect');
  });
  it('marks modules shown as declarations, after the code to edit, and says not to edit them', () => {
    const declarationSources = [{ path: 'src/money.ts', text: 'export declare function cents(x: number): number;\n' }];
    const [system, user] = buildPrompt({ ...input, declarationSources });
    const text = user?.content ?? '';
    expect(system?.content).toContain('Files marked "declarations only; do not edit" show only what a module exports, not its text: do not edit them.');
    expect(text).toContain(
      '## Modules the code uses (declarations only; do not edit)\n\nsrc/money.ts (declarations only; do not edit)\n```ts\nexport declare function cents(x: number): number;\n```',
    );
    expect(text.indexOf('Code you may edit')).toBeLessThan(text.indexOf('Modules the code uses'));
    const [plainSystem, plainUser] = buildPrompt(input);
    expect(plainSystem?.content).not.toContain('declarations only');
    expect(plainUser?.content).not.toContain('declarations only');
  });
  it('lists whole, in a retry, the files a reply tried to edit from their declarations', () => {
    const retry = buildRetryMessage('refused: src/money.ts was shown as declarations only', 'FORMAT RULES', [
      { path: 'src/money.ts', text: 'export const x = 1;\n' },
    ]);
    expect(retry).toContain(
      'You may edit these files too; their whole text:\n\nsrc/money.ts (line numbers are not part of the file)\n```\n   1| export const x = 1;\n```',
    );
    expect(buildRetryMessage('unreadable', 'FORMAT RULES')).not.toContain('their whole text');
  });
});
