import { App, TerraformOutput } from 'cdktf';
import { DnsStack } from '../../constructs/stacks/dns-stack';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { ConfigError } from '../../lib/config/errors';
import { parseSovereign } from '../../lib/config/load-sovereign';
import { DnsSpec, RegionEndpoint } from '../../lib/config/model';
import { HcloudProvider } from '../../providers/hcloud/provider';
import { LoadBalancer } from '../../providers/hcloud/load-balancer';

const REGIONS = ['hetzner-fsn1', 'hetzner-nbg1'];
const ADDRESSES: Record<string, RegionEndpoint> = { 'hetzner-fsn1': { ipv4: '192.0.2.10' }, 'hetzner-nbg1': { ipv4: '198.51.100.20' } };

function dnsSpec(applications: object[], extra: object = {}): DnsSpec {
  return parseSovereign('sovereign.json', JSON.stringify({ dns: { zone: 'sovereign.example.', nameservers: ['ns1.sovereign.example.'], applications, ...extra } }), REGIONS)!;
}

function synth(dns: DnsSpec, regionAddresses: Record<string, RegionEndpoint> = ADDRESSES) {
  const app = new App({ outdir: '/tmp/unused' });
  const stack = new DnsStack(app, 'dns', { dns, regionAddresses });
  return stack.toTerraform();
}

const record = (tf: any, name: string) => tf.resource.powerdns_record[Object.keys(tf.resource.powerdns_record).find((k) => k.startsWith(`failover_${name}_`))!];

describe('DnsStack', () => {
  test('GIVEN active-active over HTTPS THEN one LUA record with ifurlup over every region', () => {
    const tf = synth(dnsSpec([{ name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, healthCheck: { type: 'http', path: '/healthz', expect: 'ok' } }]));
    expect(record(tf, 'portal')).toMatchObject({
      zone: expect.stringMatching(/^\$\{powerdns_zone\.failover_zone_[0-9A-F]+\.name\}$/),
      name: 'portal.sovereign.example.',
      type: 'LUA',
      ttl: 30,
      records: ["A \"ifurlup('https://portal.sovereign.example/healthz', {'192.0.2.10', '198.51.100.20'}, {selector='all', timeout=2, stringmatch='ok'})\""],
    });
  });

  test('GIVEN ordered failover over TCP THEN ifportup with one group per step', () => {
    const tf = synth(dnsSpec([{ name: 'api', placement: { strategy: 'failover', groups: [['hetzner-fsn1'], ['hetzner-nbg1']] }, healthCheck: { type: 'tcp', port: 443 } }]));
    expect(record(tf, 'api').records).toEqual(["A \"ifportup(443, {{'192.0.2.10'}, {'198.51.100.20'}}, {selector='all', timeout=2})\""]);
  });

  test('GIVEN TCP failover for a 4.7 server THEN synth stops naming the application and the version needed', () => {
    const dns = dnsSpec([{ name: 'api', placement: { strategy: 'failover', groups: [['hetzner-fsn1'], ['hetzner-nbg1']] }, healthCheck: { type: 'tcp', port: 443 } }], { powerdnsVersion: '4.7' });
    expect(() => synth(dns)).toThrow(ConfigError);
    expect(() => synth(dns)).toThrow(/sovereign.json#\/dns\/applications\/0\/placement: application "api": .*4\.8/);
  });

  test('GIVEN weighted THEN a health check over each region repeated by its reduced weight, selector random; GIVEN single THEN a plain A record', () => {
    const tf = synth(dnsSpec([
      { name: 'www', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 60, 'hetzner-nbg1': 40 } }, healthCheck: { type: 'tcp', port: 443 } },
      { name: 'git', ttl: 300, placement: { strategy: 'single', region: 'hetzner-nbg1' } },
    ]));
    const [a, b] = ["'192.0.2.10'", "'198.51.100.20'"];
    expect(record(tf, 'www').records).toEqual([`A "ifportup(443, {${[a, a, a, b, b].join(', ')}}, {selector='random', timeout=2})"`]);
    expect(record(tf, 'git')).toMatchObject({ type: 'A', ttl: 300, records: ['198.51.100.20'] });
  });

  test('GIVEN weighted with healthChecked false THEN the unchecked pickwrandom with the weights as given', () => {
    const tf = synth(dnsSpec([{ name: 'www', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 70, 'hetzner-nbg1': 30 }, healthChecked: false } }]));
    expect(record(tf, 'www').records).toEqual(["A \"pickwrandom({{70, '192.0.2.10'}, {30, '198.51.100.20'}})\""]);
  });

  test('GIVEN weights that need more than 100 list entries THEN synth stops at the weights, saying why', () => {
    const dns = dnsSpec([{ name: 'www', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 71, 'hetzner-nbg1': 30 } } }]);
    expect(() => synth(dns)).toThrow(/sovereign\.json#\/dns\/applications\/0\/placement\/weights: application "www": .*71\/30 reduce to 71\/30, 101 list entries; at most 100/);
  });

  test('the zone and its NS records are managed unless manageZone is false', () => {
    const managed = synth(dnsSpec([]));
    expect(Object.values(managed.resource.powerdns_zone)).toEqual([expect.objectContaining({ name: 'sovereign.example.', kind: 'Native' })]);
    const external = synth(dnsSpec([], { manageZone: false }));
    expect(external.resource.powerdns_zone).toBeUndefined();
    expect(Object.values(external.resource.powerdns_record)[0]).toMatchObject({ zone: 'sovereign.example.', type: 'NS', records: ['ns1.sovereign.example.'] });
  });

  test('API URL and key are sensitive variables that may fall back to PDNS_* environment variables', () => {
    const tf = synth(dnsSpec([]));
    expect(tf.variable.powerdns_api_key).toMatchObject({ sensitive: true, nullable: true, default: null });
    expect(tf.variable.powerdns_server_url).toMatchObject({ sensitive: true, nullable: true, default: null });
    expect(tf.provider.powerdns[0]).toEqual({ api_key: '${var.powerdns_api_key}', server_url: '${var.powerdns_server_url}' });
    expect(tf.terraform.required_providers.powerdns).toEqual({ source: 'registry.opentofu.org/mmianl/powerdns', version: '2.4.0' });
  });
});

test('GIVEN a region address from another stack THEN the record reads it through remote state and checks it is IPv4 at plan time', () => {
  const app = new App({ outdir: '/tmp/unused' });
  const region = new OpenTofuStack(app, 'hetzner-fsn1');
  new HcloudProvider(region, 'hcloud', {});
  const lb = new LoadBalancer(region, 'lb', { name: 'lb', loadBalancerType: 'lb11', location: 'fsn1' });
  new TerraformOutput(region, 'ip', { value: lb.ipv4 });
  const dns = new DnsStack(app, 'dns', {
    dns: dnsSpec([{ name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, healthCheck: { type: 'tcp', port: 443 } }]),
    regionAddresses: { 'hetzner-fsn1': { ipv4: lb.ipv4 }, 'hetzner-nbg1': { ipv4: '198.51.100.20' } },
  });
  app.synth();
  const tf = dns.toTerraform();
  const portal = record(tf, 'portal');
  const remote = Object.keys(tf.data.terraform_remote_state)[0];
  expect(tf.data.terraform_remote_state[remote]).toMatchObject({ backend: 'local', config: { path: '../../../state/hetzner-fsn1/terraform.tfstate' } });
  expect(portal.records[0]).toMatch(new RegExp(`^A "ifportup\\(443, \\{'\\$\\{data\\.terraform_remote_state\\.${remote}\\.outputs\\.[^}]+\\}', '198\\.51\\.100\\.20'\\}, \\{selector='all', timeout=2\\}\\)"$`));
  expect(portal.records[0]).not.toContain('240.0.');
  expect(portal.lifecycle.precondition).toEqual([
    { condition: expect.stringMatching(/^\$\{can\(regex\(".*", data\.terraform_remote_state\./), error_message: expect.stringContaining('portal.sovereign.example.') },
  ]);
});

describe('addresses only known after apply', () => {
  function crossStack(_dns: DnsSpec, count: number) {
    const app = new App({ outdir: '/tmp/unused' });
    const region = new OpenTofuStack(app, 'hetzner-fsn1');
    new HcloudProvider(region, 'hcloud', {});
    const ips = Array.from({ length: count }, (_, i) => new LoadBalancer(region, `lb-${i}`, { name: `lb-${i}`, loadBalancerType: 'lb11', location: 'fsn1' }).ipv4);
    return { app, ips };
  }

  test('a single-region record takes the token itself', () => {
    const { app, ips } = crossStack(dnsSpec([]), 1);
    const stack = new DnsStack(app, 'dns', { dns: dnsSpec([{ name: 'git', placement: { strategy: 'single', region: 'hetzner-fsn1' } }]), regionAddresses: { 'hetzner-fsn1': { ipv4: ips[0] }, 'hetzner-nbg1': { ipv4: '198.51.100.20' } } });
    app.synth();
    expect(record(stack.toTerraform(), 'git').records).toEqual([expect.stringMatching(/^\$\{data\.terraform_remote_state\.[^}]+\}$/)]);
  });

  test('a LUA record over 255 bytes with such addresses is padded after each address to the placeholder length for servers before 5.0', () => {
    const regions = Array.from({ length: 12 }, (_, i) => `hetzner-r${i}`);
    const document = (version: string) => JSON.stringify({ dns: { zone: 'sovereign.example.', nameservers: ['ns1.sovereign.example.'], powerdnsVersion: version, applications: [{ name: 'wide', placement: { strategy: 'active-active', regions }, healthCheck: { type: 'http', path: '/healthz' } }] } });
    for (const [version, padded] of [['4.9', true], ['5.0', false]] as const) {
      const spec = parseSovereign('sovereign.json', document(version), regions)!;
      const { app, ips } = crossStack(spec, regions.length);
      const stack = new DnsStack(app, 'dns', { dns: spec, regionAddresses: Object.fromEntries(regions.map((r, i) => [r, { ipv4: ips[i] }])) });
      app.synth();
      const content: string = record(stack.toTerraform(), 'wide').records[0];
      const pads = content.match(/'\$\{data\.terraform_remote_state\.[^}]+\}'\$\{substr\("( {15})", 0, \(15 - length\(data\.terraform_remote_state\.[^)]+\)\)\)\}/g) ?? [];
      expect({ version, pads: pads.length }).toEqual({ version, pads: padded ? regions.length : 0 });
    }
  });

  test('GIVEN user text equal to a placeholder and a literal endpoint equal to one THEN only the address slots become remote-state reads (issue 11, item 5)', () => {
    const { app, ips } = crossStack(dnsSpec([]), 1);
    // The first placeholder of each set: 240.100.100.100 (set 0) and 241.100.100.100 (set 1).
    const dns = dnsSpec([
      { name: 'portal', placement: { strategy: 'active-active', regions: ['hetzner-fsn1'] }, healthCheck: { type: 'http', path: '/healthz', expect: '240.100.100.100' } },
      { name: 'git', placement: { strategy: 'single', region: 'hetzner-nbg1' } },
    ]);
    // The loader refuses such an endpoint (see below); DnsFailover must not rely on that.
    const stack = new DnsStack(app, 'dns', { dns, regionAddresses: { 'hetzner-fsn1': { ipv4: ips[0] }, 'hetzner-nbg1': { ipv4: '240.100.100.100' } } });
    app.synth();
    const tf = stack.toTerraform();
    expect(record(tf, 'portal').records).toEqual([expect.stringMatching(/^A "ifurlup\('https:\/\/portal\.sovereign\.example\/healthz', \{'\$\{data\.terraform_remote_state\.[^}]+\}'\}, \{selector='all', timeout=2, stringmatch='240\.100\.100\.100'\}\)"$/)]);
    expect(record(tf, 'git').records).toEqual(['240.100.100.100']);
    expect(record(tf, 'git').lifecycle).toBeUndefined();
    expect(() => dnsSpec([], { endpoints: { 'hetzner-nbg1': '240.100.100.100' } })).toThrow(/sovereign\.json#\/dns\/endpoints\/hetzner-nbg1: "240\.100\.100\.100" is in 240\.0\.0\.0\/4/);
    expect(() => dnsSpec([], { endpoints: { 'hetzner-nbg1': { ipv6: '100::7' } } })).toThrow(/sovereign\.json#\/dns\/endpoints\/hetzner-nbg1\/ipv6: "100::7" is in 100::\/64/);
  });
});

describe('IPv6: AAAA answers for regions with an IPv6 address', () => {
  const MIXED: Record<string, RegionEndpoint> = {
    'hetzner-fsn1': { ipv4: '192.0.2.10', ipv6: '2001:db8::10' },
    'hetzner-nbg1': { ipv6: '2001:db8::20' },
  };

  test('GIVEN active-active over a dual-stack and an IPv6-only region THEN one LUA record set: A over the IPv4 region, AAAA over both, same check', () => {
    const tf = synth(dnsSpec([{ name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, healthCheck: { type: 'tcp', port: 443 } }]), MIXED);
    expect(record(tf, 'portal').records).toEqual([
      "A \"ifportup(443, {'192.0.2.10'}, {selector='all', timeout=2})\"",
      "AAAA \"ifportup(443, {'2001:db8::10', '2001:db8::20'}, {selector='all', timeout=2})\"",
    ]);
  });

  test('GIVEN failover whose primary is IPv6-only THEN the A answer fails over to what IPv4 clients can reach and the AAAA answer keeps the order', () => {
    const tf = synth(dnsSpec([{ name: 'api', placement: { strategy: 'failover', groups: [['hetzner-nbg1'], ['hetzner-fsn1']] }, healthCheck: { type: 'tcp', port: 443 } }]), MIXED);
    expect(record(tf, 'api').records).toEqual([
      "A \"ifportup(443, {'192.0.2.10'}, {selector='all', timeout=2})\"",
      "AAAA \"ifportup(443, {{'2001:db8::20'}, {'2001:db8::10'}}, {selector='all', timeout=2})\"",
    ]);
  });

  test('GIVEN weighted THEN each family is weighted over its own regions', () => {
    const tf = synth(dnsSpec([{ name: 'www', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 2, 'hetzner-nbg1': 1 } }, healthCheck: { type: 'tcp', port: 443 } }]), MIXED);
    expect(record(tf, 'www').records).toEqual([
      "A \"ifportup(443, {'192.0.2.10'}, {selector='random', timeout=2})\"",
      "AAAA \"ifportup(443, {'2001:db8::10', '2001:db8::10', '2001:db8::20'}, {selector='random', timeout=2})\"",
    ]);
  });

  test('GIVEN single on a dual-stack region THEN a plain A record (same id as before) and a plain AAAA record; on an IPv6-only region only AAAA', () => {
    const tf = synth(dnsSpec([
      { name: 'git', placement: { strategy: 'single', region: 'hetzner-fsn1' } },
      { name: 'six', placement: { strategy: 'single', region: 'hetzner-nbg1' } },
    ]), MIXED);
    const keys = Object.keys(tf.resource.powerdns_record);
    expect(keys.filter((k) => k.startsWith('failover_git')).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(['failover_git', 'failover_git-aaaa']);
    expect(record(tf, 'git')).toMatchObject({ type: 'A', records: ['192.0.2.10'] });
    expect(record(tf, 'git-aaaa')).toMatchObject({ type: 'AAAA', name: 'git.sovereign.example.', records: ['2001:db8::10'] });
    expect(record(tf, 'six')).toMatchObject({ type: 'AAAA', records: ['2001:db8::20'] });
  });

  test('GIVEN an IPv6 address from another stack THEN an AAAA slot reads it and a precondition checks it is IPv6 of at most 39 characters', () => {
    const app = new App({ outdir: '/tmp/unused' });
    const region = new OpenTofuStack(app, 'hetzner-fsn1');
    new HcloudProvider(region, 'hcloud', {});
    const lb = new LoadBalancer(region, 'lb', { name: 'lb', loadBalancerType: 'lb11', location: 'fsn1' });
    const stack = new DnsStack(app, 'dns', {
      dns: dnsSpec([{ name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, healthCheck: { type: 'tcp', port: 443 } }]),
      regionAddresses: { 'hetzner-fsn1': { ipv4: lb.ipv4, ipv6: lb.ipv6 }, 'hetzner-nbg1': { ipv4: '198.51.100.20' } },
    });
    app.synth();
    const portal = record(stack.toTerraform(), 'portal');
    expect(portal.records[1]).toMatch(/^AAAA "ifportup\(443, \{'\$\{data\.terraform_remote_state\.[^}]+ipv6\}'\}, \{selector='all', timeout=2\}\)"$/);
    expect(portal.lifecycle.precondition.map((p: any) => p.condition)).toEqual([
      expect.stringMatching(/^\$\{can\(regex\(/),
      expect.stringMatching(/^\$\{\(can\(cidrhost\(format\("%s\/128", data\.terraform_remote_state\.[^)]+ipv6\), 0\)\) && \(length\(data\.terraform_remote_state\.[^)]+ipv6\) <= 39\)\)\}$/),
    ]);
  });
});

describe('a refused health check points at the field at fault (issue 11, item 4)', () => {
  test.each([
    ['expect with a NUL character', '/healthCheck/expect', { type: 'http', path: '/healthz', expect: 'ok\u0000' }, /NUL/],
    ['a path with a broken percent escape', '/healthCheck/path', { type: 'http', path: '/health%zz' }, /percent-encode/],
    ['a host longer than 253 characters', '/healthCheck/host', { type: 'http', host: `${['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(60)).join('.')}.example.` }, /invalid host/],
  ])('GIVEN %s THEN the error names /dns/applications/0%s', (_what, field, healthCheck, reason) => {
    // The input string rules refuse a NUL before the builder (issue 11, class 2): the spec is
    // loaded with a harmless value and given the NUL afterwards, to reach the builder's own refusal.
    const given = healthCheck as { expect?: string };
    const nul = given.expect?.includes('\u0000') ?? false;
    const loaded = dnsSpec([{ name: 'portal', placement: { strategy: 'active-active', regions: REGIONS }, healthCheck: nul ? { ...healthCheck, expect: 'ok' } : healthCheck }]);
    const dns = nul ? { ...loaded, applications: loaded.applications.map((a) => ({ ...a, healthCheck: { ...a.healthCheck!, expect: given.expect } })) } : loaded;
    let error: unknown;
    try {
      synth(dns);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^sovereign\\.json#/dns/applications/0${field.replace(/\//g, '\\/')}: application "portal": `));
    expect((error as Error).message).toMatch(reason);
  });
});
