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
