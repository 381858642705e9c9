/**
 * What type errors a proposal introduces do to it: `strict` refuses it before its tests run, `warn` lets its
 * tests run and passes the errors on as feedback, `off` does not check. The option's values, declared once.
 */
export const typecheckModes = ['strict', 'warn', 'off'] as const;

export type TypecheckMode = (typeof typecheckModes)[number];
