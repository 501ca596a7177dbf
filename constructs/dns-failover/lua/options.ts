/** The options table of ifportup/ifurlup: its types, checks, rendering and version needs. */
import { checkInteger, INT_MAX, LuaRecordError, show } from './errors';
import { luaString } from './escaping';
import { ipv4Bytes, ipv6Bytes, ValueKind } from './values';
import { LuaFeatureName } from './versions';

/** How if*up picks among the addresses it considers (docs/lua-records/functions.rst). */
export type Selector = 'random' | 'all' | 'hashed' | 'pickclosest';

/** How if*up picks when every address is down: a {@link Selector}, or 'empty' (no answer, 5.1+). */
export type BackupSelector = Selector | 'empty';

const SELECTORS: readonly Selector[] = ['random', 'all', 'hashed', 'pickclosest'];
const BACKUP_SELECTORS: readonly BackupSelector[] = [...SELECTORS, 'empty'];

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

export interface Requirement {
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

export interface RenderedOptions {
  readonly lua: string | undefined;
  readonly requirements: Requirement[];
  readonly concatenations: number;
  readonly multiValued: boolean;
}

export function renderOptions(fn: 'ifportup' | 'ifurlup', options: unknown, kind: ValueKind): RenderedOptions {
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
      case 'headers':
        fields.push(`headers=${renderHeaders(value, what, str)}`);
        break;
    }
  }
  const multiValued = record.selector === 'all' || record.backupSelector === 'all';
  return { lua: fields.length > 0 ? `{${fields.join(', ')}}` : undefined, requirements, concatenations, multiValued };
}

/** The `headers` option as a Lua table of name -> value in name order (checked: names, case clashes, values). */
function renderHeaders(value: unknown, what: string, str: (text: string, what: string) => string): string {
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
  return `{${entries.join(', ')}}`;
}
