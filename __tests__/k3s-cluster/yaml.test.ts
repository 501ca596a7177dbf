import { parse } from 'yaml';
import { toYaml, yamlScalar } from '../../constructs/k3s-cluster/yaml';

describe('toYaml', () => {
  test('GIVEN nested maps and lists THEN a YAML 1.2 and a YAML 1.1 parser read back the same value', () => {
    const value = {
      plain: 'node-monitor-period=5s',
      words: ['yes', 'no', 'on', 'off', 'null', 'True', '~', 'y'],
      numbers: ['1.18', '010', '1e3', '0x1F', '1_000', '12:30', '10.42.0.0/16'],
      special: ['a: b', '#comment', '- item', '@@X@@~~', '"quoted"', "it's", 'tab\there', ''],
      integer: 1073741824,
      flags: [true, false],
      nothing: null,
      empty: { list: [], map: {} },
      nested: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, [1, 2]],
      block: 'line one\nline two\n',
      blockNoNewline: 'a: 1\nb: [2]',
      awkward: ' leading space\nsecond\n',
    };
    const text = toYaml(value);
    expect(parse(text)).toEqual(value);
    // YAML 1.1 (PyYAML, Go yaml.v2): booleans, octals, sexagesimals and underscores must stay strings.
    expect(parse(text, { version: '1.1' })).toEqual(value);
  });

  test('GIVEN strings with the line breaks YAML adds to \\n (U+0085, U+2028, U+2029) and other non-printables THEN they are escaped, never raw, and read back equal', () => {
    const odd = ['\u0085', '\u2028', '\u2029', '\u009f', '\u007f', '\ufeff', '\ufffe'];
    const value = {
      scalar: `https://git.example.test/fleet.git${odd[0]}runcmd: [reboot]`,
      list: odd.map((c) => `a${c}b: c`),
      block: `line one${odd[1]}evil: true\nline two\n`,
      [`key${odd[2]}x`]: 'v',
    };
    const text = toYaml(value);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe]/);
    expect(parse(text)).toEqual(value);
    expect(parse(text, { version: '1.1' })).toEqual(value);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('js-yaml').load(text)).toEqual(value);
  });

  test('is deterministic and keeps insertion order', () => {
    const text = toYaml({ b: 1, a: { d: 2, c: 3 } });
    expect(text).toBe('b: 1\na:\n  d: 2\n  c: 3\n');
    expect(toYaml({ b: 1, a: { d: 2, c: 3 } })).toBe(text);
  });

  test('lists under a key are not indented (Kubernetes style), maps in lists start on the dash line', () => {
    expect(toYaml({ disable: ['traefik', 'servicelb'], tolerations: [{ key: 'a', operator: 'Exists' }] })).toBe(
      'disable:\n- traefik\n- servicelb\ntolerations:\n- key: a\n  operator: Exists\n',
    );
  });

  test('multi-line strings become literal blocks', () => {
    expect(toYaml({ valuesContent: 'ipam:\n  mode: kubernetes\n' })).toBe('valuesContent: |\n  ipam:\n    mode: kubernetes\n');
  });

  test('undefined values are left out', () => {
    expect(toYaml({ a: 1, b: undefined })).toBe('a: 1\n');
  });

  test('refuses numbers YAML cannot hold', () => {
    expect(() => yamlScalar(Number.NaN)).toThrow(/cannot write the number NaN/);
  });
});
