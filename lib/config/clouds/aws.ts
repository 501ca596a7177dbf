import { formatCidr, Ipv4Cidr, parseCidr } from '../../common/cidr';
import { ConfigError } from '../errors';
import { EnvironmentSpec } from '../model';
import { KNOWN_REGIONS } from '../regions';
import { checkPlacement } from './placement';

/** The image name that selects the newest Canonical Ubuntu 24.04 AMI; any other image must be an AMI id. */
export const AWS_UBUNTU_IMAGE = 'ubuntu-24.04';

/** An AMI id: `ami-` and 8 or 17 hex digits. */
export const AWS_AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** AWS accepts VPC and subnet prefixes from /16 to /28. */
export const AWS_PREFIX_RANGE = { min: 16, max: 28 } as const;

/** Load balancer names allow 32 characters; target groups are `<environment>-<port>`, so 27 for the name. */
export const AWS_MAX_ENVIRONMENT_NAME = 27;

/**
 * What AWS adds to the generic rules: the region has zones, the environment name fits the load
 * balancer's names, the image is Ubuntu 24.04 or an AMI id, network and subnet are /16 to /28, one
 * subnet per zone fits in the network after `network.subnetCidr`, and each zone's share of every
 * pool fits its subnet's address plan.
 */
export function checkAwsEnvironment(env: EnvironmentSpec): ConfigError[] {
  const errors: ConfigError[] = [];
  if (env.zones.length === 0) {
    const withZones = Object.keys(KNOWN_REGIONS.aws).filter((r) => KNOWN_REGIONS.aws[r].length > 0);
    errors.push(new ConfigError(env.file, '/region', `region ${env.region} has no availability zones; add them to KNOWN_REGIONS`, withZones.join(', ')));
  }
  if (env.name.length > AWS_MAX_ENVIRONMENT_NAME) {
    errors.push(new ConfigError(env.file, '', `environment name "${env.name}" has ${env.name.length} characters; AWS load balancer and target group names allow at most ${AWS_MAX_ENVIRONMENT_NAME} here`, `a folder name of at most ${AWS_MAX_ENVIRONMENT_NAME} characters`));
  }
  if (env.image !== AWS_UBUNTU_IMAGE && !AWS_AMI_ID.test(env.image)) {
    errors.push(new ConfigError(env.file, '/image', `image "${env.image}" is not usable on AWS`, `"${AWS_UBUNTU_IMAGE}" or an AMI id such as ami-0123456789abcdef0`));
  }
  const ranges = [['/network/cidr', env.network.cidr], ['/network/subnetCidr', env.network.subnetCidr]] as const;
  for (const [at, text] of ranges) {
    const cidr = parseCidr(text);
    if (!cidr || cidr.prefix < AWS_PREFIX_RANGE.min || cidr.prefix > AWS_PREFIX_RANGE.max) {
      errors.push(new ConfigError(env.file, at, `${text} must be an IPv4 CIDR from /${AWS_PREFIX_RANGE.min} to /${AWS_PREFIX_RANGE.max} on AWS`, `a prefix from /${AWS_PREFIX_RANGE.min} to /${AWS_PREFIX_RANGE.max}`));
    }
  }
  if (errors.length > 0) return errors;
  const subnets = awsZoneSubnets(env);
  if (subnets.length < env.zones.length) {
    const first = parseCidr(env.network.subnetCidr)!;
    return [new ConfigError(env.file, '/network/subnetCidr', `${env.zones.length} zone subnets of /${first.prefix} starting at ${env.network.subnetCidr} do not fit in network ${env.network.cidr} (zone ${env.zones[subnets.length]} has no room)`, 'an earlier network.subnetCidr')];
  }
  return env.zones.flatMap((zone, z) => {
    const cidr = formatCidr(subnets[z]);
    const counts = [env.controlPlane, ...env.agentPools].map((pool) => awsServersInZone(pool.count, z, env.zones.length));
    return checkPlacement(env, cidr, counts, `zone ${zone} (subnet ${cidr}): `);
  });
}

/**
 * Each zone's subnet: the first is `network.subnetCidr`, zone n gets the n-th following block of
 * the same size. Stops at the first zone whose block leaves the network (fewer subnets than zones).
 */
export function awsZoneSubnets(env: EnvironmentSpec): Ipv4Cidr[] {
  const network = parseCidr(env.network.cidr)!;
  const first = parseCidr(env.network.subnetCidr)!;
  const size = 2 ** (32 - first.prefix);
  const networkEnd = network.base + 2 ** (32 - network.prefix);
  const subnets: Ipv4Cidr[] = [];
  for (let z = 0; z < env.zones.length && first.base + (z + 1) * size <= networkEnd; z++) {
    subnets.push({ base: first.base + z * size, prefix: first.prefix });
  }
  return subnets;
}

/** How many of a pool's servers land in zone `z` when server i goes to zone i mod `zones`. */
export function awsServersInZone(count: number, z: number, zones: number): number {
  return Math.max(0, Math.ceil((count - z) / zones));
}
