import { ConfigError } from '../../lib/config/errors';
import { parseEnvironment } from '../../lib/config/load-environments';
import { CLOUD_PROVIDERS } from '../../lib/config/regions';
import environmentSchema from '../../lib/config/schemas/environment.schema.json';
import { problemsOf } from '../support/config';

const FILE = 'environments/hetzner-fsn1/environment.json';
const VALID = {
  provider: 'hetzner',
  region: 'fsn1',
  network: { cidr: '10.10.0.0/16', subnetCidr: '10.10.1.0/24' },
  controlPlane: { count: 3, instanceType: 'cpx31' },
  agentPools: [{ name: 'workers', count: 2, instanceType: 'cpx41' }],
  adminCidrs: ['203.0.113.0/24'],
};

/** Parses a variant of VALID and returns the errors it raised (none → empty list). */
function errorsFor(document: unknown, text?: string, folder = 'hetzner-fsn1'): ConfigError[] {
  return problemsOf(() => parseEnvironment(FILE, folder, text ?? JSON.stringify(document)));
}

describe('parseEnvironment: a valid file', () => {
  test('yields the typed model with defaults filled in', () => {
    const env = parseEnvironment(FILE, 'hetzner-fsn1', JSON.stringify(VALID));
    expect(env).toMatchObject({
      name: 'hetzner-fsn1',
      provider: 'hetzner',
      image: 'ubuntu-24.04',
      controlPlane: { name: 'control-plane', count: 3, instanceType: 'cpx31', labels: {} },
      agentPools: [{ name: 'workers', count: 2 }],
      sshPublicKeys: [],
    });
  });

  test('derives the subnet from the network when not given', () => {
    const env = parseEnvironment(FILE, 'hetzner-fsn1', JSON.stringify({ ...VALID, network: { cidr: '10.20.0.0/16' } }));
    expect(env.network.subnetCidr).toBe('10.20.0.0/24');
  });
});

// The error table of docs/ERRORS.md: every row is one case here.
describe('parseEnvironment: the error table', () => {
  const cases: Array<[string, unknown, string | undefined, RegExp, string]> = [
    ['invalid JSON', undefined, '{ "provider": "hetzner", }', /invalid JSON at line 1, column 2\d/, ''],
    ['schema violation (wrong type)', { ...VALID, controlPlane: { count: 'three', instanceType: 'cpx31' } }, undefined, /must be integer/, '/controlPlane/count'],
    ['schema violation (unknown property)', { ...VALID, nodes: 3 }, undefined, /unknown property "nodes".*allowed: provider, region/, '/nodes'],
    ['missing property', { ...VALID, region: undefined }, undefined, /missing required property "region"/, '/region'],
    ['unknown provider', { ...VALID, provider: 'digitalocean' }, undefined, /must be one of.*allowed: hetzner/, '/provider'],
    ['unknown region', { ...VALID, region: 'fra1' }, undefined, /unknown hetzner region "fra1".*allowed: fsn1, nbg1, hel1/, '/region'],
    ['even server count', { ...VALID, controlPlane: { count: 2, instanceType: 'cpx31' } }, undefined, /server count 2 is even.*allowed: 1, 3, 5/, '/controlPlane/count'],
    ['bad CIDR', { ...VALID, network: { cidr: '10.10.0.1/16' } }, undefined, /not an IPv4 CIDR with the host bits zero/, '/network/cidr'],
    ['subnet outside network', { ...VALID, network: { cidr: '10.10.0.0/16', subnetCidr: '10.11.0.0/24' } }, undefined, /not inside network 10.10.0.0\/16/, '/network/subnetCidr'],
    ['admin CIDR overlapping the network', { ...VALID, adminCidrs: ['10.0.0.0/8'] }, undefined, /overlaps the private network/, '/adminCidrs/0'],
    ['duplicate pool names', { ...VALID, agentPools: [{ name: 'a', count: 1, instanceType: 'cx22' }, { name: 'a', count: 1, instanceType: 'cx22' }] }, undefined, /pool name "a" is already used at \/agentPools\/0/, '/agentPools/1/name'],
    ['pool name not DNS-safe', { ...VALID, agentPools: [{ name: 'Web_1', count: 1, instanceType: 'cx22' }] }, undefined, /does not have the required form/, '/agentPools/0/name'],
    ['implausible instance type', { ...VALID, controlPlane: { count: 1, instanceType: 't3.large' } }, undefined, /"t3.large" is not a hetzner instance type/, '/controlPlane/instanceType'],
    ['credentials (key name)', { ...VALID, hcloudToken: 'x' }, undefined, /"hcloudToken" looks like a credential.*tofu.tfvars/, '/hcloudToken'],
    ['credentials (value)', { ...VALID, labels: { key: 'AKIAABCDEFGHIJKLMNOP' } }, undefined, /looks like a credential/, '/labels/key'],
    ['credentials (inside a value)', { ...VALID, cluster: { flux: { url: 'https://git.example.test/AKIAIOSFODNN7EXAMPLE/fleet.git' } } }, undefined, /looks like a credential \(an AWS access key id\); it is not repeated here/, '/cluster/flux/url'],
    ['template sequence', { ...VALID, sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 ops ${nonsensitive(var.hcloud_token)}'] }, undefined, /contains "\$\{", which OpenTofu would evaluate as a template expression/, '/sshPublicKeys/0'],
    ['control character or line break', { ...VALID, cluster: { flux: { url: 'https://git.example.test/fleet.git\u0085evil: true' } } }, undefined, /contains the control character U\+0085 \(NEXT LINE, a line break to YAML\)/, '/cluster/flux/url'],
    ['duplicate key', undefined, '{"provider": "hetzner", "region": "fsn1", "network": {"cidr": "10.10.0.0/16"}, "controlPlane": {"count": 1, "instanceType": "cpx31", "count": 3}}', /invalid JSON at line 1, column 1\d\d: duplicate key "count"/, '/controlPlane/count'],
    ['lone surrogate', undefined, '{"provider": "hetzner", "image": "\\ud800"}', /lone high surrogate/, '/image'],
    ['nested too deep', undefined, `{"labels": ${'['.repeat(100)}${']'.repeat(100)}}`, /nested deeper than 64 levels/, `/labels${'/0'.repeat(63)}`],
  ];

  test.each(cases)('%s', (_name, document, text, message, at) => {
    const errors = errorsFor(document, text);
    expect(errors.length).toBeGreaterThan(0);
    const match = errors.find((e) => message.test(e.message));
    expect(match).toBeDefined();
    expect(match!.file).toBe(FILE);
    expect(match!.pointer).toBe(at);
    expect(match!.message.startsWith(`${FILE}${at ? `#${at}` : ''}: `)).toBe(true);
  });

  test('a folder not named <provider>-<region>[-<suffix>] is rejected', () => {
    const [error] = errorsFor(VALID, undefined, 'prod');
    expect(error.message).toMatch(/folder "prod" does not match.*environments\/hetzner-fsn1\//);
    expect(errorsFor(VALID, undefined, 'hetzner-fsn1-staging')).toEqual([]);
    expect(errorsFor(VALID, undefined, 'hetzner-fsn1x')).toHaveLength(1);
  });

  test('a long folder name is refused where the server names exceed 63 characters', () => {
    const folder = `hetzner-fsn1-${'a'.repeat(45)}`;
    expect(errorsFor(VALID, undefined, folder).map((e) => e.pointer)).toEqual(['/controlPlane', '/agentPools/0/name']);
    expect(errorsFor(VALID, undefined, `hetzner-fsn1-${'a'.repeat(30)}`)).toEqual([]);
  });

  test('several problems are reported together', () => {
    const errors = errorsFor({ ...VALID, region: 'fra1', controlPlane: { count: 2, instanceType: 'cpx31' } });
    expect(errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/region', '/controlPlane/count']));
  });
});

test('the schema file lists exactly the supported providers', () => {
  expect(environmentSchema.properties.provider.enum).toEqual(CLOUD_PROVIDERS);
});

test('the state section of both schema files is the one state-config.ts validates', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { STATE_JSON_SCHEMA } = require('../../lib/config/state-config');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sovereignSchema = require('../../lib/config/schemas/sovereign.schema.json');
  expect((environmentSchema.properties as Record<string, unknown>).state).toEqual(STATE_JSON_SCHEMA);
  expect(sovereignSchema.properties.state).toEqual(STATE_JSON_SCHEMA);
});
