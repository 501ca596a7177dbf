import { LuaTable, LuaValue, parseLuaRecord } from './lua-reader';

/**
 * What the topology picture shows, read from the synthesized stacks (not from the configuration):
 * the regions with their cloud, load balancer and node pools, and the DNS records with the
 * regions each one sends traffic to.
 */

export interface Topology {
  readonly regions: readonly RegionTopology[];
  /** The DNS stack, when there is one. */
  readonly dns?: DnsTopology;
}

export interface RegionTopology {
  /** Stack name, e.g. `hetzner-fsn1`. */
  readonly stack: string;
  /** e.g. `Hetzner Cloud`, `AWS`. */
  readonly cloud: string;
  /** e.g. `fsn1`, `eu-central-1`; `?` when no resource says. */
  readonly region: string;
  readonly loadBalancer?: LoadBalancerTopology;
  readonly pools: readonly NodePoolTopology[];
}

export interface LoadBalancerTopology {
  /** e.g. `hcloud lb11`, `AWS network`. */
  readonly kind: string;
  /** Listening ports as `tcp/443` or `tcp/443→8443`, sorted by port. */
  readonly ports: readonly string[];
}

export interface NodePoolTopology {
  readonly name: string;
  /** `server`, `agent`, or `?` when the machines carry no role label. */
  readonly role: string;
  readonly count: number;
  /** Distinct machine types, sorted. */
  readonly machineTypes: readonly string[];
}

export interface DnsTopology {
  readonly stack: string;
  /** Zone name(s) the stack manages or writes to. */
  readonly zones: readonly string[];
  /** NS record contents of the zone apex. */
  readonly nameservers: readonly string[];
  /** Application records (everything but NS/SOA), in stack order. */
  readonly records: readonly DnsRecordTopology[];
}

export type DnsStrategy = 'single' | 'static' | 'active-active' | 'failover' | 'geo' | 'weighted' | 'random' | 'lua';

export interface DnsRecordTopology {
  /** Record name, e.g. `portal.sovereign.example.`. */
  readonly name: string;
  /** `LUA`, `A`, … */
  readonly type: string;
  readonly ttl?: number;
  readonly strategy: DnsStrategy;
  /** The health check, e.g. `TCP 443` or `GET https://…/healthz expects "ok"`. */
  readonly check?: string;
  /** The Lua function, for LUA records (`ifportup`, `pickwrandom`, …). */
  readonly function?: string;
  readonly targets: readonly DnsTarget[];
}

export interface DnsTarget {
  /** The region stack serving this address, when it can be told. */
  readonly region?: string;
  /** The address as written: a literal, or a remote-state reference. */
  readonly address: string;
  /** Weight (weighted strategies). */
  readonly weight?: number;
  /** 1-based failover group (failover strategy). */
  readonly group?: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Resource types of the machines of each cloud, with the attribute naming the machine type. */
const MACHINES: Readonly<Record<string, { readonly typeAttribute: string; readonly labels: string; readonly size?: (body: JsonObject) => string }>> = {
  hcloud_server: { typeAttribute: 'server_type', labels: 'labels' },
  // A flexible shape says little without its size: `VM.Standard.E5.Flex 2 OCPU 16 GB`.
  oci_core_instance: { typeAttribute: 'shape', labels: 'freeform_tags', size: (body) => flexSize(body.shape_config) },
  aws_instance: { typeAttribute: 'instance_type', labels: 'tags' },
  google_compute_instance: { typeAttribute: 'machine_type', labels: 'labels' },
  azurerm_linux_virtual_machine: { typeAttribute: 'size', labels: 'tags' },
  huaweicloud_compute_instance: { typeAttribute: 'flavor_id', labels: 'tags' },
};

const CLOUDS: Readonly<Record<string, string>> = {
  hcloud: 'Hetzner Cloud',
  aws: 'AWS',
  google: 'Google Cloud',
  azurerm: 'Azure',
  huaweicloud: 'Huawei Cloud',
  oci: 'Oracle Cloud',
};

/** Reads the topology from synthesized stacks (name → Terraform JSON), in the given order. */
export function readTopology(stacks: readonly { readonly name: string; readonly json: object }[]): Topology {
  const regions: RegionTopology[] = [];
  let dnsStack: { name: string; json: JsonObject } | undefined;
  for (const stack of stacks) {
    const json = stack.json as JsonObject;
    const resources = (json.resource ?? {}) as Record<string, Record<string, JsonObject>>;
    if (Object.keys(MACHINES).some((type) => resources[type])) regions.push(readRegion(stack.name, json));
    else if (resources.powerdns_record && !dnsStack) dnsStack = { name: stack.name, json };
  }
  const dns = dnsStack ? readDns(dnsStack.name, dnsStack.json, stacks.filter((s) => regions.some((r) => r.stack === s.name)) as { name: string; json: JsonObject }[]) : undefined;
  return { regions, dns };
}

function readRegion(stack: string, json: JsonObject): RegionTopology {
  const resources = (json.resource ?? {}) as Record<string, Record<string, JsonObject>>;
  const providers = Object.keys((json.provider ?? {}) as JsonObject);
  const cloudName = providers.find((p) => CLOUDS[p]) ?? providers[0] ?? '?';
  return { stack, cloud: CLOUDS[cloudName] ?? cloudName, region: regionOf(cloudName, json, resources), loadBalancer: loadBalancerOf(resources), pools: poolsOf(resources) };
}

function regionOf(cloud: string, json: JsonObject, resources: Record<string, Record<string, JsonObject>>): string {
  const providerRegion = firstString(((json.provider ?? {}) as Record<string, Json>)[cloud], 'region');
  if (providerRegion) return providerRegion;
  for (const type of Object.keys(resources).sort()) {
    for (const body of Object.values(resources[type])) {
      for (const attribute of ['location', 'region']) {
        const value = body[attribute];
        if (typeof value === 'string' && !value.includes('${')) return value;
      }
    }
  }
  return '?';
}

function firstString(value: Json | undefined, key: string): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    const found = first[key];
    if (typeof found === 'string' && !found.includes('${')) return found;
  }
  return undefined;
}

function loadBalancerOf(resources: Record<string, Record<string, JsonObject>>): LoadBalancerTopology | undefined {
  const ports = new Map<number, string>();
  const add = (protocol: Json | undefined, listen: Json | undefined, target?: Json) => {
    const port = Number(listen);
    if (!Number.isInteger(port)) return;
    const to = target !== undefined && Number(target) !== port && Number.isInteger(Number(target)) ? `→${Number(target)}` : '';
    ports.set(port, `${String(protocol ?? 'tcp').toLowerCase()}/${port}${to}`);
  };
  let kind: string | undefined;
  const each = (type: string) => Object.values(resources[type] ?? {});
  for (const lb of each('hcloud_load_balancer')) kind = `hcloud ${lb.load_balancer_type ?? ''}`.trim();
  for (const service of each('hcloud_load_balancer_service')) add(service.protocol, service.listen_port, service.destination_port);
  for (const lb of each('aws_lb')) kind = `AWS ${lb.load_balancer_type ?? 'application'}`;
  for (const listener of each('aws_lb_listener')) add(listener.protocol, listener.port);
  for (const lb of each('oci_network_load_balancer_network_load_balancer')) kind = lb.is_private === true ? 'OCI private network load balancer' : 'OCI network load balancer';
  for (const listener of each('oci_network_load_balancer_listener')) add(listener.protocol, listener.port);
  for (const rule of each('google_compute_forwarding_rule')) {
    kind = `GCP ${String(rule.load_balancing_scheme ?? 'EXTERNAL').toLowerCase()} forwarding`;
    const range = rule.port_range ?? (Array.isArray(rule.ports) ? rule.ports[0] : undefined);
    add(rule.ip_protocol, typeof range === 'string' ? range.split('-')[0] : range);
  }
  for (const lb of each('azurerm_lb')) kind = `Azure ${lb.sku ?? 'Basic'}`;
  for (const rule of each('azurerm_lb_rule')) add(rule.protocol, rule.frontend_port, rule.backend_port);
  for (const lb of each('huaweicloud_elb_loadbalancer')) kind = lb.l4_flavor_id !== undefined ? 'Huawei Cloud dedicated ELB (L4)' : 'Huawei Cloud dedicated ELB';
  for (const listener of each('huaweicloud_elb_listener')) add(listener.protocol, listener.protocol_port);
  if (kind === undefined && ports.size === 0) return undefined;
  return { kind: kind ?? 'load balancer', ports: [...ports.entries()].sort(([a], [b]) => a - b).map(([, text]) => text) };
}

function poolsOf(resources: Record<string, Record<string, JsonObject>>): NodePoolTopology[] {
  const pools = new Map<string, { role: string; count: number; types: Set<string> }>();
  for (const [type, machine] of Object.entries(MACHINES)) {
    for (const body of Object.values(resources[type] ?? {})) {
      const labels = (body[machine.labels] ?? {}) as Record<string, Json>;
      const name = typeof labels.pool === 'string' ? labels.pool : typeof body.name === 'string' ? body.name : '?';
      const role = typeof labels.role === 'string' ? labels.role : '?';
      const pool = pools.get(name) ?? { role, count: 0, types: new Set<string>() };
      pool.count++;
      const machineType = body[machine.typeAttribute];
      const size = machine.size?.(body) ?? '';
      pool.types.add(typeof machineType === 'string' ? `${machineType}${size ? ` ${size}` : ''}` : '?');
      pools.set(name, pool);
    }
  }
  const order = (role: string) => (role === 'server' ? 0 : role === 'agent' ? 1 : 2);
  return [...pools.entries()]
    .map(([name, pool]) => ({ name, role: pool.role, count: pool.count, machineTypes: [...pool.types].sort() }))
    .sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
}

/** `2 OCPU 16 GB` from an OCI `shape_config` block, or empty when it says nothing literal. */
function flexSize(config: Json | undefined): string {
  const first = Array.isArray(config) ? config[0] : config;
  if (!first || typeof first !== 'object' || Array.isArray(first)) return '';
  const { ocpus, memory_in_gbs: memory } = first;
  return typeof ocpus === 'number' && typeof memory === 'number' ? `${ocpus} OCPU ${memory} GB` : '';
}

// ---------------------------------------------------------------------------------------------
// DNS

function readDns(stack: string, json: JsonObject, regionStacks: readonly { name: string; json: JsonObject }[]): DnsTopology {
  const resources = (json.resource ?? {}) as Record<string, Record<string, JsonObject>>;
  const zones = Object.values(resources.powerdns_zone ?? {})
    .map((zone) => zone.name)
    .filter((name): name is string => typeof name === 'string');
  const regionOfAddress = addressResolver(json, regionStacks);
  const nameservers: string[] = [];
  const records: DnsRecordTopology[] = [];
  for (const body of Object.values(resources.powerdns_record ?? {})) {
    const name = String(body.name ?? '?');
    const type = String(body.type ?? '?').toUpperCase();
    const contents = (Array.isArray(body.records) ? body.records : []).map(String);
    const ttl = typeof body.ttl === 'number' ? body.ttl : undefined;
    if (type === 'NS') {
      nameservers.push(...contents);
      continue;
    }
    if (type === 'SOA') continue;
    if (typeof body.zone === 'string' && !body.zone.includes('${') && !zones.includes(body.zone)) zones.push(body.zone);
    if (type !== 'LUA') {
      const targets = contents.map((address) => ({ address, region: regionOfAddress(address) }));
      records.push({ name, type, ttl, strategy: targets.length === 1 ? 'single' : 'static', targets });
      continue;
    }
    records.push({ name, type, ttl, ...readLuaRecord(contents[0] ?? '', regionOfAddress) });
  }
  return { stack, zones, nameservers, records };
}

/**
 * The padding dns-failover puts after an address only known after apply (for servers before 5.0:
 * `'${…}'${substr("   ", 0, (15 - length(…)))}`): spaces between Lua tokens, dropped before parsing.
 */
const ADDRESS_PADDING = /\$\{substr\(" +", 0, \(\d+ - length\([^()]*\)\)\)\}/g;

function readLuaRecord(content: string, regionOf: (address: string) => string | undefined): Pick<DnsRecordTopology, 'strategy' | 'check' | 'function' | 'targets'> {
  const parsed = parseLuaRecord(content.replace(ADDRESS_PADDING, ''));
  if (!parsed) return { strategy: 'lua', targets: [] };
  const { fn, args } = parsed.call;
  const target = (address: LuaValue, extra: Partial<DnsTarget> = {}): DnsTarget => ({ address: String(address), region: regionOf(String(address)), ...extra });
  if (fn === 'ifportup' || fn === 'ifurlup') {
    const list = args[1];
    const options = isTable(args[2]) ? args[2].fields : {};
    const check = fn === 'ifportup' ? `TCP ${String(args[0])}` : `GET ${String(args[0])}${options.stringmatch !== undefined ? ` expects "${String(options.stringmatch)}"` : ''}`;
    const groups = isTable(list) && list.items.every(isTable) ? list.items.map((group) => (group as LuaTable).items) : [isTable(list) ? list.items : []];
    const targets = groups.flatMap((group, index) => group.map((address) => target(address, groups.length > 1 ? { group: index + 1 } : {})));
    const selector = options.selector;
    // Weighted: one flat list with addresses repeated in proportion to their weights (placement.ts).
    const counts = new Map<string, number>();
    for (const address of groups.length === 1 ? groups[0] : []) counts.set(String(address), (counts.get(String(address)) ?? 0) + 1);
    if (selector !== 'all' && selector !== 'pickclosest' && [...counts.values()].some((n) => n > 1)) {
      return { strategy: 'weighted', check, function: fn, targets: [...counts].map(([address, weight]) => target(address, { weight })) };
    }
    const strategy: DnsStrategy = groups.length > 1 ? 'failover' : selector === 'pickclosest' ? 'geo' : selector === 'all' ? 'active-active' : 'random';
    return { strategy, check, function: fn, targets };
  }
  if (fn === 'pickwrandom' || fn === 'pickwhashed') {
    const entries = isTable(args[0]) ? args[0].items.filter(isTable) : [];
    return { strategy: 'weighted', function: fn, targets: entries.map((entry) => target(entry.items[1] ?? '?', { weight: Number(entry.items[0]) })) };
  }
  if (['pickrandom', 'pickclosest', 'pickhashed', 'all', 'pickrandomsample'].includes(fn)) {
    const list = isTable(args[0]) ? args[0].items : [];
    return { strategy: fn === 'pickclosest' ? 'geo' : fn === 'all' ? 'active-active' : 'random', function: fn, targets: list.map((address) => target(address)) };
  }
  return { strategy: 'lua', function: fn, targets: [] };
}

function isTable(value: LuaValue | undefined): value is LuaTable {
  return typeof value === 'object' && value !== null && value.kind === 'table';
}

/**
 * Which region stack an address in the DNS stack belongs to: a remote-state reference
 * (`${data.terraform_remote_state.<name>.outputs.<output>}`) maps to the region whose backend the
 * data source reads (same backend type and settings; else the cdktf name
 * `cross-stack-reference-input-<stack>`); a literal address maps to the region stack that
 * contains it as a literal value (e.g. a fixed IP or an output).
 */
function addressResolver(dns: JsonObject, regions: readonly { name: string; json: JsonObject }[]): (address: string) => string | undefined {
  const remoteStates = (((dns.data ?? {}) as JsonObject).terraform_remote_state ?? {}) as Record<string, JsonObject>;
  const stackOfRemoteState = (name: string): string | undefined => remoteStateStack(name, remoteStates[name], regions);
  // Outputs first (a region's published address), then any literal in the stack.
  const literals = new Map<string, string>();
  for (const scope of [(json: JsonObject) => json.output ?? null, (json: JsonObject) => json]) {
    for (const region of regions) {
      for (const text of strings(scope(region.json))) if (/^[0-9a-fA-F:.]+$/.test(text) && !literals.has(text)) literals.set(text, region.name);
    }
  }
  return (address: string) => {
    const reference = /^\$\{data\.terraform_remote_state\.([^.}]+)\.outputs\.[^}]+\}$/.exec(address.trim());
    if (reference) return stackOfRemoteState(reference[1]);
    return literals.get(address.trim());
  };
}

/**
 * The stack a `terraform_remote_state` data source reads: the one whose backend has the same type
 * and settings, else the one cdktf named it after (`cross-stack-reference-input-<stack>`).
 */
function remoteStateStack(name: string, source: JsonObject | undefined, stacks: readonly { name: string; json: JsonObject }[]): string | undefined {
  if (source) {
    const match = stacks.find((stack) => {
      const backend = (((stack.json.terraform ?? {}) as JsonObject).backend ?? {}) as JsonObject;
      const [type] = Object.keys(backend);
      return type !== undefined && type === source.backend && JSON.stringify(backend[type]) === JSON.stringify(source.config ?? {});
    });
    if (match) return match.name;
  }
  return stacks.find((stack) => name === `cross-stack-reference-input-${stack.name}`)?.name;
}

/** For every stack, the other stacks whose state it reads through `terraform_remote_state`, sorted. */
export function stateReads(stacks: readonly { readonly name: string; readonly json: object }[]): Map<string, string[]> {
  const all = stacks as readonly { name: string; json: JsonObject }[];
  const reads = new Map<string, string[]>();
  for (const stack of all) {
    const sources = (((stack.json.data ?? {}) as JsonObject).terraform_remote_state ?? {}) as Record<string, JsonObject>;
    const found = new Set<string>();
    for (const [name, source] of Object.entries(sources)) {
      const other = remoteStateStack(name, source, all.filter((s) => s.name !== stack.name));
      if (other) found.add(other);
    }
    reads.set(stack.name, [...found].sort());
  }
  return reads;
}

function* strings(value: Json): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== '//') yield* strings(item);
}
