import Handlebars from 'handlebars';
import { compareReleases, DEFAULT_PDNS_VERSION, OLDEST_PDNS_VERSION, releaseNumbers } from '../../lib/config/powerdns-versions';

/**
 * A PowerDNS Authoritative Server release as `major.minor` (`'4.7'`, `'4.9'`, `'5.1'`); a patch
 * level (`'4.7.3'`) is accepted and ignored. Any release from the oldest supported line on
 * (lib/config/powerdns-versions.ts), newer lines included: settings follow the version.
 */
type PdnsRelease = string;

/** The oldest release this configuration is verified against. */
const MIN_VERSION: PdnsRelease = OLDEST_PDNS_VERSION;
/**
 * Seconds between health checks when the caller sets none. 1 s keeps failover detection (a check
 * that fails at once, e.g. a refused connection) within about a second: bench/dns measures it.
 * PowerDNS's own default is 5 s.
 */
export const DEFAULT_LUA_HEALTH_CHECK_INTERVAL = 1;

/** `enable-lua-record-updates` exists from 5.1 on; older releases refuse to start when it is set. */
const LUA_RECORD_UPDATES_SINCE: PdnsRelease = '5.1';

/** The HTTP API and the webserver that carries it. */
export interface PdnsApiProps {
  /**
   * The API key. A runtime secret: pass the value of a sensitive variable (or a token that resolves
   * to one), never a literal. A hashed key from `pdnsutil hash-password` works on 4.6+.
   */
  readonly apiKey: string;
  /**
   * Address the webserver/API listens on.
   * @default '127.0.0.1'
   */
  readonly address?: string;
  /**
   * Port the webserver/API listens on.
   * @default 8081
   */
  readonly port?: number;
  /**
   * Networks allowed to reach the webserver/API (CIDRs).
   * @default ['127.0.0.1/32', '::1/128']
   */
  readonly allowFrom?: readonly string[];
}

/** Where the server answers DNS. */
export interface PdnsDnsListenProps {
  /**
   * Local addresses to bind (`local-address`); each may carry its own `:port` (IPv6 as `[addr]:port`).
   * @default ['0.0.0.0', '::']
   */
  readonly addresses?: readonly string[];
  /**
   * Port for addresses without their own (`local-port`).
   * @default 53
   */
  readonly port?: number;
}

/** Settings of the PowerDNS Authoritative Server that serves the LUA (GSLB) records. */
export interface PdnsServerConfigProps {
  /**
   * The PowerDNS release the configuration is for, `major.minor`; at least 4.7. Settings that an
   * older release does not know make it refuse to start, so flags follow this version.
   * @default DEFAULT_PDNS_VERSION ('4.9', lib/config/powerdns-versions.ts)
   */
  readonly targetVersion?: PdnsRelease;
  /** The HTTP API (zones and records are written through it). */
  readonly api: PdnsApiProps;
  /**
   * The DNS listener.
   * @default - all IPv4 and IPv6 addresses, port 53
   */
  readonly dns?: PdnsDnsListenProps;
  /**
   * Path of the SQLite3 database (gsqlite3 backend), created from the schema shipped with the backend.
   * @default '/var/lib/powerdns/pdns.sqlite3'
   */
  readonly sqliteDatabase?: string;
  /**
   * Seconds between health checks of `ifportup`/`ifurlup` targets (`lua-health-checks-interval`).
   * An integer ≥ 1.
   * @default DEFAULT_LUA_HEALTH_CHECK_INTERVAL (1; PowerDNS's own default is 5)
   */
  readonly luaHealthCheckInterval?: number;
  /**
   * Seconds after which the checks of a record that is no longer queried stop
   * (`lua-health-checks-expire-delay`). An integer ≥ 1.
   * @default - the server's default (3600)
   */
  readonly luaHealthCheckExpireDelay?: number;
  /**
   * Whether LUA records use location (`pickclosest`, `country()`, `continent()`): launches the
   * geoip backend, which then needs `geoipDatabaseFiles`.
   * @default - true when geoipDatabaseFiles is non-empty
   */
  readonly geo?: boolean;
  /**
   * GeoIP databases for the geoip backend (`geoip-database-files`), each `[driver:]path[;options]`,
   * e.g. `mmdb:/usr/share/GeoIP/GeoLite2-City.mmdb`. A City-level database is needed for
   * `pickclosest`; a country-level one makes it pick at random. Required when `geo` is true.
   * @default - none (no geoip backend)
   */
  readonly geoipDatabaseFiles?: readonly string[];
  /**
   * SOA content for zones created without one (`default-soa-content`); `@` is the zone name.
   * @default - the server's default
   */
  readonly defaultSoaContent?: string;
}

/** The explicit object handed to the template; every decision is already made. */
interface PdnsTemplateData {
  readonly targetVersion: string;
  readonly launch: string;
  readonly gsqlite3: { readonly database: string; readonly dnssec: 'no' };
  readonly geoip: { readonly databaseFiles: string } | null;
  readonly lua: {
    readonly enableLuaRecords: 'shared';
    readonly enableLuaRecordUpdates: boolean;
    readonly healthChecksInterval: number;
    readonly healthChecksExpireDelay: number | null;
  };
  readonly ednsSubnetProcessing: 'yes';
  readonly dns: { readonly localAddress: string; readonly localPort: number };
  readonly defaultSoaContent: string | null;
  readonly api: { readonly key: string; readonly address: string; readonly port: number; readonly allowFrom: string };
}

/**
 * Renders pdns.conf for LUA-record GSLB from the text of templates/pdns.conf.hbs (the caller reads
 * the file; constructs do no I/O). Throws on invalid props, naming the prop, the rule and the value.
 */
export function renderPdnsConfig(templateText: string, props: PdnsServerConfigProps): string {
  const data = templateData(props);
  const handlebars = Handlebars.create();
  const template = handlebars.compile<PdnsTemplateData>(templateText, { noEscape: true, strict: true });
  return template(data);
}

function templateData(props: PdnsServerConfigProps): PdnsTemplateData {
  const targetVersion = props.targetVersion ?? DEFAULT_PDNS_VERSION;
  if (!releaseNumbers(targetVersion)) {
    throw new Error(`targetVersion "${targetVersion}" must look like major.minor (e.g. "4.7", "4.9", "5.1")`);
  }
  if (compareReleases(targetVersion, MIN_VERSION) < 0) {
    throw new Error(`targetVersion "${targetVersion}" is not supported: must be ${MIN_VERSION} or later`);
  }

  const apiKey = props.api.apiKey;
  if (!/^\S+$/.test(apiKey)) {
    throw new Error('api.apiKey must be a non-empty value without whitespace (pass the sensitive variable holding it)');
  }
  const apiAddress = props.api.address ?? '127.0.0.1';
  const apiPort = props.api.port ?? 8081;
  const allowFrom = props.api.allowFrom ?? ['127.0.0.1/32', '::1/128'];
  checkPort('api.port', apiPort);
  checkListItem('api.address', apiAddress);
  if (allowFrom.length === 0) throw new Error('api.allowFrom must list at least one network; [] would lock the API out');
  allowFrom.forEach((net, i) => checkListItem(`api.allowFrom[${i}]`, net));

  const dnsAddresses = props.dns?.addresses ?? ['0.0.0.0', '::'];
  const dnsPort = props.dns?.port ?? 53;
  if (dnsAddresses.length === 0) throw new Error('dns.addresses must list at least one address');
  dnsAddresses.forEach((address, i) => checkListItem(`dns.addresses[${i}]`, address));
  checkPort('dns.port', dnsPort);

  const sqliteDatabase = props.sqliteDatabase ?? '/var/lib/powerdns/pdns.sqlite3';
  checkSingleLine('sqliteDatabase', sqliteDatabase);
  if (!sqliteDatabase.startsWith('/')) throw new Error(`sqliteDatabase "${sqliteDatabase}" must be an absolute path`);

  const interval = props.luaHealthCheckInterval ?? DEFAULT_LUA_HEALTH_CHECK_INTERVAL;
  checkSeconds('luaHealthCheckInterval', interval);
  const expireDelay = props.luaHealthCheckExpireDelay ?? null;
  if (expireDelay !== null) checkSeconds('luaHealthCheckExpireDelay', expireDelay);

  const geoipFiles = props.geoipDatabaseFiles ?? [];
  const geo = props.geo ?? geoipFiles.length > 0;
  if (geo && geoipFiles.length === 0) {
    throw new Error('geoipDatabaseFiles must list at least one database when geo is true (pickclosest/country()/continent() need the geoip backend), e.g. ["mmdb:/usr/share/GeoIP/GeoLite2-City.mmdb"]');
  }
  if (!geo && geoipFiles.length > 0) {
    throw new Error('geoipDatabaseFiles is set but geo is false: drop the files or set geo to true');
  }
  geoipFiles.forEach((file, i) => checkListItem(`geoipDatabaseFiles[${i}]`, file));

  const defaultSoaContent = props.defaultSoaContent ?? null;
  if (defaultSoaContent !== null) {
    checkSingleLine('defaultSoaContent', defaultSoaContent);
    if (defaultSoaContent.trim().split(/\s+/).length !== 7) {
      throw new Error(`defaultSoaContent "${defaultSoaContent}" must have 7 fields: mname rname serial refresh retry expire minimum`);
    }
  }

  return {
    targetVersion,
    launch: ['gsqlite3', ...(geo ? ['geoip'] : [])].join(','),
    gsqlite3: { database: sqliteDatabase, dnssec: 'no' },
    geoip: geo ? { databaseFiles: geoipFiles.join(',') } : null,
    lua: {
      enableLuaRecords: 'shared',
      enableLuaRecordUpdates: compareReleases(targetVersion, LUA_RECORD_UPDATES_SINCE) >= 0,
      healthChecksInterval: interval,
      healthChecksExpireDelay: expireDelay,
    },
    ednsSubnetProcessing: 'yes',
    dns: { localAddress: dnsAddresses.join(', '), localPort: dnsPort },
    defaultSoaContent,
    api: { key: apiKey, address: apiAddress, port: apiPort, allowFrom: allowFrom.join(',') },
  };
}

function checkPort(prop: string, port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${prop} ${port} must be an integer from 1 to 65535`);
  }
}

function checkSeconds(prop: string, seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new Error(`${prop} ${seconds} must be a whole number of seconds, at least 1`);
  }
}

/** A value on one config line: a line break would inject further settings. */
function checkSingleLine(prop: string, value: string): void {
  if (value.trim() === '' || /[\r\n]/.test(value)) {
    throw new Error(`${prop} ${JSON.stringify(value)} must be a non-empty single line`);
  }
}

/** One element of a list setting: PowerDNS splits those on commas and whitespace. */
function checkListItem(prop: string, value: string): void {
  if (!/^[^\s,]+$/.test(value)) {
    throw new Error(`${prop} ${JSON.stringify(value)} must be non-empty and contain no commas or whitespace`);
  }
}
