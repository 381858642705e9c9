import { posix } from 'node:path';

/** The folder that holds every file of `files` (project-relative POSIX paths): `src` for `src/a.ts` and `src/users/b.ts`. */
export function commonFolder(files: readonly string[]): string {
  const folders = files.map((file) =>
    posix
      .dirname(file)
      .split('/')
      .filter((part) => part !== '.'),
  );
  const first = folders[0] ?? [];
  let length = first.length;
  for (const folder of folders) {
    let same = 0;
    while (same < Math.min(length, folder.length) && folder[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join('/');
}

/**
 * How `from` imports `to` (both project-relative): `./not-implemented.js`, `../http.js`. A TypeScript file is
 * imported by the JavaScript name it compiles to, which Node, bundlers and every `moduleResolution` accept.
 */
export function importSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to).replace(/\.([cm]?)tsx?$/, (_, flavour: string) => `.${flavour}js`);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Whether scaffolding may write `file`: inside the project and outside any `node_modules`. */
export function isScaffoldable(file: string): boolean {
  const normal = posix.normalize(file);
  return !posix.isAbsolute(normal) && normal !== '..' && !normal.startsWith('../') && !normal.split('/').includes('node_modules');
}
