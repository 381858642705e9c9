import type { EditFormatName } from '../edit/edit-formats.js';

/**
 * Which reply format to ask of a model when the user does not say. Small local models copy search text
 * poorly and drift in diffs, so they rewrite whole files; strong models handle exact search/replace, which
 * costs far fewer tokens. First match wins; patterns match the model id (`<back end>:<model>`).
 */
export const editFormatTable: readonly { readonly pattern: RegExp; readonly format: EditFormatName; readonly why: string }[] = [
  { pattern: /^scripted:/, format: 'search-replace', why: 'replays accept any format' },
  { pattern: /(^|[^0-9])(0\.5|1\.5|1|2|3|4|6|7|8)b\b/i, format: 'whole-file', why: 'small model (≤ 8B parameters)' },
  { pattern: /\b(tiny|mini|small|nano)\b|-(mini|nano)\b/i, format: 'whole-file', why: 'small model' },
  { pattern: /^gguf:/, format: 'whole-file', why: 'local GGUF models are usually small' },
  {
    pattern: /(gpt-4|gpt-5|\bo[134]\b|claude|sonnet|opus|deepseek|qwen.*(14|32|72)b|codestral|mercury|gemini)/i,
    format: 'search-replace',
    why: 'strong model',
  },
];

/** The default edit format for a model id; search/replace when nothing in the table matches. */
export function defaultEditFormat(modelId: string): EditFormatName {
  return editFormatTable.find((row) => row.pattern.test(modelId))?.format ?? 'search-replace';
}

/** The format a retry falls back to after an unreadable or non-applying reply: whole files cannot miss. */
export const fallbackEditFormat: EditFormatName = 'whole-file';
