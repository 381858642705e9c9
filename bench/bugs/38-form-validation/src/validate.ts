/** A rule checks one value and explains a failure. */
export interface Rule {
  message: string;
  test: (value: string) => boolean;
}

export const required: Rule = { message: 'is required', test: (v) => v.trim() !== '' };
export const maxLength = (n: number): Rule => ({ message: `is longer than ${n}`, test: (v) => v.length <= n });
export const digitsOnly: Rule = { message: 'must contain only digits', test: (v) => /^\d*$/.test(v) };

/** The messages of every rule that `value` breaks, in rule order. */
export function errorsFor(value: string, rules: readonly Rule[]): string[] {
  return rules.filter((rule) => !rule.test(value)).map((rule) => rule.message);
}

/** True when `value` satisfies all `rules`. */
export function isValid(value: string, rules: readonly Rule[]): boolean {
  return rules.some((rule) => rule.test(value));
}
