/**
 * An existing state for a synthesized stack, without a cloud: built from the real provider's own plan
 * and pushed with `tofu state push`.
 *
 * 1. `tofu plan -refresh=false` of the stack with no state; `tofu show -json` of that plan gives every
 *    resource's planned values (what the provider itself computed from the configuration).
 * 2. Values the provider leaves unknown until apply are filled the way the cloud would: every `id`
 *    in its provider's format (`idFor`), random_password results as random-looking strings; other
 *    computed attributes stay null.
 * 3. The state (format v4, schema versions from `tofu providers schema -json`) is pushed, and the
 *    stack is planned again with -refresh=false (no API is ever called); wherever that plan still
 *    changes a resource, its known planned values are copied into the state and it is pushed again,
 *    until the plan is empty. The result is a state this configuration plans as "no changes", as
 *    it would right after a real apply.
 */
import { execFileSync } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

interface ResourceChange {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly provider_name: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly after: Record<string, unknown> | null;
    readonly after_unknown?: Record<string, unknown>;
    readonly after_sensitive?: Record<string, unknown> | boolean;
  };
}

interface StateResource {
  mode: string;
  type: string;
  name: string;
  provider: string;
  instances: { schema_version: number; attributes: Record<string, unknown>; sensitive_attributes: unknown[] }[];
}

/** Environment for every tofu call: any provider API call goes to a closed loopback port, never out. */
export const OFFLINE_ENV = { HCLOUD_ENDPOINT: 'http://127.0.0.1:9/v1', CHECKPOINT_DISABLE: '1' };

/** What tofu reports about its plan and state; throws with tofu's output when it fails. */
function tofuRun(tofu: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(tofu, args, { cwd, env: { ...process.env, ...OFFLINE_ENV, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const error = e as { status?: number; stdout?: string; stderr?: string };
    // plan -detailed-exitcode: 2 means "changes", not a failure
    if (error.status === 2 && args[0] === 'plan') return error.stdout ?? '';
    throw new Error(`tofu ${args.join(' ')} failed in ${cwd}:\n${(error.stderr ?? '').split('\n').slice(0, 40).join('\n').slice(0, 4000)}`);
  }
}

/** The resource changes of a plan of `stackDir`, made with -refresh=false and read back with tofu show -json. */
export function plannedChanges(tofu: string, stackDir: string, varFile: string, extra: readonly string[] = []): ResourceChange[] {
  return planJson(tofu, stackDir, varFile, extra).resource_changes ?? [];
}

interface PlanJson {
  readonly resource_changes?: ResourceChange[];
  readonly planned_values?: { readonly outputs?: Record<string, { readonly value?: unknown; readonly sensitive?: boolean }> };
}

function planJson(tofu: string, stackDir: string, varFile: string, extra: readonly string[] = []): PlanJson {
  tofuRun(tofu, ['plan', '-refresh=false', '-input=false', '-no-color', '-detailed-exitcode', '-out=probe.tfplan', `-var-file=${varFile}`, ...extra], stackDir, {});
  try {
    return JSON.parse(tofuRun(tofu, ['show', '-json', `-var-file=${varFile}`, 'probe.tfplan'], stackDir, {})) as PlanJson;
  } finally {
    fs.rmSync(path.join(stackDir, 'probe.tfplan'), { force: true });
  }
}

/** The cty type of a JSON value, as a state file records an output's type. */
function ctyType(value: unknown): unknown {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(ctyType)];
  if (value && typeof value === 'object') return ['object', Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ctyType(v)]))];
  return 'dynamic';
}

let nextId = 48_151_623;

const COMPOSITE_IDS = ['hcloud_network_subnet', 'hcloud_load_balancer_network', 'hcloud_load_balancer_service'];

/**
 * The id a resource gets from its cloud on create: hcloud ids are decimal integers; composite ids
 * follow the provider's own formats (subnet `<network id>-<ip range>`, attachment
 * `<load balancer id>-<network id>`, service `<load balancer id>__<listen port>`).
 */
export function idFor(type: string, values: Readonly<Record<string, unknown>>): string {
  switch (type) {
    case 'hcloud_network_subnet':
      return `${values.network_id}-${values.ip_range}`;
    case 'hcloud_load_balancer_network':
      return `${values.load_balancer_id}-${values.network_id}`;
    case 'hcloud_load_balancer_service':
      return `${values.load_balancer_id}__${values.listen_port}`;
    case 'random_password':
      return 'none';
    default:
      return String(nextId++);
  }
}

let nextHost = 10;

/**
 * Values for what a plan leaves unknown, as the cloud would assign them: ids, random results, and
 * public addresses (from the documentation ranges 203.0.113.0/24 and 2001:db8::/32: the
 * configuration interpolates them into outputs and user data). Other computed values stay null.
 */
function fillUnknowns(type: string, attributes: Record<string, unknown>, unknown: Readonly<Record<string, unknown>>): void {
  for (const key of Object.keys(unknown)) {
    if (unknown[key] !== true) continue;
    if (/^ipv6_network$/.test(key)) attributes[key] = `2001:db8:${nextHost++}::/64`;
    else if (/^ipv4(_address)?$/.test(key)) attributes[key] = `203.0.113.${nextHost++}`;
    else if (/^ipv6(_address)?$/.test(key)) attributes[key] = `2001:db8::${nextHost++}`;
  }
  if (type === 'random_password') {
    if (unknown.result) attributes.result = randomUUID().replace(/-/g, '');
    if (unknown.bcrypt_hash) attributes.bcrypt_hash = `$2a$10$${randomUUID().replace(/-/g, '')}`;
  }
  if (unknown.id || attributes.id === undefined || attributes.id === null) attributes.id = idFor(type, attributes);
}

/** The state's record of which attributes are sensitive (top-level ones, as the plan marks them). */
function sensitivePaths(change: ResourceChange['change']): unknown[] {
  const marks = typeof change.after_sensitive === 'object' ? change.after_sensitive : {};
  return Object.keys(marks)
    .filter((key) => marks[key] === true)
    .map((key) => [{ type: 'get_attr', value: key }]);
}

/** Copies the known values of `after` over `attributes` (unknown ones keep the state's value). */
function copyKnown(attributes: Record<string, unknown>, after: Readonly<Record<string, unknown>>, unknown: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(after)) {
    if (unknown[key] === true) continue;
    attributes[key] = value;
  }
}

/**
 * Builds, pushes and converges the state of `stackDir` (already `tofu init`ed) as described at the
 * top of this file. Returns the number of plan rounds it took.
 */
export function pushConvergedState(tofu: string, stackDir: string, varFile: string, passphrase: string): number {
  // `providers schema` takes no var file, but evaluates the encryption block
  const schemas = JSON.parse(tofuRun(tofu, ['providers', 'schema', '-json'], stackDir, { TF_VAR_state_passphrase: passphrase })) as {
    provider_schemas: Record<string, { resource_schemas: Record<string, { version: number }> }>;
  };
  const schemaVersion = (provider: string, type: string) => schemas.provider_schemas[provider]?.resource_schemas[type]?.version ?? 0;

  const resources = new Map<string, StateResource>();
  const initial = plannedChanges(tofu, stackDir, varFile);
  for (const rc of initial) {
    if (rc.mode !== 'managed') continue;
    const attributes = { ...(rc.change.after ?? {}) };
    resources.set(rc.address, {
      mode: 'managed',
      type: rc.type,
      name: rc.name,
      provider: `provider["${rc.provider_name}"]`,
      instances: [{ schema_version: schemaVersion(rc.provider_name, rc.type), attributes, sensitive_attributes: sensitivePaths(rc.change) }],
    });
  }
  const changes = new Map(initial.map((rc) => [rc.address, rc]));
  for (const resource of resources.values()) {
    const address = `${resource.type}.${resource.name}`;
    fillUnknowns(resource.type, resource.instances[0].attributes, changes.get(address)?.change.after_unknown ?? {});
  }

  const lineage = randomUUID();
  const statePath = path.join(stackDir, 'pushed.tfstate.json');
  let outputs: Record<string, unknown> = {};
  for (let round = 1, serial = 1; round <= 8; round++, serial++) {
    fs.writeFileSync(statePath, JSON.stringify({ version: 4, terraform_version: '1.10.10', serial, lineage, outputs, resources: [...resources.values()], check_results: null }, null, 2));
    tofuRun(tofu, ['state', 'push', '-force', `-var-file=${varFile}`, 'pushed.tfstate.json'], stackDir, {});
    fs.rmSync(statePath);
    const plan = planJson(tofu, stackDir, varFile);
    const pending = (plan.resource_changes ?? []).filter((rc) => rc.mode === 'managed' && !(rc.change.actions.length === 1 && rc.change.actions[0] === 'no-op'));
    // outputs as apply would record them, once every value they read is in the state
    const planned = Object.entries(plan.planned_values?.outputs ?? {}).filter(([, o]) => o.value !== undefined);
    const nextOutputs = Object.fromEntries(planned.map(([name, o]) => [name, { value: o.value, type: ctyType(o.value), ...(o.sensitive ? { sensitive: true } : {}) }]));
    const outputsChanged = JSON.stringify(nextOutputs) !== JSON.stringify(outputs);
    outputs = nextOutputs;
    if (pending.length === 0 && !outputsChanged) return round;
    if (process.env.SOVEREIGN_DEBUG_STATE) process.stderr.write(`round ${round}: ${pending.map((rc) => `${rc.address} ${rc.change.actions.join('+')} ${JSON.stringify(rc.change).slice(0, 900)}`).join('\n')}\n`);
    for (const rc of pending) {
      const resource = resources.get(rc.address);
      if (!resource || !rc.change.after) throw new Error(`the plan would ${rc.change.actions.join('+')} ${rc.address}, which the pushed state does not explain`);
      const attributes = resource.instances[0].attributes;
      copyKnown(attributes, rc.change.after, rc.change.after_unknown ?? {});
      resource.instances[0].sensitive_attributes = sensitivePaths(rc.change);
      // an attachment by subnet records the subnet's network (subnet ids are `<network id>-<ip range>`)
      if (resource.type === 'hcloud_load_balancer_network' && typeof attributes.subnet_id === 'string' && attributes.network_id == null) {
        attributes.network_id = Number(attributes.subnet_id.split('-')[0]);
      }
      // composite ids are made of ids that were only known once the parts had theirs
      if (COMPOSITE_IDS.includes(resource.type)) attributes.id = idFor(resource.type, attributes);
      // the cloud lists a placement group's members: the servers placed in it
      if (resource.type === 'hcloud_placement_group' && rc.change.after_unknown?.servers === true) {
        attributes.servers = [...resources.values()]
          .filter((r) => r.type === 'hcloud_server' && String(r.instances[0].attributes.placement_group_id) === String(attributes.id))
          .map((r) => Number(r.instances[0].attributes.id));
      }
    }
  }
  throw new Error(`the state of ${stackDir} did not converge in 8 plan rounds`);
}
