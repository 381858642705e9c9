import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './fixture-project.js';

/** The text of a recorded reply under fixtures/model-replies/recorded/, e.g. `openai/chat-stream.sse`. */
export function recordedText(name: string): string {
  return readFileSync(join(repoRoot, 'fixtures', 'model-replies', 'recorded', name), 'utf8');
}

/** A recorded JSON body. */
export function recordedJson(name: string): unknown {
  return JSON.parse(recordedText(name));
}

/** A recorded stream as the chunks a server sends: one SSE event (`.sse`) or one line (`.ndjson`) each. */
export function recordedChunks(name: string): string[] {
  const text = recordedText(name);
  if (name.endsWith('.sse')) return text.split(/(?<=\n\n)/).filter((event) => event.trim() !== '');
  return text.split(/(?<=\n)/).filter((line) => line.trim() !== '');
}
