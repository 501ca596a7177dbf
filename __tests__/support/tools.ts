import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..');
/** The tofu wrapper (scripts/tofu): tofu with the offline provider mirror. */
export const TOFU = path.join(PROJECT_DIR, 'scripts', 'tofu');
const IS_CI = process.env.CI === 'true';

/** True when the test bed (`npm run tools`) has installed the named tool under .tools/bin. */
export function toolInstalled(name: string): boolean {
  const candidate = path.join(PROJECT_DIR, '.tools', 'bin', name);
  if (fs.existsSync(candidate)) return true;
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/**
 * `it` when the tool is there or when running in CI (where a missing tool must fail the test,
 * never skip it); locally, a skipped test announced loudly on stderr.
 */
export function itWithTool(tool: string): jest.It {
  if (toolInstalled(tool) || IS_CI) return it;
  process.stderr.write(`\n*** SKIPPING tests that need "${tool}": not installed. Run \`npm run tools\` (CI=true turns this into a failure). ***\n\n`);
  return it.skip;
}

/** Runs a command and returns stdout, throwing with stdout+stderr on a non-zero exit. */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const error = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
  }
}
