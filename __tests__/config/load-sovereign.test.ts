import { ConfigError } from '../../lib/config/errors';
import { parseSovereign } from '../../lib/config/load-sovereign';
import { problemsOf } from '../support/config';

const FILE = 'sovereign.json';
const REGIONS = ['hetzner-fsn1', 'hetzner-nbg1'];
const VALID = {
  dns: {
    zone: 'sovereign.example.',
    nameservers: ['ns1.sovereign.example.'],
    applications: [
      { name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, healthCheck: { type: 'http', path: '/healthz', expect: 'ok' } },
      { name: 'api', placement: { strategy: 'failover', groups: [['hetzner-fsn1'], ['hetzner-nbg1']] }, healthCheck: { type: 'tcp', port: 443 } },
    ],
  },
};

function errorsFor(document: unknown): ConfigError[] {
  return problemsOf(() => parseSovereign(FILE, JSON.stringify(document), REGIONS));
}

const withApp = (app: object) => ({ dns: { ...VALID.dns, applications: [app] } });

test('GIVEN a valid file THEN applications get FQDNs, TTLs and health check defaults', () => {
  const dns = parseSovereign(FILE, JSON.stringify(VALID), REGIONS)!;
  expect(dns).toMatchObject({ zone: 'sovereign.example.', manageZone: true, powerdnsVersion: '4.9', endpoints: {} });
  expect(dns.applications[0]).toMatchObject({
    name: 'portal',
    at: '/dns/applications/0',
    fqdn: 'portal.sovereign.example.',
    ttl: 30,
    healthCheck: { type: 'http', scheme: 'https', path: '/healthz', host: 'portal.sovereign.example', expect: 'ok', timeout: 2 },
  });
  expect(dns.applications[1].healthCheck).toEqual({ type: 'tcp', port: 443, timeout: 2 });
});

test('the apex is written @', () => {
  const dns = parseSovereign(FILE, JSON.stringify(withApp({ name: 'root', hostname: '@', placement: { strategy: 'single', region: 'hetzner-fsn1' } })), REGIONS)!;
  expect(dns.applications[0].fqdn).toBe('sovereign.example.');
});

test('a file without dns yields no DNS spec', () => {
  expect(parseSovereign(FILE, '{}', REGIONS)).toBeUndefined();
});

describe('errors name file, pointer and what is allowed', () => {
  test.each<[string, unknown, RegExp, string]>([
    ['unknown region', withApp({ name: 'a', placement: { strategy: 'active-active', regions: ['aws-eu-central-1'] } }), /unknown region "aws-eu-central-1".*allowed: hetzner-fsn1, hetzner-nbg1/, '/dns/applications/0/placement/regions/0'],
    ['region twice', withApp({ name: 'a', placement: { strategy: 'failover', groups: [['hetzner-fsn1'], ['hetzner-fsn1']] } }), /region "hetzner-fsn1" appears twice/, '/dns/applications/0/placement/groups/1/0'],
    ['zone without trailing dot', { dns: { ...VALID.dns, zone: 'sovereign.example' } }, /does not have the required form/, '/dns/zone'],
    ['unknown strategy', withApp({ name: 'a', placement: { strategy: 'round-robin', regions: REGIONS } }), /must be one of.*active-active, failover, geo, weighted, single/, '/dns/applications/0/placement/strategy'],
    ['failover with one group', withApp({ name: 'a', placement: { strategy: 'failover', groups: [['hetzner-fsn1']] } }), /must NOT have fewer than 2 items/, '/dns/applications/0/placement/groups'],
    ['weight zero', withApp({ name: 'a', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 0 } } }), /must be >= 1/, '/dns/applications/0/placement/weights/hetzner-fsn1'],
    ['tcp check without port', withApp({ name: 'a', placement: { strategy: 'single', region: 'hetzner-fsn1' }, healthCheck: { type: 'tcp' } }), /missing required property "port"/, '/dns/applications/0/healthCheck/port'],
    ['endpoint not an IP', { dns: { ...VALID.dns, endpoints: { 'hetzner-fsn1': 'lb.example' } } }, /"lb.example" is not an IPv4 address/, '/dns/endpoints/hetzner-fsn1'],
    ['credential', { dns: { ...VALID.dns, apiKey: 'secret' } }, /"apiKey" looks like a credential/, '/dns/apiKey'],
  ])('%s', (_name, document, message, at) => {
    const errors = errorsFor(document);
    const match = errors.find((e) => message.test(e.message));
    expect({ match: match?.message, all: errors.map((e) => e.message) }).toEqual({ match: expect.stringMatching(message), all: expect.anything() });
    expect(match!.pointer).toBe(at);
    expect(match!.file).toBe(FILE);
  });

  test('duplicate names and hostnames', () => {
    const app = { name: 'a', placement: { strategy: 'single', region: 'hetzner-fsn1' } };
    const errors = errorsFor({ dns: { ...VALID.dns, applications: [app, app] } });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/#\/dns\/applications\/1\/name: application name "a" is already used at \/dns\/applications\/0/),
      expect.stringMatching(/#\/dns\/applications\/1\/hostname: a.sovereign.example. is already served by \/dns\/applications\/0/),
    ]);
  });
});
