import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The end-to-end tests spawn the built CLI (bin → dist/): rebuild dist/ first when src/ is newer, so a bare
 * `npx vitest run` never tests stale code. A no-op when `npm test` already built it.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/ensure-setup.mjs', '--fixtures'], { cwd: root, stdio: 'inherit' });
}
