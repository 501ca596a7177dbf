import { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { DnsStack } from '../../constructs/stacks/dns-stack';
import { parseSovereign } from '../../lib/config/load-sovereign';
import { PROJECT_DIR } from '../support/tools';

/**
 * The dns stack sets only attributes the real mmianl/powerdns 2.4.0 schema has (the dump in
 * ../shared/provider-schemas, which the bindings are generated from), with the types it declares.
 */
const SCHEMA_FILE = path.join(PROJECT_DIR, '..', 'shared', 'provider-schemas', 'powerdns-2.4.0.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const provider = schema.provider_schemas['registry.opentofu.org/mmianl/powerdns'];

test('GIVEN a dns stack using every placement, IPv6 and an unmanaged zone THEN every attribute it sets is in the real schema with a matching type', () => {
  const regions = ['hetzner-fsn1', 'hetzner-nbg1'];
  const applications = [
    { name: 'a', placement: { strategy: 'active-active', regions }, healthCheck: { type: 'http', path: '/healthz', expect: 'ok' } },
    { name: 'f', placement: { strategy: 'failover', groups: [[regions[0]], [regions[1]]] }, healthCheck: { type: 'tcp', port: 443 } },
    { name: 'g', placement: { strategy: 'geo', regions } },
    { name: 'w', placement: { strategy: 'weighted', weights: { [regions[0]]: 2, [regions[1]]: 1 } } },
    { name: 'u', placement: { strategy: 'weighted', weights: { [regions[0]]: 2, [regions[1]]: 1 }, healthChecked: false } },
    { name: 's', placement: { strategy: 'single', region: regions[0] } },
  ];
  const seen = new Map<string, Set<string>>();
  for (const manageZone of [true, false]) {
    const dns = parseSovereign('sovereign.json', JSON.stringify({ dns: { zone: 'sovereign.example.', manageZone, nameservers: ['ns1.sovereign.example.'], powerdnsVersion: '5.1', applications } }), regions)!;
    const app = new App({ outdir: '/tmp/unused' });
    const stack = new DnsStack(app, 'dns', { dns, regionAddresses: { [regions[0]]: { ipv4: '192.0.2.1', ipv6: '2001:db8::1' }, [regions[1]]: { ipv6: '2001:db8::2' } } });
    const tf = stack.toTerraform();
    for (const [type, blocks] of Object.entries(tf.resource as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const body of Object.values(blocks)) for (const key of Object.keys(body)) if (key !== 'lifecycle' && key !== '//') (seen.get(type) ?? seen.set(type, new Set()).get(type)!).add(key);
    }
    for (const key of Object.keys(tf.provider.powerdns[0])) (seen.get('provider') ?? seen.set('provider', new Set()).get('provider')!).add(key);
  }
  const problems: string[] = [];
  for (const [type, keys] of seen) {
    const block = type === 'provider' ? provider.provider.block : provider.resource_schemas[type]?.block;
    if (!block) {
      problems.push(`${type}: not in the schema`);
      continue;
    }
    for (const key of keys) {
      const attribute = block.attributes?.[key];
      if (!attribute) problems.push(`${type}.${key}: not an attribute`);
      else if (attribute.computed && !attribute.optional && !attribute.required) problems.push(`${type}.${key}: computed only`);
    }
  }
  expect(problems).toEqual([]);
  expect([...seen.keys()].sort()).toEqual(['powerdns_record', 'powerdns_zone', 'provider']);
  expect([...seen.get('powerdns_record')!].sort()).toEqual(['name', 'records', 'ttl', 'type', 'zone']);
  // records is a set of strings in the provider: duplicates collapse, order does not matter.
  expect(provider.resource_schemas.powerdns_record.block.attributes.records.type).toEqual(['set', 'string']);
});

test('GIVEN the pinned powerdns provider THEN its bindings are generated from the real dump in ../shared/provider-schemas (the drift test in __tests__/providers compares them)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { schemaFileOf } = require('../../scripts/generate-providers') as typeof import('../../scripts/generate-providers');
  const versions = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'versions.json'), 'utf8'));
  expect(versions.providers.powerdns.version).toBe('2.4.0');
  expect(schemaFileOf('powerdns', '2.4.0')).toBe(SCHEMA_FILE);
});
