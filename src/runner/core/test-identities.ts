import type { TestId } from '../../core/test-report.js';
import { testKey } from '../../core/test-report.js';
import type { RunnerEvent } from './runner-events.js';

type LocatedEvent = Exclude<RunnerEvent, { type: 'error' }>;

export interface TestIdentities {
  /** The identity of the test an event is about, numbering tests that share a full name in one file. */
  identify(event: LocatedEvent): TestId;
  /** Every test seen (collected, started or finished), in first-seen order. */
  known(): TestId[];
  /** The tests seen starting. */
  started(): TestId[];
}

/**
 * Gives each test its own identity. Two tests with the same full name in one file are two tests: events that
 * carry the framework's `testId` are grouped by it; others are matched by order, the n-th event of a kind
 * for a name being its n-th occurrence (frameworks report a file's tests in definition order).
 */
export function createTestIdentities(relative: (file: string) => string): TestIdentities {
  const byFrameworkId = new Map<string, TestId>();
  const distinctPerName = new Map<string, number>();
  const countPerKind = new Map<string, number>();
  const known = new Map<string, TestId>();
  const started = new Map<string, TestId>();
  const withOccurrence = (file: string, name: string, occurrence: number): TestId => (occurrence > 1 ? { file, name, occurrence } : { file, name });
  return {
    identify(event) {
      const file = relative(event.file);
      const name = event.titles.join(' > ');
      const base = `${file}\0${name}`;
      let id: TestId;
      if (event.id !== undefined) {
        const existing = byFrameworkId.get(`${base}\0${event.id}`);
        if (existing) id = existing;
        else {
          const occurrence = (distinctPerName.get(base) ?? 0) + 1;
          distinctPerName.set(base, occurrence);
          id = withOccurrence(file, name, occurrence);
          byFrameworkId.set(`${base}\0${event.id}`, id);
        }
      } else {
        const kind = `${event.type}\0${base}`;
        const occurrence = (countPerKind.get(kind) ?? 0) + 1;
        countPerKind.set(kind, occurrence);
        id = withOccurrence(file, name, occurrence);
      }
      if (!known.has(testKey(id))) known.set(testKey(id), id);
      if (event.type === 'start') started.set(testKey(id), id);
      return id;
    },
    known: () => [...known.values()],
    started: () => [...started.values()],
  };
}
