import { isIPv4, isIPv6 } from 'net';
import sovereignSchema from './schemas/sovereign.schema.json';
import { ConfigError, ConfigErrors, pointer } from './errors';
import { lazySchemaValidator, parseValidatedDocument } from './json-document';
import { ApplicationSpec, DnsSpec, HealthCheck, Placement, RegionEndpoint } from './model';
import { DEFAULT_PDNS_VERSION, PdnsVersion } from './powerdns-versions';
import { parseStateConfig, RawStateConfig } from './state-config';

/** File name of the Sovereign-wide settings at the project root. */
export const SOVEREIGN_FILE = 'sovereign.json';

const DEFAULT_TTL = 30;
const DEFAULT_CHECK_TIMEOUT = 2;

const validateSovereign = lazySchemaValidator(sovereignSchema);

interface RawApplication {
  name: string;
  hostname?: string;
  ttl?: number;
  placement: Placement;
  healthCheck?: { type: 'http'; scheme?: 'http' | 'https'; port?: number; path?: string; host?: string; expect?: string; timeout?: number } | { type: 'tcp'; port: number; timeout?: number };
}

interface RawSovereign {
  /** Backend and encryption key source of the dns stack. */
  state?: RawStateConfig;
  dns?: {
    zone: string;
    manageZone?: boolean;
    nameservers: string[];
    /** One of PDNS_VERSIONS: the schema's enum is kept equal to it by a test. */
    powerdnsVersion?: PdnsVersion;
    defaultTtl?: number;
    endpoints?: Record<string, string | { ipv4?: string; ipv6?: string }>;
    applications: RawApplication[];
  };
}

/**
 * Validates sovereign.json and returns its DNS part (undefined when it has none).
 * `regions` are the environment names that exist; placements may name only those.
 */
export function parseSovereign(file: string, text: string, regions: readonly string[]): DnsSpec | undefined {
  const raw = parseValidatedDocument<RawSovereign>(file, text, validateSovereign());
  if (!raw.dns) return undefined;
  const dns = raw.dns;
  const errors: ConfigError[] = [];
  const known = new Set(regions);
  const checkRegion = (region: string, at: string) => {
    if (!known.has(region)) errors.push(new ConfigError(file, at, `unknown region "${region}"`, [...known].join(', ') || 'an environment under environments/'));
  };

  const endpoints: Record<string, RegionEndpoint> = {};
  for (const [region, value] of Object.entries(dns.endpoints ?? {})) {
    const at = pointer('dns', 'endpoints', region);
    checkRegion(region, at);
    const endpoint: RegionEndpoint = typeof value === 'string' ? { ipv4: value } : value;
    const ipv4At = typeof value === 'string' ? at : `${at}/ipv4`;
    if (endpoint.ipv4 !== undefined && !isIPv4(endpoint.ipv4)) errors.push(new ConfigError(file, ipv4At, `"${endpoint.ipv4}" is not an IPv4 address`, 'e.g. 192.0.2.10'));
    // 240.0.0.0/4 (reserved, never routed) and 0100::/64 (discard) hold the dns stack's stand-ins for addresses known only after apply.
    else if (endpoint.ipv4 !== undefined && Number(endpoint.ipv4.split('.')[0]) >= 240) errors.push(new ConfigError(file, ipv4At, `"${endpoint.ipv4}" is in 240.0.0.0/4, which is reserved and never routed`, 'a public IPv4 address, e.g. 192.0.2.10'));
    // Node accepts a zone index (fe80::1%eth0); a DNS answer cannot carry one.
    if (endpoint.ipv6 !== undefined && (!isIPv6(endpoint.ipv6) || endpoint.ipv6.includes('%'))) {
      errors.push(new ConfigError(file, `${at}/ipv6`, `"${endpoint.ipv6}" is not an IPv6 address`, 'e.g. 2001:db8::10, without a zone index'));
    } else if (endpoint.ipv6 !== undefined && inDiscardPrefix(endpoint.ipv6)) {
      errors.push(new ConfigError(file, `${at}/ipv6`, `"${endpoint.ipv6}" is in 100::/64, the discard prefix`, 'a public IPv6 address, e.g. 2001:db8::10'));
    }
    endpoints[region] = endpoint;
  }

  const names = new Map<string, string>();
  const fqdns = new Map<string, string>();
  const applications: ApplicationSpec[] = dns.applications.map((app, i) => {
    const at = pointer('dns', 'applications', i);
    const firstName = names.get(app.name);
    if (firstName) errors.push(new ConfigError(file, `${at}/name`, `application name "${app.name}" is already used at ${firstName}`, 'unique names'));
    names.set(app.name, at);

    const hostname = app.hostname ?? app.name;
    const fqdn = hostname === '@' ? dns.zone : `${hostname}.${dns.zone}`;
    const firstFqdn = fqdns.get(fqdn);
    if (firstFqdn) errors.push(new ConfigError(file, `${at}/hostname`, `${fqdn} is already served by ${firstFqdn}`, 'one application per hostname'));
    fqdns.set(fqdn, at);

    for (const [region, regionAt] of placementRegions(app.placement, `${at}/placement`)) checkRegion(region, regionAt);
    const seen = new Set<string>();
    for (const [region, regionAt] of placementRegions(app.placement, `${at}/placement`)) {
      if (seen.has(region)) errors.push(new ConfigError(file, regionAt, `region "${region}" appears twice in this placement`, 'each region once'));
      seen.add(region);
    }
    return { name: app.name, at, fqdn, ttl: app.ttl ?? dns.defaultTtl ?? DEFAULT_TTL, placement: app.placement, healthCheck: healthCheck(app, fqdn) };
  });

  const state = parseStateConfig(file, '/state', raw.state, 'dns', errors);
  if (errors.length > 0) throw new ConfigErrors(errors);
  return {
    state,
    file,
    zone: dns.zone,
    manageZone: dns.manageZone ?? true,
    nameservers: dns.nameservers,
    powerdnsVersion: dns.powerdnsVersion ?? DEFAULT_PDNS_VERSION,
    endpoints,
    applications,
  };
}

/** Every region a placement names, with its JSON pointer. */
function placementRegions(placement: Placement, at: string): Array<[string, string]> {
  switch (placement.strategy) {
    case 'active-active':
    case 'geo':
      return placement.regions.map((r, i) => [r, `${at}/regions/${i}`]);
    case 'failover':
      return placement.groups.flatMap((group, g) => group.map((r, i): [string, string] => [r, `${at}/groups/${g}/${i}`]));
    case 'weighted':
      return Object.keys(placement.weights).map((r) => [r, `${at}/weights${pointer(r)}`]);
    case 'single':
      return [[placement.region, `${at}/region`]];
  }
}

/** The health check with defaults: HTTPS GET / on the application's own hostname. */
function healthCheck(app: RawApplication, fqdn: string): HealthCheck {
  const check = app.healthCheck ?? { type: 'http' };
  if (check.type === 'tcp') return { type: 'tcp', port: check.port, timeout: check.timeout ?? DEFAULT_CHECK_TIMEOUT };
  return {
    type: 'http',
    scheme: check.scheme ?? 'https',
    port: check.port,
    path: check.path ?? '/',
    host: (check.host ?? fqdn).replace(/\.$/, ''),
    hostDefaulted: check.host === undefined,
    expect: check.expect,
    timeout: check.timeout ?? DEFAULT_CHECK_TIMEOUT,
  };
}

/** True for an address in 0100::/64 (RFC 6666), given as valid IPv6 text. */
function inDiscardPrefix(address: string): boolean {
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...new Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return parseInt(groups[0], 16) === 0x100 && groups.slice(1, 4).every((g) => parseInt(g, 16) === 0);
}
