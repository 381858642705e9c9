/**
 * A noise schedule: the noise level σ ∈ [0,1] of each step, high first and decreasing (the reverse process of
 * diffusion runs coarse to fine). `linear` and `cosine` are spread over the run's steps; `levels` are given one
 * per step, the last one held when the run has more steps than levels.
 */
export type NoiseSchedule = { readonly kind: 'linear' } | { readonly kind: 'cosine' } | { readonly kind: 'levels'; readonly levels: readonly number[] };

/** The noise levels at or above which a step asks for a whole-function or whole-file `rewrite`, or a `patch` of hunks. */
export interface NoiseThresholds {
  readonly rewrite: number;
  readonly patch: number;
}

/**
 * Three equal bands: under `linear` a run spends about a third of its steps on each granularity, rewrites
 * first, single updates last.
 */
export const defaultNoiseThresholds: NoiseThresholds = { rewrite: 0.66, patch: 0.33 };

/** What `--schedule` accepts, in words for error messages and docs. */
export const scheduleForms = 'linear, cosine, or comma-separated noise levels from 0 to 1 that do not increase (e.g. 1,0.5,0.2)';

/** What `--noise-thresholds` accepts, in words. */
export const thresholdForms = 'two noise levels from 0 to 1, rewrite then patch, the first not below the second (e.g. 0.66,0.33)';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Reads `linear`, `cosine` or `1,0.6,0.2`. Pure; the message names what was wrong and the accepted forms. */
export function parseSchedule(text: string): Parsed<NoiseSchedule> {
  const trimmed = text.trim();
  if (trimmed === 'linear' || trimmed === 'cosine') return { ok: true, value: { kind: trimmed } };
  const levels = parseLevels(trimmed);
  if (!levels.ok) return { ok: false, message: `${levels.message}; expected ${scheduleForms}` };
  const rising = levels.value.findIndex((level, i) => i > 0 && level > (levels.value[i - 1] as number));
  if (rising !== -1) {
    return { ok: false, message: `noise level ${levels.value[rising]} rises after ${levels.value[rising - 1]}; expected ${scheduleForms}` };
  }
  return { ok: true, value: { kind: 'levels', levels: levels.value } };
}

/** Reads `rewrite,patch` thresholds such as `0.66,0.33`. Pure. */
export function parseNoiseThresholds(text: string): Parsed<NoiseThresholds> {
  const levels = parseLevels(text.trim());
  if (!levels.ok) return { ok: false, message: `${levels.message}; expected ${thresholdForms}` };
  const [rewrite, patch] = levels.value;
  if (levels.value.length !== 2 || rewrite === undefined || patch === undefined) {
    return { ok: false, message: `got ${levels.value.length} level(s); expected ${thresholdForms}` };
  }
  if (rewrite < patch) return { ok: false, message: `the rewrite threshold ${rewrite} is below the patch threshold ${patch}; expected ${thresholdForms}` };
  return { ok: true, value: { rewrite, patch } };
}

function parseLevels(text: string): Parsed<number[]> {
  if (text === '') return { ok: false, message: 'no noise level given' };
  const levels: number[] = [];
  for (const part of text.split(',')) {
    const value = part.trim() === '' ? Number.NaN : Number(part);
    if (!Number.isFinite(value)) return { ok: false, message: `"${part.trim()}" is not a number` };
    if (value < 0 || value > 1) return { ok: false, message: `noise level ${value} is outside [0,1]` };
    levels.push(value);
  }
  return { ok: true, value: levels };
}
