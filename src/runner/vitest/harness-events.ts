import { readFile } from 'node:fs/promises';

/** A line the harness setup file appends when a test starts or ends in a worker. */
export interface HarnessEvent {
  /** `import`: instrumented code ran while the file's modules loaded (before its first test). */
  readonly kind: 'start' | 'end' | 'import';
  readonly active: number;
  readonly file: string;
  readonly titles: readonly string[];
  readonly at: number;
}

export async function readHarnessEvents(path: string): Promise<HarnessEvent[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const events: HarnessEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      events.push(JSON.parse(line) as HarnessEvent);
    } catch {
      // a line cut short by the kill
    }
  }
  return events;
}

/** The candidate whose test started longest ago without ending: the one that blocked the run. */
export function findHanger(events: readonly HarnessEvent[]): number | undefined {
  const open = new Map<string, HarnessEvent>();
  for (const event of events) {
    const key = `${event.active}\0${event.file}\0${event.titles.join('\0')}`;
    if (event.kind === 'start') open.set(key, event);
    else if (event.kind === 'end') open.delete(key);
  }
  let oldest: HarnessEvent | undefined;
  for (const event of open.values()) if (!oldest || event.at < oldest.at) oldest = event;
  return oldest?.active;
}
