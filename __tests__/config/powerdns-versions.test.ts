import * as fs from 'fs';
import * as path from 'path';
import { compareReleases, DEFAULT_PDNS_VERSION, isPdnsVersion, PDNS_VERSIONS } from '../../lib/config/powerdns-versions';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'config', 'schemas', 'sovereign.schema.json'), 'utf8'));
const property = schema.definitions.dns.properties.powerdnsVersion;

describe('the supported PowerDNS release lines (lib/config/powerdns-versions.ts)', () => {
  test('GIVEN sovereign.schema.json THEN its powerdnsVersion enum is exactly PDNS_VERSIONS and it documents the default', () => {
    expect(property.enum).toEqual([...PDNS_VERSIONS]);
    expect(property.description).toContain(`Default: ${DEFAULT_PDNS_VERSION}.`);
  });

  test('GIVEN the list THEN it is sorted oldest first, holds the default, and isPdnsVersion accepts exactly its members', () => {
    expect([...PDNS_VERSIONS].sort(compareReleases)).toEqual([...PDNS_VERSIONS]);
    expect(PDNS_VERSIONS).toContain(DEFAULT_PDNS_VERSION);
    for (const version of PDNS_VERSIONS) expect(isPdnsVersion(version)).toBe(true);
    for (const other of ['4.6', '4.10', '5.1.5', '5', '', 4.9, undefined]) expect(isPdnsVersion(other)).toBe(false);
  });

  test('GIVEN releases with patch levels THEN compareReleases orders by major.minor only', () => {
    expect(compareReleases('4.9.18', '4.9')).toBe(0);
    expect(compareReleases('4.10', '4.9')).toBe(1);
    expect(compareReleases('5.1.5', '5.0')).toBe(1);
    expect(compareReleases('4.7', '5.0')).toBe(-1);
    expect(compareReleases('not a release', '4.7')).toBe(-1);
  });
});
