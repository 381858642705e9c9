import { describe, expect, it } from 'vitest';
import { ConfigError, fix } from '../../src/index.js';

describe('fix() schedule options', () => {
  it('refuses a schedule it cannot read before touching the project, naming the option and the forms', async () => {
    const run = fix({ projectDir: '/no/such/project', schedule: 'warm' });
    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(run).rejects.toThrow('schedule: "warm" is not a number; expected linear, cosine, or comma-separated noise levels');
  });

  it('refuses thresholds it cannot read', async () => {
    await expect(fix({ projectDir: '/no/such/project', schedule: 'linear', noiseThresholds: '0.2,0.8' })).rejects.toThrow(
      'noiseThresholds: the rewrite threshold 0.2 is below the patch threshold 0.8',
    );
  });
});
