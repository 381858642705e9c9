/** One fenced code block of a Markdown reply. */
export interface Fence {
  /** The info string's first word, lower-cased (`ts`, `diff`, `yaml`), or ''. */
  readonly lang: string;
  /** The lines between the fences. */
  readonly lines: readonly string[];
  /** 1-based line numbers of the opening and closing fence (the last line when unterminated). */
  readonly openLine: number;
  readonly closeLine: number;
  /** False when the reply ended inside the block, as a cut-off reply does. */
  readonly closed: boolean;
  /** The nearest non-blank line before the fence and after the previous block, which may name a file. */
  readonly before?: string;
}

const opening = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;

/** The fenced blocks of an LF reply, in order. */
export function findFences(lines: readonly string[]): Fence[] {
  const fences: Fence[] = [];
  let previousEnd = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = opening.exec(lines[i] ?? '');
    if (!open) continue;
    const marker = open[1] ?? '```';
    const close = lines.findIndex((line, j) => j > i && isClosing(line, marker));
    const end = close === -1 ? lines.length : close;
    const before = lines
      .slice(previousEnd, i)
      .reverse()
      .find((line) => line.trim() !== '');
    const fence = {
      lang: (open[2] ?? '').toLowerCase(),
      lines: lines.slice(i + 1, end),
      openLine: i + 1,
      closeLine: Math.min(end + 1, lines.length),
      closed: close !== -1,
    };
    fences.push(before === undefined ? fence : { ...fence, before });
    previousEnd = end + 1;
    i = end;
  }
  return fences;
}

function isClosing(line: string, marker: string): boolean {
  const trimmed = line.trim();
  const char = marker[0] ?? '`';
  return trimmed.length >= marker.length && [...trimmed].every((c) => c === char) && /^ {0,3}\S/.test(line);
}

// Long prose is cut: it is kept for the journal and the next prompt, not as a transcript.
const maxReasoning = 2000;

/** The prose of a reply: its lines outside the given 1-based inclusive ranges, trimmed and bounded. */
export function proseOutside(lines: readonly string[], ranges: readonly (readonly [number, number])[]): string {
  const kept = lines.filter((_, index) => !ranges.some(([from, to]) => index + 1 >= from && index + 1 <= to));
  return boundReasoning(kept.join('\n'));
}

/** Trims text and bounds it to about 2000 characters. */
export function boundReasoning(text: string): string {
  const trimmed = text.replace(/\n{3,}/g, '\n\n').trim();
  return trimmed.length <= maxReasoning ? trimmed : `${trimmed.slice(0, maxReasoning).trimEnd()}…`;
}
