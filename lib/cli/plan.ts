import * as fs from 'fs';
import * as path from 'path';
import { assertNotArchived } from '../archive/marker';
import { execTofu } from '../tofu';
import { parseArgs, tofuBinary } from './args';
import { TFVARS_FILE } from './init';
import { failure, info, success } from './output';
import { synthesize } from './synth';

/** One stack's plan outcome. */
export interface StackPlan {
  readonly stack: string;
  readonly result: 'no-changes' | 'changes' | 'failed' | 'skipped';
  readonly detail?: string;
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

/**
 * `sovereign plan [STACK…]`: synthesizes, then runs `tofu init` and `tofu plan` in every stack (or the
 * named ones) in dependency order, so the dns stack plans after the regions it reads. Archived stacks
 * are refused unless --force (Crossplane owns them). Stops at the first failure: later stacks may
 * read its outputs.
 */
export async function planCommand(args: readonly string[], projectDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['--output', '--tofu', '--var-file'], ['--force', '--json']);
  const wanted = parsed.positional;
  const force = parsed.flags.has('--force');
  const json = parsed.flags.has('--json');
  const outdir = parsed.values['--output'] ?? 'cdktf.out';
  const tofu = tofuBinary(parsed, env);
  const defaultVarFile = path.join(projectDir, TFVARS_FILE);
  const varFile = parsed.values['--var-file'] ?? (fs.existsSync(defaultVarFile) ? defaultVarFile : undefined);

  synthesize(projectDir, outdir);
  const target = path.resolve(projectDir, outdir);
  const manifest = JSON.parse(fs.readFileSync(path.join(target, 'manifest.json'), 'utf8')) as { stacks: Record<string, { dependencies?: string[]; workingDirectory: string }> };
  const unknown = wanted.filter((stack) => !(stack in manifest.stacks));
  if (unknown.length > 0) throw new Error(`unknown stack ${unknown.map((s) => `"${s}"`).join(', ')} (stacks: ${Object.keys(manifest.stacks).join(', ')})`);
  const order = dependencyOrder(manifest.stacks).filter((stack) => wanted.length === 0 || wanted.includes(stack));

  const results: StackPlan[] = [];
  for (const [i, stack] of order.entries()) {
    const step = `[${i + 1}/${order.length}] ${stack}`;
    if (results.some((r) => r.result === 'failed')) {
      results.push({ stack, result: 'skipped', detail: 'an earlier stack failed' });
      continue;
    }
    assertNotArchived(projectDir, stack, { force });
    const cwd = path.join(target, manifest.stacks[stack].workingDirectory);
    if (!json) info(`${step}: tofu init`);
    // init evaluates the backend and encryption blocks, which read variables (state_passphrase).
    const varArgs = varFile ? [`-var-file=${varFile}`] : [];
    const init = await run(tofu, ['init', '-input=false', '-no-color', ...varArgs], cwd, env);
    if (init.code !== 0) {
      results.push({ stack, result: 'failed', detail: lastLines(init.output) });
      if (!json) failure(`${step}: tofu init failed\n${lastLines(init.output)}`);
      continue;
    }
    if (!json) info(`${step}: tofu plan`);
    const planArgs = ['plan', '-input=false', '-no-color', '-detailed-exitcode', ...varArgs];
    const plan = await run(tofu, planArgs, cwd, env);
    const result: StackPlan =
      plan.code === 0 ? { stack, result: 'no-changes' } : plan.code === 2 ? { stack, result: 'changes', detail: summary(plan.output) } : { stack, result: 'failed', detail: lastLines(plan.output) };
    results.push(result);
    if (json) continue;
    if (result.result === 'failed') failure(`${step}: tofu plan failed\n${result.detail}`);
    else success(`${step}: ${result.result === 'changes' ? result.detail : 'no changes'}`);
  }
  if (json) info(JSON.stringify({ stacks: results }, null, 2));
  return results.some((r) => r.result === 'failed') ? 2 : 0;
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
