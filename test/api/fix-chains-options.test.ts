import { describe, expect, it } from 'vitest';
import { ConfigError, fix } from '../../src/index.js';

describe('fix() chain options', () => {
  it.each([
    [{ chains: 0 }, 'chains must be a whole number of at least 1, got 0'],
    [{ chains: 1.5 }, 'chains must be a whole number of at least 1, got 1.5'],
    [{ chains: 2, concurrency: 0 }, 'concurrency must be a whole number of at least 1, got 0'],
  ])('refuses %o before touching the project', async (options, message) => {
    const run = fix({ projectDir: '/no/such/project', ...options });
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(run).rejects.toThrow(message);
  });
});
