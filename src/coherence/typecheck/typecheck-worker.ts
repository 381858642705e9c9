import { parentPort } from 'node:worker_threads';
import type { TypecheckReply, TypecheckRequest } from './typecheck-protocol.js';
import type { TypecheckSession } from './typecheck-session.js';
import { openTypecheckSession } from './typecheck-session.js';

/**
 * The worker thread behind `openTypecheckWorker`: one session, driven by the requests of typecheck-protocol.ts.
 * A request that throws is answered with `failed`; the thread itself stays up until its client terminates it.
 */
const port = parentPort;
if (port === null) throw new Error('typecheck-worker.ts runs only as a worker thread (see typecheck-worker-client.ts)');

const skipped = new Set<string>();
let session: TypecheckSession | undefined;
const reply = (message: TypecheckReply): void => port.postMessage(message);
const messageOf = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

port.on('message', (request: TypecheckRequest) => {
  if (request.type === 'open') {
    try {
      for (const file of request.skipped) skipped.add(file);
      const started = performance.now();
      const opened = openTypecheckSession({ root: request.root, projectDir: request.projectDir, skip: (file) => skipped.has(file) });
      if (opened.status === 'off') return reply({ type: 'opened', baseline: opened });
      session = opened.session;
      const { configFile, baseline } = session;
      reply({ type: 'opened', baseline: { status: 'on', configFile, baseline, durationMs: Math.round(performance.now() - started) } });
    } catch (error) {
      reply({ type: 'failed', message: messageOf(error) });
    }
    return;
  }
  try {
    if (session === undefined) throw new Error('check before the session was opened');
    for (const file of request.skipped) skipped.add(file);
    reply({ type: 'checked', seq: request.seq, result: session.check(request.changed) });
  } catch (error) {
    reply({ type: 'failed', seq: request.seq, message: messageOf(error) });
  }
});
