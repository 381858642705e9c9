import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../core/attempts.js';
import { failingResults } from '../core/attempts.js';
import type { DenoiseContext, Denoiser, ProjectView } from '../core/denoiser.js';
import type { TestReport } from '../core/test-report.js';
import type { TestRunner } from '../core/test-runner.js';
import { applyEdit } from '../edit/apply-edit.js';
import { checkSyntax } from '../analysis/syntax-check.js';
import { listProjectFiles } from '../workspace/walk-project.js';

/** A red project the contract runs a denoiser against. */
export interface DenoiserFixture {
  /** Creates the project (a copy in a temp dir) and returns its dir and a cleanup. */
  setup(): Promise<{ readonly dir: string; cleanup(): Promise<void> }>;
  /** The runner that gives the failing report the denoiser starts from. */
  readonly runner: () => TestRunner;
  /** Whether a project-relative path is a test file (the specification). */
  readonly isTestFile: (file: string) => boolean;
  readonly testTimeoutMs?: number;
}

/**
 * The behaviours every `Denoiser` must show, as a vitest suite, on a red project: it names itself; its first
 * proposal is edits to editable, non-test files inside the project that apply to the files as they stand and
 * keep them parseable; it never writes to the project it is shown; it answers refusal feedback without
 * throwing; it stops when aborted; and it can be disposed.
 */
export function describeDenoiserContract(name: string, factory: () => Denoiser, fixture: DenoiserFixture): void {
  describe(`Denoiser contract: ${name}`, () => {
    const timeoutMs = fixture.testTimeoutMs ?? 60_000;
    let project: { readonly dir: string; cleanup(): Promise<void> };
    let report: TestReport;
    let view: ProjectView;
    // Made when the suite starts, so a factory may use what the test file's own beforeAll set up (a server).
    let denoiser: Denoiser;

    beforeAll(async () => {
      project = await fixture.setup();
      const runner = fixture.runner();
      report = await runner.run(project.dir, { timeoutMs });
      await runner.dispose?.();
      const files = await listProjectFiles(project.dir);
      view = {
        root: project.dir,
        files,
        read: (file) => readFile(join(project.dir, file), 'utf8').catch(() => undefined),
        isTestFile: fixture.isTestFile,
        isEditable: (file) => !fixture.isTestFile(file) && !file.startsWith('node_modules/'),
      };
      denoiser = factory();
      await denoiser.init?.();
    }, timeoutMs * 2);

    afterAll(async () => {
      await denoiser?.dispose?.();
      await project?.cleanup();
    });

    function context(overrides: Partial<DenoiseContext> = {}): DenoiseContext {
      return {
        step: 1,
        maxSteps: 5,
        project: view,
        report,
        failures: failingResults(report),
        history: [],
        suggestedMode: 'update',
        stepFeedback: [],
        runner: report.runner,
        testTimeoutMs: timeoutMs,
        ...overrides,
      };
    }

    async function first(iterable: AsyncIterable<Proposal>): Promise<Proposal | undefined> {
      const iterator = iterable[Symbol.asyncIterator]();
      const next = await iterator.next();
      await iterator.return?.();
      return next.done === true ? undefined : next.value;
    }

    it('names itself', () => {
      expect(denoiser.name).toMatch(/\S/);
      expect(failingResults(report).length, 'the fixture must be red').toBeGreaterThan(0);
    });

    it(
      'proposes edits to editable files inside the project that apply as they stand and keep them parseable, writing nothing',
      async () => {
        const before = await fingerprint(project.dir);
        const proposal = await first(denoiser.propose(context()));
        expect(await fingerprint(project.dir), 'the project it was shown is unchanged').toEqual(before);
        expect(proposal?.kind).toBe('edits');
        if (proposal?.kind !== 'edits') return;
        expect(proposal.edits.length).toBeGreaterThan(0);
        expect(proposal.denoiser).toBe(denoiser.name);
        const texts = new Map<string, string>();
        for (const edit of proposal.edits) {
          expect(edit.file).not.toMatch(/^\/|^[A-Za-z]:|(^|\/)\.\.(\/|$)/);
          expect(view.isEditable(edit.file), edit.file).toBe(true);
          const current = texts.get(edit.file) ?? (await view.read(edit.file)) ?? '';
          const applied = applyEdit(current, edit);
          expect(applied.status, `${edit.file}: ${applied.status === 'applied' ? '' : applied.reason}`).toBe('applied');
          if (applied.status === 'applied') texts.set(edit.file, applied.text);
        }
        for (const [file, text] of texts) expect(checkSyntax(file, text)).toMatchObject({ ok: true });
      },
      timeoutMs * 2,
    );

    it(
      'answers refusal feedback by proposing again or ending, without throwing',
      async () => {
        const feedback: string[] = [];
        const iterator = denoiser.propose(context({ stepFeedback: feedback, suggestedMode: 'patch' }))[Symbol.asyncIterator]();
        await iterator.next();
        feedback.push('refused: the edit changed nothing: the new text equals the old');
        await expect(iterator.next()).resolves.toBeDefined();
        await iterator.return?.();
      },
      timeoutMs * 2,
    );

    it(
      'stops when the run is aborted',
      async () => {
        const controller = new AbortController();
        controller.abort();
        const outcome = await first(denoiser.propose(context({ signal: controller.signal }))).then(
          (proposal) => proposal?.kind ?? 'nothing',
          (error: unknown) => (error instanceof Error && /abort/i.test(`${error.name} ${error.message}`) ? 'aborted' : error),
        );
        expect(['nothing', 'aborted']).toContain(outcome);
      },
      timeoutMs,
    );
  });
}

/** sha256 of every file's path and bytes, node_modules left out. */
async function fingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listProjectFiles(dir)) {
    hash.update(file);
    hash.update(await readFile(join(dir, file)));
  }
  return hash.digest('hex');
}
