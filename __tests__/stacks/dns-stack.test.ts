import { App, TerraformOutput } from 'cdktf';
import { DnsStack } from '../../constructs/stacks/dns-stack';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { ConfigError } from '../../lib/config/errors';
import { parseSovereign } from '../../lib/config/load-sovereign';
import { DnsSpec } from '../../lib/config/model';
import { HcloudProvider } from '../../providers/hcloud/provider';
import { LoadBalancer } from '../../providers/hcloud/load-balancer';

const REGIONS = ['hetzner-fsn1', 'hetzner-nbg1'];
const ADDRESSES = { 'hetzner-fsn1': '192.0.2.10', 'hetzner-nbg1': '198.51.100.20' };

function dnsSpec(applications: object[], extra: object = {}): DnsSpec {
  return parseSovereign('sovereign.json', JSON.stringify({ dns: { zone: 'sovereign.example.', nameservers: ['ns1.sovereign.example.'], applications, ...extra } }), REGIONS)!;
}

function synth(dns: DnsSpec, regionAddresses: Record<string, string> = ADDRESSES) {
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

  test('GIVEN weighted THEN pickwrandom with the weights; GIVEN single THEN a plain A record', () => {
    const tf = synth(dnsSpec([
      { name: 'www', placement: { strategy: 'weighted', weights: { 'hetzner-fsn1': 70, 'hetzner-nbg1': 30 } } },
      { name: 'git', ttl: 300, placement: { strategy: 'single', region: 'hetzner-nbg1' } },
    ]));
    expect(record(tf, 'www').records).toEqual(["A \"pickwrandom({{70, '192.0.2.10'}, {30, '198.51.100.20'}})\""]);
    expect(record(tf, 'git')).toMatchObject({ type: 'A', ttl: 300, records: ['198.51.100.20'] });
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
    regionAddresses: { 'hetzner-fsn1': lb.ipv4, 'hetzner-nbg1': '198.51.100.20' },
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
    const stack = new DnsStack(app, 'dns', { dns: dnsSpec([{ name: 'git', placement: { strategy: 'single', region: 'hetzner-fsn1' } }]), regionAddresses: { 'hetzner-fsn1': ips[0], 'hetzner-nbg1': '198.51.100.20' } });
    app.synth();
    expect(record(stack.toTerraform(), 'git').records).toEqual([expect.stringMatching(/^\$\{data\.terraform_remote_state\.[^}]+\}$/)]);
  });

  test('a LUA record over 255 bytes with such addresses is refused for servers before 5.0', () => {
    const regions = Array.from({ length: 12 }, (_, i) => `hetzner-r${i}`);
    const spec = parseSovereign('sovereign.json', JSON.stringify({ dns: { zone: 'sovereign.example.', nameservers: ['ns1.sovereign.example.'], powerdnsVersion: '4.9', applications: [{ name: 'wide', placement: { strategy: 'active-active', regions }, healthCheck: { type: 'http', path: '/healthz' } }] } }), regions)!;
    const { app, ips } = crossStack(spec, regions.length);
    const regionAddresses = Object.fromEntries(regions.map((r, i) => [r, ips[i]]));
    expect(() => new DnsStack(app, 'dns', { dns: spec, regionAddresses })).toThrow(/application "wide": the record is longer than 255 bytes.*allowed: literal addresses in dns.endpoints/);
    const literal = Object.fromEntries(regions.map((r, i) => [r, `192.0.2.${i + 1}`]));
    expect(() => new DnsStack(new App({ outdir: '/tmp/unused' }), 'dns', { dns: spec, regionAddresses: literal })).not.toThrow();
  });
});
