import type { TypeDiagnostic } from '../../core/attempts.js';
import type { TypecheckResult } from './typecheck-session.js';

/** What the loop asks of the type-check worker (typecheck-worker.ts); both sides import these types. */
export type TypecheckRequest =
  /** Open the session and take its baseline; sent once, first. */
  | {
      readonly type: 'open';
      readonly root: string;
      readonly projectDir: string;
      /** Root-relative files the check leaves out unless a checked file imports them (see `TypecheckSessionOptions.skip`). */
      readonly skipped: readonly string[];
    }
  /** Re-check after an edit; `skipped` adds the changed files that are to be left out. */
  | { readonly type: 'check'; readonly seq: number; readonly changed: readonly string[]; readonly skipped: readonly string[] };

/** The session's baseline as the worker reports it, or why there is no session. */
export type TypecheckBaseline =
  | { readonly status: 'on'; readonly configFile: string; readonly baseline: readonly TypeDiagnostic[]; readonly durationMs: number }
  | { readonly status: 'off'; readonly reason: string };

/** What the worker answers. */
export type TypecheckReply =
  | { readonly type: 'opened'; readonly baseline: TypecheckBaseline }
  | { readonly type: 'checked'; readonly seq: number; readonly result: TypecheckResult }
  /** Opening (no `seq`) or a check threw: a bug or a compiler crash, never a type error of the project. */
  | { readonly type: 'failed'; readonly seq?: number; readonly message: string };
