import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OPENTOFU_PIN, PROVIDER_PINS } from '../versions';
import { parseArgs } from './args';
import { info } from './output';

/** One thing `sovereign doctor` looks for. */
interface Check {
  readonly name: string;
  /** What needs it. */
  readonly for: string;
  /** How to get it when missing. */
  readonly fix: string;
  /** Version found, or undefined when missing. */
  probe(): string | undefined;
  /** Lowest acceptable version, if any. */
  readonly minimum?: string;
}

/** The outcome of one check. */
export interface DoctorFinding {
  readonly name: string;
  readonly status: 'ok' | 'missing' | 'too-old';
  readonly version?: string;
  readonly for: string;
  readonly fix?: string;
}

/** Exit code when something is missing (0: all present; 1 and 2 keep their meaning). */
export const DOCTOR_MISSING_EXIT_CODE = 3;

/**
 * `sovereign doctor [--json]`: what is installed, what is missing and how to get it. Looks in the
 * test bed (.tools/bin, the provider mirror) first, then PATH.
 */
export function doctorCommand(args: readonly string[], projectDir: string): number {
  const findings = runChecks(projectDir);
  if (parseArgs(args, [], ['--json']).flags.has('--json')) {
    info(JSON.stringify({ findings }, null, 2));
  } else {
    const width = Math.max(...findings.map((f) => f.name.length));
    for (const f of findings) {
      const mark = f.status === 'ok' ? 'ok     ' : f.status === 'missing' ? 'MISSING' : 'TOO OLD';
      info(`${mark} ${f.name.padEnd(width)}  ${(f.version ?? '-').padEnd(12)} ${f.for}${f.fix ? `\n        ${' '.repeat(width)}  → ${f.fix}` : ''}`);
    }
  }
  return findings.every((f) => f.status === 'ok') ? 0 : DOCTOR_MISSING_EXIT_CODE;
}

export function runChecks(projectDir: string): DoctorFinding[] {
  const toolsBin = path.join(projectDir, '.tools', 'bin');
  const locate = (name: string) => [path.join(toolsBin, name)].find((p) => fs.existsSync(p)) ?? name;
  const versionOf = (binary: string, args: string[], pattern: RegExp) => {
    const result = spawnSync(locate(binary), args, { encoding: 'utf8' });
    if (result.error || result.status === null) return undefined;
    return pattern.exec(`${result.stdout}\n${result.stderr}`)?.[1] ?? 'present';
  };
  const cache = process.env.SOVEREIGN_TOOLS_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'sovereign-tofu');
  const platform = `${os.platform()}_${os.arch() === 'x64' ? 'amd64' : os.arch()}`;

  const checks: Check[] = [
    { name: 'node', for: 'everything (synth, CLI, tests)', fix: 'install Node.js 20 or later', minimum: '20.0.0', probe: () => process.versions.node },
    { name: 'tofu', for: 'init/validate/plan/apply, tests', fix: 'npm run tools (builds OpenTofu from the Go module proxy)', minimum: OPENTOFU_PIN.minVersion, probe: () => versionOf('tofu', ['version'], /OpenTofu v(\d+\.\d+\.\d+)/) },
    ...Object.entries(PROVIDER_PINS)
      .filter(([, p]) => p.build)
      .map(([name, p]): Check => {
        const [host, namespace, type] = p.source.split('/');
        const binary = path.join(cache, 'mirror', host, namespace, type, p.version, platform, `terraform-provider-${type}_v${p.version}`);
        return { name: `provider ${name}`, for: 'tofu init from the offline mirror', fix: 'npm run tools', probe: () => (fs.existsSync(binary) ? p.version : undefined) };
      }),
    { name: 'pdns_server', for: 'dns-failover end-to-end tests', fix: 'npm run tools (Debian pdns-server, pdns-backend-sqlite3)', probe: () => versionOf('pdns_server', ['--version'], /PowerDNS Authoritative Server (\S+)/) },
    { name: 'dig', for: 'dns-failover end-to-end tests', fix: 'npm run tools (Debian dnsutils)', probe: () => versionOf('dig', ['-v'], /DiG (\S+)/) },
    { name: 'cloud-init', for: 'user-data schema tests', fix: 'npm run tools (Debian cloud-init)', probe: () => versionOf('cloud-init', ['--version'], /(\d+\.\d+(\.\d+)?)/) },
    { name: 'shellcheck', for: 'install script tests', fix: 'npm run tools (Debian shellcheck)', probe: () => versionOf('shellcheck', ['--version'], /version: (\S+)/) },
    { name: 'luajit', for: 'Lua record evaluation tests', fix: 'npm run tools (Debian luajit)', probe: () => versionOf('luajit', ['-v'], /LuaJIT (\S+)/) },
    { name: 'checkov', for: 'security scan tests', fix: 'npm run tools (PyPI, in a venv)', probe: () => versionOf('checkov', ['--version'], /(\d+\.\d+\.\d+)/) },
    { name: 'moto_server', for: 'archive-state tests (S3 on loopback)', fix: 'npm run tools (PyPI moto[server], in a venv)', probe: () => versionOf('moto_server', ['--help'], /(usage)/i) && 'present' },
    { name: 'go', for: 'building OpenTofu and providers (npm run tools)', fix: 'install Go 1.24 or later', probe: () => versionOf('go', ['version'], /go(\d+\.\d+(\.\d+)?)/) },
    { name: 'python3', for: 'checkov and moto venvs (npm run tools)', fix: 'install Python 3.9 or later', probe: () => versionOf('python3', ['--version'], /Python (\S+)/) },
  ];

  return checks.map((check): DoctorFinding => {
    const version = check.probe();
    if (version === undefined) return { name: check.name, status: 'missing', for: check.for, fix: check.fix };
    if (check.minimum && /^\d/.test(version) && compare(version, check.minimum) < 0) {
      return { name: check.name, status: 'too-old', version, for: check.for, fix: `${check.fix} (needs ${check.minimum}+)` };
    }
    return { name: check.name, status: 'ok', version, for: check.for };
  });
}

function compare(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map(Number);
  const pb = b.split(/[.+-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  return 0;
}
