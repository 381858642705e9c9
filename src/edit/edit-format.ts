import type { ParseReplyOptions } from './reply-parser.js';
import type { ParseResult } from '../core/edits.js';

/** How the model is asked to write edits, and how its reply is read back. */
export interface EditFormat {
  /** The format's name, as given to `--edit-format`. */
  readonly name: string;
  /** Prompt text telling the model exactly how to write edits in this format, with a tiny example. */
  instructions(): string;
  /** Reads the edits from a reply; liberal: replies in another supported format are accepted too. */
  parse(reply: string, options?: ParseReplyOptions): ParseResult;
}
