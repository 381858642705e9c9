// The body of a whole-line comment in the common comment syntaxes.
const commentBody = /^\s*(?:\/\/+|#+|--|\/\*+|<!--|\*|;+)\s*(.*?)\s*(?:\*+\/|-->)?\s*$/;
const startsWithEllipsis = /^[([]?\s*(?:\.{3}|…)/;
const keptVerb = /\b(?:unchanged|omitted|remains? the same|stays? the same|same as before|as before|for brevity|goes here)\b/i;
const keptWhat = /\b(?:rest|remainder|remaining|existing|other|previous|code|file|methods|functions|implementation|everything)\b/i;
const bareElision =
  /^[([]?(?:the\s+)?(?:rest of (?:the )?(?:code|file|class|module|function|implementation)|existing (?:code|imports|methods|functions|tests)|(?:other|remaining) (?:code|methods|functions|tests|cases)|unchanged|omitted|same as before)[)\]]?\.?$/i;

/**
 * The first line where a model elided code instead of writing it (`// ... rest unchanged`,
 * `// ... existing code ...`, `/* ... *\/`, `# ...`, `// rest of the file unchanged`), or undefined.
 * A rewrite holding such a line would delete the code it stands for.
 */
export function detectLazyElision(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const body = commentBody.exec(line)?.[1];
    if (body === undefined || isDirective(line)) continue;
    const lazy = startsWithEllipsis.test(body) || (keptVerb.test(body) && keptWhat.test(body)) || bareElision.test(body);
    if (lazy) return line.trim();
  }
  return undefined;
}

// `#!/usr/bin/env node`, `#include`, `#region` are code, not comments.
function isDirective(line: string): boolean {
  return /^\s*#(?:!|[A-Za-z])/.test(line);
}
