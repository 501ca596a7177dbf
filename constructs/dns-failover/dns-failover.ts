import { Fn, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError } from '../../lib/config/errors';
import { DnsSpec, RegionEndpoint } from '../../lib/config/model';
import { Record as PowerdnsRecord } from '../../providers/powerdns/record';
import { Zone } from '../../providers/powerdns/zone';
import { compareVersions, IPV4_PATTERN, WIRE_SEGMENT } from './lua';
import { PlacementError, planApplicationRecord, RecordPlan } from './placement';

/** Props for {@link DnsFailover}. */
export interface DnsFailoverProps {
  /** The validated DNS settings: zone, name servers, applications and their placement. */
  readonly dns: DnsSpec;
  /**
   * Public addresses of each region (IPv4 and/or IPv6): literals, or tokens such as another stack's
   * load balancer outputs (cdktf turns them into remote-state reads).
   */
  readonly regionAddresses: Readonly<Record<string, RegionEndpoint>>;
}

type Family = keyof RegionEndpoint;

/** Longest text form of an address of each family that a precondition lets through. */
const MAX_LENGTH: Record<Family, number> = { ipv4: 15, ipv6: 39 };

/**
 * Placeholder number `n` of set 0 or 1, for an address only known after apply. Both sets are valid
 * addresses of maximal length (so the record checked is never shorter than the real one) from
 * reserved ranges (240.0.0.0/4; 0100::/64, the IPv6 discard prefix), and differ from each other
 * in every placeholder.
 */
function placeholder(family: Family, set: 0 | 1, n: number): string {
  if (family === 'ipv4') return `${240 + set}.${100 + Math.floor(n / 10000)}.${100 + (Math.floor(n / 100) % 100)}.${100 + (n % 100)}`;
  return `0100:0000:0000:0000:0000:0000:000${set}:${n.toString(16).padStart(4, '0')}`;
}

/**
 * The PowerDNS side of multi-region traffic: the zone (unless managed elsewhere), its NS records, and
 * per application a LUA record set built by the Lua builder from the application's placement (an A
 * and/or AAAA answer), or plain A/AAAA records for a single region. Records update in place
 * (mmianl/powerdns).
 */
export class DnsFailover extends Construct {
  /** The application records by application name (the A or LUA record; see {@link ipv6Records}). */
  public readonly records: Readonly<Record<string, PowerdnsRecord>>;
  /** For single-region applications whose region has IPv6: the plain AAAA record, by application name. */
  public readonly ipv6Records: Readonly<Record<string, PowerdnsRecord>>;

  constructor(scope: Construct, id: string, props: DnsFailoverProps) {
    super(scope, id);
    const { dns } = props;
    const zone = dns.manageZone ? new Zone(this, 'zone', { name: dns.zone, kind: 'Native' }) : undefined;
    const zoneName = zone ? zone.name : dns.zone;
    new PowerdnsRecord(this, 'ns', { zone: zoneName, name: dns.zone, type: 'NS', ttl: 3600, records: [...dns.nameservers] });

    // Addresses only known after apply (tokens) cannot be checked as IPs while the Lua is built. Each
    // gets a placeholder, and every record is built twice, with two placeholder sets: text that
    // differs between the two builds is exactly where an address was put, so only those places are
    // swapped back for the token (user text that happens to equal a placeholder is left alone). An
    // OpenTofu precondition then checks the real value at plan time.
    const tokens: { family: Family; token: string }[] = [];
    const indexOf = (family: Family, token: string): number => {
      let n = tokens.findIndex((t) => t.family === family && t.token === token);
      if (n < 0) n = tokens.push({ family, token }) - 1;
      return n;
    };
    const addressesWith = (set: 0 | 1) => (region: string): RegionEndpoint => {
      const endpoint = props.regionAddresses[region];
      if (endpoint === undefined) throw new Error(`${dns.file}: no address for region "${region}"`);
      const resolve = (family: Family): string | undefined => {
        const value = endpoint[family];
        return value === undefined || !Token.isUnresolved(value) ? value : placeholder(family, set, indexOf(family, value));
      };
      return { ipv4: resolve('ipv4'), ipv6: resolve('ipv6') };
    };

    const records: Record<string, PowerdnsRecord> = {};
    const ipv6Records: Record<string, PowerdnsRecord> = {};
    for (const app of dns.applications) {
      let plans: [RecordPlan[], RecordPlan[]];
      try {
        plans = [planApplicationRecord(app, addressesWith(0), dns.powerdnsVersion), planApplicationRecord(app, addressesWith(1), dns.powerdnsVersion)];
      } catch (e) {
        if (e instanceof PlacementError) throw new ConfigError(dns.file, `${app.at}${e.at}`, `application "${app.name}": ${e.message}`);
        throw e;
      }
      // Servers before 5.0 insert a space at every 255-byte cut of a long record; the builder lays
      // literal addresses out around the cuts assuming placeholder lengths, so a shorter real address
      // is padded with spaces after its closing quote (between Lua tokens) to the same length.
      const pad = compareVersions(dns.powerdnsVersion, '5.0') < 0;
      plans[0].forEach((plan, p) => {
        const used = new Set<number>();
        const contents = plan.records.map((content, r) => swapTokens(content, plans[1][p].records[r], tokens, used, pad && plan.type === 'LUA' && Buffer.byteLength(content) > WIRE_SEGMENT));
        const isIpv6Plain = plan.type === 'AAAA' && plans[0].length > 1;
        const record = new PowerdnsRecord(this, isIpv6Plain ? `${app.name}-aaaa` : app.name, { zone: zoneName, name: app.fqdn, type: plan.type, ttl: app.ttl, records: contents });
        if (used.size > 0) {
          record.addOverride('lifecycle.precondition', [...used].sort((a, b) => a - b).map((n) => precondition(tokens[n].family, tokens[n].token, app.fqdn)));
        }
        if (isIpv6Plain) ipv6Records[app.name] = record;
        else records[app.name] = record;
      });
    }
    this.records = records;
    this.ipv6Records = ipv6Records;
  }
}

/**
 * `content` (built with placeholder set 0) with every address slot swapped for its token. A slot is
 * a placeholder of set 0 — the whole content for a plain record, or a quoted Lua literal — at a place
 * where the set-1 build has the same-numbered placeholder of set 1. `padded`: follow the closing quote
 * with spaces up to the placeholder's length (see the constructor).
 */
function swapTokens(content: string, other: string, tokens: readonly { family: Family; token: string }[], used: Set<number>, padded: boolean): string {
  if (content.length !== other.length) throw new Error(`internal error: the two builds of a record differ in length:\n${content}\n${other}`);
  for (let n = 0; n < tokens.length; n++) {
    if (content === placeholder(tokens[n].family, 0, n) && other === placeholder(tokens[n].family, 1, n)) {
      used.add(n);
      return tokens[n].token;
    }
  }
  let out = '';
  let i = 0;
  while (i < content.length) {
    const slot = content[i] === "'" ? tokens.findIndex((t, n) => content.startsWith(`'${placeholder(t.family, 0, n)}'`, i) && other.startsWith(`'${placeholder(t.family, 1, n)}'`, i)) : -1;
    if (slot < 0) {
      out += content[i];
      i++;
      continue;
    }
    const { family, token } = tokens[slot];
    used.add(slot);
    out += `'${token}'`;
    if (padded) out += Fn.substr(' '.repeat(MAX_LENGTH[family]), 0, Token.asNumber(Op.sub(MAX_LENGTH[family], Fn.lengthOf(token))));
    i += placeholder(family, 0, slot).length + 2;
  }
  return out;
}

/** The plan-time check of an address only known after apply: the right family, at most the placeholder's length. */
function precondition(family: Family, token: string, fqdn: string): { condition: unknown; error_message: string } {
  if (family === 'ipv4') {
    return {
      condition: Fn.can(Fn.regex(IPV4_PATTERN, token)),
      error_message: `A region address used by ${fqdn} is not an IPv4 address; check the region stack's load_balancer_ipv4 output.`,
    };
  }
  return {
    condition: Op.and(Fn.can(Fn.cidrhost(Fn.format("%s/128", [token]), 0)), Op.lte(Fn.lengthOf(token), MAX_LENGTH.ipv6)),
    error_message: `A region address used by ${fqdn} is not an IPv6 address of at most ${MAX_LENGTH.ipv6} characters; check the region stack's load_balancer_ipv6 output.`,
  };
}
