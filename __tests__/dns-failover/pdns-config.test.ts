import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PdnsServerConfigProps, renderPdnsConfig } from '../../constructs/dns-failover/pdns-config';
import { pdnsVersion, toolPath } from '../support/pdns';
import { itWithTool, PROJECT_DIR } from '../support/tools';

const TEMPLATE = fs.readFileSync(path.join(PROJECT_DIR, 'templates', 'pdns.conf.hbs'), 'utf8');
const BASE: PdnsServerConfigProps = { api: { apiKey: 'key-from-a-sensitive-variable' } };

/** Parses pdns.conf into key → value, failing on a repeated key (PowerDNS would keep the last). */
function parse(conf: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const line of conf.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) throw new Error(`not a key=value line: "${line}"`);
    const key = line.slice(0, eq);
    if (settings.has(key)) throw new Error(`setting ${key} appears twice`);
    settings.set(key, line.slice(eq + 1));
  }
  return settings;
}

const render = (props: Partial<PdnsServerConfigProps> = {}) => parse(renderPdnsConfig(TEMPLATE, { ...BASE, ...props }));

describe('renderPdnsConfig', () => {
  test.each(['4.7', '4.9', '5.1'])('GIVEN target %s THEN the LUA GSLB settings are on', (targetVersion) => {
    const settings = render({ targetVersion });
    expect(Object.fromEntries(settings)).toMatchObject({
      'launch': 'gsqlite3',
      'gsqlite3-database': '/var/lib/powerdns/pdns.sqlite3',
      'gsqlite3-dnssec': 'no',
      'enable-lua-records': 'shared',
      'edns-subnet-processing': 'yes',
      'lua-health-checks-interval': '1',
      'local-address': '0.0.0.0, ::',
      'local-port': '53',
      'api': 'yes',
      'api-key': 'key-from-a-sensitive-variable',
      'webserver': 'yes',
      'webserver-address': '127.0.0.1',
      'webserver-port': '8081',
      'webserver-allow-from': '127.0.0.1/32,::1/128',
    });
    expect(settings.has('lua-health-checks-expire-delay')).toBe(false);
    expect(settings.has('default-soa-content')).toBe(false);
    expect([...settings.keys()].some((k) => k.startsWith('geoip-'))).toBe(false);
  });

  test.each([
    ['4.7', false],
    ['4.9', false],
    ['5.0', false],
    ['5.1', true],
    ['5.2.1', true],
  ])('GIVEN target %s THEN enable-lua-record-updates is present: %s', (targetVersion, present) => {
    const settings = render({ targetVersion: targetVersion as string });
    expect(settings.get('enable-lua-record-updates')).toBe(present ? 'yes' : undefined);
  });

  test('GIVEN no target THEN it renders for 4.9', () => {
    const conf = renderPdnsConfig(TEMPLATE, BASE);
    expect(conf).toMatch(/^# PowerDNS Authoritative Server 4\.9 /);
    expect(parse(conf).has('enable-lua-record-updates')).toBe(false);
  });

  test('GIVEN every option THEN each lands on its line', () => {
    const settings = render({
      targetVersion: '5.1',
      api: { apiKey: '${TfToken[TOKEN.7]}', address: '10.0.0.5', port: 8443, allowFrom: ['10.0.0.0/8', '192.0.2.7/32'] },
      dns: { addresses: ['192.0.2.1', '[2001:db8::1]:5353'], port: 5300 },
      sqliteDatabase: '/srv/pdns/zones.sqlite3',
      luaHealthCheckInterval: 2,
      luaHealthCheckExpireDelay: 600,
      geoipDatabaseFiles: ['mmdb:/usr/share/GeoIP/GeoLite2-City.mmdb', '/usr/share/GeoIP/GeoIPv6.dat'],
      defaultSoaContent: 'ns1.example.org. hostmaster.@ 0 10800 3600 604800 3600',
    });
    expect(Object.fromEntries(settings)).toEqual({
      'launch': 'gsqlite3,geoip',
      'gsqlite3-database': '/srv/pdns/zones.sqlite3',
      'gsqlite3-dnssec': 'no',
      'geoip-database-files': 'mmdb:/usr/share/GeoIP/GeoLite2-City.mmdb,/usr/share/GeoIP/GeoIPv6.dat',
      'enable-lua-records': 'shared',
      'enable-lua-record-updates': 'yes',
      'lua-health-checks-interval': '2',
      'lua-health-checks-expire-delay': '600',
      'edns-subnet-processing': 'yes',
      'local-address': '192.0.2.1, [2001:db8::1]:5353',
      'local-port': '5300',
      'default-soa-content': 'ns1.example.org. hostmaster.@ 0 10800 3600 604800 3600',
      'api': 'yes',
      'api-key': '${TfToken[TOKEN.7]}',
      'webserver': 'yes',
      'webserver-address': '10.0.0.5',
      'webserver-port': '8443',
      'webserver-allow-from': '10.0.0.0/8,192.0.2.7/32',
    });
  });

  test('GIVEN geo without database files THEN it is rejected', () => {
    expect(() => render({ geo: true })).toThrow(/geoipDatabaseFiles must list at least one database when geo is true/);
    expect(() => render({ geo: false, geoipDatabaseFiles: ['/x.mmdb'] })).toThrow(/geoipDatabaseFiles is set but geo is false/);
  });

  test.each<[string, Partial<PdnsServerConfigProps>, RegExp]>([
    ['api port 0', { api: { apiKey: 'k', port: 0 } }, /^api\.port 0 must be an integer from 1 to 65535$/],
    ['api port 65536', { api: { apiKey: 'k', port: 65536 } }, /^api\.port 65536 must be an integer from 1 to 65535$/],
    ['dns port 1.5', { dns: { port: 1.5 } }, /^dns\.port 1\.5 must be an integer from 1 to 65535$/],
    ['interval 0', { luaHealthCheckInterval: 0 }, /^luaHealthCheckInterval 0 must be a whole number of seconds, at least 1$/],
    ['expire delay 0.5', { luaHealthCheckExpireDelay: 0.5 }, /^luaHealthCheckExpireDelay 0\.5 must be a whole number/],
    ['version "5"', { targetVersion: '5' }, /^targetVersion "5" must look like major\.minor/],
    ['version 4.6', { targetVersion: '4.6' }, /^targetVersion "4\.6" is not supported: must be 4\.7 or later$/],
    ['empty api key', { api: { apiKey: '' } }, /^api\.apiKey must be a non-empty value without whitespace/],
    ['api key with a space', { api: { apiKey: 'a b' } }, /^api\.apiKey must be a non-empty value without whitespace/],
    ['api key with a line break', { api: { apiKey: 'a\napi=no' } }, /^api\.apiKey must be a non-empty value/],
    ['allowFrom []', { api: { apiKey: 'k', allowFrom: [] } }, /^api\.allowFrom must list at least one network/],
    ['allowFrom with a comma', { api: { apiKey: 'k', allowFrom: ['10.0.0.0/8,0.0.0.0/0'] } }, /^api\.allowFrom\[0\] "10\.0\.0\.0\/8,0\.0\.0\.0\/0" must be non-empty and contain no commas or whitespace$/],
    ['no DNS addresses', { dns: { addresses: [] } }, /^dns\.addresses must list at least one address$/],
    ['relative database path', { sqliteDatabase: 'pdns.sqlite3' }, /^sqliteDatabase "pdns\.sqlite3" must be an absolute path$/],
    ['database path with a line break', { sqliteDatabase: '/a\nlaunch=pipe' }, /^sqliteDatabase "\/a\\nlaunch=pipe" must be a non-empty single line$/],
    ['short SOA', { defaultSoaContent: 'ns1.example.org. hostmaster.@' }, /^defaultSoaContent ".*" must have 7 fields/],
  ])('GIVEN %s THEN it is rejected with a message naming the prop', (_case, props, message) => {
    expect(() => render(props)).toThrow(message);
  });
});

describe('renderPdnsConfig against the installed pdns_server', () => {
  const itPdns = itWithTool('pdns_server');

  /** `pdns_server --config=check` parses the file and fails on any setting it does not know. */
  function check(conf: string): { status: number | null; output: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-pdns-check-'));
    try {
      fs.writeFileSync(path.join(dir, 'pdns.conf'), conf);
      const result = spawnSync(toolPath('pdns_server'), [`--config-dir=${dir}`, '--config=check'], { encoding: 'utf8', timeout: 10_000 });
      return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  itPdns('GIVEN the config for the installed version THEN --config=check accepts every setting', () => {
    const version = pdnsVersion();
    const result = check(renderPdnsConfig(TEMPLATE, { ...BASE, targetVersion: version, luaHealthCheckExpireDelay: 600, defaultSoaContent: 'ns1.example.org. hostmaster.@ 0 10800 3600 604800 3600' }));
    expect(result).toMatchObject({ status: 0 });
  });

  itPdns('GIVEN the 5.1 config on a 4.x server THEN it refuses enable-lua-record-updates (why the flag follows the version)', () => {
    const version = pdnsVersion();
    if (!version.startsWith('4.')) return; // only meaningful on a 4.x test bed
    const result = check(renderPdnsConfig(TEMPLATE, { ...BASE, targetVersion: '5.1' }));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/unknown setting 'enable-lua-record-updates'/);
  });
});
