import { formatCidr, parseCidr } from '../../common/cidr';
import { ConfigError, pointer } from '../errors';
import { EnvironmentSpec } from '../model';

/** The image name that selects the newest public Ubuntu 24.04 image; any other image must be an IMS image id. */
export const HUAWEICLOUD_UBUNTU_IMAGE = 'ubuntu-24.04';
/** IMS image ids are UUIDs. */
export const HUAWEICLOUD_IMAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/**
 * ECS, VPC, subnet, security group, NAT gateway, EIP and key pair names: 1 to 64 characters
 * (letters, digits, `_`, `-`; ECS names also `.`). Every name the platform derives is
 * `<environment>[-<pool>[-<i>]]` or `<environment>-<suffix>`, so length is what can go wrong.
 */
export const HUAWEICLOUD_MAX_NAME = 64;
/** The longest suffix the platform adds to the environment name alone (`-kube-api`, the API listener). */
export const HUAWEICLOUD_LONGEST_SUFFIX = '-kube-api';

/**
 * The subnet of the load balancer and the NAT gateway: the block of `network.subnetCidr`'s size right
 * after it. A dedicated ELB takes several addresses of its subnet for itself (its backend plane, one
 * set per AZ) and the NAT gateway one; in a subnet of their own they can never take an address the
 * address plan gives a server now or after the pool grows. Undefined when it leaves the network.
 */
export function huaweicloudLoadBalancerSubnet(env: EnvironmentSpec): string | undefined {
  const network = parseCidr(env.network.cidr);
  const nodes = parseCidr(env.network.subnetCidr);
  if (!network || !nodes) return undefined;
  const size = 2 ** (32 - nodes.prefix);
  const base = nodes.base + size;
  if (base + size > network.base + 2 ** (32 - network.prefix)) return undefined;
  return formatCidr({ base, prefix: nodes.prefix });
}

/**
 * What Huawei Cloud adds to the generic rules: the image is Ubuntu 24.04 or an IMS image id, the
 * load balancer subnet ({@link huaweicloudLoadBalancerSubnet}) fits in the network, and every
 * derived resource name fits 64 characters. Labels need no check of their own: the schema's
 * label rule (at most 63 of `a-z 0-9 _ . -`) is inside Huawei Cloud's tag rule (keys of 1-128 and
 * values of 0-255 letters, digits, spaces and `_ . : = + - @`).
 */
export function checkHuaweicloudEnvironment(env: EnvironmentSpec): ConfigError[] {
  const errors: ConfigError[] = [];
  if (env.image !== HUAWEICLOUD_UBUNTU_IMAGE && !HUAWEICLOUD_IMAGE_ID.test(env.image)) {
    errors.push(new ConfigError(env.file, '/image', `image "${env.image}" is not usable on Huawei Cloud`, `"${HUAWEICLOUD_UBUNTU_IMAGE}" or an IMS image id such as 0123abcd-4567-89ab-cdef-0123456789ab`));
  }
  if (huaweicloudLoadBalancerSubnet(env) === undefined) {
    errors.push(new ConfigError(env.file, '/network/subnetCidr', `the load balancer subnet after ${env.network.subnetCidr} (the next block of its size) does not fit in network ${env.network.cidr}`, 'a network.subnetCidr with a free block of the same size after it inside network.cidr'));
  }
  const pools = [env.controlPlane, ...env.agentPools];
  const poolAt = (i: number) => (i === 0 ? '/controlPlane' : pointer('agentPools', i - 1));
  const longest = `${env.name}${HUAWEICLOUD_LONGEST_SUFFIX}`;
  if (longest.length > HUAWEICLOUD_MAX_NAME) {
    errors.push(new ConfigError(env.file, '', `environment name "${env.name}" has ${env.name.length} characters; Huawei Cloud names derived from it ("${longest}") allow at most ${HUAWEICLOUD_MAX_NAME}`, `a folder name of at most ${HUAWEICLOUD_MAX_NAME - HUAWEICLOUD_LONGEST_SUFFIX.length} characters`));
  } else {
    pools.forEach((pool, i) => {
      const name = `${env.name}-${pool.name}-${pool.count - 1}`;
      if (name.length > HUAWEICLOUD_MAX_NAME) {
        errors.push(new ConfigError(env.file, `${poolAt(i)}/name`, `server name "${name}" has ${name.length} characters; Huawei Cloud allows at most ${HUAWEICLOUD_MAX_NAME}`, 'shorten the environment folder or pool names'));
      }
    });
  }
  return errors;
}
