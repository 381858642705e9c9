/** One change to one project file; `file` is project-relative as the model wrote it (validated before use). */
export type Edit =
  | { readonly kind: 'update'; readonly file: string; readonly oldText: string; readonly newText: string }
  | { readonly kind: 'patch'; readonly file: string; readonly diff: string }
  | { readonly kind: 'rewrite'; readonly file: string; readonly content: string };

export type EditKind = Edit['kind'];

/** The outcome of applying one edit to a file's text. Expected failures are values. */
export type ApplyResult =
  | { readonly status: 'applied'; readonly text: string; readonly note?: string }
  | { readonly status: 'no-match'; readonly reason: string; readonly nearestLines: readonly number[] }
  | { readonly status: 'ambiguous'; readonly reason: string; readonly lines: readonly number[] }
  | { readonly status: 'refused'; readonly reason: string };

/** A model reply parsed into edits, or the reason it could not be. */
export type ParseResult =
  | { readonly status: 'parsed'; readonly edits: readonly Edit[]; readonly reasoning: string; readonly format: ReplyFormat }
  | { readonly status: 'malformed'; readonly reason: string; readonly problem: ReplyProblem };

/** Why a reply could not be read: no edit at all, code elided with `// ... rest unchanged`, cut off, or otherwise invalid. */
export type ReplyProblem = 'no-edit' | 'lazy' | 'truncated' | 'invalid';

export type ReplyFormat = 'search-replace' | 'unified-diff' | 'whole-file' | 'yaml';
