import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { assertNotArchived } from '../archive/marker';
import { STATE_PASSPHRASE_VARIABLE } from '../../constructs/state/state-encryption';
import { execTofu, SERVER_RESOURCE_TYPES, ServerRemoval, tfvarsString } from '../tofu';
import { callerPath, parseArgs, tofuBinary, UsageError } from './args';
import { failure, info, success } from './output';
import { describeRemovals, PLAN_FILE, planStack, planVarFile, synthesizeStacks } from './plan';

/** One server of a stack, as synthesized. */
export interface NodeTarget {
  /** `<pool>/<index>`, as given on the command line. */
  readonly id: string;
  /** Resource address, e.g. `hcloud_server.vm_control-plane-0_DB4BF7C9`. */
  readonly address: string;
  /** Server (and Kubernetes node) name, e.g. `hetzner-fsn1-control-plane-0`. */
  readonly name: string;
  /** `server` (K3s server, etcd member) or `agent`. */
  readonly role: 'server' | 'agent';
}

/** Default of --timeout: how long a new node may take to register and become Ready. */
export const DEFAULT_READY_TIMEOUT_SECONDS = 900;

/** How often the node is asked for while waiting. */
const POLL_SECONDS = 10;

/**
 * Every server resource of a synthesized stack (`cdk.tf.json`), named by `<pool>/<index>` from its
 * construct path (`<stack>/vm/<pool>-<index>`), with its name and K3s role from its labels or tags.
 */
export function nodeTargets(stackJson: string): NodeTarget[] {
  const stack = JSON.parse(stackJson) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  const targets: NodeTarget[] = [];
  for (const type of SERVER_RESOURCE_TYPES) {
    for (const [logicalId, config] of Object.entries(stack.resource?.[type] ?? {})) {
      const constructPath = (config['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? '';
      const match = /\/([a-z0-9-]+)-(\d+)$/.exec(constructPath);
      if (!match) continue;
      const labels = (config.labels ?? config.tags ?? {}) as Record<string, string>;
      targets.push({
        id: `${match[1]}/${match[2]}`,
        address: `${type}.${logicalId}`,
        name: String(config.name ?? labels.Name ?? `${match[1]}-${match[2]}`),
        role: labels.role === 'agent' ? 'agent' : 'server',
      });
    }
  }
  return targets;
}

/**
 * `sovereign replace-node <stack> <pool>/<index>`: the one way a changed user data (a K3s setting,
 * version or template) reaches an existing node, one server at a time so etcd keeps its quorum.
 *
 * 1. With a kubeconfig: refuses unless every other K3s server is Ready (losing this one must leave a
 *    quorum), then drains the node and deletes it from Kubernetes (K3s removes a deleted server's
 *    etcd member, so the new server can join under the same name and address).
 * 2. `tofu plan -replace=ADDRESS` into a saved, encrypted plan; refuses unless that plan replaces
 *    exactly this server and takes down no other; asks for confirmation (or --yes).
 * 3. `tofu apply` of exactly that saved plan.
 * 4. Waits until the node has registered again and its Ready condition is True (--timeout), using
 *    the same kubeconfig. Without one, --no-wait is required and the check is printed instead.
 */
export async function replaceNodeCommand(args: readonly string[], projectDir: string, env: NodeJS.ProcessEnv, ask?: (question: string) => Promise<boolean>): Promise<number> {
  const parsed = parseArgs(args, ['--output', '--tofu', '--var-file', '--kubeconfig', '--timeout', '--kubectl'], ['--yes', '--no-wait', '--force', '--no-refresh']);
  const [stack, nodeId, ...extra] = parsed.positional;
  if (!stack || !nodeId || extra.length > 0) throw new UsageError('replace-node needs exactly <stack> <pool>/<index>, e.g. replace-node hetzner-fsn1 control-plane/0');
  const kubeconfigOption = parsed.values['--kubeconfig'] ?? (env.KUBECONFIG || undefined);
  const kubeconfig = kubeconfigOption === undefined ? undefined : callerPath(kubeconfigOption);
  const noWait = parsed.flags.has('--no-wait');
  if (!kubeconfig && !noWait) {
    throw new UsageError('replace-node needs --kubeconfig FILE (or KUBECONFIG) to check that the other servers are Ready and to wait for the new node; --no-wait replaces without either (you check the cluster yourself)');
  }
  const timeout = Number(parsed.values['--timeout'] ?? DEFAULT_READY_TIMEOUT_SECONDS);
  if (!Number.isInteger(timeout) || timeout < 1) throw new UsageError(`--timeout ${parsed.values['--timeout']}: must be a whole number of seconds ≥ 1`);
  const kubectl = new Kubectl(parsed.values['--kubectl'] ?? 'kubectl', kubeconfig, env);
  const tofu = tofuBinary(parsed, env);
  const varFile = planVarFile(parsed.values['--var-file'], projectDir);

  const { target: outdir, manifest } = synthesizeStacks(projectDir, parsed.values['--output'] ?? 'cdktf.out');
  if (!(stack in manifest.stacks)) throw new Error(`unknown stack "${stack}" (stacks: ${Object.keys(manifest.stacks).join(', ')})`);
  assertNotArchived(projectDir, stack, { force: parsed.flags.has('--force') });
  const cwd = path.join(outdir, manifest.stacks[stack].workingDirectory);
  const targets = nodeTargets(fs.readFileSync(path.join(outdir, manifest.stacks[stack].synthesizedStackPath), 'utf8'));
  const node = targets.find((t) => t.id === nodeId);
  if (!node) throw new Error(`stack ${stack} has no server "${nodeId}" (servers: ${targets.map((t) => t.id).join(', ') || 'none'})`);

  // `tofu apply PLANFILE` takes no -var-file, but decrypts the plan with the passphrase: from the
  // environment, or read from the var file now, before anything is changed.
  const applyEnv = passphraseEnvironment(env, varFile);
  if (kubeconfig) await kubectl.assertQuorumWithout(node, targets);

  const plan = await planStack({ tofu, cwd, env, varFile, step: `${stack} ${node.id}`, json: false, planArgs: [`-replace=${node.address}`, ...(parsed.flags.has('--no-refresh') ? ['-refresh=false'] : [])], keepPlan: true });
  const planFile = path.join(cwd, PLAN_FILE);
  try {
    if (plan.result === 'failed') return 2;
    const refusal = checkSingleReplacement(plan.servers, node);
    if (refusal) throw new Error(`${stack}: ${refusal}; nothing was changed`);
    info(`${stack}: ${plan.detail ?? 'changes'}\n${describeRemovals(plan.servers)}`);
    const confirmed = parsed.flags.has('--yes') || (ask !== undefined && (await ask(`Replace ${node.name} (${node.address}) now?`)));
    if (!confirmed) throw new Error(`not confirmed: nothing was changed (run again with --yes to replace ${node.name})`);

    if (kubeconfig) {
      info(`${node.name}: kubectl drain, then kubectl delete node`);
      await kubectl.run(['drain', node.name, '--ignore-daemonsets', '--delete-emptydir-data', `--timeout=${timeout}s`]);
      await kubectl.run(['delete', 'node', node.name, '--ignore-not-found', `--timeout=${timeout}s`]);
    }
    info(`${stack}: tofu apply ${PLAN_FILE} (replaces ${node.address})`);
    const started = Date.now();
    const apply = await execTofu(tofu, ['apply', '-input=false', '-no-color', PLAN_FILE], cwd, applyEnv);
    if (apply.code !== 0) {
      failure(`${stack}: tofu apply failed\n${`${apply.stdout}${apply.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
      return 2;
    }
    success(`${stack}: ${node.address} replaced (${Math.round((Date.now() - started) / 1000)} s)`);
  } finally {
    fs.rmSync(planFile, { force: true });
  }

  if (!kubeconfig) {
    info(`not waited (--no-wait): before replacing the next server, check that the node is back: kubectl get node ${node.name}`);
    return 0;
  }
  info(`${node.name}: waiting until it has registered again and is Ready (at most ${timeout} s)`);
  const seconds = await kubectl.waitReady(node.name, timeout);
  success(`${node.name} is Ready (after ${seconds} s); the next server may be replaced`);
  return 0;
}

/** `env` with TF_VAR_state_passphrase set from the var file when the environment does not have it. */
export function passphraseEnvironment(env: NodeJS.ProcessEnv, varFile: string | undefined): NodeJS.ProcessEnv {
  if (env[`TF_VAR_${STATE_PASSPHRASE_VARIABLE}`] || env.TF_ENCRYPTION) return env;
  const value = varFile ? tfvarsString(fs.readFileSync(varFile, 'utf8'), STATE_PASSPHRASE_VARIABLE, varFile.endsWith('.json')) : undefined;
  if (value === undefined) {
    throw new UsageError(`replace-node applies a saved, encrypted plan, and tofu apply then takes no -var-file: ${varFile ? `${varFile} has no plain ${STATE_PASSPHRASE_VARIABLE} = "…" line` : 'no var file'}; set TF_VAR_${STATE_PASSPHRASE_VARIABLE} (nothing was changed)`);
  }
  return { ...env, [`TF_VAR_${STATE_PASSPHRASE_VARIABLE}`]: value };
}

/** Why a plan for replacing `node` must not be applied, or undefined when it replaces just that server. */
export function checkSingleReplacement(servers: readonly ServerRemoval[], node: NodeTarget): string | undefined {
  const others = servers.filter((s) => s.address !== node.address);
  if (others.length > 0) return `the plan would also take down other servers:\n${describeRemovals(others)}\n(apply or revert those changes first, or replace them one by one)`;
  const own = servers.find((s) => s.address === node.address);
  if (!own || own.action !== 'replace') return `the plan does not replace ${node.address}`;
  return undefined;
}

/** The Node's Ready condition, from `kubectl get node -o json`. */
export function nodeReady(nodeJson: string): boolean {
  const node = JSON.parse(nodeJson) as { status?: { conditions?: { type: string; status: string }[] } };
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** kubectl with one kubeconfig; every call has a deadline. */
class Kubectl {
  constructor(
    private readonly binary: string,
    private readonly kubeconfig: string | undefined,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  run(args: readonly string[], allowFailure = false): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, [...(this.kubeconfig ? ['--kubeconfig', this.kubeconfig] : []), '--request-timeout=20s', ...args], { env: this.env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', (e: NodeJS.ErrnoException) => reject(new Error(e.code === 'ENOENT' ? `${this.binary} not found: install kubectl or pass --kubectl PATH` : e.message)));
      child.on('close', (code) => {
        if (code !== 0 && !allowFailure) reject(new Error(`kubectl ${args.join(' ')} failed: ${stderr.trim() || `exit ${code}`}`));
        else resolve({ code: code ?? 1, stdout, stderr });
      });
    });
  }

  /** Refuses when replacing `node` would leave the K3s servers without a Ready majority. */
  async assertQuorumWithout(node: NodeTarget, targets: readonly NodeTarget[]): Promise<void> {
    if (node.role !== 'server') return;
    const nodes = JSON.parse((await this.run(['get', 'nodes', '-o', 'json'])).stdout) as { items: { metadata: { name: string } }[] };
    const notReady = targets
      .filter((t) => t.role === 'server' && t.name !== node.name)
      .filter((t) => {
        const item = nodes.items.find((n) => n.metadata.name === t.name);
        return !item || !nodeReady(JSON.stringify(item));
      })
      .map((t) => t.name);
    if (notReady.length > 0) {
      throw new Error(`refusing to replace ${node.name}: other K3s servers are not Ready (${notReady.join(', ')}); taking one more down could lose etcd quorum. Nothing was changed`);
    }
  }

  /** Polls until the node exists and is Ready; resolves to the seconds waited, rejects at the deadline. */
  async waitReady(name: string, timeoutSeconds: number, pollSeconds = POLL_SECONDS): Promise<number> {
    const started = Date.now();
    for (;;) {
      const result = await this.run(['get', 'node', name, '-o', 'json'], true);
      if (result.code === 0 && nodeReady(result.stdout)) return Math.round((Date.now() - started) / 1000);
      if (Date.now() - started + pollSeconds * 1000 > timeoutSeconds * 1000) {
        throw new Error(`${name} did not become Ready within ${timeoutSeconds} s (last answer: ${result.code === 0 ? 'not Ready' : result.stderr.trim()}); do not replace another server before it is`);
      }
      await new Promise((r) => setTimeout(r, pollSeconds * 1000));
    }
  }
}

export { Kubectl };
