/**
 * Reading a stack's state, always through OpenTofu: the encrypted bytes go into a scratch
 * directory next to a configuration holding only the stack's `encryption` block, its variables and
 * its `required_providers`; OpenTofu decrypts. We never decrypt state ourselves.
 *
 * First choice is `tofu show -json` (after `tofu init` there), which needs every
 * provider of the state installed for its schema. Where the providers cannot be installed (the
 * aws, google and azurerm providers are not in the offline test bed; a machine reading an old
 * archive may have none), `tofu state pull` prints the same decrypted state without schemas. Both
 * give the same resources (tested on a Hetzner stack); the result says which one was used.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execTofu } from '../tofu';
import { HandoverError } from './errors';

/** A sensitive-value mask: `true` = the whole value is sensitive, else per key / per index. */
export type SensitiveMask = boolean | { readonly [key: string]: SensitiveMask } | readonly SensitiveMask[];

/** One managed resource instance of the state. */
export interface StateResource {
  /** Full address, e.g. `hcloud_server.vm_workers-0_1A2B3C4D` or `aws_subnet.s[0]`, `module.m.x.y["a"]`. */
  readonly address: string;
  /** `module.a.module.b`, or undefined in the root module. */
  readonly module?: string;
  readonly type: string;
  readonly name: string;
  /** count index or for_each key. */
  readonly index?: number | string;
  /** Provider source, e.g. `registry.opentofu.org/hetznercloud/hcloud`. */
  readonly provider: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly sensitive: SensitiveMask;
}

/** What reading the state gave. */
export interface StackState {
  readonly resources: readonly StateResource[];
  /** Which OpenTofu command decrypted it. */
  readonly via: 'tofu show -json' | 'tofu state pull';
  /** Why `tofu show -json` was not used (first line of its error), when it was not. */
  readonly showProblem?: string;
  readonly terraformVersion?: string;
}

/** How to run OpenTofu for reading. */
export interface StateReader {
  /** The tofu binary (a path or a name on PATH). */
  readonly binary: string;
  /** Passed whole to tofu (TF_VAR_state_passphrase / TF_ENCRYPTION, TF_CLI_CONFIG_FILE…). */
  readonly env: NodeJS.ProcessEnv;
  /** A variables file tofu reads (tofu.tfvars with state_passphrase); tofu reads it, we do not. @default - none */
  readonly varFile?: string;
  /** Skip `tofu show -json` and use `tofu state pull` at once. @default false */
  readonly pullOnly?: boolean;
}

/** What the scratch configuration is made of. */
export interface StateInput {
  /** The state exactly as stored (encrypted). */
  readonly state: Buffer;
  /** The stack's cdk.tf.json (parsed). */
  readonly config: Readonly<Record<string, any>>;
  /** For messages: where the state came from. */
  readonly source: string;
}

/** The scratch configuration: encryption, the variables it reads, required_providers. */
export function scratchConfig(config: Readonly<Record<string, any>>): Record<string, unknown> {
  const terraform = (config.terraform ?? {}) as Record<string, unknown>;
  const encryption = terraform.encryption;
  const used = new Set([...JSON.stringify(encryption ?? {}).matchAll(/var\.([A-Za-z0-9_-]+)/g)].map((m) => m[1]));
  const variables = Object.fromEntries(Object.entries((config.variable ?? {}) as Record<string, unknown>).filter(([name]) => used.has(name)));
  return {
    terraform: { ...(encryption ? { encryption } : {}), ...(terraform.required_providers ? { required_providers: terraform.required_providers } : {}) },
    ...(Object.keys(variables).length ? { variable: variables } : {}),
  };
}

/** Decrypts and reads the state through OpenTofu (see the file comment). */
export async function readState(input: StateInput, reader: StateReader): Promise<StackState> {
  const vars = reader.varFile ? [`-var-file=${path.resolve(reader.varFile)}`] : [];
  const show = reader.pullOnly ? { problem: 'skipped (pullOnly)' } as { text?: string; problem?: string } : await inScratch(input, true, async (run, placeState) => {
    // init before the state is there: OpenTofu 1.10's init reads an existing local state without
    // its encryption configuration and fails.
    const init = await run(['init', '-input=false']);
    placeState();
    if (init.code === 127) throw new HandoverError(init.stderr.trim());
    if (init.code !== 0) return { problem: firstError(init.stderr || init.stdout) };
    const shown = await run(['show', '-json']);
    return shown.code === 0 ? { text: shown.stdout } : { problem: firstError(shown.stderr || shown.stdout) };
  }, vars, reader);
  if (show.text !== undefined) return { ...parseShowJson(show.text, input.source), via: 'tofu show -json' };
  // No provider plugins: a configuration of nothing but the encryption block needs none.
  const pull = await inScratch(input, false, (run, placeState) => (placeState(), run(['state', 'pull'])), vars, reader);
  if (pull.code !== 0) {
    throw new HandoverError(
      `${input.source}: OpenTofu could not read the state: ${firstError(pull.stderr || pull.stdout)}\n(the state is encrypted: set TF_VAR_state_passphrase, or keep state_passphrase in tofu.tfvars)`,
    );
  }
  return { ...parseRawState(pull.stdout, input.source), via: 'tofu state pull', showProblem: show.problem };
}

type Run = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;
type Body<T> = (run: Run, placeState: () => void) => Promise<T>;

/** Runs `body` in a fresh scratch directory holding the state and the scratch configuration. */
async function inScratch<T>(input: StateInput, withProviders: boolean, body: Body<T>, vars: readonly string[], reader: StateReader): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-handover-'));
  try {
    const config = scratchConfig(input.config);
    if (!withProviders) delete (config.terraform as Record<string, unknown>).required_providers;
    fs.writeFileSync(path.join(dir, 'main.tf.json'), `${JSON.stringify(config, null, 2)}\n`);
    const placeState = () => fs.writeFileSync(path.join(dir, 'terraform.tfstate'), input.state, { mode: 0o600 });
    return await body((args) => execTofu(reader.binary, [...args, '-no-color', ...vars], dir, reader.env), placeState);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function firstError(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/^[│╷╵]\s?/, '').trim()).filter(Boolean);
  const error = lines.findIndex((l) => l.startsWith('Error:'));
  return (error >= 0 ? lines.slice(error, error + 3) : lines.slice(0, 2)).join(' ');
}

/** An address: `module.m.` prefix, `type.name`, `[0]` or `["key"]`. */
export function resourceAddress(module: string | undefined, type: string, name: string, index: number | string | undefined): string {
  const key = index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
  return `${module ? `${module}.` : ''}${type}.${name}${key}`;
}

interface ShowModule {
  readonly address?: string;
  readonly resources?: ReadonlyArray<{ address: string; mode: string; type: string; name: string; index?: number | string; provider_name: string; values: Record<string, unknown>; sensitive_values?: SensitiveMask }>;
  readonly child_modules?: readonly ShowModule[];
}

/** The managed resources of `tofu show -json` output. */
export function parseShowJson(text: string, source: string): Omit<StackState, 'via'> {
  const doc = parseJson(text, source) as { terraform_version?: string; values?: { root_module?: ShowModule } };
  const resources: StateResource[] = [];
  const walk = (module: ShowModule | undefined) => {
    for (const r of module?.resources ?? []) {
      if (r.mode !== 'managed') continue;
      resources.push({ address: r.address, ...(module?.address ? { module: module.address } : {}), type: r.type, name: r.name, ...(r.index !== undefined ? { index: r.index } : {}), provider: r.provider_name, values: r.values ?? {}, sensitive: r.sensitive_values ?? false });
    }
    for (const child of module?.child_modules ?? []) walk(child);
  };
  walk(doc.values?.root_module);
  return { resources: sortResources(resources), ...(doc.terraform_version ? { terraformVersion: doc.terraform_version } : {}) };
}

type PathStep = { readonly type: string; readonly value: string | number };

/** The managed resources of a raw (decrypted) state document, as `tofu state pull` prints it. */
export function parseRawState(text: string, source: string): Omit<StackState, 'via'> {
  const doc = parseJson(text, source) as {
    version?: number;
    terraform_version?: string;
    resources?: ReadonlyArray<{ module?: string; mode: string; type: string; name: string; provider: string; instances: ReadonlyArray<{ index_key?: number | string; attributes?: Record<string, unknown>; sensitive_attributes?: ReadonlyArray<readonly PathStep[]> }> }>;
  };
  if (doc.version !== 4) throw new HandoverError(`${source}: state format version ${doc.version} is not supported (OpenTofu writes version 4)`);
  const resources: StateResource[] = [];
  for (const r of doc.resources ?? []) {
    if (r.mode !== 'managed') continue;
    const provider = /^provider\["([^"]+)"\]/.exec(r.provider.replace(/^module\.[^[]*\./, ''))?.[1] ?? r.provider;
    for (const instance of r.instances) {
      resources.push({
        address: resourceAddress(r.module, r.type, r.name, instance.index_key),
        ...(r.module ? { module: r.module } : {}),
        type: r.type,
        name: r.name,
        ...(instance.index_key !== undefined ? { index: instance.index_key } : {}),
        provider,
        values: instance.attributes ?? {},
        sensitive: maskFromPaths(instance.sensitive_attributes ?? []),
      });
    }
  }
  return { resources: sortResources(resources), ...(doc.terraform_version ? { terraformVersion: doc.terraform_version } : {}) };
}

/** `[[{get_attr: a}, {index: 0}]]` → `{ a: [true] }`, the shape of show -json's sensitive_values. */
export function maskFromPaths(paths: ReadonlyArray<readonly PathStep[]>): SensitiveMask {
  let root: SensitiveMask = false;
  for (const steps of paths) {
    if (steps.length === 0) return true;
    const set = (node: SensitiveMask, i: number): SensitiveMask => {
      if (node === true) return true;
      if (i === steps.length) return true;
      const key = steps[i].value;
      if (typeof key === 'number') {
        const list = Array.isArray(node) ? [...node] : [];
        list[key] = set(list[key] ?? false, i + 1);
        return Array.from(list, (v) => v ?? false);
      }
      const obj = typeof node === 'object' && node !== null && !Array.isArray(node) ? { ...(node as Record<string, SensitiveMask>) } : {};
      obj[String(key)] = set(obj[String(key)] ?? false, i + 1);
      return obj;
    };
    root = set(root, 0);
  }
  return root;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HandoverError(`${source}: OpenTofu printed something that is not JSON (${(e as Error).message})`);
  }
}

function sortResources(resources: StateResource[]): StateResource[] {
  return resources.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
