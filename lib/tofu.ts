/** Running OpenTofu as a child process: one place for the environment it gets and its failures. */
import { spawn } from 'child_process';

/** What one tofu run returned. */
export interface TofuResult {
  /** Exit code; 127 when the binary could not be started. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `binary args…` in `cwd` with `env` (passed whole: it carries TF_VAR_state_passphrase /
 * TF_ENCRYPTION and the backend's AWS_* variables) plus TF_IN_AUTOMATION. Never rejects: callers
 * decide what an exit code means (`plan -detailed-exitcode` exits 2 for "changes").
 */
export function execTofu(binary: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TofuResult> {
  return new Promise((resolve) => {
    const child = spawn(binary, [...args], { cwd, env: { ...env, TF_IN_AUTOMATION: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ code: 127, stdout, stderr: e.code === 'ENOENT' ? `${binary} not found (install OpenTofu, or pass --tofu PATH / set SOVEREIGN_TOFU)` : e.message }),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Resource types that are a cluster node (one K3s server or agent each). A plan that deletes one of
 * these — a replacement or a destroy — takes a node down; for control-plane servers, doing that to
 * more than one at a time loses etcd quorum. A cloud added to provider-vm adds its server type here
 * (a test checks that every synthesized resource carrying user data is listed).
 */
export const SERVER_RESOURCE_TYPES: readonly string[] = [
  'hcloud_server',
  'aws_instance',
  'google_compute_instance',
  'azurerm_linux_virtual_machine',
  'huaweicloud_compute_instance',
  'oci_core_instance',
];

/** One server a plan would take down. */
export interface ServerRemoval {
  /** Resource address, e.g. `hcloud_server.platform_control-plane-0_1A2B3C4D`. */
  readonly address: string;
  /** `replace` (delete + create, either order) or `destroy`. */
  readonly action: 'replace' | 'destroy';
  /** Why, as tofu says it: `replace_because_cannot_update`, `replace_by_request`, … (may be empty). */
  readonly reason: string;
  /** The attributes that force the replacement (tofu's `replace_paths`, joined with dots). */
  readonly forcedBy: readonly string[];
}

/** The part of `tofu show -json PLANFILE` read here. */
interface PlanJson {
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly type: string;
    readonly mode?: string;
    readonly action_reason?: string;
    readonly change: { readonly actions: readonly string[]; readonly replace_paths?: readonly (readonly (string | number)[])[] };
  }[];
}

/** Every server (SERVER_RESOURCE_TYPES) that the plan `tofu show -json` printed would delete. */
export function serverRemovals(planJson: string): ServerRemoval[] {
  const plan = JSON.parse(planJson) as PlanJson;
  return (plan.resource_changes ?? [])
    .filter((rc) => rc.mode !== 'data' && SERVER_RESOURCE_TYPES.includes(rc.type) && rc.change.actions.includes('delete'))
    .map((rc) => ({
      address: rc.address,
      action: rc.change.actions.includes('create') ? ('replace' as const) : ('destroy' as const),
      reason: rc.action_reason ?? '',
      forcedBy: (rc.change.replace_paths ?? []).map((p) => p.join('.')),
    }));
}

/** Counts of a saved plan's actions, for a one-line summary. */
export function planActionCounts(planJson: string): { add: number; change: number; destroy: number } {
  const plan = JSON.parse(planJson) as PlanJson;
  const counts = { add: 0, change: 0, destroy: 0 };
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode === 'data') continue;
    const actions = rc.change.actions;
    if (actions.includes('create')) counts.add++;
    if (actions.includes('delete')) counts.destroy++;
    if (actions.includes('update')) counts.change++;
  }
  return counts;
}


/**
 * The value of `name = "…"` in a .tfvars file (HCL: one quoted string, escapes and `$${`/`%%{`
 * undone) or a .tfvars.json file; undefined when the file does not set it that simply (then the
 * caller asks for TF_VAR_<name>). Needed because `tofu apply PLANFILE` takes no -var-file, but
 * must decrypt the saved plan with a key from a variable.
 */
export function tfvarsString(text: string, name: string, json = false): string | undefined {
  if (json) {
    const value = (JSON.parse(text) as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  const line = text.split('\n').find((l) => new RegExp(`^\\s*${name}\\s*=`).test(l));
  const match = line && /^\s*[A-Za-z0-9_-]+\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(line);
  if (!match) return undefined;
  let value = '';
  const raw = match[1];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const next = raw[++i];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
      if (next in simple) value += simple[next];
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 1, i + 5))) {
        value += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16));
        i += 4;
      } else return undefined;
    } else if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      value += `${c}{`;
      i += 2;
    } else if ((c === '$' || c === '%') && raw[i + 1] === '{') {
      return undefined; // an interpolation: not a plain value
    } else value += c;
  }
  return value;
}
