import { createInterface } from 'node:readline/promises';

/** The answer at the prompt; `interrupted` is Ctrl-C there (or a signal that stopped the run). */
export type ApprovalAnswer = 'yes' | 'no' | 'interrupted';

/**
 * Asks a yes/no question on a terminal; anything but y/yes is no. Ctrl-C at the prompt, a closed input
 * (Ctrl-D, the terminal hung up) and `signal` end the question without an answer: `interrupted` for the
 * first and last, `no` for a closed input.
 */
export async function askApproval(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  signal?: AbortSignal,
): Promise<ApprovalAnswer> {
  if (signal?.aborted === true) return 'interrupted';
  const rl = createInterface({ input, output, terminal: true });
  const stopped = new AbortController();
  let interrupted = false;
  const interrupt = (): void => {
    interrupted = true;
    stopped.abort();
  };
  // In raw mode Ctrl-C reaches readline as a key, not as a signal to the process.
  rl.on('SIGINT', interrupt);
  rl.on('close', () => stopped.abort());
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    const answer = await rl.question(`${question} [y/N] `, { signal: stopped.signal });
    return /^y(es)?$/i.test(answer.trim()) ? 'yes' : 'no';
  } catch (error) {
    if (!stopped.signal.aborted) throw error;
    output.write('\n');
    return interrupted ? 'interrupted' : 'no';
  } finally {
    signal?.removeEventListener('abort', interrupt);
    rl.close();
  }
}
