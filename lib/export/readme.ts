import { RegionTopology, Topology } from './topology';

/**
 * The data of the export READMEs (templates/export-README.md.hbs): every value is computed here,
 * Markdown-escaped and ready to insert; the template only places and repeats it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface InputRow {
  readonly name: string;
  readonly type: string;
  readonly sensitive: string;
  readonly default: string;
  readonly description: string;
}

export interface OutputRow {
  readonly name: string;
  readonly sensitive: string;
  readonly description: string;
}

export interface SecretRow {
  /** What the secret is. */
  readonly secret: string;
  /** How to hand it over in this stack. */
  readonly provide: string;
}

export interface CountRow {
  readonly type: string;
  readonly count: number;
}

export interface ProviderRow {
  readonly name: string;
  readonly source: string;
  readonly version: string;
}

export interface StackReadmeContext {
  readonly kind: 'stack';
  readonly stack: string;
  readonly summary: string;
  readonly backend: string;
  readonly inputs: readonly InputRow[];
  readonly outputs: readonly OutputRow[];
  readonly secrets: readonly SecretRow[];
  readonly providers: readonly ProviderRow[];
  readonly resources: readonly CountRow[];
  readonly resourceTotal: number;
  readonly dataSources: readonly CountRow[];
  readonly readsFrom: string;
  /** One sentence on where block/attribute decisions came from. */
  readonly schemaNote: string;
  /** Fallback schema decisions, one line each; empty when every type had a schema. */
  readonly guesses: readonly string[];
}

export interface IndexRow {
  readonly stack: string;
  readonly kind: string;
  readonly summary: string;
  readonly resources: number;
  readonly inputs: number;
  readonly readsFrom: string;
}

export interface IndexReadmeContext {
  readonly kind: 'index';
  readonly title: string;
  readonly stacks: readonly IndexRow[];
  /** Stacks in an order that applies each one after the stacks whose state it reads. */
  readonly applyOrder: readonly { readonly step: number; readonly stacks: string }[];
}

/**
 * Environment variables the providers read their credentials from, by provider local name, and
 * which provider argument each one stands in for.
 */
const PROVIDER_CREDENTIALS: Readonly<Record<string, readonly { readonly argument: string; readonly env: string; readonly what: string }[]>> = {
  hcloud: [{ argument: 'token', env: 'HCLOUD_TOKEN', what: 'Hetzner Cloud API token' }],
  powerdns: [
    { argument: 'api_key', env: 'PDNS_API_KEY', what: 'PowerDNS API key' },
    { argument: 'server_url', env: 'PDNS_SERVER_URL', what: 'PowerDNS API URL' },
  ],
  aws: [
    { argument: 'access_key', env: 'AWS_ACCESS_KEY_ID', what: 'AWS access key id' },
    { argument: 'secret_key', env: 'AWS_SECRET_ACCESS_KEY', what: 'AWS secret access key' },
    { argument: 'token', env: 'AWS_SESSION_TOKEN', what: 'AWS session token (temporary credentials only)' },
    { argument: 'profile', env: 'AWS_PROFILE', what: 'AWS profile (instead of keys)' },
  ],
  oci: [
    { argument: 'tenancy_ocid', env: 'OCI_TENANCY_OCID', what: 'OCI tenancy OCID (or TF_VAR_tenancy_ocid, or ~/.oci/config)' },
    { argument: 'user_ocid', env: 'OCI_USER_OCID', what: 'OCI user OCID the API key belongs to' },
    { argument: 'fingerprint', env: 'OCI_FINGERPRINT', what: 'fingerprint of the OCI API signing key' },
    { argument: 'private_key_path', env: 'OCI_PRIVATE_KEY_PATH', what: 'path to the OCI API signing key (PEM)' },
    { argument: 'private_key', env: 'OCI_PRIVATE_KEY', what: 'the OCI API signing key itself (PEM), instead of a path' },
  ],
  google: [
    { argument: 'credentials', env: 'GOOGLE_CREDENTIALS', what: 'Google service account key (or GOOGLE_APPLICATION_CREDENTIALS, a path to it)' },
    { argument: 'project', env: 'GOOGLE_PROJECT', what: 'Google Cloud project' },
  ],
  azurerm: [
    { argument: 'subscription_id', env: 'ARM_SUBSCRIPTION_ID', what: 'Azure subscription' },
    { argument: 'tenant_id', env: 'ARM_TENANT_ID', what: 'Azure tenant' },
    { argument: 'client_id', env: 'ARM_CLIENT_ID', what: 'Azure service principal id' },
    { argument: 'client_secret', env: 'ARM_CLIENT_SECRET', what: 'Azure service principal secret' },
  ],
  huaweicloud: [
    { argument: 'access_key', env: 'HW_ACCESS_KEY', what: 'Huawei Cloud access key (AK)' },
    { argument: 'secret_key', env: 'HW_SECRET_KEY', what: 'Huawei Cloud secret key (SK)' },
  ],
};

export interface StackFacts {
  readonly name: string;
  readonly json: object;
  /** Region stacks whose state this stack reads. */
  readonly readsFrom: readonly string[];
  readonly guesses: readonly string[];
}

export function stackReadmeContext(stack: StackFacts, topology: Topology): StackReadmeContext {
  const tf = stack.json as JsonObject;
  const variables = objectOf(tf.variable);
  const providerConfigs = objectOf(tf.provider);
  const terraform = objectOf(tf.terraform);
  const usedBy = (variable: string): string[] => {
    const pattern = new RegExp(`\\bvar\\.${variable.replace(/[^\w-]/g, '')}\\b`);
    const users: string[] = [];
    for (const [provider, configs] of Object.entries(providerConfigs)) {
      for (const config of listOf(configs)) {
        for (const [argument, value] of Object.entries(objectOf(config))) if (mentions(value, pattern)) users.push(`${provider}.${argument}`);
      }
    }
    if (mentions(terraform.encryption ?? null, pattern)) users.push('encryption');
    return users;
  };

  const inputs = Object.entries(variables).map(([name, raw]) => {
    const v = objectOf(raw);
    return {
      name: code(name),
      type: code(typeof v.type === 'string' ? v.type.replace(/^\$\{(.*)\}$/s, '$1') : 'any'),
      sensitive: v.sensitive === true ? 'yes' : 'no',
      default: 'default' in v ? (v.sensitive === true && v.default !== null ? '*(sensitive)*' : code(JSON.stringify(v.default))) : 'required',
      description: cell(typeof v.description === 'string' ? v.description : ''),
    };
  });

  const outputs = Object.entries(objectOf(tf.output))
    .filter(([name]) => !name.startsWith('cross-stack-output-'))
    .map(([name, raw]) => {
      const o = objectOf(raw);
      return { name: code(name), sensitive: o.sensitive === true ? 'yes' : 'no', description: cell(typeof o.description === 'string' ? o.description : '') };
    });
  const crossStack = Object.keys(objectOf(tf.output)).filter((name) => name.startsWith('cross-stack-output-')).length;
  if (crossStack > 0) {
    outputs.push({ name: cell(`${crossStack} × cross-stack-output-…`), sensitive: 'yes', description: 'Values other stacks read through terraform_remote_state (written by cdktf).' });
  }

  const secrets: SecretRow[] = [];
  for (const [name, raw] of Object.entries(variables)) {
    const v = objectOf(raw);
    if (v.sensitive !== true) continue;
    const users = usedBy(name);
    const alternatives = users.flatMap((user) => {
      const [provider, argument] = user.split('.');
      if (user === 'encryption') return ['`TF_ENCRYPTION` (the whole encryption block)'];
      const credential = PROVIDER_CREDENTIALS[provider]?.find((c) => c.argument === argument);
      return credential ? [`\`${credential.env}\` (read by the ${provider} provider when the variable is null)`] : [];
    });
    const optional = v.nullable === true && 'default' in v;
    secrets.push({
      secret: `${code(name)}: ${cell(typeof v.description === 'string' ? v.description : 'sensitive input')}`,
      provide: `${optional ? 'optional; ' : ''}\`${name} = "…"\` in \`tofu.tfvars\` (git-ignored) or \`TF_VAR_${name}\`${alternatives.length > 0 ? `; or ${alternatives.join(', ')}` : ''}`,
    });
  }
  for (const provider of Object.keys(providerConfigs).sort()) {
    for (const credential of PROVIDER_CREDENTIALS[provider] ?? []) {
      const configured = listOf(providerConfigs[provider]).some((config) => objectOf(config)[credential.argument] !== undefined);
      if (configured) continue; // covered by the variable row above, or set in the configuration
      secrets.push({ secret: cell(credential.what), provide: `\`${credential.env}\` (environment of the ${provider} provider; not set in the configuration)` });
    }
  }
  secrets.push(
    terraform.encryption !== undefined
      ? { secret: 'State and plan encryption keys', provide: 'as configured in `terraform { encryption }` (see main.tf); `TF_ENCRYPTION` can supply or override the block' }
      : { secret: 'State and plan encryption (optional)', provide: '`TF_ENCRYPTION`: an `encryption` block (HCL or JSON) that OpenTofu applies without changing the configuration' },
  );

  const providers = Object.entries(objectOf(terraform.required_providers)).map(([name, raw]) => {
    const p = objectOf(raw);
    return { name: code(name), source: code(String(p.source ?? name)), version: code(typeof raw === 'string' ? raw : String(p.version ?? 'any')) };
  });
  const counts = (section: Json | undefined): CountRow[] =>
    Object.entries(objectOf(section ?? null))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, items]) => ({ type: code(type), count: Object.keys(objectOf(items)).length }));
  const resources = counts(tf.resource);

  return {
    kind: 'stack',
    stack: stack.name,
    summary: cell(summaryOf(stack.name, topology, resources.reduce((sum, row) => sum + row.count, 0))),
    backend: backendText(objectOf(terraform.backend)),
    inputs,
    outputs,
    secrets,
    providers,
    resources,
    resourceTotal: resources.reduce((sum, row) => sum + row.count, 0),
    dataSources: counts(tf.data),
    readsFrom: stack.readsFrom.length > 0 ? `It reads the state of ${stack.readsFrom.map((s) => `[${s}](../${s}/README.md)`).join(', ')}: apply those first.` : 'It reads no other stack’s state.',
    schemaNote:
      stack.guesses.length === 0
        ? 'Every nested block was told apart from object-typed attributes by a provider schema (providers/schemas or the cdktf bindings).'
        : `${stack.guesses.length} member${stack.guesses.length === 1 ? ' was' : 's were'} decided by the fallback rule because no schema describes the type; check with \`tofu validate\`:`,
    guesses: stack.guesses.map(cell),
  };
}

export function indexReadmeContext(stacks: readonly StackFacts[], topology: Topology, title: string): IndexReadmeContext {
  const rows = stacks.map((stack) => {
    const tf = stack.json as JsonObject;
    const resources = Object.values(objectOf(tf.resource)).reduce<number>((sum, items) => sum + Object.keys(objectOf(items)).length, 0);
    const region = topology.regions.find((r) => r.stack === stack.name);
    return {
      stack: stack.name,
      kind: region ? 'region' : topology.dns?.stack === stack.name ? 'dns' : 'other',
      summary: cell(summaryOf(stack.name, topology, resources)),
      resources,
      inputs: Object.keys(objectOf(tf.variable)).length,
      readsFrom: stack.readsFrom.length > 0 ? stack.readsFrom.join(', ') : '—',
    };
  });
  return { kind: 'index', title: cell(title), stacks: rows, applyOrder: applyOrder(stacks) };
}

/** Groups stacks into steps: a stack comes one step after the last stack whose state it reads. */
function applyOrder(stacks: readonly StackFacts[]): { step: number; stacks: string }[] {
  const depth = new Map<string, number>();
  const visit = (name: string, trail: readonly string[]): number => {
    if (depth.has(name)) return depth.get(name)!;
    const stack = stacks.find((s) => s.name === name);
    const reads = (stack?.readsFrom ?? []).filter((r) => !trail.includes(r));
    const d = reads.length === 0 ? 1 : 1 + Math.max(...reads.map((r) => visit(r, [...trail, name])));
    depth.set(name, d);
    return d;
  };
  for (const stack of stacks) visit(stack.name, []);
  const steps = [...new Set(depth.values())].sort((a, b) => a - b);
  return steps.map((step, index) => ({
    step: index + 1,
    stacks: stacks
      .filter((s) => depth.get(s.name) === step)
      .map((s) => `[${s.name}](${s.name}/README.md)`)
      .join(', '),
  }));
}

function summaryOf(stack: string, topology: Topology, resources: number): string {
  const region = topology.regions.find((r) => r.stack === stack);
  if (region) return regionSummary(region);
  if (topology.dns?.stack === stack) {
    const records = topology.dns.records;
    return `PowerDNS zone ${topology.dns.zones.join(', ') || '?'}: ${records.length} application record${records.length === 1 ? '' : 's'} (${records.map((r) => `${r.name} ${r.strategy}`).join('; ')})`;
  }
  return `${resources} resource${resources === 1 ? '' : 's'}`;
}

function regionSummary(region: RegionTopology): string {
  const machines = region.pools.reduce((sum, pool) => sum + pool.count, 0);
  const pools = region.pools.map((pool) => `${pool.name} ${pool.count} × ${pool.machineTypes.join('/')}`).join(', ');
  const lb = region.loadBalancer ? `; load balancer ${region.loadBalancer.ports.join(', ')}` : '';
  return `${region.cloud} ${region.region}: ${machines} machine${machines === 1 ? '' : 's'} (${pools})${lb}`;
}

function backendText(backend: JsonObject): string {
  const [type] = Object.keys(backend);
  if (type === undefined) return 'none configured: OpenTofu keeps the state in `terraform.tfstate` in the working directory';
  const settings = objectOf(backend[type]);
  if (type === 'local') {
    return `\`local\`: the state file is \`${String(settings.path ?? 'terraform.tfstate')}\`, relative to the directory \`tofu\` runs in (synthesized for \`cdktf.out/stacks/<stack>/\`)`;
  }
  const shown = Object.entries(settings)
    .filter(([, value]) => typeof value !== 'object' || value === null)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return `\`${type}\`${shown ? ` (${cell(shown)})` : ''}`;
}

// ---------------------------------------------------------------------------------------------

function objectOf(value: Json | undefined): JsonObject {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' && !Array.isArray(first) ? first : {};
}

function listOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function mentions(value: Json, pattern: RegExp): boolean {
  if (typeof value === 'string') return pattern.test(value);
  if (Array.isArray(value)) return value.some((item) => mentions(item, pattern));
  if (value !== null && typeof value === 'object') return Object.values(value).some((item) => mentions(item, pattern));
  return false;
}

/** Text for a Markdown table cell: one line, `|` escaped. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A Markdown code span that survives backticks and `|` inside a table cell. */
export function code(text: string): string {
  const safe = cell(text);
  const fence = safe.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ` ${safe} ` : safe}${fence}`;
}
