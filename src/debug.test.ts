import { afterEach, describe, expect, it } from 'vitest';
import { debug, debugEnabled, debugFromEnv, setDebugSink } from './debug.js';

describe('debugFromEnv', () => {
  it.each([
    ['redgreen', true],
    ['redgreen:*', true],
    ['*', true],
    ['vite,redgreen', true],
    ['vite redgreen', true],
    ['red*', true],
    ['*,-redgreen', false],
    ['vite', false],
    ['redgreen-other', false],
    ['', false],
  ])('DEBUG=%j → %s', (value, on) => {
    expect(debugFromEnv(value)).toBe(on);
  });

  it('is off without DEBUG', () => {
    expect(debugFromEnv(undefined)).toBe(false);
  });
});

describe('debug', () => {
  let restore: Parameters<typeof setDebugSink>[0];
  afterEach(() => {
    setDebugSink(restore);
  });

  it('writes one stamped line per call to the sink, and nothing when off', () => {
    const lines: string[] = [];
    restore = setDebugSink((line) => lines.push(line));
    expect(debugEnabled()).toBe(true);
    debug('spawn', 'npx vitest run');
    debug('config', () => 'settings from redgreen.config.json');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[redgreen spawn \+\d+ms\] npx vitest run\n$/);
    expect(lines[1]).toMatch(/^\[redgreen config \+\d+ms\] settings from redgreen.config.json\n$/);

    setDebugSink(undefined);
    let built = false;
    debug('time', () => {
      built = true;
      return 'never shown';
    });
    expect(built).toBe(false);
    expect(lines).toHaveLength(2);
  });

  it('survives a sink that throws', () => {
    restore = setDebugSink(() => {
      throw new Error('closed');
    });
    expect(() => debug('run', 'x')).not.toThrow();
  });
});
