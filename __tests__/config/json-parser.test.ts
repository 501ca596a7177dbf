import { JsonSyntaxError, MAX_JSON_DEPTH, parseStrictJson } from '../../lib/config/json-parser';

/** The error parseStrictJson throws for `text`. */
function syntaxError(text: string): JsonSyntaxError {
  try {
    parseStrictJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return e;
    throw e;
  }
  throw new Error(`parsed without error: ${text.slice(0, 40)}`);
}

describe('parseStrictJson: agrees with JSON.parse on valid JSON', () => {
  test.each([
    ['an object', '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}'],
    ['numbers', '[0, -1, 1.5, 1e3, -2.5E-3, 123456789012345678901234567890]'],
    ['escapes', '["\\"\\\\\\/\\b\\f\\n\\r\\t", "\\u00e9\\u20ac", "\\ud83d\\ude00", "é😀"]'],
    ['whitespace everywhere', ' \n\t{ "a" :\r\n [ 1 , 2 ] } \n'],
    ['scalars at the top', '"text"'],
    ['empty containers', '{"a": {}, "b": []}'],
  ])('GIVEN %s WHEN parsed THEN the value equals JSON.parse', (_name, text) => {
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  test('GIVEN a "__proto__" key WHEN parsed THEN it is an own property, as with JSON.parse (the schema then refuses it)', () => {
    const value = parseStrictJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('parseStrictJson: what JSON.parse lets through', () => {
  test('GIVEN a duplicate key WHEN parsed THEN the error names it, both lines and the pointer of the second', () => {
    const error = syntaxError('{\n "controlPlane": {"count": 1,\n  "count": 3}\n}');
    expect(error.problem).toBe('duplicate key "count" (first at line 2)');
    expect(error.pointer).toBe('/controlPlane/count');
    expect(error.line).toBe(3);
  });

  test.each([
    ['a lone high surrogate', '{"image": "a\\ud800b"}', /lone high surrogate/],
    ['a lone low surrogate', '{"image": "\\udc00"}', /lone low surrogate/],
    ['a high surrogate followed by a non-surrogate escape', '{"image": "\\ud800\\u0041"}', /lone high surrogate/],
  ])('GIVEN %s escaped WHEN parsed THEN it is refused at its pointer', (_name, text, problem) => {
    const error = syntaxError(text);
    expect(error.problem).toMatch(problem);
    expect(error.pointer).toBe('/image');
  });

  test(`GIVEN 10,000 levels of nesting WHEN parsed THEN a named error at level ${MAX_JSON_DEPTH + 1}, fast, no stack overflow`, () => {
    const started = Date.now();
    const error = syntaxError(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    expect(error.problem).toBe(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(error.pointer).toBe('/a'.repeat(MAX_JSON_DEPTH));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(syntaxError('['.repeat(100_000)).problem).toMatch(/nested deeper/);
  });

  test(`GIVEN exactly ${MAX_JSON_DEPTH} levels WHEN parsed THEN it is accepted`, () => {
    expect(() => parseStrictJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).not.toThrow();
  });
});

describe('parseStrictJson: syntax errors', () => {
  test.each([
    ['a trailing comma', '{ "provider": "hetzner", }', /trailing comma/, 1, 26],
    ['a missing comma', '{"a": 1\n "b": 2}', /unexpected """/, 2, 2],
    ['a comment', '{"a": 1 // no\n}', /unexpected "\/"/, 1, 9],
    ['single quotes', "{'a': 1}", /unexpected "'"/, 1, 2],
    ['a raw newline in a string', '{"a": "x\ny"}', /control character U\+000A inside a string/, 1, 9],
    ['an unterminated string', '{"a": "x', /unterminated string/, 1, 7],
    ['garbage after the document', '{} {}', /after the end of the document/, 1, 4],
    ['an empty file', '', /unexpected end of file/, 1, 1],
    ['a bad escape', '["\\x41"]', /invalid escape/, 1, 3],
    ['a leading zero', '[01]', /unexpected "1"/, 1, 3],
    ['NaN', '[NaN]', /unexpected "N"/, 1, 2],
  ])('GIVEN %s WHEN parsed THEN the problem, line and column are named', (_name, text, problem, line, column) => {
    const error = syntaxError(text);
    expect(error.problem).toMatch(problem);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.pointer).toBe('');
  });

  test('GIVEN a syntax error next to a secret WHEN reported THEN at most one character of the input is echoed', () => {
    const error = syntaxError('{"image": "AKIAIOSFODNN7EXAMPLE" x}');
    expect(error.message).not.toMatch(/AKIA/);
  });
});
