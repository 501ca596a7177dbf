/**
 * PowerDNS LUA record contents that are correct by construction.
 *
 * Pure: no cdktf, no files, no environment, no clock. Every public entry point validates its
 * input and throws {@link LuaRecordError} with a message that names the offending input, echoes
 * it and says what is allowed (or which PowerDNS version it needs).
 *
 * What "correct" means here (see shared/notes/powerdns-lua.md and the sources cited below):
 * - The content is `<TYPE> "<lua>"`: upper-case type, one space, the Lua in double quotes. The Lua
 *   never contains a double quote (PowerDNS splits the content on `"`, LUARecordContent::getCode),
 *   a newline or any other control character.
 * - Strings are single-quoted Lua literals: `\\` for a backslash and `\ddd` (always 3 digits) for
 *   every byte that is not printable ASCII (input is encoded as UTF-8 first). The two quote
 *   characters are NOT escaped inside a literal: `'` and `"` are written as `string.char(39)` /
 *   `string.char(34)` joined with `..`. Reason: LUA records are stored and transferred in DNS
 *   wire format by AXFR and by the LMDB backend (dnsrecords.cc `boilerplate_conv(LUA, ...
 *   conv.xfrText(d_code, true))`, DNSPacketWriter::xfrText -> segmentDNSText, which unescapes
 *   `\X` and `\ddd`), and the text read back is re-escaped only for `"`, `\` and non-printable
 *   bytes (txtEscape). So `'it\'s'` reaches a secondary as `'it's'` (a Lua syntax error, SERVFAIL),
 *   and `\034` comes back as `\"`, which getCode splits. Measured on pdns-server 4.7.3: an AXFR
 *   secondary SERVFAILs on `'it\'s'` ("'<eof>' expected near 's'") and answers for
 *   `'it' .. string.char(39) .. 's'`. Everything this module renders is a fixed point of that
 *   text -> wire -> text round trip (the property test checks it).
 * - The text never contains `${` or `%{` (a literal is split between `$`/`%` and `{`): record
 *   contents end up in Terraform JSON, where those sequences start template interpolation.
 * - Option values are strings or integers, never booleans or floats: PowerDNS reads the options
 *   table as map<string,string> (`opts_t` in lua-record.cc); LuaWrapper converts numbers with
 *   lua_tolstring but a boolean fails the whole call (SERVFAIL, measured on 4.7.3), hence
 *   `failOnIncompleteCheck='true'` as upstream's own regression tests write it. A table-valued
 *   option (`headers`) on a server older than 5.1 fails the same way, so version gates matter:
 *   older servers silently ignore unknown *scalar* options but SERVFAIL on table values.
 *
 * Decisions:
 * - Duplicate addresses are rejected everywhere (also across failover groups). Weighting by
 *   repeating an address in an if*up list is not offered: with selector 'all' it yields duplicate
 *   records; use pickwrandom/pickwhashed (weights) instead.
 * - A `{ groups }` list with a single group is rendered as a flat list (same behaviour in
 *   PowerDNS, and it keeps ifportup usable on 4.7).
 * - URLs are rendered exactly as given; they must be http(s) with a host, without user info or
 *   fragment, and only contain RFC 3986 characters (percent-encode anything else).
 * - Long contents: PowerDNS cuts the text into 255-byte segments on the wire, and servers before
 *   5.0 (or with lua-records-insert-whitespace=yes) put a space at each cut when they read it back.
 *   Rendering therefore places every 255th wire byte between two Lua tokens (spaces before a
 *   token; long literals cut into `'...' .. '...'`), see layoutForWireSegments. Text replaced in
 *   the content after rendering (e.g. a placeholder address swapped for a longer one) shifts the
 *   cuts; records over 255 bytes are then only safe on 5.0+ with the default setting.
 * - The server also limits a `..` chain (LuaJIT: 200 levels) and instructions per record
 *   (lua-records-exec-limit, 1000): at most 32 joins per string and 96 per call are accepted.
 */

// ---------------------------------------------------------------------------------------------
// Versions

/** PowerDNS Authoritative Server release lines this module can target, oldest first. */
export const PDNS_VERSIONS = ['4.7', '4.8', '4.9', '5.0', '5.1'] as const;

/** A PowerDNS Authoritative Server release line (major.minor). Compare with {@link compareVersions}. */
export type PdnsVersion = (typeof PDNS_VERSIONS)[number];

/** The server version assumed when {@link luaRecordContent} is given none. */
export const DEFAULT_PDNS_VERSION: PdnsVersion = '4.9';

const OLDEST_VERSION: PdnsVersion = PDNS_VERSIONS[0];

/** Every rejection by this module. The message names the input, echoes it and says what is allowed. */
export class LuaRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LuaRecordError';
  }
}

function versionNumbers(version: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

function checkVersion(version: unknown, what: string): PdnsVersion {
  if (typeof version !== 'string' || !(PDNS_VERSIONS as readonly string[]).includes(version)) {
    throw new LuaRecordError(`${what} ${show(version)} is not a supported PowerDNS version; allowed: ${PDNS_VERSIONS.join(', ')}`);
  }
  return version as PdnsVersion;
}

/** Numeric order of two release lines: negative if `a` is older than `b`, 0 if equal, positive if newer. */
export function compareVersions(a: PdnsVersion, b: PdnsVersion): number {
  const [aMajor, aMinor] = versionNumbers(checkVersion(a, 'version'))!;
  const [bMajor, bMinor] = versionNumbers(checkVersion(b, 'version'))!;
  return aMajor !== bMajor ? Math.sign(aMajor - bMajor) : Math.sign(aMinor - bMinor);
}

function numericCompare(a: string, b: string): number {
  const [aMajor, aMinor] = versionNumbers(a)!;
  const [bMajor, bMinor] = versionNumbers(b)!;
  return aMajor !== bMajor ? Math.sign(aMajor - bMajor) : Math.sign(aMinor - bMinor);
}

// ---------------------------------------------------------------------------------------------
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
function gateOf(feature: LuaFeatureName): PdnsVersion {
  const first = LUA_FEATURES[feature].firstVersion;
  if (numericCompare(first, OLDEST_VERSION) <= 0) return OLDEST_VERSION;
  return checkVersion(first, `LUA_FEATURES.${feature}.firstVersion`);
}

// ---------------------------------------------------------------------------------------------
// Public types

/** The record types a LUA record here can synthesize. */
export type LuaRecordType = 'A' | 'AAAA' | 'CNAME';

const RECORD_TYPES: readonly LuaRecordType[] = ['A', 'AAAA', 'CNAME'];

/** How if*up picks among the addresses it considers (docs/lua-records/functions.rst). */
export type Selector = 'random' | 'all' | 'hashed' | 'pickclosest';

/** How if*up picks when every address is down: a {@link Selector}, or 'empty' (no answer, 5.1+). */
export type BackupSelector = Selector | 'empty';

const SELECTORS: readonly Selector[] = ['random', 'all', 'hashed', 'pickclosest'];
const BACKUP_SELECTORS: readonly BackupSelector[] = [...SELECTORS, 'empty'];

/**
 * Addresses to health-check: a flat list, or ordered failover groups (the first group with a
 * healthy member wins; the selector then picks among that group's healthy members).
 * Groups need PowerDNS 4.8 for ifportup (4.2 for ifurlup). A single group is rendered flat.
 */
export type AddressList = readonly string[] | { readonly groups: readonly (readonly string[])[] };

/** An address (or CNAME target) with its relative weight for pickwrandom/pickwhashed. */
export interface WeightedAddress {
  /** IPv4, IPv6 or (for CNAME) a hostname. */
  readonly address: string;
  /** Relative weight: a positive integer; all weights together at most 2147483647. */
  readonly weight: number;
}

/** Options common to ifportup and ifurlup. */
export interface CheckOptions {
  /**
   * How to pick among the healthy addresses of the winning group.
   * @default 'random'
   */
  readonly selector?: Selector;
  /**
   * How to pick among all addresses when none is healthy (also before the first check completes).
   * 'empty' returns no address at all (fail closed) and needs PowerDNS 5.1.
   * @default 'random'
   */
  readonly backupSelector?: BackupSelector;
  /**
   * Seconds a check may take: an integer from 1.
   * @default 2
   */
  readonly timeout?: number;
  /**
   * Source IP address of the checks; must be of the same family as the addresses checked.
   * @default - chosen by the kernel
   */
  readonly source?: string;
  /**
   * Seconds between two checks of this record, an integer from 1. Needs PowerDNS 5.0.
   * @default - the server's lua-health-checks-interval (5)
   */
  readonly interval?: number;
  /**
   * Failed checks in a row before an address counts as down, an integer from 1. Needs PowerDNS 5.0.
   * @default 1
   */
  readonly minimumFailures?: number;
  /**
   * SERVFAIL instead of applying backupSelector while no check has completed yet. Needs PowerDNS 5.0.
   * Rendered as the string 'true'/'false' (PowerDNS compares the option with "true").
   * @default false
   */
  readonly failOnIncompleteCheck?: boolean;
}

/** Options of ifportup (a TCP connect check): exactly the {@link CheckOptions}. */
export interface PortCheckOptions extends CheckOptions {}

/** Options of ifurlup (an HTTP(S) GET per address). */
export interface UrlCheckOptions extends CheckOptions {
  /**
   * An address is up only if the response body contains this text (compared as UTF-8 bytes).
   * Non-empty, without NUL characters.
   * @default - any body
   */
  readonly stringmatch?: string;
  /**
   * The User-Agent header of the checks. Non-empty; no control characters except tab.
   * @default 'PowerDNS Authoritative Server'
   */
  readonly useragent?: string;
  /**
   * Maximum bytes to download; 0 means no limit. An integer from 0 to 2147483647. Needs PowerDNS 4.8.
   * @default 0
   */
  readonly byteslimit?: number;
  /**
   * The HTTP status code that counts as up, an integer from 100 to 599. Needs PowerDNS 5.0.
   * @default 200
   */
  readonly httpcode?: number;
  /**
   * Extra request headers, name -> value. Names: letters, digits, '-' and '_', unique ignoring case;
   * values non-empty, without control characters except tab. Rendered as a Lua table of
   * string -> string in name order. Needs PowerDNS 5.1.
   * @default - no extra headers
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A rendered call to one PowerDNS Lua function. Only {@link Lua} creates them. */
export interface LuaCall {
  /** The PowerDNS function called, e.g. 'ifurlup'. */
  readonly functionName: string;
  /** Lowest server version that accepts this call including its options. */
  readonly minimumVersion: PdnsVersion;
  /** The Lua expression, e.g. `ifportup(443, {'192.0.2.1'})`. */
  render(): string;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const INT_MAX = 2147483647; // PowerDNS parses numeric options with atoi/stoi into an int

/** Echo a value in a message safely (quotes and escapes strings, shortens long ones). */
function show(value: unknown): string {
  if (typeof value === 'string') {
    const text = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
    return text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function checkInteger(value: unknown, what: string, min: number, max: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LuaRecordError(`${what} must be an integer from ${min} to ${max}${unit}; received ${show(value)}`);
  }
  return value;
}

/** Lone UTF-16 surrogates have no UTF-8 encoding: reject them instead of substituting U+FFFD. */
function checkWellFormed(value: string, what: string): void {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new LuaRecordError(`${what} contains a lone UTF-16 surrogate at index ${i}; only well-formed Unicode text can be encoded as UTF-8`);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new LuaRecordError(`${what} contains a lone UTF-16 surrogate at index ${i}; only well-formed Unicode text can be encoded as UTF-8`);
    }
  }
}

/** UTF-8 bytes of a well-formed string. */
function utf8(value: string): number[] {
  const bytes: number[] = [];
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Lua string rendering

/**
 * At most this many `..` joins per string. LuaJIT parses a `..` chain recursively and gives up
 * at 200 levels ("chunk has too many syntax levels", measured on 4.7.3 with 200 joins).
 */
const MAX_BREAKS_PER_STRING = 32;
/**
 * At most this many `..` joins in one call, so a record stays well inside the default
 * lua-records-exec-limit of 1000 instructions (4.7.3 ran 300 joins with 150 string.char calls).
 */
const MAX_CONCATENATIONS_PER_CALL = 96;

const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;

interface RenderedString {
  readonly lua: string;
  readonly concatenations: number;
}

/**
 * A Lua expression whose value is exactly the UTF-8 bytes of `value`: single-quoted literals
 * (`\\`, `\ddd`) joined by `..` with `string.char(...)` for runs of `'` and `"`.
 */
function luaString(value: string, what: string): RenderedString {
  checkWellFormed(value, what);
  const pieces: string[] = [];
  let literal = '';
  let inLiteral = false;
  let quotes: number[] = [];
  let previous = -1; // last byte written into the current literal
  const closeLiteral = (): void => {
    if (inLiteral) pieces.push(`'${literal}'`);
    literal = '';
    inLiteral = false;
    previous = -1;
  };
  const closeQuotes = (): void => {
    if (quotes.length > 0) pieces.push(`string.char(${quotes.join(', ')})`);
    quotes = [];
  };
  for (const byte of utf8(value)) {
    if (byte === QUOTE || byte === DOUBLE_QUOTE) {
      closeLiteral();
      quotes.push(byte);
      continue;
    }
    closeQuotes();
    if (byte === OPEN_BRACE && (previous === 0x24 || previous === 0x25)) closeLiteral(); // no `${` / `%{`
    inLiteral = true;
    if (byte === BACKSLASH) literal += '\\\\';
    else if (byte >= 0x20 && byte <= 0x7e) literal += String.fromCharCode(byte);
    else literal += `\\${String(byte).padStart(3, '0')}`;
    previous = byte;
  }
  closeLiteral();
  closeQuotes();
  if (pieces.length === 0) pieces.push("''");
  const breaks = pieces.length - 1;
  if (breaks > MAX_BREAKS_PER_STRING) {
    throw new LuaRecordError(`${what} needs ${breaks} string joins for its quote characters (' and ") and \${ or %{ sequences; at most ${MAX_BREAKS_PER_STRING} keep the record within PowerDNS's Lua limits`);
  }
  return { lua: pieces.join(' .. '), concatenations: breaks };
}

// ---------------------------------------------------------------------------------------------
// Addresses and hostnames

type ValueKind = 'IPv4' | 'IPv6' | 'hostname';

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);

function ipv4Bytes(text: string): number[] | undefined {
  return IPV4.test(text) ? text.split('.').map(Number) : undefined;
}

/** The 16 bytes of an IPv6 literal (RFC 4291 text forms, no zone index), or undefined. */
function ipv6Bytes(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseSide = (side: string, mayEndInIPv4: boolean): number[] | undefined => {
    if (side === '') return [];
    const groups = side.split(':');
    const words: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      if (i === groups.length - 1 && mayEndInIPv4 && group.includes('.')) {
        const v4 = ipv4Bytes(group);
        if (!v4) return undefined;
        words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return undefined;
      }
    }
    return words;
  };
  let words: number[];
  if (halves.length === 2) {
    const head = parseSide(halves[0], false);
    const tail = parseSide(halves[1], true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseSide(text, true);
    if (!all || all.length !== 8) return undefined;
    words = all;
  }
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

const LABEL = /^(?:[A-Za-z0-9_]|[A-Za-z0-9_][A-Za-z0-9_-]{0,61}[A-Za-z0-9_])$/;

function isHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]); // "192.0.2.300" is a broken address, not a name
}

interface ParsedValue {
  readonly kind: ValueKind;
  /** Equal for equal addresses whatever their spelling (IPv6 compression, case). */
  readonly key: string;
}

function parseValue(text: unknown, what: string, allowHostnames: boolean): ParsedValue {
  if (typeof text !== 'string') {
    throw new LuaRecordError(`${what} must be a string; received ${show(text)}`);
  }
  const v4 = ipv4Bytes(text);
  if (v4) return { kind: 'IPv4', key: `4:${v4.join('.')}` };
  const v6 = ipv6Bytes(text);
  if (v6) return { kind: 'IPv6', key: `6:${v6.join('.')}` };
  if (allowHostnames && isHostname(text)) return { kind: 'hostname', key: `n:${text.toLowerCase().replace(/\.$/, '')}` };
  const allowed = allowHostnames
    ? 'an IPv4 address (192.0.2.1), an IPv6 address (2001:db8::1) or a hostname (www.example.org)'
    : 'an IPv4 address (192.0.2.1) or an IPv6 address (2001:db8::1)';
  throw new LuaRecordError(`${what} ${show(text)} is not ${allowed}`);
}

/** Checks a list of values: non-empty, one kind, no duplicates. Returns the kind. */
function checkValues(fn: string, values: readonly { text: unknown; what: string }[], allowHostnames: boolean, listName: string): ValueKind {
  if (values.length === 0) throw new LuaRecordError(`${fn}: ${listName} must not be empty`);
  const seen = new Map<string, string>();
  let kind: ValueKind | undefined;
  let firstWhat = '';
  for (const { text, what } of values) {
    const parsed = parseValue(text, `${fn}: ${what}`, allowHostnames);
    if (kind === undefined) {
      kind = parsed.kind;
      firstWhat = what;
    } else if (parsed.kind !== kind) {
      throw new LuaRecordError(`${fn}: ${what} ${show(text)} is ${aKind(parsed.kind)} but ${firstWhat} is ${aKind(kind)}; one call takes one kind (IPv4 for A, IPv6 for AAAA, hostnames for CNAME)`);
    }
    const earlier = seen.get(parsed.key);
    if (earlier !== undefined) {
      const hint = fn.startsWith('pickw') ? 'add the weights up instead' : 'use pickwrandom/pickwhashed weights to favour one';
      throw new LuaRecordError(`${fn}: ${what} ${show(text)} duplicates ${earlier}; every address may appear once (${hint})`);
    }
    seen.set(parsed.key, what);
  }
  return kind!;
}

/** 'an IPv4 address', 'an IPv6 address', 'a hostname'. */
function aKind(kind: ValueKind): string {
  return kind === 'hostname' ? 'a hostname' : `an ${kind} address`;
}

/** 'IPv4 addresses', 'IPv6 addresses', 'hostnames'. */
function kinds(kind: ValueKind): string {
  return kind === 'hostname' ? 'hostnames' : `${kind} addresses`;
}

/** Normalizes an AddressList into groups (one group for a flat list or a single group). */
function addressGroups(fn: string, targets: unknown): { groups: string[][]; grouped: boolean } {
  if (Array.isArray(targets)) return { groups: [targets as string[]], grouped: false };
  if (typeof targets === 'object' && targets !== null && 'groups' in targets) {
    const groups = (targets as { groups: unknown }).groups;
    if (!Array.isArray(groups)) throw new LuaRecordError(`${fn}: addresses.groups must be an array of address arrays; received ${show(groups)}`);
    if (groups.length === 0) throw new LuaRecordError(`${fn}: addresses.groups must not be empty`);
    groups.forEach((group: unknown, i) => {
      if (!Array.isArray(group)) throw new LuaRecordError(`${fn}: addresses.groups[${i}] must be an array of addresses; received ${show(group)}`);
      if (group.length === 0) throw new LuaRecordError(`${fn}: addresses.groups[${i}] must not be empty; every failover group needs at least one address`);
    });
    return { groups: groups as string[][], grouped: groups.length > 1 };
  }
  throw new LuaRecordError(`${fn}: addresses must be an array of addresses or { groups: [[...], ...] }; received ${show(targets)}`);
}

// ---------------------------------------------------------------------------------------------
// URL

// RFC 3986: unreserved / sub-delims / ':' '@' '/' '?' and percent-encoded octets.
const URL_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;

function checkUrl(url: unknown): string {
  const what = 'ifurlup: url';
  if (typeof url !== 'string') throw new LuaRecordError(`${what} must be a string; received ${show(url)}`);
  const match = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) throw new LuaRecordError(`${what} ${show(url)} must start with http:// or https:// followed by a host`);
  const [, , authority, rest] = match;
  if (authority.includes('@')) throw new LuaRecordError(`${what} ${show(url)} must not contain user info (user:password@); credentials do not belong in a DNS record (use the headers option, PowerDNS 5.1+)`);
  if (url.includes('#')) throw new LuaRecordError(`${what} ${show(url)} must not contain a fragment (#...); it is never sent to the server`);
  const hostPort = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) throw new LuaRecordError(`${what} ${show(url)} must have a host (a hostname, an IPv4 address or a bracketed IPv6 address) and an optional :port`);
  const [, host, port] = hostPort;
  const hostOk = host.startsWith('[') ? ipv6Bytes(host.slice(1, -1)) !== undefined : ipv4Bytes(host) !== undefined || isHostname(host);
  if (!hostOk) throw new LuaRecordError(`${what} ${show(url)} has an invalid host ${show(host)}; allowed: a hostname, an IPv4 address or a bracketed IPv6 address`);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) throw new LuaRecordError(`${what} ${show(url)} has port ${port}; allowed: 1 to 65535`);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) throw new LuaRecordError(`${what} ${show(url)}: the path must start with /`);
  if (!URL_CHARS.test(rest)) {
    let bad = '';
    for (let i = 0; i < rest.length; i += bad.length || 1) {
      if (/^%[0-9A-Fa-f]{2}/.test(rest.slice(i))) {
        i += 2;
        continue;
      }
      const char = String.fromCodePoint(rest.codePointAt(i)!);
      if (!/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/.test(char)) {
        bad = char;
        break;
      }
      i += char.length - 1;
    }
    throw new LuaRecordError(`${what} ${show(url)} contains ${show(bad)}, which a URL may not contain unencoded; percent-encode it (RFC 3986)`);
  }
  return url;
}

// ---------------------------------------------------------------------------------------------
// Options

interface Requirement {
  readonly feature: LuaFeatureName;
  /** How an error message names it, e.g. `ifurlup option headers`. */
  readonly what: string;
}

type OptionKey = keyof UrlCheckOptions;

const OPTION_ORDER: readonly OptionKey[] = [
  'selector', 'backupSelector', 'source', 'timeout', 'interval', 'minimumFailures', 'failOnIncompleteCheck',
  'stringmatch', 'useragent', 'byteslimit', 'httpcode', 'headers',
];
const PORT_OPTIONS: ReadonlySet<OptionKey> = new Set<OptionKey>(['selector', 'backupSelector', 'source', 'timeout', 'interval', 'minimumFailures', 'failOnIncompleteCheck']);
const URL_OPTIONS: ReadonlySet<OptionKey> = new Set<OptionKey>(OPTION_ORDER);

/** Characters an HTTP field value may not contain: controls except tab (CR/LF would inject headers). */
// eslint-disable-next-line no-control-regex
const FIELD_VALUE_FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/;
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function checkFieldValue(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new LuaRecordError(`${what} must be a non-empty string; received ${show(value)}`);
  const bad = FIELD_VALUE_FORBIDDEN.exec(value);
  if (bad) throw new LuaRecordError(`${what} ${show(value)} contains control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at index ${bad.index}; HTTP header values allow tab but no other control characters`);
  return value;
}

interface RenderedOptions {
  readonly lua: string | undefined;
  readonly requirements: Requirement[];
  readonly concatenations: number;
  readonly multiValued: boolean;
}

function renderOptions(fn: 'ifportup' | 'ifurlup', options: unknown, kind: ValueKind): RenderedOptions {
  const requirements: Requirement[] = [];
  if (options === undefined) return { lua: undefined, requirements, concatenations: 0, multiValued: false };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new LuaRecordError(`${fn}: options must be an object; received ${show(options)}`);
  }
  const allowed = fn === 'ifportup' ? PORT_OPTIONS : URL_OPTIONS;
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] !== undefined && !allowed.has(key as OptionKey)) {
      throw new LuaRecordError(`${fn}: unknown option ${show(key)}; allowed: ${OPTION_ORDER.filter((k) => allowed.has(k)).join(', ')}`);
    }
  }
  const fields: string[] = [];
  let concatenations = 0;
  const str = (value: string, what: string): string => {
    const rendered = luaString(value, what);
    concatenations += rendered.concatenations;
    return rendered.lua;
  };
  const need = (feature: LuaFeatureName, what = `${fn} option ${feature}`): void => {
    requirements.push({ feature, what });
  };
  for (const key of OPTION_ORDER) {
    const value = record[key];
    if (value === undefined) continue;
    const what = `${fn}: options.${key}`;
    need(key);
    switch (key) {
      case 'selector':
        if (!SELECTORS.includes(value as Selector)) throw new LuaRecordError(`${what} ${show(value)} is not one of ${SELECTORS.join(', ')}`);
        fields.push(`selector=${str(value as string, what)}`);
        break;
      case 'backupSelector':
        if (!BACKUP_SELECTORS.includes(value as BackupSelector)) throw new LuaRecordError(`${what} ${show(value)} is not one of ${BACKUP_SELECTORS.join(', ')} ('empty' needs PowerDNS 5.1)`);
        if (value === 'empty') need('backupSelectorEmpty', `${fn} option backupSelector='empty'`);
        fields.push(`backupSelector=${str(value as string, what)}`);
        break;
      case 'source': {
        if (typeof value !== 'string') throw new LuaRecordError(`${what} must be an IP address string; received ${show(value)}`);
        const sourceKind = ipv4Bytes(value) ? 'IPv4' : ipv6Bytes(value) ? 'IPv6' : undefined;
        if (!sourceKind) throw new LuaRecordError(`${what} ${show(value)} is not an IPv4 or IPv6 address`);
        if (sourceKind !== kind) throw new LuaRecordError(`${what} ${show(value)} is an ${sourceKind} address but the addresses checked are ${kind}; checks can only be sent from the same address family`);
        fields.push(`source=${str(value, what)}`);
        break;
      }
      case 'timeout':
      case 'interval':
      case 'minimumFailures':
        fields.push(`${key}=${checkInteger(value, what, 1, INT_MAX, key === 'minimumFailures' ? '' : ' (seconds)')}`);
        break;
      case 'failOnIncompleteCheck':
        if (typeof value !== 'boolean') throw new LuaRecordError(`${what} must be true or false; received ${show(value)}`);
        fields.push(`failOnIncompleteCheck=${value ? "'true'" : "'false'"}`);
        break;
      case 'stringmatch':
        if (typeof value !== 'string' || value.length === 0) throw new LuaRecordError(`${what} must be a non-empty string; received ${show(value)}`);
        if (value.includes('\u0000')) throw new LuaRecordError(`${what} ${show(value)} contains a NUL character; not allowed`);
        fields.push(`stringmatch=${str(value, what)}`);
        break;
      case 'useragent':
        fields.push(`useragent=${str(checkFieldValue(value, what), what)}`);
        break;
      case 'byteslimit':
        fields.push(`byteslimit=${checkInteger(value, what, 0, INT_MAX, ' (bytes, 0 = no limit)')}`);
        break;
      case 'httpcode':
        fields.push(`httpcode=${checkInteger(value, what, 100, 599)}`);
        break;
      case 'headers': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LuaRecordError(`${what} must be an object of header name -> value; received ${show(value)}`);
        const names = Object.keys(value);
        if (names.length === 0) throw new LuaRecordError(`${what} must not be empty; leave it out instead`);
        const lower = new Map<string, string>();
        for (const name of names) {
          if (!HEADER_NAME.test(name)) throw new LuaRecordError(`${what}: header name ${show(name)} must match ${HEADER_NAME.source}`);
          const earlier = lower.get(name.toLowerCase());
          if (earlier !== undefined) throw new LuaRecordError(`${what}: header names ${show(earlier)} and ${show(name)} differ only in case; HTTP header names are case-insensitive`);
          lower.set(name.toLowerCase(), name);
        }
        const entries = [...names]
          .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
          .map((name) => {
            const headerValue = checkFieldValue((value as Record<string, unknown>)[name], `${what}[${JSON.stringify(name)}]`);
            return `[${str(name, `${what} name`)}]=${str(headerValue, `${what}[${JSON.stringify(name)}]`)}`;
          });
        fields.push(`headers={${entries.join(', ')}}`);
        break;
      }
    }
  }
  const multiValued = record.selector === 'all' || record.backupSelector === 'all';
  return { lua: fields.length > 0 ? `{${fields.join(', ')}}` : undefined, requirements, concatenations, multiValued };
}

// ---------------------------------------------------------------------------------------------
// Calls

/** Calls made by {@link Lua}; luaRecordContent only accepts these. */
class BuiltLuaCall implements LuaCall {
  readonly minimumVersion: PdnsVersion;
  private readonly lua: string;

  constructor(
    readonly functionName: string,
    lua: string,
    readonly requirements: readonly Requirement[],
    readonly kind: ValueKind,
    /** True if the call can return more than one value (invalid for CNAME). */
    readonly multiValued: boolean,
    concatenations: number,
  ) {
    const laidOut = layoutForWireSegments(lua);
    const joins = concatenations + laidOut.splits;
    if (joins > MAX_CONCATENATIONS_PER_CALL) {
      throw new LuaRecordError(`${functionName}: its strings need ${joins} string joins in total (for quote characters and for text over ${WIRE_SEGMENT} bytes); at most ${MAX_CONCATENATIONS_PER_CALL} keep the record within PowerDNS's Lua execution limit`);
    }
    this.lua = laidOut.text;
    this.minimumVersion = requirements.reduce<PdnsVersion>((max, r) => (compareVersions(gateOf(r.feature), max) > 0 ? gateOf(r.feature) : max), OLDEST_VERSION);
  }

  render(): string {
    return this.lua;
  }
}

// ---------------------------------------------------------------------------------------------
// 255-byte wire segments

/** PowerDNS cuts text into segments of this many (unescaped) bytes on the wire (segmentDNSText). */
const WIRE_SEGMENT = 255;
/** Literals up to this many wire bytes (quotes included) are never cut, only moved. */
const MAX_UNSPLIT_LITERAL = 64;

/**
 * Makes every multiple of 255 wire bytes fall between two Lua tokens.
 *
 * On the wire (AXFR, LMDB) a LUA record's text travels as 255-byte segments; the receiver reads
 * them back as `"seg1" "seg2"` and LUARecordContent::getCode joins them with a space (before 5.0,
 * and with lua-records-insert-whitespace=yes) or without. A space inside a token changes the Lua:
 * measured on 4.7.3, a secondary answered 127.0.0.0 for `'127.0.0.2'` split as `'127.0 .0.2'`.
 * Between tokens either join is harmless. So: a token that would straddle a boundary is pushed
 * past it with spaces; a string literal longer than 64 bytes that straddles one is cut there into
 * `'...' .. '...'` (shorter ones, such as every address, are moved whole and stay findable).
 * Text of at most 255 wire bytes is returned unchanged.
 */
function layoutForWireSegments(lua: string): { text: string; splits: number } {
  let out = '';
  let position = 0; // wire bytes written
  let splits = 0;
  const chunkOf = (offset: number): number => Math.floor(offset / WIRE_SEGMENT);
  const straddles = (length: number): boolean => length > 0 && chunkOf(position) !== chunkOf(position + length - 1);
  const padToBoundary = (): void => {
    const spaces = (chunkOf(position) + 1) * WIRE_SEGMENT - position;
    out += ' '.repeat(spaces);
    position += spaces;
  };
  let i = 0;
  while (i < lua.length) {
    const char = lua[i];
    if (char === "'") {
      // A literal: each unit is the text of one wire byte (a character, an escaped backslash or \ddd).
      const units: string[] = [];
      let j = i + 1;
      while (lua[j] !== "'") {
        const unit = lua[j] === '\\' ? (lua[j + 1] === '\\' ? '\\\\' : lua.slice(j, j + 4)) : lua[j];
        units.push(unit);
        j += unit.length;
      }
      i = j + 1;
      let rest = units;
      // Short literals (addresses, selectors, ...) move whole: callers may look them up verbatim.
      if (rest.length + 2 <= MAX_UNSPLIT_LITERAL && straddles(rest.length + 2)) padToBoundary();
      while (straddles(rest.length + 2)) {
        const room = (chunkOf(position) + 1) * WIRE_SEGMENT - position - 2; // units that fit before the boundary
        if (room < 1) {
          padToBoundary();
          continue;
        }
        out += `'${rest.slice(0, room).join('')}' .. `;
        position += room + 2 + 4;
        rest = rest.slice(room);
        splits++;
      }
      out += `'${rest.join('')}'`;
      position += rest.length + 2;
      continue;
    }
    // Any other token: string.char (kept whole for readability), a name, a number, `..`, or one character.
    const token = /^(?:string\.char|[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\.\.|\s|.)/.exec(lua.slice(i))![0];
    if (token !== ' ' && straddles(token.length)) padToBoundary();
    out += token;
    position += token.length;
    i += token.length;
  }
  return { text: out, splits };
}

function renderList(fn: string, values: readonly string[], listName: string): { lua: string; concatenations: number } {
  let concatenations = 0;
  const items = values.map((value, i) => {
    const rendered = luaString(value, `${fn}: ${listName}[${i}]`);
    concatenations += rendered.concatenations;
    return rendered.lua;
  });
  return { lua: `{${items.join(', ')}}`, concatenations };
}

function ifCheck(fn: 'ifportup' | 'ifurlup', first: RenderedString, targets: unknown, options: unknown): BuiltLuaCall {
  const { groups, grouped } = addressGroups(fn, targets);
  const values = grouped
    ? groups.flatMap((group, g) => group.map((text, i) => ({ text: text as unknown, what: `addresses.groups[${g}][${i}]` })))
    : groups[0].map((text, i) => ({ text: text as unknown, what: Array.isArray(targets) ? `addresses[${i}]` : `addresses.groups[0][${i}]` }));
  const kind = checkValues(fn, values, false, 'addresses');
  const opts = renderOptions(fn, options, kind);
  let concatenations = first.concatenations + opts.concatenations;
  const lists = groups.map((group) => {
    const rendered = renderList(fn, group, 'addresses');
    concatenations += rendered.concatenations;
    return rendered.lua;
  });
  const addressLua = grouped ? `{${lists.join(', ')}}` : lists[0];
  const requirements: Requirement[] = [{ feature: fn, what: `${fn}()` }];
  if (grouped) requirements.push({ feature: fn === 'ifportup' ? 'ifportupGroups' : 'ifurlupGroups', what: `${fn} with address groups` });
  requirements.push(...opts.requirements);
  const args = [first.lua, addressLua, ...(opts.lua === undefined ? [] : [opts.lua])];
  return new BuiltLuaCall(fn, `${fn}(${args.join(', ')})`, requirements, kind, opts.multiValued, concatenations);
}

type PickFunction = 'pickclosest' | 'pickrandom' | 'pickhashed' | 'all';

function pick(fn: PickFunction, addresses: unknown): BuiltLuaCall {
  if (!Array.isArray(addresses)) throw new LuaRecordError(`${fn}: addresses must be an array; received ${show(addresses)}`);
  const allowHostnames = fn !== 'pickclosest';
  const kind = checkValues(fn, addresses.map((text: unknown, i) => ({ text, what: `addresses[${i}]` })), allowHostnames, 'addresses');
  const list = renderList(fn, addresses as string[], 'addresses');
  const requirements: Requirement[] = [{ feature: fn, what: `${fn}()` }];
  if (kind === 'hostname') requirements.push({ feature: 'hostnames', what: `${fn}() with hostnames` });
  return new BuiltLuaCall(fn, `${fn}(${list.lua})`, requirements, kind, fn === 'all' && addresses.length > 1, list.concatenations);
}

function weightedPick(fn: 'pickwrandom' | 'pickwhashed', weighted: unknown): BuiltLuaCall {
  if (!Array.isArray(weighted)) throw new LuaRecordError(`${fn}: weighted must be an array of { address, weight }; received ${show(weighted)}`);
  weighted.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw new LuaRecordError(`${fn}: weighted[${i}] must be an object { address, weight }; received ${show(entry)}`);
  });
  const entries = weighted as WeightedAddress[];
  const kind = checkValues(fn, entries.map((entry, i) => ({ text: entry.address as unknown, what: `weighted[${i}].address` })), true, 'weighted');
  let total = 0;
  let concatenations = 0;
  const items = entries.map((entry, i) => {
    const weight = checkInteger(entry.weight, `${fn}: weighted[${i}].weight`, 1, INT_MAX);
    total += weight;
    if (total > INT_MAX) throw new LuaRecordError(`${fn}: the weights add up to more than ${INT_MAX} at weighted[${i}]; PowerDNS sums them in an int`);
    const rendered = luaString(entry.address, `${fn}: weighted[${i}].address`);
    concatenations += rendered.concatenations;
    return `{${weight}, ${rendered.lua}}`;
  });
  const requirements: Requirement[] = [{ feature: fn, what: `${fn}()` }];
  if (kind === 'hostname') requirements.push({ feature: 'hostnames', what: `${fn}() with hostnames` });
  return new BuiltLuaCall(fn, `${fn}({${items.join(', ')}})`, requirements, kind, false, concatenations);
}

/** Builders for the PowerDNS Lua functions this project uses. Each validates its input completely. */
export const Lua: {
  /** TCP connect check on `port` of every address; answers with healthy ones (see {@link CheckOptions}). */
  ifportup(port: number, targets: AddressList, options?: PortCheckOptions): LuaCall;
  /** HTTP(S) GET of `url` against every address (sent to that IP, Host from the URL). */
  ifurlup(url: string, targets: AddressList, options?: UrlCheckOptions): LuaCall;
  /** The address closest to the client (needs the geoip backend with a City database). IPs only. */
  pickclosest(addresses: readonly string[]): LuaCall;
  /** One value at random; no health check. IPs, or hostnames for CNAME. */
  pickrandom(addresses: readonly string[]): LuaCall;
  /** One value chosen by a hash of the client address; no health check. Needs 4.7. */
  pickhashed(addresses: readonly string[]): LuaCall;
  /** One value at random, by weight; no health check. */
  pickwrandom(weighted: readonly WeightedAddress[]): LuaCall;
  /** One value chosen by a hash of the client address, by weight; no health check. */
  pickwhashed(weighted: readonly WeightedAddress[]): LuaCall;
  /** Every value (CNAME: exactly one). Needs 4.7. */
  all(addresses: readonly string[]): LuaCall;
} = Object.freeze({
  ifportup(port: number, targets: AddressList, options?: PortCheckOptions): LuaCall {
    return ifCheck('ifportup', { lua: String(checkInteger(port, 'ifportup: port', 1, 65535)), concatenations: 0 }, targets, options);
  },
  ifurlup(url: string, targets: AddressList, options?: UrlCheckOptions): LuaCall {
    return ifCheck('ifurlup', luaString(checkUrl(url), 'ifurlup: url'), targets, options);
  },
  pickclosest: (addresses: readonly string[]): LuaCall => pick('pickclosest', addresses),
  pickrandom: (addresses: readonly string[]): LuaCall => pick('pickrandom', addresses),
  pickhashed: (addresses: readonly string[]): LuaCall => pick('pickhashed', addresses),
  pickwrandom: (weighted: readonly WeightedAddress[]): LuaCall => weightedPick('pickwrandom', weighted),
  pickwhashed: (weighted: readonly WeightedAddress[]): LuaCall => weightedPick('pickwhashed', weighted),
  all: (addresses: readonly string[]): LuaCall => pick('all', addresses),
});

// ---------------------------------------------------------------------------------------------
// Record content

const KIND_OF_TYPE: Record<LuaRecordType, ValueKind> = { A: 'IPv4', AAAA: 'IPv6', CNAME: 'hostname' };

// eslint-disable-next-line no-control-regex
const UNSAFE_CONTENT = /["\x00-\x1f\x7f]|\$\{|%\{/;

/**
 * Canonical content of a LUA record: `A "<lua>"` — upper-case type, exactly one space, the Lua in
 * double quotes.
 *
 * Throws {@link LuaRecordError} if `call` needs a newer server than `target` (naming each function
 * or option and the version it needs), or if type and values disagree: IPv4 for A, IPv6 for AAAA,
 * one hostname at a time for CNAME (pickrandom, pickhashed, pickwrandom, pickwhashed, or all() with
 * a single hostname; health checks and pickclosest work on IP addresses only).
 *
 * @param target the PowerDNS release line serving the record. @default DEFAULT_PDNS_VERSION ('4.9')
 */
export function luaRecordContent(type: LuaRecordType, call: LuaCall, target: PdnsVersion = DEFAULT_PDNS_VERSION): string {
  if (!RECORD_TYPES.includes(type)) {
    throw new LuaRecordError(`record type ${show(type)} is not supported; allowed: ${RECORD_TYPES.join(', ')} (upper case)`);
  }
  if (!(call instanceof BuiltLuaCall)) {
    throw new LuaRecordError(`call must be built with Lua.ifportup/ifurlup/pick*/all so that it is validated; received ${show(call)}`);
  }
  const server = checkVersion(target, 'target');
  const expected = KIND_OF_TYPE[type];
  if (call.kind !== expected) {
    const reason = type === 'CNAME' && (call.functionName.startsWith('if') || call.functionName === 'pickclosest')
      ? `; ${call.functionName}() works on IP addresses only`
      : '';
    throw new LuaRecordError(`${type} record needs ${kinds(expected)}, but ${call.functionName}() was given ${kinds(call.kind)}${reason}`);
  }
  if (type === 'CNAME' && call.multiValued) {
    throw new LuaRecordError(`CNAME record must have exactly one target, but ${call.functionName}() returns several; use pickrandom/pickhashed/pickwrandom/pickwhashed, or all() with one hostname`);
  }
  const missing = call.requirements.filter((r) => compareVersions(gateOf(r.feature), server) > 0);
  if (missing.length > 0) {
    const list = missing.map((r) => `${r.what} needs PowerDNS ${gateOf(r.feature)} or later`).join('; ');
    throw new LuaRecordError(`${list}; target is ${server}`);
  }
  const lua = call.render();
  if (UNSAFE_CONTENT.test(lua)) {
    // Unreachable by construction; a guard against future edits of the renderers.
    throw new LuaRecordError(`internal error: rendered Lua contains a double quote, a control character, \${ or %{: ${show(lua)}`);
  }
  return `${type} "${lua}"`;
}
