/**
 * The one list of PowerDNS Authoritative Server release lines sovereign-tofu can target, and the
 * default. Imports nothing: the config layer (sovereign.json's `dns.powerdnsVersion`, whose schema
 * enum a test keeps equal to this list), the Lua builder, DnsFailover and the pdns.conf renderer
 * all read it from here.
 */

/** PowerDNS Authoritative Server release lines the records and pdns.conf can target, oldest first. */
export const PDNS_VERSIONS = ['4.7', '4.8', '4.9', '5.0', '5.1'] as const;

/** A PowerDNS Authoritative Server release line (major.minor). */
export type PdnsVersion = (typeof PDNS_VERSIONS)[number];

/** The release line assumed when sovereign.json (or a caller of the Lua builder) names none. */
export const DEFAULT_PDNS_VERSION: PdnsVersion = '4.9';

/** The oldest supported release line. */
export const OLDEST_PDNS_VERSION: PdnsVersion = PDNS_VERSIONS[0];

/** True for one of {@link PDNS_VERSIONS}. */
export function isPdnsVersion(value: unknown): value is PdnsVersion {
  return typeof value === 'string' && (PDNS_VERSIONS as readonly string[]).includes(value);
}

/** `[major, minor]` of `major.minor` or `major.minor.patch`, else undefined. */
export function releaseNumbers(version: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Numeric order of two releases given as `major.minor` (a patch level is ignored): -1 if `a` is
 * older than `b`, 0 for the same line, 1 if newer. Text that is not a release sorts first.
 */
export function compareReleases(a: string, b: string): number {
  const [aMajor, aMinor] = releaseNumbers(a) ?? [-1, -1];
  const [bMajor, bMinor] = releaseNumbers(b) ?? [-1, -1];
  return aMajor !== bMajor ? Math.sign(aMajor - bMajor) : Math.sign(aMinor - bMinor);
}
