/**
 * The limits the static address plan (constructs/provider-vm/address-plan.ts) and server naming
 * put on an environment, checked in the config layer so they are input errors with a pointer
 * (exit 1) instead of a construct's exception (exit 2). Pure.
 */
import { FIRST_HOST, POOL_BLOCK } from '../../constructs/provider-vm/address-plan';
import { formatCidr, Ipv4Cidr } from './cidr';
import { ConfigError } from './errors';
import { CloudProvider } from './model';

/** Servers of one pool that fit in one subnet: a pool owns a block of 32 hosts, the first 10 belong to the cloud. */
export const MAX_SERVERS_PER_POOL_BLOCK = POOL_BLOCK - FIRST_HOST;

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
 * How many of a pool's servers share one subnet: on AWS a pool is spread over one subnet per
 * zone (zone 0 gets the most), elsewhere all are in `network.subnetCidr`.
 */
export function serversPerSubnet(provider: CloudProvider, count: number, zones: number): number {
  return provider === 'aws' && zones > 0 ? Math.ceil(count / zones) : count;
}

/** The largest pool `count` a provider accepts in one pool (22, or 22 per zone on AWS). */
export function maxPoolCount(provider: CloudProvider, zones: number): number {
  return provider === 'aws' && zones > 0 ? MAX_SERVERS_PER_POOL_BLOCK * zones : MAX_SERVERS_PER_POOL_BLOCK;
}

/**
 * Problems of the address plan: a pool with more servers than its block holds, or pools that do
 * not fit the subnet (`subnetAt` is the pointer to blame: network.subnetCidr, or network.cidr when
 * the subnet is derived from it). Mirrors planAddresses: pool i uses hosts 32·i + 10 …, and the
 * last two hosts of the subnet stay free.
 */
export function addressPlanProblems(file: string, provider: CloudProvider, zones: number, subnet: Ipv4Cidr, subnetAt: string, pools: readonly PoolInput[]): ConfigError[] {
  const errors: ConfigError[] = [];
  const hosts = 2 ** (32 - subnet.prefix);
  const subnetText = formatCidr(subnet);
  const max = maxPoolCount(provider, zones);
  let misfit: PoolInput | undefined;
  pools.forEach((pool, slot) => {
    const inSubnet = serversPerSubnet(provider, pool.count, zones);
    if (inSubnet > MAX_SERVERS_PER_POOL_BLOCK) {
      const perZone = provider === 'aws' ? ` (${MAX_SERVERS_PER_POOL_BLOCK} per zone, ${zones} zones)` : '';
      errors.push(new ConfigError(file, `${pool.at}/count`, `pool "${pool.name}" has ${pool.count} servers; at most ${max} fit in its address block${perZone}`, `1 to ${max}; split the servers over several pools`));
      return;
    }
    if (!misfit && slot * POOL_BLOCK + FIRST_HOST + inSubnet > hosts - 2) misfit = pool;
  });
  if (misfit) {
    const needed = smallestPrefix(pools.map((p) => serversPerSubnet(provider, p.count, zones)));
    errors.push(
      new ConfigError(file, subnetAt, `subnet ${subnetText} (${hosts} addresses) has no room for pool "${misfit.name}": ${pools.length} pool${pools.length === 1 ? '' : 's'} need a /${needed} or larger`, `a subnet of /${needed} or larger (each pool owns ${POOL_BLOCK} addresses, the first ${FIRST_HOST} belong to the cloud)`),
    );
  }
  return errors;
}

/**
 * On AWS a pool is spread over one subnet per zone: `zones` subnets of the size of
 * network.subnetCidr, the first at network.subnetCidr, the next ones right after it, all inside
 * network.cidr. The problem when they do not fit, at `subnetAt`.
 */
export function zoneSubnetProblems(file: string, provider: CloudProvider, zones: number, network: Ipv4Cidr, subnet: Ipv4Cidr, subnetAt: string): ConfigError[] {
  if (provider !== 'aws' || zones <= 1) return [];
  const size = 2 ** (32 - subnet.prefix);
  const networkEnd = network.base + 2 ** (32 - network.prefix);
  if (subnet.base + zones * size <= networkEnd) return [];
  const largest = network.prefix + Math.ceil(Math.log2(zones));
  return [
    new ConfigError(
      file,
      subnetAt,
      `${zones} zone subnets of /${subnet.prefix} starting at ${formatCidr(subnet)} do not fit in network ${formatCidr(network)} (AWS puts one subnet of network.subnetCidr's size in each zone, one after the other)`,
      `a network.subnetCidr of /${largest} or smaller, early enough in network.cidr that ${zones} of them fit, e.g. ${formatCidr({ base: network.base, prefix: Math.max(largest, subnet.prefix) })}`,
    ),
  ];
}

/**
 * Problems of server names `<environment>-<pool>-<index>`: each is a hostname, at most 63
 * characters. Reported once per pool, at its name (or the control plane's count).
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

/** The longest prefix (smallest subnet) that holds pools of these sizes. */
function smallestPrefix(counts: readonly number[]): number {
  for (let prefix = 30; prefix >= 0; prefix--) {
    const hosts = 2 ** (32 - prefix);
    if (counts.every((count, slot) => slot * POOL_BLOCK + FIRST_HOST + count <= hosts - 2)) return prefix;
  }
  return 0;
}
