import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askApproval } from './approve.js';

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { input, output, shown: () => shown };
}

/** Resolves once the question is on the screen. */
async function asked(shown: () => string): Promise<void> {
  while (!shown().includes('[y/N]')) await new Promise((resolvePromise) => setImmediate(resolvePromise));
}

describe('askApproval', () => {
  it('is yes only for y or yes', async () => {
    const t = terminal();
    const answer = askApproval('Apply?', t.input, t.output);
    await asked(t.shown);
    t.input.write('yes\r');
    expect(await answer).toBe('yes');
    const u = terminal();
    const other = askApproval('Apply?', u.input, u.output);
    await asked(u.shown);
    u.input.write('sure\r');
    expect(await other).toBe('no');
  });

  it('reads Ctrl-C at the prompt as interrupted, not as an error', async () => {
    const t = terminal();
    const answer = askApproval('Apply?', t.input, t.output);
    await asked(t.shown);
    t.input.write('\x03');
    expect(await answer).toBe('interrupted');
  });

  it('is interrupted when the run is stopped by a signal while it waits', async () => {
    const t = terminal();
    const stop = new AbortController();
    const answer = askApproval('Apply?', t.input, t.output, stop.signal);
    await asked(t.shown);
    stop.abort();
    expect(await answer).toBe('interrupted');
    expect(await askApproval('Apply?', t.input, t.output, stop.signal)).toBe('interrupted');
  });

  it('is no when the input closes (Ctrl-D, a terminal gone)', async () => {
    const t = terminal();
    const answer = askApproval('Apply?', t.input, t.output);
    await asked(t.shown);
    t.input.end();
    expect(await answer).toBe('no');
  });
});
