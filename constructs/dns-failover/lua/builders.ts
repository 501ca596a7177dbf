/** The builders ({@link Lua}) and the record content ({@link luaRecordContent}): the public API. */
import { checkInteger, INT_MAX, LuaRecordError, show } from './errors';
import { luaString, MAX_CONCATENATIONS_PER_CALL, RenderedString } from './escaping';
import { PortCheckOptions, renderOptions, Requirement, UrlCheckOptions } from './options';
import { addressGroups, checkUrl, checkValues, kinds, ValueKind } from './values';
import { checkVersion, compareVersions, DEFAULT_PDNS_VERSION, gateOf, PdnsVersion } from './versions';
import { OLDEST_PDNS_VERSION } from '../../../lib/config/powerdns-versions';
import { layoutForWireSegments, WIRE_SEGMENT } from './wire';

const OLDEST_VERSION: PdnsVersion = OLDEST_PDNS_VERSION;

/** The record types a LUA record here can synthesize. */
export type LuaRecordType = 'A' | 'AAAA' | 'CNAME';

const RECORD_TYPES: readonly LuaRecordType[] = ['A', 'AAAA', 'CNAME'];

/**
 * Addresses to health-check: a flat list, ordered failover groups (the first group with a healthy
 * member wins; the selector then picks among that group's healthy members), or weighted addresses.
 * Groups need PowerDNS 4.8 for ifportup (4.2 for ifurlup). A single group is rendered flat.
 *
 * Weighted (`{ weighted }`): each address is repeated in one flat list in proportion to its weight
 * (weights divided by their greatest common divisor; at most {@link MAX_WEIGHT_SLOTS} entries in all).
 * PowerDNS checks each distinct address once and its 'random' (or 'hashed') selector picks uniformly
 * among the healthy entries, so a healthy address answers in proportion to its weight and a failed one
 * not at all; with every address down, backupSelector picks among all entries (weighted too). Works on
 * every supported release (lua-record.cc genericIfUp keeps the list as given; checks are keyed by address).
 * Selectors 'all' and 'pickclosest' ignore weights and are refused with it.
 */
export type AddressList =
  | readonly string[]
  | { readonly groups: readonly (readonly string[])[] }
  | { readonly weighted: readonly WeightedAddress[] };

/** The most list entries a weighted if*up list may expand to (keeps records short and well inside the exec limit). */
export const MAX_WEIGHT_SLOTS = 100;

/** An address (or CNAME target) with its relative weight for pickwrandom/pickwhashed. */
export interface WeightedAddress {
  /** IPv4, IPv6 or (for CNAME) a hostname. */
  readonly address: string;
  /** Relative weight: a positive integer; all weights together at most 2147483647. */
  readonly weight: number;
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

function renderList(fn: string, values: readonly string[], listName: string): { lua: string; concatenations: number } {
  let concatenations = 0;
  const items = values.map((value, i) => {
    const rendered = luaString(value, `${fn}: ${listName}[${i}]`);
    concatenations += rendered.concatenations;
    return rendered.lua;
  });
  return { lua: `{${items.join(', ')}}`, concatenations };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The flat list a `{ weighted }` AddressList expands to, after checking entries, weights and selectors. */
function weightedList(fn: 'ifportup' | 'ifurlup', weighted: unknown, options: unknown): string[] {
  if (!Array.isArray(weighted) || weighted.length === 0) throw new LuaRecordError(`${fn}: addresses.weighted must be a non-empty array of { address, weight }; received ${show(weighted)}`);
  weighted.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw new LuaRecordError(`${fn}: addresses.weighted[${i}] must be an object { address, weight }; received ${show(entry)}`);
  });
  const entries = weighted as WeightedAddress[];
  const weights = entries.map((entry, i) => checkInteger(entry.weight, `${fn}: addresses.weighted[${i}].weight`, 1, INT_MAX));
  const divisor = weights.reduce(gcd);
  const slots = weights.reduce((sum, w) => sum + w / divisor, 0);
  if (slots > MAX_WEIGHT_SLOTS) {
    throw new LuaRecordError(`${fn}: addresses.weighted: the weights ${weights.join('/')} reduce to ${weights.map((w) => w / divisor).join('/')}, ${slots} list entries; at most ${MAX_WEIGHT_SLOTS} are allowed (use weights with a larger common divisor, e.g. percentages in steps of 5)`);
  }
  const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  for (const key of ['selector', 'backupSelector'] as const) {
    const value = opts[key];
    if (value === 'all' || value === 'pickclosest') {
      throw new LuaRecordError(`${fn}: options.${key} ${show(value)} ignores weights (it would ${value === 'all' ? 'answer with repeated addresses' : 'pick by location'}); with weighted addresses use 'random' or 'hashed'${key === 'backupSelector' ? " (or 'empty')" : ''}`);
    }
  }
  return entries.flatMap((entry, i) => new Array<string>(weights[i] / divisor).fill(entry.address));
}

function ifCheck(fn: 'ifportup' | 'ifurlup', first: RenderedString, targets: unknown, options: unknown): BuiltLuaCall {
  if (typeof targets === 'object' && targets !== null && 'weighted' in targets) {
    const weighted = (targets as { weighted: unknown }).weighted;
    // The expanded flat list (shape, weights, selectors checked); then distinct addresses of one kind.
    const list = weightedList(fn, weighted, options);
    const kind = checkValues(fn, (weighted as WeightedAddress[]).map((entry, i) => ({ text: entry.address as unknown, what: `addresses.weighted[${i}].address` })), false, 'addresses.weighted');
    const opts = renderOptions(fn, options, kind);
    const rendered = renderList(fn, list, 'addresses');
    const requirements: Requirement[] = [{ feature: fn, what: `${fn}()` }, ...opts.requirements];
    const args = [first.lua, rendered.lua, ...(opts.lua === undefined ? [] : [opts.lua])];
    return new BuiltLuaCall(fn, `${fn}(${args.join(', ')})`, requirements, kind, opts.multiValued, first.concatenations + opts.concatenations + rendered.concatenations);
  }
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
