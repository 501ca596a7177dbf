import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError } from '../../lib/config/errors';
import { DnsSpec } from '../../lib/config/model';
import { Record as PowerdnsRecord } from '../../providers/powerdns/record';
import { Zone } from '../../providers/powerdns/zone';
import { compareVersions, IPV4_PATTERN, LuaRecordError, WIRE_SEGMENT } from './lua';
import { planApplicationRecord } from './placement';

/** Props for {@link DnsFailover}. */
export interface DnsFailoverProps {
  /** The validated DNS settings: zone, name servers, applications and their placement. */
  readonly dns: DnsSpec;
  /**
   * Public IPv4 of each region: a literal, or a token such as another stack's load balancer
   * output (cdktf turns it into a remote-state read).
   */
  readonly regionAddresses: Readonly<Record<string, string>>;
}

/**
 * The PowerDNS side of multi-region traffic: the zone (unless managed elsewhere), its NS records, and
 * one record per application — a LUA record built by the Lua builder from the application's
 * placement, or a plain A record for a single region. Records update in place (mmianl/powerdns).
 */
export class DnsFailover extends Construct {
  /** The application records by application name. */
  public readonly records: Readonly<Record<string, PowerdnsRecord>>;

  constructor(scope: Construct, id: string, props: DnsFailoverProps) {
    super(scope, id);
    const { dns } = props;
    const zone = dns.manageZone ? new Zone(this, 'zone', { name: dns.zone, kind: 'Native' }) : undefined;
    const zoneName = zone ? zone.name : dns.zone;
    new PowerdnsRecord(this, 'ns', { zone: zoneName, name: dns.zone, type: 'NS', ttl: 3600, records: [...dns.nameservers] });

    // Addresses only known after apply (tokens) cannot be checked as IPs while the Lua is built:
    // each gets a unique placeholder from the reserved 240.0.0.0/4 range, which is swapped back
    // afterwards; an OpenTofu precondition then checks the real value at plan time. Placeholders
    // have the maximum IPv4 length (15), so the real record is never longer than the one checked.
    const placeholderOf = new Map<string, string>();
    const addressOf = (region: string): string => {
      const address = props.regionAddresses[region];
      if (address === undefined) throw new Error(`${dns.file}: no address for region "${region}"`);
      if (!Token.isUnresolved(address)) return address;
      if (!placeholderOf.has(address)) {
        const n = placeholderOf.size;
        placeholderOf.set(address, `240.${100 + Math.floor(n / 10000)}.${100 + (Math.floor(n / 100) % 100)}.${100 + (n % 100)}`);
      }
      return placeholderOf.get(address)!;
    };

    const records: Record<string, PowerdnsRecord> = {};
    for (const app of dns.applications) {
      let plan;
      try {
        plan = planApplicationRecord(app, addressOf, dns.powerdnsVersion);
      } catch (e) {
        if (e instanceof LuaRecordError) throw new ConfigError(dns.file, `${app.at}/placement`, `application "${app.name}": ${e.message}`);
        throw e;
      }
      const tokensUsed = [...placeholderOf.entries()].filter(([, placeholder]) => plan.records.some((r) => r === placeholder || r.includes(`'${placeholder}'`)));
      if (tokensUsed.length > 0 && plan.type === 'LUA' && plan.records.some((r) => Buffer.byteLength(r) > WIRE_SEGMENT) && compareVersions(dns.powerdnsVersion, '5.0') < 0) {
        // Servers before 5.0 insert a space at every 255-byte cut; the builder lays literal
        // addresses out around the cuts, which it cannot do for addresses it does not know yet.
        throw new ConfigError(dns.file, `${app.at}/placement`, `application "${app.name}": the record is longer than ${WIRE_SEGMENT} bytes and uses addresses only known after apply`, 'literal addresses in dns.endpoints, fewer regions, or powerdnsVersion 5.0 or later');
      }
      const swap = (content: string) =>
        tokensUsed.reduce((text, [token, placeholder]) => (text === placeholder ? token : text.split(`'${placeholder}'`).join(`'${token}'`)), content);
      const contents = plan.records.map(swap);
      const record = new PowerdnsRecord(this, app.name, { zone: zoneName, name: app.fqdn, type: plan.type, ttl: app.ttl, records: contents });
      if (tokensUsed.length > 0) {
        record.addOverride(
          'lifecycle.precondition',
          tokensUsed.map(([token]) => ({
            condition: Fn.can(Fn.regex(IPV4_PATTERN, token)),
            error_message: `A region address used by ${app.fqdn} is not an IPv4 address; check the region stack's load_balancer_ipv4 output.`,
          })),
        );
      }
      records[app.name] = record;
    }
    this.records = records;
  }
}
