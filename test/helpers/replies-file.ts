import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './fixture-project.js';

/** The path of a recorded reply fixture in fixtures/model-replies/. */
export function recordedReplies(name: string): string {
  return join(repoRoot, 'fixtures', 'model-replies', `${name}.json`);
}

/** Writes `{"replies": [...]}` to a temp file, outside any project, and returns its path. */
export function writeReplies(replies: readonly string[]): Promise<string> {
  return writeRepliesFile({ replies });
}

/** Writes `{"chains": [[...], ...]}` (a list of replies per chain of `--chains`) the way `writeReplies` does. */
export function writeChainReplies(chains: readonly (readonly string[])[]): Promise<string> {
  return writeRepliesFile({ chains });
}

async function writeRepliesFile(body: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'redgreen-replies-'));
  const file = join(dir, 'replies.json');
  await writeFile(file, JSON.stringify(body));
  return file;
}

/** A search/replace reply for one file. */
export function searchReplace(file: string, search: string, replace: string, why = 'Fixing the bug.'): string {
  return `${why}\n\n${file}\n\`\`\`ts\n<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n\`\`\`\n`;
}
