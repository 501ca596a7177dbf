import * as fs from 'fs';
import * as path from 'path';
import { assertNotArchived } from '../archive/marker';
import { execTofu, ServerRemoval, serverRemovals } from '../tofu';
import { callerPath, parseArgs, tofuBinary } from './args';
import { TFVARS_FILE } from './init';
import { failure, info, success } from './output';
import { synthesize } from './synth';

/** One stack's plan outcome. */
export interface StackPlan {
  readonly stack: string;
  /** `refused`: the plan would replace or destroy a server and --allow-replace was not given. */
  readonly result: 'no-changes' | 'changes' | 'failed' | 'skipped' | 'refused';
  readonly detail?: string;
  /** Servers the plan would replace or destroy. */
  readonly servers?: readonly ServerRemoval[];
}

/**
 * Orders stacks so every stack comes after the stacks it reads from (manifest "dependencies"),
 * keeping manifest order otherwise. Throws on a cycle.
 */
export function dependencyOrder(stacks: Readonly<Record<string, { readonly dependencies?: readonly string[] }>>): string[] {
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`stack dependency cycle: ${[...trail, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const dependency of stacks[name]?.dependencies ?? []) visit(dependency, [...trail, name]);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const name of Object.keys(stacks)) visit(name, []);
  return ordered;
}

/** The saved plan's file name inside a stack directory (encrypted: the stack's encryption covers plans). */
export const PLAN_FILE = 'sovereign.tfplan';

/**
 * `sovereign plan [STACK…]`: synthesizes, then runs `tofu init` and `tofu plan` in every stack (or the
 * named ones) in dependency order, so the dns stack plans after the regions it reads. Archived stacks
 * are refused unless --force (Crossplane owns them). A plan that would replace or destroy a server
 * is refused (read from `tofu show -json` of the saved plan) unless --allow-replace: one server at a
 * time goes through `sovereign replace-node`. Stops at the first failure: later stacks may read its
 * outputs.
 */
export async function planCommand(args: readonly string[], projectDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['--output', '--tofu', '--var-file'], ['--force', '--json', '--allow-replace', '--no-refresh']);
  const wanted = parsed.positional;
  const force = parsed.flags.has('--force');
  const json = parsed.flags.has('--json');
  const allowReplace = parsed.flags.has('--allow-replace');
  const outdir = parsed.values['--output'] ?? 'cdktf.out';
  const tofu = tofuBinary(parsed, env);
  const varFile = planVarFile(parsed.values['--var-file'], projectDir);

  const { target, manifest } = synthesizeStacks(projectDir, outdir);
  const unknown = wanted.filter((stack) => !(stack in manifest.stacks));
  if (unknown.length > 0) throw new Error(`unknown stack ${unknown.map((s) => `"${s}"`).join(', ')} (stacks: ${Object.keys(manifest.stacks).join(', ')})`);
  const order = dependencyOrder(manifest.stacks).filter((stack) => wanted.length === 0 || wanted.includes(stack));

  const results: StackPlan[] = [];
  for (const [i, stack] of order.entries()) {
    const step = `[${i + 1}/${order.length}] ${stack}`;
    if (results.some((r) => r.result === 'failed' || r.result === 'refused')) {
      results.push({ stack, result: 'skipped', detail: 'an earlier stack failed' });
      continue;
    }
    assertNotArchived(projectDir, stack, { force });
    const cwd = path.join(target, manifest.stacks[stack].workingDirectory);
    const result = await planStack({ tofu, cwd, env, varFile, step, json, planArgs: parsed.flags.has('--no-refresh') ? ['-refresh=false'] : [] });
    if (result.result === 'failed' || result.servers.length === 0 || allowReplace) {
      results.push({ stack, result: result.result, detail: result.detail, ...(result.servers.length > 0 ? { servers: result.servers } : {}) });
      if (!json && result.result !== 'failed') success(`${step}: ${result.result === 'changes' ? result.detail : 'no changes'}${result.servers.length > 0 ? ` (replaces or destroys ${result.servers.length} server${result.servers.length === 1 ? '' : 's'}: --allow-replace)` : ''}`);
      continue;
    }
    results.push({ stack, result: 'refused', detail: result.detail, servers: result.servers });
    if (!json) failure(`${step}: refused: the plan takes down ${result.servers.length} server${result.servers.length === 1 ? '' : 's'} at once (${result.detail})\n${describeRemovals(result.servers)}\n${REPLACE_HINT(stack)}`);
  }
  if (json) info(JSON.stringify({ stacks: results }, null, 2));
  return results.some((r) => r.result === 'failed' || r.result === 'refused') ? 2 : 0;
}

/** What to do about a refused plan; printed, and shown in README and docs/TROUBLESHOOTING.md. */
export const REPLACE_HINT = (stack: string) =>
  `  to roll a change out one server at a time: npx sovereign replace-node ${stack} <pool>/<index> (docs/TROUBLESHOOTING.md);\n  to accept the plan as it is: npx sovereign plan ${stack} --allow-replace`;

/** One line per server a plan takes down: address, action, and what forces it. */
export function describeRemovals(servers: readonly ServerRemoval[]): string {
  return servers
    .map((s) => `  ${s.action === 'replace' ? 'replace' : 'destroy'} ${s.address}${s.forcedBy.length > 0 ? ` (forced by ${s.forcedBy.join(', ')})` : s.reason ? ` (${s.reason})` : ''}`)
    .join('\n');
}

/** The var file a command passes to tofu: --var-file resolved against the caller's directory, else tofu.tfvars when it exists. */
export function planVarFile(option: string | undefined, projectDir: string): string | undefined {
  if (option !== undefined) {
    const file = callerPath(option);
    if (!fs.existsSync(file)) throw new Error(`--var-file ${option}: no such file (looked for ${file})`);
    return file;
  }
  const fallback = path.join(projectDir, TFVARS_FILE);
  return fs.existsSync(fallback) ? fallback : undefined;
}

/** The synthesized tree: its absolute directory and manifest. */
export function synthesizeStacks(projectDir: string, outdir: string): { target: string; manifest: { stacks: Record<string, { dependencies?: string[]; workingDirectory: string; synthesizedStackPath: string }> } } {
  synthesize(projectDir, outdir);
  const target = path.resolve(projectDir, outdir);
  return { target, manifest: JSON.parse(fs.readFileSync(path.join(target, 'manifest.json'), 'utf8')) };
}

/** Inputs of one stack's init + plan. */
export interface PlanStackOptions {
  readonly tofu: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly varFile?: string;
  /** Prefix of progress lines. */
  readonly step: string;
  /** No progress lines (--json). */
  readonly json: boolean;
  /** Extra `tofu plan` arguments (`-replace=ADDRESS`). */
  readonly planArgs?: readonly string[];
  /** Keep the saved plan file (PLAN_FILE in cwd) for `tofu apply`. */
  readonly keepPlan?: boolean;
}

/** `tofu init`, `tofu plan -out`, `tofu show -json`: the outcome and the servers the plan takes down. */
export async function planStack(o: PlanStackOptions): Promise<{ result: 'no-changes' | 'changes' | 'failed'; detail?: string; servers: ServerRemoval[]; planJson?: string }> {
  if (!o.json) info(`${o.step}: tofu init`);
  // init evaluates the backend and encryption blocks, which read variables (state_passphrase).
  const varArgs = o.varFile ? [`-var-file=${o.varFile}`] : [];
  const init = await run(o.tofu, ['init', '-input=false', '-no-color', ...varArgs], o.cwd, o.env);
  if (init.code !== 0) {
    if (!o.json) failure(`${o.step}: tofu init failed\n${lastLines(init.output)}`);
    return { result: 'failed', detail: lastLines(init.output), servers: [] };
  }
  if (!o.json) info(`${o.step}: tofu plan`);
  const planFile = path.join(o.cwd, PLAN_FILE);
  try {
    const plan = await run(o.tofu, ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${PLAN_FILE}`, ...varArgs, ...(o.planArgs ?? [])], o.cwd, o.env);
    if (plan.code !== 0 && plan.code !== 2) {
      if (!o.json) failure(`${o.step}: tofu plan failed\n${lastLines(plan.output)}`);
      return { result: 'failed', detail: lastLines(plan.output), servers: [] };
    }
    // The saved plan is encrypted like the state; show decrypts it with the same variables.
    const show = await execTofu(o.tofu, ['show', '-json', '-no-color', ...varArgs, PLAN_FILE], o.cwd, o.env);
    if (show.code !== 0) {
      const detail = lastLines(`${show.stdout}${show.stderr}`);
      if (!o.json) failure(`${o.step}: tofu show -json failed\n${detail}`);
      return { result: 'failed', detail, servers: [] };
    }
    return { result: plan.code === 0 ? 'no-changes' : 'changes', detail: plan.code === 2 ? summary(plan.output) : undefined, servers: serverRemovals(show.stdout), planJson: show.stdout };
  } finally {
    if (!o.keepPlan) fs.rmSync(planFile, { force: true });
  }
}

/** tofu's stdout and stderr together, as a user at a terminal would read them. */
async function run(binary: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const result = await execTofu(binary, args, cwd, env);
  return { code: result.code, output: `${result.stdout}${result.stderr}` };
}

function summary(output: string): string {
  return /Plan: [^\n]+/.exec(output)?.[0] ?? 'changes';
}

function lastLines(output: string, count = 15): string {
  return output.trim().split('\n').slice(-count).join('\n');
}
