import { parse } from 'yaml';
import { z } from 'zod';
import type { Edit, ParseResult } from '../core/edits.js';
import { boundReasoning, proseOutside } from './fences.js';
import { detectLazyElision } from './lazy-elision.js';
import { normalizePath } from './normalize-path.js';
import type { Reply, ReplyParser } from './reply-parser.js';
import { isYamlPayloadFence, malformed } from './reply-parser.js';

const text = (message: string) => z.string({ error: message });

const payloadSchema = z.object({
  reasoning: z.unknown().optional(),
  file_to_patch: text('`file_to_patch` must be the path of the file to change').min(1, '`file_to_patch` must not be empty'),
  update: z
    .object(
      {
        old_str: text('`update` needs `old_str`: the exact text to replace, as a string'),
        new_str: text('`update` needs `new_str`: the text to put in its place, as a string'),
      },
      { error: '`update` must be a mapping with `old_str` and `new_str`' },
    )
    .optional(),
  patch: text('`patch` must be unified diff text').optional(),
  new_content: text('`new_content` must be the whole new file as text').optional(),
});

const modes = ['update', 'patch', 'new_content'] as const;

/**
 * The seed YAML payload: `reasoning`, `file_to_patch`, and exactly one of `update: {old_str, new_str}`, `patch`
 * (unified diff text) or `new_content` (whole file). Read from a ```yaml fence or from the reply itself.
 */
export const parseYamlPayload: ReplyParser = (reply) => {
  if (!/^\s*file_to_patch\s*:/m.test(reply.text)) return undefined;
  const found = readPayload(reply);
  if ('status' in found) return found;
  const checked = payloadSchema.safeParse(found.value);
  if (!checked.success) return malformed(`the YAML payload is invalid: ${checked.error.issues[0]?.message ?? 'unexpected shape'}`);
  const payload = checked.data;
  const given = modes.filter((mode) => payload[mode] !== undefined);
  if (given.length !== 1) {
    const what = given.length === 0 ? 'has none of' : `has both ${given.map((m) => `\`${m}\``).join(' and ')}; it needs exactly one of`;
    return malformed(`the YAML payload ${what} \`update\`, \`patch\`, \`new_content\``);
  }
  const file = normalizePath(payload.file_to_patch, reply.knownFiles);
  let edit: Edit;
  if (payload.update) edit = { kind: 'update', file, oldText: payload.update.old_str, newText: payload.update.new_str };
  else if (payload.patch !== undefined) edit = { kind: 'patch', file, diff: payload.patch };
  else {
    const content = payload.new_content ?? '';
    const lazy = detectLazyElision(content);
    if (lazy !== undefined) return malformed(`\`new_content\` for ${file} elides code (\`${lazy}\`); give the complete file`, 'lazy');
    edit = { kind: 'rewrite', file, content };
  }
  const reasoning = typeof payload.reasoning === 'string' ? boundReasoning(payload.reasoning) : found.prose;
  return { status: 'parsed', edits: [edit], reasoning, format: 'yaml' };
};

/** The payload from a YAML fence, else the whole reply, else the reply from its first payload key on. */
function readPayload(reply: Reply): { value: unknown; prose: string } | ParseResult {
  const fence = reply.fences.find(isYamlPayloadFence);
  const ranges = reply.fences.map((f) => [f.openLine, f.closeLine] as const);
  const candidates = fence
    ? [fence.lines.join('\n')]
    : [reply.text, reply.lines.slice(reply.lines.findIndex((line) => /^(?:reasoning|file_to_patch)\s*:/.test(line))).join('\n')];
  let firstError: unknown;
  for (const candidate of candidates) {
    try {
      const value: unknown = parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { value, prose: fence ? proseOutside(reply.lines, ranges) : '' };
    } catch (error) {
      firstError ??= error;
    }
  }
  const detail = firstError instanceof Error ? `: ${firstError.message.split('\n')[0] ?? ''}` : '';
  return malformed(`the YAML payload does not parse${detail}; quote strings or use \`|\` block scalars for code`);
}
