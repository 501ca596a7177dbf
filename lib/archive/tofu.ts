/** The few OpenTofu commands archiving needs, run as child processes. */
import { execTofu } from '../tofu';
import { ArchiveError } from './errors';

/** Runs tofu with `args` in `cwd` and resolves to stdout; rejects with stderr on failure. */
export type TofuRunner = (args: readonly string[], cwd: string) => Promise<string>;

/**
 * A runner for `binary` (a path, or a name on PATH). `env` is passed whole: it carries
 * TF_VAR_state_passphrase / TF_ENCRYPTION and the backend's AWS_* variables.
 */
export function tofuRunner(binary: string, env: NodeJS.ProcessEnv): TofuRunner {
  return async (args, cwd) => {
    const result = await execTofu(binary, args, cwd, env);
    if (result.code !== 0) throw new ArchiveError(`tofu ${args.join(' ')} failed in ${cwd}: ${result.stderr.trim() || `exit code ${result.code}`}`);
    return result.stdout;
  };
}

/** `tofu version -json` → "1.10.10". */
export async function tofuVersion(run: TofuRunner, cwd: string): Promise<string> {
  const parsed = JSON.parse(await run(['version', '-json'], cwd)) as { terraform_version?: string };
  if (!parsed.terraform_version) throw new ArchiveError('tofu version -json did not report a version');
  return parsed.terraform_version;
}

/** An output as `tofu output -json` reports it. */
export interface TofuOutput {
  readonly sensitive: boolean;
  readonly type: unknown;
  readonly value: unknown;
}

/**
 * The stack's outputs from `tofu output -json` (which decrypts the state: the passphrase must be
 * in the environment), split into the non-sensitive ones and the names of the sensitive ones.
 */
export async function stackOutputs(run: TofuRunner, stackDir: string): Promise<{ plain: Record<string, { type: unknown; value: unknown }>; sensitive: string[] }> {
  let text: string;
  try {
    text = await run(['output', '-json', '-no-color'], stackDir);
  } catch (e) {
    throw new ArchiveError(`${(e as Error).message}\n(reading outputs decrypts the state: set TF_VAR_state_passphrase or TF_ENCRYPTION, and run tofu init in the stack directory first)`);
  }
  const all = JSON.parse(text) as Record<string, TofuOutput>;
  const plain: Record<string, { type: unknown; value: unknown }> = {};
  const sensitive: string[] = [];
  for (const [name, output] of Object.entries(all)) {
    if (output.sensitive === false) plain[name] = { type: output.type, value: output.value };
    else sensitive.push(name);
  }
  return { plain, sensitive: sensitive.sort() };
}
