import { ApplicationSpec, HealthCheck, RegionEndpoint } from '../../lib/config/model';
import { AddressList, CheckOptions, Lua, LuaCall, luaRecordContent, LuaRecordError, LuaRecordType, PdnsVersion } from './lua';

/** One PowerDNS record set an application becomes. */
export interface RecordPlan {
  /** `LUA` for health-checked or computed answers, `A`/`AAAA` for a single fixed region. */
  readonly type: 'LUA' | 'A' | 'AAAA';
  /** Record contents (LUA: `A "<lua>"` and/or `AAAA "<lua>"`, one per address family). */
  readonly records: readonly string[];
}

/** A placement the Lua builder refused, with the JSON pointer (relative to the application) of the field at fault. */
export class PlacementError extends Error {
  constructor(
    /** Pointer relative to the application, e.g. `/healthCheck/expect`. */
    readonly at: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlacementError';
  }
}

type Family = 'ipv4' | 'ipv6';
const FAMILIES: readonly [Family, LuaRecordType][] = [
  ['ipv4', 'A'],
  ['ipv6', 'AAAA'],
];

/**
 * Maps an application's placement onto its record sets (docs/MULTI-REGION-DNS.md), one answer per
 * address family the regions have (A for IPv4, AAAA for IPv6; both in one LUA record set):
 * - active-active → if*up(…, {all regions}, {selector='all'}): every healthy region answers;
 * - failover      → if*up(…, {{group 1}, {group 2}, …}, {selector='all'}): first healthy group;
 * - geo           → if*up(…, {all regions}, {selector='pickclosest'}): the closest healthy region;
 * - weighted      → if*up(…, {each region repeated by weight}, {selector='random'}): healthy regions
 *                   by weight; with healthChecked: false, pickwrandom (not health-checked);
 * - single        → a plain A (and AAAA) record.
 * Per family, regions without an address of that family are left out (a failover group that ends
 * up empty is skipped); a family no region of the placement has gets no record.
 * HTTP checks use ifurlup (with stringmatch when `expect` is set), TCP checks ifportup.
 * `addressesOf` gives a region's public addresses. Throws {@link PlacementError} naming the field
 * at fault when the Lua builder refuses the input or the target version lacks what it needs.
 */
export function planApplicationRecord(app: ApplicationSpec, addressesOf: (region: string) => RegionEndpoint, target: PdnsVersion): RecordPlan[] {
  const placement = app.placement;
  const of = (family: Family) => (region: string) => addressesOf(region)[family];
  if (placement.strategy === 'single') {
    return FAMILIES.flatMap(([family, type]) => {
      const address = of(family)(placement.region);
      return address === undefined ? [] : [{ type, records: [address] } as RecordPlan];
    });
  }
  const contents: string[] = [];
  for (const [family, type] of FAMILIES) {
    const call = familyCall(app, of(family));
    if (call) contents.push(asPlacementError(app, () => luaRecordContent(type, call(), target)));
  }
  return [{ type: 'LUA', records: contents }];
}

/** The builder call for one family, or undefined when no region of the placement has that family. */
function familyCall(app: ApplicationSpec, addressOf: (region: string) => string | undefined): (() => LuaCall) | undefined {
  const placement = app.placement;
  const present = (regions: readonly string[]) => regions.map(addressOf).filter((a): a is string => a !== undefined);
  switch (placement.strategy) {
    case 'active-active':
    case 'geo': {
      const addresses = present(placement.regions);
      if (addresses.length === 0) return undefined;
      return () => healthChecked(app.healthCheck, addresses, placement.strategy === 'geo' ? 'pickclosest' : 'all');
    }
    case 'failover': {
      const groups = placement.groups.map(present).filter((group) => group.length > 0);
      if (groups.length === 0) return undefined;
      return () => healthChecked(app.healthCheck, { groups }, 'all');
    }
    case 'weighted': {
      const weighted = Object.entries(placement.weights).flatMap(([region, weight]) => {
        const address = addressOf(region);
        return address === undefined ? [] : [{ address, weight }];
      });
      if (weighted.length === 0) return undefined;
      if (placement.healthChecked === false) return () => Lua.pickwrandom(weighted);
      return () => healthChecked(app.healthCheck, { weighted }, 'random');
    }
    case 'single':
      return undefined; // plain records, see planApplicationRecord
  }
}

function healthChecked(check: HealthCheck, targets: AddressList, selector: NonNullable<CheckOptions['selector']>): LuaCall {
  if (check.type === 'tcp') return Lua.ifportup(check.port, targets, { selector, timeout: check.timeout });
  const port = check.port === undefined ? '' : `:${check.port}`;
  const url = `${check.scheme}://${check.host}${port}${check.path}`;
  return Lua.ifurlup(url, targets, { selector, timeout: check.timeout, ...(check.expect === undefined ? {} : { stringmatch: check.expect }) });
}

/**
 * Runs a builder step and turns its LuaRecordError into a PlacementError at the field the refused
 * input came from. The builder names every input by a fixed label (`ifurlup: url`,
 * `ifurlup: options.stringmatch`, `ifportup: port`, `…: addresses.weighted[i].weight`, …).
 */
function asPlacementError<T>(app: ApplicationSpec, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof LuaRecordError)) throw e;
    throw new PlacementError(fieldOf(app, e.message), e.message);
  }
}

/** The application field a builder message is about (relative pointer). */
export function fieldOf(app: ApplicationSpec, message: string): string {
  const check = app.healthCheck;
  const label = /^(?:ifurlup|ifportup|pickwrandom): ([A-Za-z.]+)/.exec(message)?.[1] ?? '';
  if (label === 'url' && check.type === 'http') {
    // The URL is scheme://host[:port]path, where scheme and port are checked by the schema.
    // A host left out defaults to the application's own name (hostname + zone).
    if (/invalid host|must have a host/.test(message)) return check.hostDefaulted ? '/hostname' : '/healthCheck/host';
    return '/healthCheck/path';
  }
  if (label === 'options.stringmatch') return '/healthCheck/expect';
  if (label === 'options.timeout') return '/healthCheck/timeout';
  if (label === 'port') return '/healthCheck/port';
  if (label.startsWith('addresses.weighted') || label.startsWith('weighted')) return '/placement/weights';
  return '/placement';
}
