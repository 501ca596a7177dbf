/** Command-line parsing shared by every `sovereign` command. */
import * as path from 'path';

/** A command line that does not fit the command's options (exit code 2, with the message). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Flags and positional arguments of one command. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly values: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Parses `--name value` / `--name=value` options (`valueOptions`), boolean `--flag`s and positionals;
 * an unknown option or a missing value is a UsageError listing what is allowed.
 */
export function parseArgs(args: readonly string[], valueOptions: readonly string[], flagOptions: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (valueOptions.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      values[name] = value;
    } else if (flagOptions.includes(name)) {
      flags.add(name);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg} (allowed: ${[...valueOptions, ...flagOptions].join(', ') || 'none'})`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, values, flags };
}

/**
 * The OpenTofu binary a command runs: --tofu, else SOVEREIGN_TOFU, else `tofu` on PATH. A path
 * (`scripts/tofu`) resolves against the caller's directory, not the stack directory tofu runs in.
 */
export function tofuBinary(parsed: ParsedArgs, env: NodeJS.ProcessEnv, callerDir: string = process.cwd()): string {
  const binary = parsed.values['--tofu'] ?? env.SOVEREIGN_TOFU ?? 'tofu';
  return binary.includes('/') ? path.resolve(callerDir, binary) : binary;
}

/** A file or directory named on the command line, as an absolute path against the caller's directory. */
export function callerPath(value: string, callerDir: string = process.cwd()): string {
  return path.resolve(callerDir, value);
}
