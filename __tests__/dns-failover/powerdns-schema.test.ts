import { App } from 'cdktf';
import * as path from 'path';
import { DnsStack } from '../../constructs/stacks/dns-stack';
import { parseSovereign } from '../../lib/config/load-sovereign';
import { PROVIDER_PINS } from '../../lib/versions';
import { readSelections, schemaFileFor } from '../../scripts/generate-providers';
import { checkSchemaConformance, describeWithSchema, loadProviderSchema, sharedSchemaFile } from '../support/schema-conformance';

/**
 * The PowerDNS bindings come from the real mmianl/powerdns dump in ../shared/provider-schemas, and
 * every dns stack shape we synthesize (beyond the shipped example, which
 * __tests__/providers/schema-conformance.test.ts covers) conforms to it.
 */
const SCHEMA_FILE = sharedSchemaFile('powerdns', PROVIDER_PINS.powerdns.version);

test('GIVEN providers/bindings.json THEN the powerdns bindings are generated from the shared real dump of the pinned version', () => {
  expect(path.basename(SCHEMA_FILE)).toBe('powerdns-2.4.0.json');
  expect(schemaFileFor('powerdns', readSelections().powerdns, PROVIDER_PINS.powerdns.version)).toBe(SCHEMA_FILE);
});

describeWithSchema(SCHEMA_FILE)('dns stacks against the real powerdns 2.4.0 schema', () => {
  test('GIVEN every placement, IPv6, remote-state addresses and an unmanaged zone THEN every powerdns block conforms', () => {
    const powerdns = loadProviderSchema(SCHEMA_FILE, PROVIDER_PINS.powerdns.source);
    const regions = ['hetzner-fsn1', 'hetzner-nbg1'];
    const applications = [
      { name: 'a', placement: { strategy: 'active-active', regions }, healthCheck: { type: 'http', path: '/healthz', expect: 'ok' } },
      { name: 'f', placement: { strategy: 'failover', groups: [[regions[0]], [regions[1]]] }, healthCheck: { type: 'tcp', port: 443 } },
      { name: 'g', placement: { strategy: 'geo', regions } },
      { name: 'w', placement: { strategy: 'weighted', weights: { [regions[0]]: 2, [regions[1]]: 1 } } },
      { name: 'u', placement: { strategy: 'weighted', weights: { [regions[0]]: 2, [regions[1]]: 1 }, healthChecked: false } },
      { name: 's', placement: { strategy: 'single', region: regions[0] } },
    ];
    const checked: string[] = [];
    for (const [manageZone, version] of [[true, '5.1'], [false, '4.9']] as const) {
      const dns = parseSovereign('sovereign.json', JSON.stringify({ dns: { zone: 'sovereign.example.', manageZone, nameservers: ['ns1.sovereign.example.'], powerdnsVersion: version, applications } }), regions)!;
      const stack = new DnsStack(new App({ outdir: '/tmp/unused' }), 'dns', { dns, regionAddresses: { [regions[0]]: { ipv4: '192.0.2.1', ipv6: '2001:db8::1' }, [regions[1]]: { ipv6: '2001:db8::2' } } });
      const report = checkSchemaConformance(stack.toTerraform(), powerdns, 'powerdns');
      expect(report.problems).toEqual([]);
      checked.push(...report.checked);
    }
    expect(checked.filter((address) => address.startsWith('resource.powerdns_record.')).length).toBeGreaterThanOrEqual(14);
    expect(checked.some((address) => address.startsWith('resource.powerdns_zone.'))).toBe(true);
  });
});
