import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { editFormatNames, getEditFormat } from './edit-formats.js';

describe('edit formats', () => {
  it('lists the built-in formats', () => {
    expect(editFormatNames).toEqual(['search-replace', 'unified-diff', 'whole-file', 'yaml']);
  });

  it.each(editFormatNames)('%s parses the example in its own instructions', (name) => {
    const format = getEditFormat(name);
    const example = /Example:\n([\s\S]*)$/.exec(format.instructions())?.[1] ?? '';
    const result = format.parse(example);
    expect(result).toMatchObject({ status: 'parsed', format: name, edits: [{ file: 'src/math.ts' }] });
  });

  it.each(editFormatNames)('%s names itself when a reply holds no edit', (name) => {
    const result = getEditFormat(name).parse('no idea');
    expect(result.status).toBe('malformed');
    expect(result.status === 'malformed' && result.reason.split(';').length).toBe(2);
  });

  it('accepts replies in the other formats too', () => {
    const reply = 'src/a.ts\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```';
    expect(getEditFormat('yaml').parse(reply, { knownFiles: ['src/a.ts'] })).toMatchObject({ status: 'parsed', format: 'search-replace' });
  });

  it('throws a ConfigError listing the valid names for an unknown one', () => {
    expect(() => getEditFormat('udiff')).toThrow(ConfigError);
    expect(() => getEditFormat('toString')).toThrow('unknown edit format "toString"; expected one of: search-replace, unified-diff, whole-file, yaml');
  });
});
