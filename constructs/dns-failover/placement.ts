import { ApplicationSpec, HealthCheck } from '../../lib/config/model';
import { CheckOptions, Lua, LuaCall, luaRecordContent, PdnsVersion } from './lua';

/** The PowerDNS record set an application becomes. */
export interface RecordPlan {
  /** `LUA` for health-checked or computed answers, `A` for a single fixed region. */
  readonly type: 'LUA' | 'A';
  /** Record contents (one for LUA: `A "<lua>"`). */
  readonly records: readonly string[];
}

/**
 * Maps an application's placement onto one record (docs/MULTI-REGION-DNS.md):
 * - active-active → if*up(…, {all regions}, {selector='all'}): every healthy region answers;
 * - failover      → if*up(…, {{group 1}, {group 2}, …}, {selector='all'}): first healthy group;
 * - geo           → if*up(…, {all regions}, {selector='pickclosest'}): the closest healthy region;
 * - weighted      → pickwrandom({{weight, address}, …}): weighted random, not health-checked;
 * - single        → a plain A record.
 * HTTP checks use ifurlup (with stringmatch when `expect` is set), TCP checks ifportup.
 * `addressOf` gives a region's public IPv4. Throws LuaRecordError when the target version lacks a
 * function or option the placement needs.
 */
export function planApplicationRecord(app: ApplicationSpec, addressOf: (region: string) => string, target: PdnsVersion): RecordPlan {
  const placement = app.placement;
  const lua = (call: LuaCall): RecordPlan => ({ type: 'LUA', records: [luaRecordContent('A', call, target)] });
  switch (placement.strategy) {
    case 'single':
      return { type: 'A', records: [addressOf(placement.region)] };
    case 'weighted':
      return lua(Lua.pickwrandom(Object.entries(placement.weights).map(([region, weight]) => ({ address: addressOf(region), weight }))));
    case 'active-active':
      return lua(healthChecked(app.healthCheck, placement.regions.map(addressOf), 'all'));
    case 'geo':
      return lua(healthChecked(app.healthCheck, placement.regions.map(addressOf), 'pickclosest'));
    case 'failover':
      return lua(healthChecked(app.healthCheck, { groups: placement.groups.map((group) => group.map(addressOf)) }, 'all'));
  }
}

type Targets = readonly string[] | { readonly groups: readonly (readonly string[])[] };

function healthChecked(check: HealthCheck, targets: Targets, selector: NonNullable<CheckOptions['selector']>): LuaCall {
  if (check.type === 'tcp') return Lua.ifportup(check.port, targets, { selector, timeout: check.timeout });
  const port = check.port === undefined ? '' : `:${check.port}`;
  const url = `${check.scheme}://${check.host}${port}${check.path}`;
  return Lua.ifurlup(url, targets, { selector, timeout: check.timeout, ...(check.expect === undefined ? {} : { stringmatch: check.expect }) });
}
