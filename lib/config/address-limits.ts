/**
 * Server-name limits on Hetzner, checked in the config layer so an overlong name is an input
 * error with a pointer (exit 1) instead of an API refusal at apply time. (The address plan's
 * limits are checked per cloud in lib/config/clouds/, through lib/common/address-plan.ts.) Pure.
 */
import { ConfigError } from './errors';

/** Longest server name: it is the node's hostname, one DNS label (RFC 1123). */
export const MAX_SERVER_NAME_LENGTH = 63;

/** A pool as the environment file gives it, with the pointer of its object. */
export interface PoolInput {
  readonly name: string;
  readonly count: number;
  readonly at: string;
  /** Whether the file names the pool (the control plane's name is optional). */
  readonly named: boolean;
}

/**
 * Problems of server names `<environment>-<pool>-<index>`: each is a hostname, at most 63
 * characters. Reported once per pool, at its name (or at the control plane when it has none).
 */
export function serverNameProblems(file: string, environment: string, pools: readonly PoolInput[]): ConfigError[] {
  return pools.flatMap((pool) => {
    const longest = `${environment}-${pool.name}-${pool.count - 1}`;
    if (longest.length <= MAX_SERVER_NAME_LENGTH) return [];
    return [
      new ConfigError(file, pool.named ? `${pool.at}/name` : pool.at, `server name "${longest}" has ${longest.length} characters; a server name is the node's hostname and allows at most ${MAX_SERVER_NAME_LENGTH}`, `a shorter environment folder or pool name (environment + pool name at most ${MAX_SERVER_NAME_LENGTH - 2 - String(pool.count - 1).length} characters together)`),
    ];
  });
}
