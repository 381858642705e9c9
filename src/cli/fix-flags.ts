import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { OptionSpec } from '../config/options.js';
import { fixOptionNames, fixOptions, helpText } from '../config/options.js';
import { parseFlagValue } from '../config/value-kinds.js';

/** Adds every option of the table to `command`, each checked by the same schema as its config key. */
export function addFixFlags(command: Command): Command {
  for (const name of fixOptionNames) command.addOption(toOption(fixOptions[name]));
  return command;
}

/**
 * The flags the user gave, without the values commander supplies by itself (a lone `--no-x` flag makes `x`
 * true by default): those would hide a project's config, which flags override only when given.
 */
export function givenFlags<T extends object>(command: Command, values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([name]) => command.getOptionValueSource(name) !== 'default')) as T;
}

/** The commander option for one table entry. */
export function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flag, helpText(spec));
  const { kind } = spec;
  if (kind.fromFlag === undefined) return option;
  const parse = (raw: string): unknown => {
    const parsed = parseFlagValue(kind, raw);
    if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
    return parsed.value;
  };
  // A custom parser replaces commander's collecting of variadic values, so lists collect here.
  if (!kind.list) return option.argParser(parse);
  return option.argParser((raw: string, previous: unknown[] | undefined) => [...(previous ?? []), parse(raw)]);
}
