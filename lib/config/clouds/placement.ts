import { AddressPlanError, planAddresses } from '../../common/address-plan';
import { ConfigError } from '../errors';
import { EnvironmentSpec } from '../model';

/**
 * The pools fit the address plan of `subnetCidr` (lib/common/address-plan.ts), each with its share
 * of servers; the problem is named at the pool that does not fit. `where` prefixes the message.
 */
export function checkPlacement(env: EnvironmentSpec, subnetCidr = env.network.subnetCidr, counts?: readonly number[], where = ''): ConfigError[] {
  const pools = [env.controlPlane, ...env.agentPools];
  try {
    planAddresses(subnetCidr, pools.map((pool, i) => ({ name: pool.name, count: counts?.[i] ?? pool.count })));
    return [];
  } catch (e) {
    if (!(e instanceof AddressPlanError)) throw e;
    const index = pools.findIndex((pool) => pool.name === e.pool);
    const at = index === 0 ? '/controlPlane/count' : `/agentPools/${index - 1}/count`;
    return [new ConfigError(env.file, at, `${where}${e.message}`, 'fewer servers or pools, or a larger network.subnetCidr')];
  }
}
