/**
 * Writes what the options table publishes besides the flags and the config schema: the JSON Schema editors
 * read (`schema/redgreen.config.schema.json`) and the README's options table. `npm run docs:options` runs it;
 * a test fails when the committed files differ from what it would write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OptionSpec } from '../src/config/options.js';
import { fixOptionNames, fixOptions } from '../src/config/options.js';
import { configJsonSchema } from '../src/config/schema.js';
import { switchKind } from '../src/config/value-kinds.js';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const jsonSchemaFile = resolve(repoRoot, 'schema/redgreen.config.schema.json');
export const readmeFile = resolve(repoRoot, 'README.md');

const start = '<!-- options-table:start (generated from src/config/options.ts: npm run docs:options) -->';
const end = '<!-- options-table:end -->';

export function renderJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

/** The README's options table, one row per entry of the options table. */
export function renderOptionsTable(): string {
  const rows = fixOptionNames.map((name) => {
    const spec: OptionSpec = fixOptions[name];
    const key = spec.config ? `\`${name}\`${spec.feeds === undefined ? '' : ` (\`fix()\`: \`${spec.feeds}\`)`}` : 'flag only';
    const def = spec.defaultText ?? (spec.default === undefined ? (spec.kind === switchKind ? 'off' : '—') : String(spec.default));
    const meaning = [spec.description, spec.details].filter((s) => s !== undefined).join('. ');
    return `| \`${spec.flag}\` | ${key} | ${cell(def)} | ${cell(meaning)} |`;
  });
  return ['| option | config key | default | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the table markers replaced by `table`. */
export function withOptionsTable(readme: string, table: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`;
}

/** Text outside backticks made safe for a table cell: pipes escaped, `<name>` not taken for HTML. */
function cell(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part.replaceAll('|', '\\|') : part.replaceAll('|', '\\|').replaceAll('<', '&lt;')))
    .join('');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFile(jsonSchemaFile, renderJsonSchema());
  await writeFile(readmeFile, withOptionsTable(await readFile(readmeFile, 'utf8'), renderOptionsTable()));
  console.log('wrote schema/redgreen.config.schema.json and the options table of README.md');
}
