import { describe, expect, it } from 'vitest';
import { ConfigError, fix } from '../../src/index.js';

describe('fix() beam option', () => {
  it.each([
    [{ chains: 2, beam: 3 }, 'beam must be at most chains (2), got 3; raise --chains or narrow --beam'],
    [{ chains: 2, beam: 0 }, 'beam must be a whole number of at least 1, got 0'],
    [{ chains: 3, beam: 1, concurrency: 2 }, 'beam needs every chain running at once: concurrency 2 is below chains (3)'],
  ])('refuses %o before touching the project', async (options, message) => {
    const run = fix({ projectDir: '/no/such/project', ...options });
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(run).rejects.toThrow(message);
  });
});
