/**
 * The extension of a file name without its dot (`'report.final.pdf'` → `'pdf'`).
 * Names without a dot, and dotfiles such as `.bashrc`, have no extension (`''`).
 * Any directory part before the last `/` is ignored.
 */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  if (dot <= 0) {
    return '';
  }
  return base.slice(dot + 1);
}
