import { hostAddress, parseCidr } from './cidr';

/** Hosts reserved per pool: pool i owns host numbers [i*POOL_BLOCK + FIRST_HOST, (i+1)*POOL_BLOCK). */
export const POOL_BLOCK = 32;
/** The first hosts of a subnet belong to the cloud (network, gateway, cloud services). */
export const FIRST_HOST = 10;

/** A pool does not fit the plan; `pool` names it. */
export class AddressPlanError extends Error {
  constructor(
    public readonly pool: string,
    message: string,
  ) {
    super(message);
    this.name = 'AddressPlanError';
  }
}

/** A pool to place: its name and how many servers it has. */
export interface PoolSize {
  readonly name: string;
  readonly count: number;
}

/**
 * Gives every server a static private IP from `subnetCidr`, pool by pool in a fixed block each, so
 * adding servers to one pool never moves another pool's addresses (which would replace servers).
 */
export function planAddresses(subnetCidr: string, pools: readonly PoolSize[]): Record<string, string[]> {
  const subnet = parseCidr(subnetCidr);
  if (!subnet) throw new Error(`subnet "${subnetCidr}" is not an IPv4 CIDR`);
  const hosts = 2 ** (32 - subnet.prefix);
  const perPool = POOL_BLOCK - FIRST_HOST;
  const plan: Record<string, string[]> = {};
  pools.forEach((pool, slot) => {
    if (pool.count > perPool) {
      throw new AddressPlanError(pool.name, `pool "${pool.name}" has ${pool.count} servers; at most ${perPool} fit in one address block`);
    }
    const first = slot * POOL_BLOCK + FIRST_HOST;
    if (first + pool.count >= hosts - 1) {
      throw new AddressPlanError(pool.name, `pool "${pool.name}" does not fit in subnet ${subnetCidr}: ${pools.length} pools need a /${32 - Math.ceil(Math.log2(pools.length * POOL_BLOCK + 1))} or larger`);
    }
    plan[pool.name] = Array.from({ length: pool.count }, (_, i) => hostAddress(subnet, first + i));
  });
  return plan;
}
