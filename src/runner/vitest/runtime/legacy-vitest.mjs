// @ts-check
// The warm host's driver for vitest 1 and 2, which have neither test specifications with test modules nor
// `invalidateFile`: files go to `runFiles` as specs of their era, results are read from the state's file
// tasks, and a changed file is invalidated in vite's module graph and in the workers' module caches.
import { toError } from '../../core/runtime/write-event.mjs';

/** @typedef {import('../host-protocol.js').HostTestResult} HostTestResult */
/** @typedef {import('../host-protocol.js').HostReply} HostReply */
/** @typedef {Extract<HostReply, { type: 'result' }>['errors'][number]} HostFileError */
/** @typedef {{ id: string, name: string, mode?: string, suite?: LegacyTask, filepath?: string, tasks?: LegacyTask[], meta?: Record<string, unknown>, result?: { state?: string, duration?: number, errors?: unknown[] } }} LegacyTask */
/** @typedef {{ file: string, importers: Set<ModuleNode> }} ModuleNode */
/** @typedef {{ getModulesByFile(file: string): Set<ModuleNode> | undefined, invalidateModule(module: ModuleNode): void }} ModuleGraph */
/**
 * @typedef {object} LegacyProject
 * @property {{ pool: string }} config
 * @property {{ moduleGraph: ModuleGraph }} server
 * @property {(key: string, value: unknown) => void} provide
 * @property {(file: string) => Promise<boolean>} isTargetFile
 * @property {(moduleId: string, pool: string) => unknown} [createSpec]
 */
/**
 * @typedef {object} LegacyVitest
 * @property {LegacyProject[]} projects
 * @property {() => LegacyProject} getCoreWorkspaceProject
 * @property {(specs: unknown[], allTestsRun: boolean) => Promise<void>} runFiles
 * @property {() => Promise<unknown[]>} globTestFiles
 * @property {Set<string>} invalidates
 * @property {{ testNamePattern?: RegExp }} configOverride
 * @property {{ filesMap: Map<string, unknown>, getFiles(): LegacyTask[], getUnhandledErrors(): unknown[] }} state
 */

/** @type {Record<string, HostTestResult['state']>} */
const states = { pass: 'passed', fail: 'failed' };

/**
 * @param {LegacyTask} task
 * @returns {LegacyTask[]}
 */
function testsOf(task) {
  return task.tasks ? task.tasks.flatMap(testsOf) : [task];
}

/**
 * @param {LegacyTask} task
 * @returns {string[]}
 */
function titles(task) {
  const names = [task.name];
  // vitest 1 puts a file's top-level tests in an unnamed suite of its own
  for (let suite = task.suite; suite && !('filepath' in suite); suite = suite.suite) if (suite.name !== '') names.unshift(suite.name);
  return names;
}

/** @param {LegacyVitest} vitest */
export function createLegacyDriver(vitest) {
  /** @param {string} file */
  async function projectFor(file) {
    for (const project of vitest.projects) if (await project.isTargetFile(file).catch(() => false)) return project;
    return vitest.getCoreWorkspaceProject();
  }

  /**
   * @param {LegacyProject} project
   * @param {string} file
   */
  const specOf = (project, file) => (project.createSpec ? project.createSpec(file, project.config.pool) : [project, file]);

  return {
    /**
     * @param {string} key
     * @param {unknown} value
     */
    provide(key, value) {
      for (const project of vitest.projects) project.provide(key, value);
    },

    /** @param {string} file */
    invalidate(file) {
      /** @type {Set<ModuleNode>} */
      const seen = new Set();
      /** @param {ModuleNode} module */
      const visit = (module) => {
        if (seen.has(module)) return;
        seen.add(module);
        vitest.invalidates.add(module.file);
        for (const importer of module.importers) visit(importer);
      };
      vitest.invalidates.add(file);
      for (const project of vitest.projects) {
        for (const module of project.server.moduleGraph.getModulesByFile(file) ?? []) {
          project.server.moduleGraph.invalidateModule(module);
          visit(module);
        }
      }
    },

    /**
     * Runs the files (all test files for `'all'`) with one candidate active and only the tests `pattern` matches.
     * @param {readonly string[] | 'all'} files
     * @param {RegExp | undefined} pattern
     * @param {number} active
     * @returns {Promise<{ tests: HostTestResult[], errors: HostFileError[] }>}
     */
    async run(files, pattern, active) {
      vitest.configOverride.testNamePattern = pattern;
      const specs = files === 'all' ? await vitest.globTestFiles() : await Promise.all(files.map(async (file) => specOf(await projectFor(file), file)));
      vitest.state.filesMap.clear();
      await vitest.runFiles(specs, false);
      /** @type {HostTestResult[]} */
      const tests = [];
      /** @type {HostFileError[]} */
      const errors = [];
      for (const task of vitest.state.getFiles()) {
        const file = String(task.filepath);
        for (const error of task.result?.errors ?? []) errors.push({ active, file, error: toError(error) });
        for (const test of testsOf(task)) {
          if (test === task) continue;
          const state = states[String(test.result?.state)] ?? 'skipped';
          const error = state === 'failed' ? test.result?.errors?.[0] : undefined;
          const coverage = test.meta?.redgreenCoverage;
          tests.push({
            active,
            file,
            titles: titles(test),
            state,
            durationMs: test.result?.duration ?? 0,
            ...(error === undefined ? {} : { error: toError(error) }),
            ...(Array.isArray(coverage) ? { coverage } : {}),
          });
        }
      }
      for (const error of vitest.state.getUnhandledErrors()) errors.push({ error: toError(error) });
      return { tests, errors };
    },
  };
}
