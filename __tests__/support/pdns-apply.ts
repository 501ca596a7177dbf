import { PdnsServer } from './pdns';

/**
 * `applyDnsStack`: applies the `powerdns_zone` / `powerdns_record` resources of a synthesized `dns`
 * stack (cdk.tf.json) to a PowerDNS server by replaying the HTTP API calls the OpenTofu provider
 * mmianl/powerdns makes — a stand-in for `tofu apply` where that provider cannot be installed.
 *
 * Mirrored from github.com/mmianl/terraform-provider-powerdns (the version whose schema matches our
 * 2.4.0 binding: powerdns_record has `disabled`/`comments` and an UpdateContext; read through the
 * code search's stored copy, not run):
 * - client.go `detectAPIVersion`: GET /api/v1/servers before the first request.
 * - resource_powerdns_zone.go `resourcePDNSZoneCreate` → client.go `CreateZone`:
 *   POST /servers/localhost/zones with the Go-marshalled ZoneInfo {id:"", name, url:"", kind,
 *   dnssec:false, serial:0, account} (account defaults to "admin" in the schema; `nameservers` is
 *   an empty slice with `omitempty`, so it is not sent), expecting 201.
 *   `resourcePDNSZoneUpdate` → `UpdateZone`: PUT /servers/localhost/zones/<id> with ZoneInfoUpd
 *   {name, kind, account} when kind (case-insensitively, its DiffSuppressFunc) or account differ.
 *   `resourcePDNSZoneRead` → `GetZone`: GET /servers/localhost/zones/<id>.
 * - resource_powerdns_record.go `resourcePDNSRecordCreate` and `resourcePDNSRecordUpdate` (both
 *   `resourcePDNSRecordUpsert`) → client.go `ReplaceRecordSet`: PATCH /servers/localhost/zones/<zone>
 *   with {rrsets: [{name, type, changetype: "REPLACE", ttl, records: [{name, type, content, ttl,
 *   disabled, "set-ptr": false}]}]} (comments omitted when not configured), expecting 200 or 204.
 *   On update the provider first reads the RRset (`GetRecordSetByID`) to keep each existing
 *   record's `disabled` flag (`shouldPreserveRecordDisabledFlags`); so does this helper.
 *   `resourcePDNSRecordRead` → `GetRecordSetByID` → `GetZoneWithRRsets`:
 *   GET /servers/localhost/zones/<zone>?rrsets=true, RRset matched by name and type case-insensitively.
 *
 * What it does NOT reproduce (so it is no proof of these): OpenTofu's plan (state, diffs,
 * ForceNew/replacement, ordering, parallelism), the provider's schema validation and state
 * handling. Its "plan" is a comparison of the configuration with what the server holds, read the
 * way the provider's Read functions read it: equal → no-op, absent → create, different → in-place
 * update (the provider's Update; `zone`, `name` and `type` are ForceNew there, but they are the
 * RRset's identity here, so a change of them shows up as a new RRset and the old one is left in
 * place — this helper never deletes).
 *
 * It refuses (throws before any API call) everything it does not understand: other top-level
 * blocks than terraform/provider/variable/output/resource, terraform {} settings other than
 * backend/encryption/required_providers, other resource types, other attributes
 * (lifecycle, depends_on, count, disabled, comments, account, …), interpolations other than
 * `${powerdns_zone.<name>.name}` of a zone in the same JSON, and malformed values. A change in our
 * synthesized output therefore fails the test instead of being skipped.
 */

/** One resource's outcome. */
export interface AppliedResource {
  /** Terraform address, e.g. `powerdns_record.failover_portal_7FCECEC9`. */
  readonly address: string;
  readonly action: 'create' | 'update' | 'no-op';
  /**
   * Attributes whose value read back after the write (the provider's Read) differs from the
   * configuration: OpenTofu would show these as a diff on the next plan. Empty when consistent.
   */
  readonly driftAfterApply: readonly string[];
}

export interface ApplyResult {
  readonly resources: readonly AppliedResource[];
  /** Every API call made, in order: `METHOD path → status`. */
  readonly requests: readonly string[];
  /** Wall time of each write call (POST/PUT/PATCH), by resource address, in ms. */
  readonly writeMs: Readonly<Record<string, number>>;
}

/** Thrown for input the helper does not understand; nothing has been sent to the server then. */
export class UnsupportedTerraformError extends Error {
  constructor(message: string) {
    super(`applyDnsStack refuses this configuration: ${message}`);
    this.name = 'UnsupportedTerraformError';
  }
}

interface ZoneConfig {
  readonly address: string;
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  /** Schema default of the provider (`Default: "admin"`). */
  readonly account: string;
}

interface RecordConfig {
  readonly address: string;
  readonly zone: string;
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly records: readonly string[];
}

interface RrsetFromApi {
  name: string;
  type: string;
  ttl: number;
  records: { content: string; disabled: boolean }[];
}

const TOP_LEVEL = new Set(['//', 'terraform', 'provider', 'variable', 'output', 'resource']);
/**
 * terraform {} settings that only concern where and how OpenTofu keeps state and plans (backend,
 * state/plan encryption): they change no API call of the provider. Anything else there is refused.
 */
const TERRAFORM_BLOCK = new Set(['backend', 'encryption', 'required_providers']);
const ZONE_ATTRIBUTES = new Set(['//', 'name', 'kind']);
const RECORD_ATTRIBUTES = new Set(['//', 'zone', 'name', 'type', 'ttl', 'records']);
const ZONE_KINDS = new Set(['Native', 'Master']);
const ZONE_REFERENCE = /^\$\{powerdns_zone\.([A-Za-z0-9_-]+)\.name\}$/;
const SERVER = '/servers/localhost';
const PROVIDER_DEFAULT_ACCOUNT = 'admin';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const fqdn = (value: unknown): value is string => typeof value === 'string' && /^([A-Za-z0-9_-]+\.)+$/.test(value);

/** Every string in `value` (recursively) that starts an interpolation, with its JSON path. */
function interpolations(value: unknown, at: string): string[] {
  if (typeof value === 'string') return /\$\{|%\{/.test(value) ? [`${at} = ${JSON.stringify(value)}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => interpolations(item, `${at}[${i}]`));
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => (k === '//' ? [] : interpolations(v, `${at}.${k}`)));
  return [];
}

function unknownKeys(object: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  return Object.keys(object).filter((key) => !allowed.has(key));
}

/** Validates the whole document and returns zones and records; throws UnsupportedTerraformError. */
export function parseDnsStack(tfJson: unknown): { zones: ZoneConfig[]; records: RecordConfig[] } {
  if (!isObject(tfJson)) throw new UnsupportedTerraformError('the document is not a JSON object');
  const extraTop = unknownKeys(tfJson, TOP_LEVEL);
  if (extraTop.length > 0) throw new UnsupportedTerraformError(`top-level block(s) ${extraTop.join(', ')} (only ${[...TOP_LEVEL].join(', ')} are understood)`);
  if (tfJson.terraform !== undefined) {
    if (!isObject(tfJson.terraform)) throw new UnsupportedTerraformError('terraform is not an object');
    const extra = unknownKeys(tfJson.terraform, TERRAFORM_BLOCK);
    if (extra.length > 0) throw new UnsupportedTerraformError(`terraform.${extra.join(', terraform.')}`);
    const required = tfJson.terraform.required_providers;
    if (required !== undefined) {
      if (!isObject(required)) throw new UnsupportedTerraformError('terraform.required_providers is not an object');
      const others = Object.keys(required).filter((name) => name !== 'powerdns');
      if (others.length > 0) throw new UnsupportedTerraformError(`provider(s) other than powerdns: ${others.join(', ')}`);
      const source = isObject(required.powerdns) ? required.powerdns.source : undefined;
      if (source !== 'registry.opentofu.org/mmianl/powerdns') {
        throw new UnsupportedTerraformError(`powerdns provider source ${JSON.stringify(source)}; the replayed API calls are those of mmianl/powerdns`);
      }
    }
  }
  if (tfJson.provider !== undefined) {
    if (!isObject(tfJson.provider)) throw new UnsupportedTerraformError('provider is not an object');
    const others = Object.keys(tfJson.provider).filter((name) => name !== 'powerdns');
    if (others.length > 0) throw new UnsupportedTerraformError(`provider block(s) ${others.join(', ')}`);
    // Its server_url/api_key are variables: the helper uses the test server's URL and key instead.
  }

  const resources = tfJson.resource ?? {};
  if (!isObject(resources)) throw new UnsupportedTerraformError('resource is not an object');
  const otherTypes = Object.keys(resources).filter((type) => type !== 'powerdns_zone' && type !== 'powerdns_record');
  if (otherTypes.length > 0) throw new UnsupportedTerraformError(`resource type(s) ${otherTypes.join(', ')} (only powerdns_zone and powerdns_record are understood)`);

  const zones: ZoneConfig[] = [];
  const zoneBlocks = resources.powerdns_zone ?? {};
  if (!isObject(zoneBlocks)) throw new UnsupportedTerraformError('resource.powerdns_zone is not an object');
  for (const [key, block] of Object.entries(zoneBlocks)) {
    const address = `powerdns_zone.${key}`;
    if (!isObject(block)) throw new UnsupportedTerraformError(`${address} is not an object`);
    const extra = unknownKeys(block, ZONE_ATTRIBUTES);
    if (extra.length > 0) throw new UnsupportedTerraformError(`${address} has attribute(s) ${extra.join(', ')} (understood: name, kind)`);
    const found = interpolations(block, address);
    if (found.length > 0) throw new UnsupportedTerraformError(`unresolvable interpolation ${found.join('; ')}`);
    if (!fqdn(block.name)) throw new UnsupportedTerraformError(`${address}.name ${JSON.stringify(block.name)} is not an FQDN with a trailing dot`);
    if (typeof block.kind !== 'string' || !ZONE_KINDS.has(block.kind)) {
      throw new UnsupportedTerraformError(`${address}.kind ${JSON.stringify(block.kind)} (understood: ${[...ZONE_KINDS].join(', ')})`);
    }
    zones.push({ address, key, name: block.name, kind: block.kind, account: PROVIDER_DEFAULT_ACCOUNT });
  }

  const records: RecordConfig[] = [];
  const recordBlocks = resources.powerdns_record ?? {};
  if (!isObject(recordBlocks)) throw new UnsupportedTerraformError('resource.powerdns_record is not an object');
  const seen = new Map<string, string>();
  for (const [key, block] of Object.entries(recordBlocks)) {
    const address = `powerdns_record.${key}`;
    if (!isObject(block)) throw new UnsupportedTerraformError(`${address} is not an object`);
    const extra = unknownKeys(block, RECORD_ATTRIBUTES);
    if (extra.length > 0) throw new UnsupportedTerraformError(`${address} has attribute(s) ${extra.join(', ')} (understood: zone, name, type, ttl, records)`);
    let zone: string;
    if (typeof block.zone === 'string' && ZONE_REFERENCE.test(block.zone)) {
      const zoneKey = ZONE_REFERENCE.exec(block.zone)![1];
      const target = zones.find((z) => z.key === zoneKey);
      if (!target) throw new UnsupportedTerraformError(`${address}.zone refers to powerdns_zone.${zoneKey}, which is not in this document`);
      zone = target.name;
    } else if (fqdn(block.zone)) {
      zone = block.zone;
    } else {
      throw new UnsupportedTerraformError(`${address}.zone ${JSON.stringify(block.zone)} is neither an FQDN nor \${powerdns_zone.<name>.name}`);
    }
    const found = interpolations({ ...block, zone: undefined }, address);
    if (found.length > 0) throw new UnsupportedTerraformError(`unresolvable interpolation ${found.join('; ')}`);
    if (!fqdn(block.name)) throw new UnsupportedTerraformError(`${address}.name ${JSON.stringify(block.name)} is not an FQDN with a trailing dot`);
    if (block.name.toLowerCase() !== zone.toLowerCase() && !block.name.toLowerCase().endsWith(`.${zone.toLowerCase()}`)) {
      throw new UnsupportedTerraformError(`${address}.name ${block.name} is not inside zone ${zone}`);
    }
    if (typeof block.type !== 'string' || !/^[A-Z0-9]+$/.test(block.type)) throw new UnsupportedTerraformError(`${address}.type ${JSON.stringify(block.type)} is not an upper-case RR type`);
    if (block.type === 'SOA') throw new UnsupportedTerraformError(`${address}: SOA is refused by powerdns_record (the provider has powerdns_record_soa)`);
    if (!Number.isInteger(block.ttl) || (block.ttl as number) < 0) throw new UnsupportedTerraformError(`${address}.ttl ${JSON.stringify(block.ttl)} is not a non-negative integer`);
    if (!Array.isArray(block.records) || block.records.length === 0 || !block.records.every((r) => typeof r === 'string' && r.trim() !== '')) {
      throw new UnsupportedTerraformError(`${address}.records must be a non-empty list of non-empty strings; got ${JSON.stringify(block.records)}`);
    }
    if (new Set(block.records).size !== block.records.length) throw new UnsupportedTerraformError(`${address}.records has duplicates (it is a set in the provider)`);
    const identity = `${block.name.toLowerCase()} ${block.type}`;
    if (seen.has(identity)) throw new UnsupportedTerraformError(`${address} and ${seen.get(identity)} both manage ${block.name} ${block.type}`);
    seen.set(identity, address);
    records.push({ address, zone, name: block.name, type: block.type, ttl: block.ttl as number, records: block.records as string[] });
  }
  return { zones, records };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Applies the dns stack's zones, then its records, to `pdns` as mmianl/powerdns would (see the
 * file comment), and returns what it did. Throws {@link UnsupportedTerraformError} before any API
 * call for input it does not understand, and an Error naming the call for any API failure.
 */
export async function applyDnsStack(tfJson: unknown, pdns: PdnsServer): Promise<ApplyResult> {
  const { zones, records } = parseDnsStack(tfJson);
  const requests: string[] = [];
  const writeMs: Record<string, number> = {};
  const call = async (method: string, path: string, body?: unknown, expected?: readonly number[]) => {
    const response = await pdns.api(method, path, body);
    requests.push(`${method} ${path} → ${response.status}`);
    if (expected && !expected.includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status} (expected ${expected.join(' or ')}): ${JSON.stringify(response.body)}\nbody sent: ${JSON.stringify(body)}`);
    }
    return response;
  };
  const timedWrite = async (address: string, method: string, path: string, body: unknown, expected: readonly number[]) => {
    const started = performance.now();
    const response = await call(method, path, body, expected);
    writeMs[address] = Math.round(performance.now() - started);
    return response;
  };

  // client.go detectAPIVersion (first request of the provider's client).
  await call('GET', '/servers', undefined, [200]);

  const resources: AppliedResource[] = [];
  for (const zone of zones) {
    // Read (GetZone); 404 = not there yet.
    const existing = await call('GET', `${SERVER}/zones/${zone.name}`, undefined, [200, 404]);
    let action: AppliedResource['action'];
    if (existing.status === 404) {
      // resourcePDNSZoneCreate → CreateZone: Go's json.Marshal of ZoneInfo (omitempty fields dropped).
      const body = { id: '', name: zone.name, url: '', kind: zone.kind, dnssec: false, serial: 0, account: zone.account };
      await timedWrite(zone.address, 'POST', `${SERVER}/zones`, body, [201]);
      action = 'create';
    } else {
      const current = existing.body as { kind?: string; account?: string };
      if (String(current.kind).toLowerCase() !== zone.kind.toLowerCase() || current.account !== zone.account) {
        // resourcePDNSZoneUpdate → UpdateZone (ZoneInfoUpd).
        await timedWrite(zone.address, 'PUT', `${SERVER}/zones/${zone.name}`, { name: zone.name, kind: zone.kind, account: zone.account }, [204]);
        action = 'update';
      } else {
        action = 'no-op';
      }
    }
    // resourcePDNSZoneRead after the write: what would be in state.
    const read = (await call('GET', `${SERVER}/zones/${zone.name}`, undefined, [200])).body as { name?: string; kind?: string; account?: string };
    const drift: string[] = [];
    if (read.name !== zone.name) drift.push(`name: ${JSON.stringify(read.name)} != ${JSON.stringify(zone.name)}`);
    if (String(read.kind).toLowerCase() !== zone.kind.toLowerCase()) drift.push(`kind: ${JSON.stringify(read.kind)} != ${JSON.stringify(zone.kind)}`);
    if (read.account !== zone.account) drift.push(`account: ${JSON.stringify(read.account)} != ${JSON.stringify(zone.account)}`);
    resources.push({ address: zone.address, action, driftAfterApply: drift });
  }

  const readRrset = async (record: RecordConfig): Promise<RrsetFromApi | undefined> => {
    // GetRecordSetByID → GetZoneWithRRsets, matched by name and type case-insensitively.
    const zone = (await call('GET', `${SERVER}/zones/${record.zone}?rrsets=true`, undefined, [200])).body as { rrsets?: RrsetFromApi[] };
    return (zone.rrsets ?? []).find((r) => r.name.toLowerCase() === record.name.toLowerCase() && r.type.toLowerCase() === record.type.toLowerCase());
  };
  const differences = (record: RecordConfig, rrset: RrsetFromApi | undefined): string[] => {
    if (!rrset || rrset.records.length === 0) return ['(absent)'];
    const diff: string[] = [];
    const contents = rrset.records.map((r) => r.content);
    if (!sameSet(contents, record.records)) diff.push(`records: ${JSON.stringify(contents)} != ${JSON.stringify(record.records)}`);
    if (rrset.ttl !== record.ttl) diff.push(`ttl: ${rrset.ttl} != ${record.ttl}`);
    if (rrset.name !== record.name) diff.push(`name: ${JSON.stringify(rrset.name)} != ${JSON.stringify(record.name)}`);
    if (rrset.type !== record.type) diff.push(`type: ${JSON.stringify(rrset.type)} != ${JSON.stringify(record.type)}`);
    // `disabled` is Optional+Computed and not configured by us: no diff from it.
    return diff;
  };

  for (const record of records) {
    const before = await readRrset(record);
    const pending = differences(record, before);
    let action: AppliedResource['action'] = 'no-op';
    if (pending.length > 0) {
      action = before && before.records.length > 0 ? 'update' : 'create';
      // resourcePDNSRecordUpsert: keep the disabled flag of records that already exist (update only).
      const disabledByContent = new Map((action === 'update' ? before!.records : []).map((r) => [r.content, r.disabled]));
      const body = {
        rrsets: [
          {
            name: record.name,
            type: record.type,
            changetype: 'REPLACE',
            ttl: record.ttl,
            records: record.records.map((content) => ({
              name: record.name,
              type: record.type,
              content,
              ttl: record.ttl,
              disabled: disabledByContent.get(content) ?? false,
              'set-ptr': false,
            })),
          },
        ],
      };
      await timedWrite(record.address, 'PATCH', `${SERVER}/zones/${record.zone}`, body, [200, 204]);
    }
    // resourcePDNSRecordRead after the write: what would be in state.
    const after = await readRrset(record);
    resources.push({ address: record.address, action, driftAfterApply: differences(record, after) });
  }
  return { resources, requests, writeMs };
}
