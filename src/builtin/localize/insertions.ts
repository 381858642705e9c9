/**
 * Text insertions at positions of an original text. Several insertions can share a position: wrappers
 * opened earlier (outer) must come first and closed later (outer) must come last, and a closing text at a
 * position always precedes an opening one there (`{ a(); }` then `__rg.cov(2); b();`).
 */
export interface Insertion {
  readonly pos: number;
  readonly text: string;
  /** Closing half of a wrapper (`)`, ` }`) rather than an opening or standalone text. */
  readonly close: boolean;
  /** Order of creation: outer wrappers are created before inner ones. */
  readonly seq: number;
}

/** Applies insertions to `text`, ordering same-position insertions so wrappers nest properly. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const sorted = [...insertions].sort((a, b) => {
    if (a.pos !== b.pos) return a.pos - b.pos;
    if (a.close !== b.close) return a.close ? -1 : 1;
    return a.close ? b.seq - a.seq : a.seq - b.seq;
  });
  const parts: string[] = [];
  let at = 0;
  for (const insertion of sorted) {
    parts.push(text.slice(at, insertion.pos), insertion.text);
    at = insertion.pos;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
