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
 * What Huawei Cloud adds to the generic rules: the image is Ubuntu 24.04 or an IMS image id, and
 * every derived resource name fits 64 characters. Labels need no check of their own: the schema's
 * label rule (at most 63 of `a-z 0-9 _ . -`) is inside Huawei Cloud's tag rule (keys of 1-128 and
 * values of 0-255 letters, digits, spaces and `_ . : = + - @`).
 */
export function checkHuaweicloudEnvironment(env: EnvironmentSpec): ConfigError[] {
  const errors: ConfigError[] = [];
  if (env.image !== HUAWEICLOUD_UBUNTU_IMAGE && !HUAWEICLOUD_IMAGE_ID.test(env.image)) {
    errors.push(new ConfigError(env.file, '/image', `image "${env.image}" is not usable on Huawei Cloud`, `"${HUAWEICLOUD_UBUNTU_IMAGE}" or an IMS image id such as 0123abcd-4567-89ab-cdef-0123456789ab`));
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
