/**
 * Test states for the hand-over, built the way the issue asks: no cloud API exists here, so each
 * state is made from our own configuration and then written through `tofu state push`, which
 * encrypts it exactly like a real one (same encryption block, same passphrase).
 *
 * - Where the test bed has the provider (hcloud, random), the values are the *planned values* of
 *   a real `tofu plan` of the stack; only what the cloud would compute (ids, addresses) is filled in,
 *   in the provider's documented format.
 * - Where it has not (aws, google, azurerm: too large to build here), the values are the stack's
 *   synthesized arguments (cdk.tf.json) with every reference resolved to the generated ids; ids
 *   in each provider's documented import format. Attributes the provider would compute and that
 *   no argument names are absent (a real state has them; the hand-over ignores computed values).
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TOFU } from '../support/tools';

export const PASSPHRASE = 'handover test passphrase, 2026';

export interface FixtureResource {
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly values: Record<string, unknown>;
  readonly schemaVersion?: number;
  readonly sensitive?: ReadonlyArray<ReadonlyArray<{ type: string; value: string | number }>>;
}

/** Runs scripts/tofu; throws with the output on failure. */
export function tofu(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(TOFU, [...args], { cwd, encoding: 'utf8', env: { ...process.env, TF_VAR_state_passphrase: PASSPHRASE, ...env }, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`tofu ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A deterministic pseudo-random hex string for `seed`. */
export function hex(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += crypto.createHash('sha256').update(`${seed}#${i}`).digest('hex');
  return out.slice(0, length);
}

/** A deterministic number of `digits` digits for `seed`. */
export function digits(seed: string, count: number): string {
  return String(BigInt(`0x${hex(seed, 15)}`) % 10n ** BigInt(count)).padStart(count, '1');
}

/** A state document (format 4) holding `resources`. */
export function stateDocument(resources: readonly FixtureResource[], providers: Readonly<Record<string, string>>, lineageSeed: string): Record<string, unknown> {
  const groups = new Map<string, FixtureResource[]>();
  for (const r of resources) groups.set(`${r.type}.${r.name}`, [...(groups.get(`${r.type}.${r.name}`) ?? []), r]);
  const l = hex(lineageSeed, 32);
  return {
    version: 4,
    terraform_version: '1.10.10',
    serial: 1,
    lineage: `${l.slice(0, 8)}-${l.slice(8, 12)}-4${l.slice(13, 16)}-8${l.slice(17, 20)}-${l.slice(20, 32)}`,
    outputs: {},
    resources: [...groups.values()].map((instances) => ({
      mode: 'managed',
      type: instances[0].type,
      name: instances[0].name,
      provider: `provider["${providers[instances[0].type.split('_')[0]]}"]`,
      instances: instances.map((r) => ({
        ...(r.index !== undefined ? { index_key: r.index } : {}),
        schema_version: r.schemaVersion ?? 0,
        attributes: r.values,
        sensitive_attributes: r.sensitive ?? [],
      })),
    })),
    check_results: null,
  };
}

/**
 * Writes `state` into the stack's backend with `tofu state push`, from a scratch directory holding
 * only the stack's backend (made absolute) and encryption blocks: push needs no provider, so this
 * works for stacks whose providers the test bed lacks. Returns the encrypted state file.
 */
export function pushState(stackDir: string, state: Record<string, unknown>): string {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const statePath = path.resolve(stackDir, config.terraform.backend.local.path);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-push-'));
  try {
    const used = new Set([...JSON.stringify(config.terraform.encryption).matchAll(/var\.([a-z0-9_]+)/g)].map((m) => m[1]));
    fs.writeFileSync(
      path.join(scratch, 'main.tf.json'),
      JSON.stringify({ terraform: { backend: { local: { path: statePath } }, encryption: config.terraform.encryption }, variable: Object.fromEntries([...used].map((v) => [v, config.variable[v]])) }),
    );
    fs.writeFileSync(path.join(scratch, 'plain.tfstate.json'), JSON.stringify(state, null, 2));
    tofu(scratch, ['init', '-input=false', '-no-color']);
    tofu(scratch, ['state', 'push', '-no-color', 'plain.tfstate.json']);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return statePath;
}

/** The provider sources of a stack, by local name (hcloud → registry.opentofu.org/hetznercloud/hcloud). */
export function providerSources(stackDir: string): Record<string, string> {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  return Object.fromEntries(Object.entries(config.terraform.required_providers as Record<string, { source: string }>).map(([name, p]) => [name, p.source]));
}

interface PlannedResource {
  address: string;
  type: string;
  name: string;
  index?: number | string;
  values: Record<string, unknown>;
}

/** The id the cloud would give, in the provider's documented format (hcloud: integers; composites as the provider builds them). */
function hcloudId(r: PlannedResource, values: Record<string, unknown>): string {
  switch (r.type) {
    case 'hcloud_load_balancer_network':
      return `${values.load_balancer_id}-${values.network_id}`;
    case 'hcloud_load_balancer_service':
      return `${values.load_balancer_id}__${values.listen_port}`;
    case 'hcloud_load_balancer_target':
      return `${values.load_balancer_id}__${values.type}__${values.server_id ?? values.label_selector ?? values.ip}`;
    case 'hcloud_network_subnet':
      return `${values.network_id}-${values.ip_range}`;
    case 'random_password':
      return 'none';
    default:
      return digits(r.address, 8);
  }
}

/**
 * A state from the real `tofu plan` of a stack whose providers the test bed has (hcloud, random):
 * the planned values, with what the cloud computes filled in. `extraConfig` is merged into the
 * stack's configuration first (used to add count/for_each resources).
 */
export function stateFromPlan(stackDir: string, env: NodeJS.ProcessEnv): { resources: FixtureResource[]; secrets: Record<string, string> } {
  tofu(stackDir, ['init', '-input=false', '-no-color'], env);
  tofu(stackDir, ['plan', '-input=false', '-no-color', '-out=handover.tfplan'], env);
  const plan = JSON.parse(tofu(stackDir, ['show', '-json', 'handover.tfplan'], env));
  fs.rmSync(path.join(stackDir, 'handover.tfplan'));
  const schemas = JSON.parse(tofu(stackDir, ['providers', 'schema', '-json'], env));
  const resourceSchema = (type: string): { version: number; block: { attributes?: Record<string, { type: unknown }> } } | undefined => {
    for (const p of Object.values(schemas.provider_schemas as Record<string, { resource_schemas: Record<string, any> }>)) if (p.resource_schemas[type]) return p.resource_schemas[type];
    return undefined;
  };
  const schemaVersion = (type: string): number => resourceSchema(type)?.version ?? 0;
  /** The value in the attribute's schema type (the provider's state has ids as strings where the schema says string). */
  const typed = (type: string, attribute: string, value: unknown): unknown => {
    const t = resourceSchema(type)?.block.attributes?.[attribute]?.type;
    if (t === 'string' && typeof value === 'number') return String(value);
    if (t === 'number' && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
    return value;
  };
  const changes = new Map<string, any>((plan.resource_changes as any[]).map((c) => [c.address, c]));
  const configs = new Map<string, any>((plan.configuration.root_module.resources as any[]).map((c) => [c.address, c]));
  const planned: PlannedResource[] = (plan.planned_values.root_module.resources as any[]).filter((r) => r.mode === 'managed').map((r) => ({ address: r.address, type: r.type, name: r.name, index: r.index, values: { ...r.values } }));
  const byConfigAddress = (ref: string) => planned.find((p) => `${p.type}.${p.name}` === ref || p.address === ref);
  const secrets: Record<string, string> = {};

  // Pass 1: ids and other computed values not taken from other resources.
  for (const r of planned) {
    const unknown = changes.get(r.address)?.change?.after_unknown ?? {};
    if (r.type === 'random_password') {
      r.values.result = hex(`${r.address}#result`, Number(r.values.length ?? 48)).replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]);
      r.values.bcrypt_hash = `$2a$10$${hex(`${r.address}#bcrypt`, 53)}`;
      secrets[r.address] = r.values.result as string;
    }
    for (const attribute of ['ipv4_address', 'ipv4']) if (unknown[attribute]) r.values[attribute] = `198.51.100.${Number(digits(r.address, 2)) + 10}`;
    for (const attribute of ['ipv6_address', 'ipv6']) if (unknown[attribute]) r.values[attribute] = `2001:db8:${hex(r.address, 4)}::1`;
    if (unknown.ipv6_network) r.values.ipv6_network = `2001:db8:${hex(r.address, 4)}::/64`;
  }
  // Pass 2: references (network_id = the network's id…), then the ids that are built from them.
  const resolve = (r: PlannedResource) => {
    const expressions = configs.get(`${r.type}.${r.name}`)?.expressions ?? {};
    const unknown = changes.get(r.address)?.change?.after_unknown ?? {};
    for (const [attribute, expression] of Object.entries(expressions as Record<string, any>)) {
      const refs: string[] = expression?.references ?? [];
      const attrRef = refs.find((ref) => /\.[a-z_0-9]+$/.test(ref) && byConfigAddress(ref.replace(/\.[a-z_0-9]+$/, '')));
      if (!attrRef || !unknown[attribute]) continue;
      const target = byConfigAddress(attrRef.replace(/\.[a-z_0-9]+$/, ''))!;
      const targetAttribute = attrRef.split('.').pop()!;
      if (target.values[targetAttribute] === undefined || target.values[targetAttribute] === null) target.values[targetAttribute] = hcloudId(target, target.values);
      const value = target.values[targetAttribute];
      r.values[attribute] = typeof r.values[attribute] === 'number' || /_id$/.test(attribute) ? (Number.isNaN(Number(value)) ? value : Number(value)) : value;
    }
    // Blocks with references inside (server.network[].network_id, firewall_ids…).
    for (const [attribute, expression] of Object.entries(expressions as Record<string, any>)) {
      if (Array.isArray(expression)) {
        const values = r.values[attribute] as Array<Record<string, unknown>>;
        expression.forEach((block: Record<string, any>, i: number) => {
          for (const [inner, e] of Object.entries(block)) {
            const ref = (e?.references ?? []).find((x: string) => /\.[a-z_0-9]+$/.test(x) && byConfigAddress(x.replace(/\.[a-z_0-9]+$/, '')));
            if (!ref || !values?.[i]) continue;
            const target = byConfigAddress(ref.replace(/\.[a-z_0-9]+$/, ''))!;
            if (target.values.id === undefined || target.values.id === null) target.values.id = hcloudId(target, target.values);
            values[i][inner] = Number(target.values[ref.split('.').pop()!]);
          }
        });
      } else if (expression?.references && Array.isArray(r.values[attribute]) === false && unknown[attribute] && Array.isArray(unknown[attribute])) {
        // list of references (firewall_ids = [hcloud_firewall.x.id])
      }
    }
    const list = (unknown.firewall_ids ?? unknown.ssh_keys) as unknown;
    void list;
  };
  // Parents first: a subnet's id is built from its network's id.
  const order = ['hcloud_network', 'hcloud_network_subnet'];
  const rank = (r: PlannedResource) => (order.includes(r.type) ? order.indexOf(r.type) : order.length);
  for (const r of [...planned].sort((a, b) => rank(a) - rank(b))) resolve(r);
  for (const r of planned) {
    const expressions = configs.get(`${r.type}.${r.name}`)?.expressions ?? {};
    for (const attribute of ['firewall_ids']) {
      const refs: string[] = expressions[attribute]?.references ?? [];
      const ids = refs.filter((ref) => /\.id$/.test(ref)).map((ref) => byConfigAddress(ref.replace(/\.id$/, ''))).filter(Boolean).map((t) => Number(t!.values.id ?? (t!.values.id = hcloudId(t!, t!.values))));
      if (ids.length) r.values[attribute] = ids;
    }
  }
  for (const r of planned) {
    // A load balancer attached by subnet: the provider records the subnet's network too.
    if (r.type === 'hcloud_load_balancer_network' && (r.values.network_id === undefined || r.values.network_id === null) && typeof r.values.subnet_id === 'string') r.values.network_id = Number(r.values.subnet_id.split('-')[0]);
    for (const [attribute, value] of Object.entries(r.values)) r.values[attribute] = typed(r.type, attribute, value);
  }
  for (const r of planned) if (r.values.id === undefined || r.values.id === null) r.values.id = hcloudId(r, r.values);
  return {
    resources: planned.map((r) => ({
      type: r.type,
      name: r.name,
      ...(r.index !== undefined ? { index: r.index } : {}),
      values: r.values,
      schemaVersion: schemaVersion(r.type),
      ...(r.type === 'random_password' ? { sensitive: [[{ type: 'get_attr', value: 'result' }], [{ type: 'get_attr', value: 'bcrypt_hash' }]] } : {}),
    })),
    secrets,
  };
}

/** Test identities of the derived states (documented formats; no account behind them). */
export const AWS_ACCOUNT = '123456789012';
export const GCP_PROJECT = 'sovereign-example-4711';
export const AZURE_SUBSCRIPTION = '0b5e2c7a-3f1d-4e8a-9c6b-2d7f8a1e5c30';

/** Attributes that are maps (kept as objects); every other object in cdk.tf.json is a block (a list in state). */
const MAP_ATTRIBUTES = new Set(['tags', 'tags_all', 'labels', 'metadata', 'effective_labels', 'terraform_labels']);
const META_KEYS = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'connection', 'provisioner']);

type Computed = (type: string, values: Record<string, unknown>, get: (ref: string) => unknown) => Record<string, unknown>;

function azureId(values: Record<string, unknown>, kind: string, name = values.name): string {
  return `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${values.resource_group_name}/providers/${kind}/${name}`;
}

/** What each cloud computes, in its documented id/import formats. */
export const COMPUTED: Readonly<Record<string, Computed>> = {
  aws: (type, v) => {
    const seed = `${type}/${JSON.stringify(v)}`;
    const region = v.region as string;
    const elb = (what: string) => `arn:aws:elasticloadbalancing:${region}:${AWS_ACCOUNT}:${what}`;
    switch (type) {
      case 'aws_vpc': return { id: `vpc-${hex(seed, 17)}`, arn: `arn:aws:ec2:${region}:${AWS_ACCOUNT}:vpc/vpc-${hex(seed, 17)}` };
      case 'aws_subnet': return { id: `subnet-${hex(seed, 17)}` };
      case 'aws_internet_gateway': return { id: `igw-${hex(seed, 17)}` };
      case 'aws_route_table': return { id: `rtb-${hex(seed, 17)}` };
      case 'aws_route_table_association': return { id: `rtbassoc-${hex(seed, 17)}` };
      case 'aws_security_group': case 'aws_default_security_group': return { id: `sg-${hex(seed, 17)}` };
      case 'aws_vpc_security_group_ingress_rule': case 'aws_vpc_security_group_egress_rule': return { id: `sgr-${hex(seed, 17)}` };
      case 'aws_instance': return { id: `i-${hex(seed, 17)}`, private_ip: v.private_ip ?? `10.30.1.${Number(digits(seed, 2)) + 20}` };
      case 'aws_eip': return { id: `eipalloc-${hex(seed, 17)}`, allocation_id: `eipalloc-${hex(seed, 17)}`, public_ip: `198.51.100.${Number(digits(seed, 2)) + 10}` };
      case 'aws_lb': { const arn = elb(`loadbalancer/net/${v.name}/${hex(seed, 16)}`); return { id: arn, arn, dns_name: `${v.name}-${hex(seed, 10)}.elb.${region}.amazonaws.com` }; }
      case 'aws_lb_target_group': { const arn = elb(`targetgroup/${v.name}/${hex(seed, 16)}`); return { id: arn, arn }; }
      case 'aws_lb_listener': { const arn = `${String(v.load_balancer_arn).replace(':loadbalancer/', ':listener/')}/${hex(seed, 16)}`; return { id: arn, arn }; }
      // aws_lb_target_group_attachment: id.PrefixedUniqueId("<target group ARN>-")
      case 'aws_lb_target_group_attachment': return { id: `${v.target_group_arn}-${digits(seed, 20)}` };
      case 'aws_ec2_subnet_cidr_reservation': return { id: `scr-${hex(seed, 17)}` };
      default: return { id: hex(seed, 12) };
    }
  },
  google: (type, v) => {
    const p = GCP_PROJECT;
    const path: Record<string, string> = {
      google_compute_network: `projects/${p}/global/networks/${v.name}`,
      google_compute_firewall: `projects/${p}/global/firewalls/${v.name}`,
      google_compute_subnetwork: `projects/${p}/regions/${v.region}/subnetworks/${v.name}`,
      google_compute_router: `projects/${p}/regions/${v.region}/routers/${v.name}`,
      google_compute_address: `projects/${p}/regions/${v.region}/addresses/${v.name}`,
      google_compute_region_health_check: `projects/${p}/regions/${v.region}/healthChecks/${v.name}`,
      google_compute_region_backend_service: `projects/${p}/regions/${v.region}/backendServices/${v.name}`,
      google_compute_forwarding_rule: `projects/${p}/regions/${v.region}/forwardingRules/${v.name}`,
      google_compute_instance: `projects/${p}/zones/${v.zone}/instances/${v.name}`,
      google_compute_instance_group: `projects/${p}/zones/${v.zone}/instanceGroups/${v.name}`,
      // google_compute_router_nat: {{project}}/{{region}}/{{router}}/{{name}}
      google_compute_router_nat: `${p}/${v.region}/${v.router}/${v.name}`,
    };
    const id = path[type] ?? `projects/${p}/${type}/${v.name}`;
    return { id, project: p, ...(type === 'google_compute_router_nat' ? {} : { self_link: `https://www.googleapis.com/compute/v1/${id}` }), ...(type === 'google_compute_address' ? { address: `203.0.113.${Number(digits(id, 2)) + 10}` } : {}) };
  },
  azurerm: (type, v, get) => {
    switch (type) {
      case 'azurerm_resource_group': return { id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${v.name}` };
      case 'azurerm_virtual_network': return { id: azureId(v, 'Microsoft.Network/virtualNetworks') };
      case 'azurerm_subnet': return { id: `${azureId(v, 'Microsoft.Network/virtualNetworks', v.virtual_network_name)}/subnets/${v.name}` };
      case 'azurerm_network_security_group': return { id: azureId(v, 'Microsoft.Network/networkSecurityGroups') };
      case 'azurerm_network_security_rule': return { id: `${azureId(v, 'Microsoft.Network/networkSecurityGroups', v.network_security_group_name)}/securityRules/${v.name}` };
      case 'azurerm_nat_gateway': return { id: azureId(v, 'Microsoft.Network/natGateways') };
      case 'azurerm_public_ip': return { id: azureId(v, 'Microsoft.Network/publicIPAddresses'), ip_address: `198.51.100.${Number(digits(String(v.name), 2)) + 10}` };
      case 'azurerm_lb': return { id: azureId(v, 'Microsoft.Network/loadBalancers') };
      case 'azurerm_lb_backend_address_pool': return { id: `${v.loadbalancer_id}/backendAddressPools/${v.name}` };
      case 'azurerm_lb_probe': return { id: `${v.loadbalancer_id}/probes/${v.name}` };
      case 'azurerm_lb_rule': return { id: `${v.loadbalancer_id}/loadBalancingRules/${v.name}` };
      case 'azurerm_network_interface': return { id: azureId(v, 'Microsoft.Network/networkInterfaces'), private_ip_address: (v.ip_configuration as any)?.[0]?.private_ip_address };
      case 'azurerm_linux_virtual_machine': return { id: azureId(v, 'Microsoft.Compute/virtualMachines') };
      // Associations: ids made of their arguments, as the provider documents them.
      case 'azurerm_subnet_network_security_group_association': case 'azurerm_subnet_nat_gateway_association': return { id: v.subnet_id };
      case 'azurerm_nat_gateway_public_ip_association': return { id: `${v.nat_gateway_id}|${v.public_ip_address_id}` };
      case 'azurerm_network_interface_backend_address_pool_association': return { id: `${v.network_interface_id}/ipConfigurations/${v.ip_configuration_name}|${v.backend_address_pool_id}` };
      default: void get; return { id: azureId(v, `Microsoft.Unknown/${type}`) };
    }
  },
};

/**
 * A state derived from a stack's synthesized configuration, for clouds whose provider the test bed
 * cannot run: arguments as written, references resolved to the generated values, ids in the
 * provider's documented format (COMPUTED). `variables` are the values of `var.*`; function calls
 * (base64gzip of user data) become a marker string that tests look for in the output.
 */
export function stateFromConfig(stackDir: string, variables: Readonly<Record<string, unknown>>, extra: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {}): FixtureResource[] {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const providerRegion = (local: string) => config.provider?.[local]?.[0]?.region;
  const bodies = new Map<string, { type: string; name: string; body: Record<string, unknown> }>();
  for (const [type, byName] of Object.entries(config.resource as Record<string, Record<string, any>>)) for (const [name, body] of Object.entries(byName)) bodies.set(`${type}.${name}`, { type, name, body });
  const done = new Map<string, Record<string, unknown>>();
  const resolving = new Set<string>();

  const valuesOf = (address: string): Record<string, unknown> => {
    const cached = done.get(address);
    if (cached) return cached;
    if (resolving.has(address)) throw new Error(`reference cycle at ${address}`);
    resolving.add(address);
    const { type, body } = bodies.get(address)!;
    const local = type.split('_')[0];
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) if (!META_KEYS.has(key)) values[key] = shape(key, resolve(value));
    if (local === 'aws' && values.region === undefined) values.region = providerRegion('aws');
    if (local === 'google' && values.region === undefined && !/instance$|instance_group$|network$|firewall$/.test(type)) values.region = providerRegion('google');
    if (local === 'random') Object.assign(values, { id: 'none', result: hex(`${address}#result`, Number(values.length ?? 48)).replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]) });
    else Object.assign(values, COMPUTED[local](type, values, (ref) => get(ref)), extra[type] ?? {});
    done.set(address, values);
    resolving.delete(address);
    return values;
  };
  const get = (ref: string): unknown => {
    const m = /^([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(ref);
    if (m && bodies.has(`${m[1]}.${m[2]}`)) return valuesOf(`${m[1]}.${m[2]}`)[m[3]];
    const v = /^var\.([a-z0-9_]+)$/.exec(ref);
    if (v) return variables[v[1]] ?? `test-${v[1]}`;
    const d = /^data\.([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(ref);
    if (d) return d[1] === 'aws_ami' ? `ami-${hex(ref, 17)}` : `data-${hex(ref, 12)}`;
    return `COMPUTED-BY-OPENTOFU(${hex(ref, 8)})`;
  };
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\$\{([^{}]+)\}$/.exec(value);
      if (whole) return get(whole[1].trim());
      return value.replace(/\$\{([^{}]+)\}/g, (_, ref: string) => String(get(ref.trim())));
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const shape = (key: string, value: unknown): unknown => {
    if (value && typeof value === 'object' && !Array.isArray(value) && !MAP_ATTRIBUTES.has(key)) return [shapeBlock(value as Record<string, unknown>)];
    if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? shapeBlock(v as Record<string, unknown>) : v));
    return value;
  };
  const shapeBlock = (block: Record<string, unknown>) => Object.fromEntries(Object.entries(block).map(([k, v]) => [k, shape(k, v)]));

  return [...bodies.keys()].sort().map((address) => {
    const { type, name } = bodies.get(address)!;
    return { type, name, values: valuesOf(address), ...(type === 'random_password' ? { schemaVersion: 3, sensitive: [[{ type: 'get_attr', value: 'result' }]] } : {}) };
  });
}
