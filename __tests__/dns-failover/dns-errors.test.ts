import { App } from 'cdktf';
import { DnsStack } from '../../constructs/stacks/dns-stack';
import { ConfigError, ConfigErrors } from '../../lib/config/errors';
import { parseSovereign } from '../../lib/config/load-sovereign';

/** The sovereign.json DNS rows of docs/ERRORS.md: every row is at least one case here (file#pointer: message). */
const REGIONS = ['hetzner-fsn1', 'hetzner-nbg1'];
const document = (dns: object) => JSON.stringify({ dns: { zone: 'sovereign.example.', nameservers: ['ns1.sovereign.example.'], applications: [], ...dns } });
const app = (extra: object) => ({ name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, ...extra });

/** All problems of loading and synthesizing `dns`, as `pointer: message` lines. */
function problems(dns: object): string[] {
  try {
    const spec = parseSovereign('sovereign.json', document(dns), REGIONS)!;
    new DnsStack(new App({ outdir: '/tmp/unused' }), 'dns', { dns: spec, regionAddresses: { 'hetzner-fsn1': { ipv4: '192.0.2.10' }, 'hetzner-nbg1': { ipv4: '198.51.100.20' } } });
    return [];
  } catch (e) {
    const list = e instanceof ConfigErrors ? e.errors : e instanceof ConfigError ? [e] : [];
    if (list.length === 0) throw e;
    return list.map((error) => error.message);
  }
}

describe('sovereign.json DNS: the error table of docs/ERRORS.md', () => {
  test.each([
    ['endpoint not an IPv4 address', { endpoints: { 'hetzner-fsn1': '192.0.2.300' } }, /^sovereign\.json#\/dns\/endpoints\/hetzner-fsn1: "192\.0\.2\.300" is not an IPv4 address/],
    ['endpoint not an IPv6 address (zone index)', { endpoints: { 'hetzner-fsn1': { ipv6: 'fe80::1%eth0' } } }, /^sovereign\.json#\/dns\/endpoints\/hetzner-fsn1\/ipv6: "fe80::1%eth0" is not an IPv6 address/],
    ['endpoint in 240.0.0.0/4', { endpoints: { 'hetzner-fsn1': { ipv4: '240.1.2.3' } } }, /^sovereign\.json#\/dns\/endpoints\/hetzner-fsn1\/ipv4: "240\.1\.2\.3" is in 240\.0\.0\.0\/4, which is reserved/],
    ['endpoint in 100::/64', { endpoints: { 'hetzner-fsn1': { ipv6: '0100:0:0:0::1' } } }, /^sovereign\.json#\/dns\/endpoints\/hetzner-fsn1\/ipv6: "0100:0:0:0::1" is in 100::\/64, the discard prefix/],
    ['weights too fine-grained', { applications: [{ name: 'www', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 71, 'hetzner-nbg1': 30 } } }] }, /^sovereign\.json#\/dns\/applications\/0\/placement\/weights: application "www": .*the weights 71\/30 reduce to 71\/30, 101 list entries; at most 100/],
    ['function or option newer than the target', { powerdnsVersion: '4.7', applications: [{ name: 'api', placement: { strategy: 'failover', groups: [['hetzner-fsn1'], ['hetzner-nbg1']] }, healthCheck: { type: 'tcp', port: 443 } }] }, /^sovereign\.json#\/dns\/applications\/0\/placement: application "api": ifportup with address groups needs PowerDNS 4\.8 or later; target is 4\.7$/],
    // A NUL is refused by the input string rules before the Lua builder sees it (the builder's own
    // refusal, for specs that bypass the loader, is mapped to the same pointer: stacks/dns-stack.test.ts).
    ['health check: expect', { applications: [app({ healthCheck: { type: 'http', expect: 'ok\u0000' } })] }, /^sovereign\.json#\/dns\/applications\/0\/healthCheck\/expect: contains the control character U\+0000/],
    ['health check: path', { applications: [app({ healthCheck: { type: 'http', path: '/a%zz' } })] }, /^sovereign\.json#\/dns\/applications\/0\/healthCheck\/path: application "portal": ifurlup: url .* contains "%", which a URL may not contain unencoded/],
    ['health check: host', { applications: [app({ healthCheck: { type: 'http', host: `${['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join('.')}.example.` } })] }, /^sovereign\.json#\/dns\/applications\/0\/healthCheck\/host: application "portal": ifurlup: url .* has an invalid host/],
  ])('GIVEN %s THEN one error with file#pointer and the reason', (_what, dns, expected) => {
    const found = problems(dns);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(expected);
  });
});
