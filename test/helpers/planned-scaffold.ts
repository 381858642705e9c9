import { afterEach } from 'vitest';
import type { PlannedScaffold } from '../../src/coherence/scaffold-for-tests.js';
import { planTestsScaffold } from '../../src/coherence/scaffold-for-tests.js';
import type { TempProject } from './temp-project.js';
import { createTempProject } from './temp-project.js';

/**
 * For a test file about scaffolding: a function that writes `files` to a temp project and plans its scaffold
 * from its tests (extract, check, plan). The project is removed after each test.
 */
export function usePlannedScaffold(): (files: Readonly<Record<string, string>>) => Promise<PlannedScaffold> {
  let temp: TempProject | undefined;
  afterEach(async () => {
    await temp?.cleanup();
    temp = undefined;
  });
  return async (files) => {
    temp = await createTempProject(files, 'redgreen-planned-scaffold-');
    return planTestsScaffold(temp.dir);
  };
}

/** The text a planned scaffold gives `path` (undefined when it plans nothing there). */
export function plannedText({ plan }: PlannedScaffold, path: string): string | undefined {
  return plan.status === 'planned' ? plan.files.find((file) => file.path === path)?.after : undefined;
}
