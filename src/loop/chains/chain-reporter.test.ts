import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../core/attempts.js';
import type { RunReporter } from '../../core/events.js';
import { combineReporters } from '../../core/events.js';
import { createChainReporter } from './chain-reporter.js';

const attempt = { step: 1, retry: 0, outcome: 'improved' } as Attempt;
const score = { passed: 1, failed: 1, total: 2 } as never;

function recording() {
  const events: [string, unknown][] = [];
  const reporter: RunReporter = {
    onRunStart: (e) => void events.push(['start', e]),
    onBaseline: (e) => void events.push(['baseline', e]),
    onStepStart: (e) => void events.push(['step', e]),
    onAttempt: (e) => void events.push(['attempt', e]),
    onRunEnd: (e) => void events.push(['end', e]),
  };
  return { events, reporter: combineReporters([reporter]) };
}

describe('createChainReporter', () => {
  it('tags steps and attempts with the chain, tells the chains first, and passes the baseline of chain 1 only', async () => {
    const { events, reporter } = recording();
    const seen: Attempt[] = [];
    for (const chain of [1, 2]) {
      const chained = createChainReporter(chain, reporter, async (a) => void seen.push(a));
      await chained.onRunStart({} as never);
      await chained.onBaseline({ report: {} as never, score });
      await chained.onStepStart({ step: 1, maxSteps: 5, suggestedMode: 'update' });
      await chained.onAttempt(attempt);
      await chained.onRunEnd({} as never);
    }
    expect(events.map(([name]) => name)).toEqual(['baseline', 'step', 'attempt', 'step', 'attempt']);
    expect(events.filter(([name]) => name === 'attempt').map(([, e]) => (e as Attempt).chain)).toEqual([1, 2]);
    expect(events.filter(([name]) => name === 'step').map(([, e]) => (e as { chain?: number }).chain)).toEqual([1, 2]);
    expect(seen.map((a) => a.chain)).toEqual([1, 2]);
  });
});
