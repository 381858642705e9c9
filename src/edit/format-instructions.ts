import type { ReplyFormat } from '../core/edits.js';

const fence = '```';

/** Prompt text per format: what to write, and a tiny example of it. */
export const formatInstructions = {
  'search-replace': `Write each change as a SEARCH/REPLACE block: the file path on its own line, then a fenced block with
<<<<<<< SEARCH, the exact current lines (copied character for character, enough to match one place only),
=======, the new lines, and >>>>>>> REPLACE. Use one block per change; several blocks may follow each other.
To create a file, leave the SEARCH part empty and put the whole file in the REPLACE part.
Example:
src/math.ts
${fence}ts
<<<<<<< SEARCH
  return a - b;
=======
  return a + b;
>>>>>>> REPLACE
${fence}`,
  'unified-diff': `Write your changes as a unified diff in a ${fence}diff block. Start each file with "--- a/<path>" and
"+++ b/<path>" lines, then one "@@ ... @@" hunk per change. In a hunk, prefix unchanged context lines with a
space, removed lines with "-", added lines with "+"; give 2-3 lines of exact context around each change.
For a new file, use "--- /dev/null" and add every line.
Example:
${fence}diff
--- a/src/math.ts
+++ b/src/math.ts
@@ -1,3 +1,3 @@
 export function add(a: number, b: number): number {
-  return a - b;
+  return a + b;
 }
${fence}`,
  'whole-file': `For each file you change, write its path on its own line, then the complete new content of the file in a
fenced block. Include every line of the file: never abbreviate with comments such as "// ... rest unchanged".
Example:
src/math.ts
${fence}ts
export function add(a: number, b: number): number {
  return a + b;
}
${fence}`,
  yaml: `Reply with YAML only, with these keys: reasoning (one or two sentences), file_to_patch (the file's path), and
exactly one of: update (with old_str: the exact current text, matching one place only, and new_str: its
replacement), patch (a unified diff of that file), or new_content (the complete new file). Use "|" block
scalars for code.
Example:
${fence}yaml
reasoning: "add subtracts instead of adding."
file_to_patch: "src/math.ts"
update:
  old_str: "  return a - b;"
  new_str: "  return a + b;"
${fence}`,
} as const satisfies Record<ReplyFormat, string>;
