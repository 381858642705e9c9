import pc from 'picocolors';

/**
 * A unified diff for a colour terminal: added lines green, removed lines red, hunk headers cyan, file headers
 * bold. Unchanged when `color` is false, so a pipe or `--json` gets the diff byte for byte.
 */
export function colorDiff(diff: string, color: boolean): string {
  if (!color) return diff;
  const c = pc.createColors(true);
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++ ') || line.startsWith('--- ') || line.startsWith('diff ')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}
