import { ConfigError, pointer, pointerSegment } from '../errors';
import { EnvironmentSpec } from '../model';

/** GCP resource names: RFC 1035, lower case, at most 63 characters. */
export const GCP_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** GCP label keys and values (compute labels; international characters are not used here). */
export const GCP_LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
export const GCP_LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

/**
 * The longest name GCP's platform derives from the environment name alone is
 * `<environment>-tcp-2379-2380-internal` (the etcd firewall rule, 23 more characters), so 40 is the
 * longest environment name; the platform checks every name it creates again.
 */
export const GCP_MAX_ENVIRONMENT_NAME = 40;

/** What to do about a name GCP refuses. */
const SHORTEN = 'shorten the environment folder or pool names';

/**
 * What GCP adds to the generic rules: every label (the environment's and each pool's) is a valid
 * GCP label, and every resource name fits GCP's naming rule: server names `<environment>-<pool>-<i>`
 * and names derived from the environment name alone.
 */
export function checkGcpEnvironment(env: EnvironmentSpec): ConfigError[] {
  const pools = [env.controlPlane, ...env.agentPools];
  const poolAt = (i: number) => (i === 0 ? '/controlPlane' : pointer('agentPools', i - 1));
  const errors = [
    // The platform labels everything with environment=<name> on top of the environment's labels.
    ...checkGcpLabels(env, { ...env.labels, environment: env.name }, '/labels', ''),
    ...pools.flatMap((pool, i) => checkGcpLabels(env, pool.labels, `${poolAt(i)}/labels`, `pool "${pool.name}" `)),
  ];
  // A server name too long for a short environment name is the pool name's fault.
  const tooLong = env.name.length > GCP_MAX_ENVIRONMENT_NAME;
  const server = pools.map((pool, i) => ({ name: `${env.name}-${pool.name}-${pool.count - 1}`, at: tooLong ? '' : `${poolAt(i)}/name` })).find((s) => !GCP_NAME.test(s.name));
  if (server) {
    errors.push(gcpNameError(env, server.name, server.at));
  } else if (tooLong) {
    errors.push(new ConfigError(env.file, '', `environment name "${env.name}" has ${env.name.length} characters; GCP resource names derived from it allow at most ${GCP_MAX_ENVIRONMENT_NAME}`, SHORTEN));
  }
  return errors;
}

/** A GCP resource name that does not match {@link GCP_NAME}. */
export function gcpNameError(env: EnvironmentSpec, name: string, at = ''): ConfigError {
  return new ConfigError(env.file, at, `GCP resource name "${name}" (${name.length} characters) must match ${GCP_NAME.source}`, SHORTEN);
}

function checkGcpLabels(env: EnvironmentSpec, labels: Readonly<Record<string, string>>, at: string, where: string): ConfigError[] {
  return Object.entries(labels)
    .filter(([key, value]) => !GCP_LABEL_KEY.test(key) || !GCP_LABEL_VALUE.test(value))
    .map(
      ([key, value]) =>
        new ConfigError(env.file, at === '/labels' && key === 'environment' ? '' : `${at}/${pointerSegment(key)}`, `${where}label "${key}": "${value}" is not a valid GCP label; keys must match ${GCP_LABEL_KEY.source} and values ${GCP_LABEL_VALUE.source} (lower case, no dots)`, 'lower-case keys and values without dots'),
    );
}
