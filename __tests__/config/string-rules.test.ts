import { parseEnvironment } from '../../lib/config/load-environments';
import { inputStringProblems, stringProblem } from '../../lib/config/string-rules';
import { problemsOf } from '../support/config';

describe('stringProblem: OpenTofu template sequences', () => {
  test.each(['ops ${nonsensitive(var.hcloud_token)}', '${file("/etc/passwd")}', '%{ if true }x%{ endif }', 'a$${b}', 'x%%{y}'])('GIVEN %j WHEN checked THEN refused', (text) => {
    expect(stringProblem(text)?.[0]).toMatch(/contains "[$%]\{", which OpenTofu would evaluate as a template expression/);
  });

  test.each(['$HOME', '100%', 'a$ {b}', '% {x}', '{}', '$', '%', 'a}${'.slice(0, 2)])('GIVEN %j (no "${" or "%%{") WHEN checked THEN accepted', (text) => {
    expect(stringProblem(text)).toBeUndefined();
  });
});

describe('stringProblem: characters with a meaning to YAML, shells or terminals', () => {
  const cases: Array<[string, string]> = [
    ['U+0085 NEXT LINE', 'https://git.example.test/fleet.git\u0085evil: true'],
    ['U+0000', 'a\u0000b'],
    ['U+000A', 'a\nb'],
    ['U+001B (a terminal escape)', '\u001b[2J'],
    ['U+007F', 'a\u007f'],
    ['U+009F', 'a\u009f'],
    ['U+2028', 'a\u2028b'],
    ['U+2029', 'a\u2029b'],
    ['U+202E (right-to-left override)', 'a\u202eb'],
    ['U+2066', 'a\u2066b'],
    ['U+FEFF', '\ufeffa'],
    ['U+FDD0', 'a\ufdd0'],
    ['U+FFFE', 'a\ufffe'],
    ['U+FFFF', 'a\uffff'],
    ['U+1FFFE', 'a\u{1fffe}'],
    ['U+10FFFF', 'a\u{10ffff}'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
  ];
  test.each(cases)('GIVEN a string with %s WHEN checked THEN refused, naming the code point and its position', (_name, text) => {
    const [problem, allowed] = stringProblem(text) ?? [];
    expect(problem).toMatch(/^contains .*U\+[0-9A-F]{4,6}.* at character \d+$/);
    expect(allowed).toMatch(/printable text/);
  });

  test('GIVEN U+0085 WHEN refused THEN the message says what YAML makes of it', () => {
    expect(stringProblem('a\u0085b')?.[0]).toBe('contains the control character U+0085 (NEXT LINE, a line break to YAML) at character 2');
  });

  test.each(['José Müller', 'ops@例え.jp', '😀 emoji', 'Ünïcödé'])('GIVEN printable non-ASCII text %j WHEN checked THEN accepted', (text) => {
    expect(stringProblem(text)).toBeUndefined();
  });
});

describe('inputStringProblems: every string of a document, keys included', () => {
  test('GIVEN problems in values, array items and keys WHEN scanned THEN each is reported at its pointer, sorted', () => {
    const errors = inputStringProblems('f.json', {
      image: 'x${y}',
      sshPublicKeys: ['ok', 'a\u0085b'],
      labels: { 'k%{x}': 'v', 'a/b': 'AKIAIOSFODNN7EXAMPLE' },
      nested: [[{ deep: '\u2028' }]],
      apiToken: 'whatever',
    });
    expect(errors.map((e) => e.pointer)).toEqual(['/apiToken', '/image', '/labels/a~1b', '/labels/k%{x}', '/nested/0/0/deep', '/sshPublicKeys/1']);
  });

  test('GIVEN a credential WHEN reported THEN the value is not repeated', () => {
    const [error] = inputStringProblems('f.json', { image: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' });
    expect(error.message).toBe("f.json#/image: this value looks like a credential (a GitHub token); it is not repeated here (allowed: credentials belong in tofu.tfvars (git-ignored, mode 0600, written by `sovereign init`) or the provider's environment variables)");
  });

  test('GIVEN a document nested 100,000 levels WHEN scanned THEN no stack overflow', () => {
    let deep: unknown = 'x${y}';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(inputStringProblems('f.json', deep)).toHaveLength(1);
  });
});

describe('many problems in one file', () => {
  test('GIVEN 100,000 wrong items WHEN parsed THEN 50 are listed and the rest counted', () => {
    const errors = problemsOf(() => parseEnvironment('f.json', 'hetzner-fsn1', JSON.stringify({ adminCidrs: Array.from({ length: 100_000 }, () => 'a\u0085') })));
    expect(errors).toHaveLength(51);
    expect(errors[50].message).toBe('f.json: and 99950 more problems not listed (allowed: fix the ones above first)');
  });
});
