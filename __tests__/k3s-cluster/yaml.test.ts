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
