import { ConfigError } from '../errors';
import { CloudProvider, EnvironmentSpec } from '../model';
import { checkAwsEnvironment } from './aws';
import { checkAzureEnvironment } from './azure';
import { checkGcpEnvironment } from './gcp';
import { checkHetznerEnvironment } from './hetzner';
import { checkOciEnvironment } from './oci';
import { checkHuaweicloudEnvironment } from './huaweicloud';
import { checkPlacement } from './placement';

/**
 * Each cloud's input checks, in one place per cloud (`lib/config/clouds/<cloud>.ts`): pure
 * functions of the parsed environment that return every problem as a ConfigError (file, JSON
 * pointer, allowed values). The loader runs them after the generic rules pass; the cloud's
 * platform (constructs/provider-vm/<cloud>.ts) runs the same function again. A new cloud adds its
 * file and one line here.
 */
export const CLOUD_CHECKS: Readonly<Record<CloudProvider, (environment: EnvironmentSpec) => ConfigError[]>> = {
  hetzner: (env) => [...checkHetznerEnvironment(env), ...checkPlacement(env)],
  aws: checkAwsEnvironment,
  gcp: (env) => [...checkGcpEnvironment(env), ...checkPlacement(env)],
  azure: (env) => [...checkAzureEnvironment(env), ...checkPlacement(env)],
  oci: checkOciEnvironment,
  huaweicloud: (env) => [...checkHuaweicloudEnvironment(env), ...checkPlacement(env)],
};

/** Every problem the environment's cloud finds in it. */
export function checkCloudEnvironment(environment: EnvironmentSpec): ConfigError[] {
  return CLOUD_CHECKS[environment.provider](environment);
}
