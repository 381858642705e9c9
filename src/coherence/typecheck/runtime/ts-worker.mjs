// @ts-check
// Starts a TypeScript worker entry when redgreen runs from its sources (tests, tsx), where no compiled .js
// exists: tsx's loader is registered in this thread, then the entry named in workerData is imported. From
// dist the compiled entry is started directly and this file is never used (tsx is a development dependency).
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(/** @type {{ entry: string }} */ (workerData).entry);
