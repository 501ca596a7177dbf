/**
 * Which PowerDNS release first has each function and option the builder renders, and the checks
 * that compare a record's needs with the target release. The release list itself lives in
 * lib/config/powerdns-versions.ts (shared with the config layer and pdns.conf).
 */
import { compareReleases, DEFAULT_PDNS_VERSION, OLDEST_PDNS_VERSION, PDNS_VERSIONS, PdnsVersion } from '../../../lib/config/powerdns-versions';
import { LuaRecordError, show } from './errors';

export { DEFAULT_PDNS_VERSION, PDNS_VERSIONS };
export type { PdnsVersion };

const OLDEST_VERSION: PdnsVersion = OLDEST_PDNS_VERSION;

export function checkVersion(version: unknown, what: string): PdnsVersion {
  if (typeof version !== 'string' || !(PDNS_VERSIONS as readonly string[]).includes(version)) {
    throw new LuaRecordError(`${what} ${show(version)} is not a supported PowerDNS version; allowed: ${PDNS_VERSIONS.join(', ')}`);
  }
  return version as PdnsVersion;
}

/** Numeric order of two release lines: negative if `a` is older than `b`, 0 if equal, positive if newer. */
export function compareVersions(a: PdnsVersion, b: PdnsVersion): number {
  return compareReleases(checkVersion(a, 'version'), checkVersion(b, 'version'));
}

// Feature table: the first PowerDNS version of every function and option this module renders

/** One function or option: when it first appeared upstream, and where that fact comes from. */
export interface LuaFeature {
  /** What the feature is, as error messages name it. */
  readonly description: string;
  /** The first upstream release line with it (may predate {@link PDNS_VERSIONS}). */
  readonly firstVersion: string;
  /** Where the version comes from (PowerDNS repository paths and pull requests). */
  readonly source: string;
}

const LUA_RECORDS_42 = 'LUA records are new in 4.2 (docs/lua-records/index.rst "version 4.2 and later"; PR #6171)';

/** First versions, with sources. Everything older than the oldest supported line counts as that line. */
export const LUA_FEATURES = {
  ifportup: { description: 'ifportup()', firstVersion: '4.2', source: LUA_RECORDS_42 },
  ifurlup: { description: 'ifurlup()', firstVersion: '4.2', source: LUA_RECORDS_42 },
  ifurlupGroups: { description: 'ifurlup() with address groups', firstVersion: '4.2', source: '4.2 docs/lua-records/functions.rst: "multiple groups of IP addresses can be supplied"' },
  ifportupGroups: { description: 'ifportup() with address groups', firstVersion: '4.8', source: 'docs/changelog/4.8.rst 4.8.0-beta1, PR #12669 "enhance ifportup() with lists of sets of addresses like ifurlup()"' },
  pickrandom: { description: 'pickrandom()', firstVersion: '4.2', source: LUA_RECORDS_42 },
  pickwrandom: { description: 'pickwrandom()', firstVersion: '4.2', source: LUA_RECORDS_42 },
  pickwhashed: { description: 'pickwhashed()', firstVersion: '4.2', source: LUA_RECORDS_42 },
  pickclosest: { description: 'pickclosest()', firstVersion: '4.2', source: LUA_RECORDS_42 },
  pickhashed: { description: 'pickhashed()', firstVersion: '4.7', source: 'docs/changelog/4.7.rst 4.7.0-beta2, PR #11588 "Extend LUA records" (adds the missing hashed hook)' },
  all: { description: 'all()', firstVersion: '4.7', source: 'docs/changelog/4.7.rst 4.7.0-beta2, PR #11588 "Extend LUA records" (adds all)' },
  hostnames: { description: 'hostnames (CNAME targets) in pick*()/all()', firstVersion: '4.7', source: 'PR #11588: pick* accept strings instead of ComboAddress; issue #11040: 4.2.3 fails on pickwrandom({{1,\'x.com\'}})' },
  selector: { description: 'option selector', firstVersion: '4.2', source: 'PR #6894 (selector all, backupSelector), 4.2 docs/lua-records/functions.rst' },
  backupSelector: { description: 'option backupSelector', firstVersion: '4.2', source: 'PR #6894, 4.2 docs/lua-records/functions.rst' },
  backupSelectorEmpty: { description: "option backupSelector='empty'", firstVersion: '5.1', source: 'docs/changelog/5.1.rst 5.1.0-alpha1, PR #16659 "fail-close backupselector mode"' },
  source: { description: 'option source', firstVersion: '4.2', source: '4.2 docs/lua-records/functions.rst' },
  timeout: { description: 'option timeout', firstVersion: '4.5', source: 'present before PR #10361 (2021, "change default timeout to 2s for lua records"); older than every supported line' },
  stringmatch: { description: 'option stringmatch', firstVersion: '4.2', source: '4.2 docs/lua-records/functions.rst' },
  useragent: { description: 'option useragent', firstVersion: '4.2', source: '4.2 docs/lua-records/functions.rst' },
  byteslimit: { description: 'option byteslimit', firstVersion: '4.8', source: 'docs/changelog/4.8.rst 4.8.0-alpha1, PR #12277 "add byteslimit support to lua ifurlup() function"' },
  interval: { description: 'option interval', firstVersion: '5.0', source: 'docs/changelog/5.0.rst 5.0.0-alpha1, PR #14996 "Lua up checks: finer control"' },
  minimumFailures: { description: 'option minimumFailures', firstVersion: '5.0', source: 'docs/changelog/5.0.rst 5.0.0-alpha1, PR #14996 "Lua up checks: finer control"' },
  failOnIncompleteCheck: { description: 'option failOnIncompleteCheck', firstVersion: '5.0', source: 'docs/changelog/5.0.rst 5.0.0-alpha1, PR #15098' },
  httpcode: { description: 'option httpcode', firstVersion: '5.0', source: 'docs/changelog/5.0.rst 5.0.0-alpha1, PR #15127' },
  headers: { description: 'option headers', firstVersion: '5.1', source: 'docs/changelog/5.1.rst 5.1.0-alpha1, PR #16955 "Allow adding HTTP Headers in LUA Record ifurlup"' },
} as const satisfies Record<string, LuaFeature>;

/** The name of a row of {@link LUA_FEATURES}. */
export type LuaFeatureName = keyof typeof LUA_FEATURES;

/** The lowest supported line that has the feature. */
export function gateOf(feature: LuaFeatureName): PdnsVersion {
  const first = LUA_FEATURES[feature].firstVersion;
  if (compareReleases(first, OLDEST_VERSION) <= 0) return OLDEST_VERSION;
  return checkVersion(first, `LUA_FEATURES.${feature}.firstVersion`);
}
