import { ConfigError } from '../core/errors.js';
import type { EditFormat } from './edit-format.js';
import { formatInstructions } from './format-instructions.js';
import { parseReply } from './parse-reply.js';
import type { ReplyFormat } from '../core/edits.js';

function createEditFormat(name: ReplyFormat): EditFormat {
  return {
    name,
    instructions: () => formatInstructions[name],
    parse: (reply, options) => parseReply(reply, { ...options, expectedFormat: name }),
  };
}

/** The built-in edit formats by name. Each reads replies in every format but tries its own first. */
export const editFormats = {
  'search-replace': () => createEditFormat('search-replace'),
  'unified-diff': () => createEditFormat('unified-diff'),
  'whole-file': () => createEditFormat('whole-file'),
  yaml: () => createEditFormat('yaml'),
} as const satisfies Record<ReplyFormat, () => EditFormat>;

export type EditFormatName = keyof typeof editFormats;

/** The names `getEditFormat` accepts. */
export const editFormatNames = Object.keys(editFormats) as EditFormatName[];

/** The built-in format with this name; a `ConfigError` listing the valid names for any other. */
export function getEditFormat(name: string): EditFormat {
  if (!Object.hasOwn(editFormats, name)) {
    throw new ConfigError(`unknown edit format "${name}"; expected one of: ${editFormatNames.join(', ')}`);
  }
  return editFormats[name as EditFormatName]();
}
