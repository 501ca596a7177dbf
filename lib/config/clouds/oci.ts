import { formatCidr, Ipv4Cidr, parseCidr } from '../../common/cidr';
import { ConfigError, pointer } from '../errors';
import { EnvironmentSpec, NodePoolSpec } from '../model';
import { checkPlacement } from './placement';

/** Bounds of one OCI flexible shape (docs.oracle.com/iaas/Content/Compute/References/computeshapes.htm). */
export interface FlexShapeBounds {
  /** Most OCPUs one VM of the shape can have (the least is 1). */
  readonly maxOcpus: number;
  /** Most memory in GB per VM. */
  readonly maxMemoryGb: number;
  /** Most memory in GB per OCPU (the least is 1 GB per OCPU). */
  readonly maxMemoryGbPerOcpu: number;
}

/**
 * The OCI flexible VM shapes an environment may use, with their documented limits. Memory must lie
 * between 1 GB per OCPU and `maxMemoryGbPerOcpu` per OCPU, and at most `maxMemoryGb`; K3s needs
 * 2 GB or more. A shape missing here is refused; add it with its documented limits.
 */
export const OCI_FLEX_SHAPES: Readonly<Record<string, FlexShapeBounds>> = {
  'VM.Standard.E3.Flex': { maxOcpus: 64, maxMemoryGb: 1024, maxMemoryGbPerOcpu: 64 },
  'VM.Standard.E4.Flex': { maxOcpus: 64, maxMemoryGb: 1024, maxMemoryGbPerOcpu: 64 },
  'VM.Standard.E5.Flex': { maxOcpus: 94, maxMemoryGb: 1049, maxMemoryGbPerOcpu: 64 },
  'VM.Standard3.Flex': { maxOcpus: 32, maxMemoryGb: 512, maxMemoryGbPerOcpu: 64 },
  'VM.Optimized3.Flex': { maxOcpus: 18, maxMemoryGb: 256, maxMemoryGbPerOcpu: 64 },
  'VM.Standard.A1.Flex': { maxOcpus: 80, maxMemoryGb: 512, maxMemoryGbPerOcpu: 64 },
};

/** OCPUs and memory of an OCI pool that gives none (environment.schema.json documents the same). */
export const OCI_FLEX_DEFAULTS = { ocpus: 2, memoryGb: 16 } as const;

/** The image name that selects the newest Canonical Ubuntu 24.04 platform image for each shape. */
export const OCI_UBUNTU_IMAGE = 'ubuntu-24.04';

/** An OCI image OCID: `ocid1.image.<realm>.<region>.<unique id>`. */
export const OCI_IMAGE_OCID = /^ocid1\.image\.oc[0-9]+\.[a-z0-9-]*\.[a-z0-9]{20,}$/;

/** OCI's limit for all of an instance's metadata together (keys and values of metadata and extended_metadata). */
export const OCI_METADATA_MAX_BYTES = 32_000;

/**
 * Bytes of instance metadata kept for everything but `user_data`: the SSH keys
 * ({@link OCI_SSH_KEYS_MAX_BYTES}), the key names and JSON punctuation.
 */
export const OCI_METADATA_RESERVED_BYTES = 8_000;

/** Most bytes of `sshPublicKeys`, joined by newlines into metadata `ssh_authorized_keys`. */
export const OCI_SSH_KEYS_MAX_BYTES = 7_900;

/** Bytes of gzip-compressed user data that fit the rest of the metadata as base64 (4 characters per 3 bytes). */
export const OCI_USER_DATA_MAX_BYTES = ((OCI_METADATA_MAX_BYTES - OCI_METADATA_RESERVED_BYTES) / 4) * 3;

/**
 * What OCI adds to the generic rules: an `oci` section; flexible shapes this project knows, with
 * OCPUs and memory within the shape's limits; "ubuntu-24.04" or an image OCID; SSH keys that leave
 * room for user data in the instance metadata; room for the load balancer's subnet after the node
 * subnet; and every pool inside the node subnet's address plan.
 */
export function checkOciEnvironment(env: EnvironmentSpec): ConfigError[] {
  const errors: ConfigError[] = [];
  if (env.oci === undefined) {
    errors.push(new ConfigError(env.file, '/oci', 'missing required property "oci" (the compartment every resource goes into)', '"oci": { "compartmentId": "ocid1.compartment.oc1..…" }'));
  }
  [env.controlPlane, ...env.agentPools].forEach((pool, i) => errors.push(...checkFlexShape(env, pool, i === 0 ? '/controlPlane' : pointer('agentPools', i - 1))));
  if (env.image !== OCI_UBUNTU_IMAGE && !OCI_IMAGE_OCID.test(env.image)) {
    errors.push(new ConfigError(env.file, '/image', `"${env.image}" is not usable on OCI`, `"${OCI_UBUNTU_IMAGE}" (the newest Canonical Ubuntu 24.04 image for each shape) or an image OCID, ocid1.image.oc1.<region>.<id>`));
  }
  const keys = Buffer.byteLength(env.sshPublicKeys.join('\n'), 'utf8');
  if (keys > OCI_SSH_KEYS_MAX_BYTES) {
    errors.push(new ConfigError(env.file, '/sshPublicKeys', `the SSH keys take ${keys} bytes of instance metadata (OCI allows 32,000 bytes in all, user data included)`, `${OCI_SSH_KEYS_MAX_BYTES} bytes or less, e.g. ed25519 keys (about 100 bytes each)`));
  }
  if (ociLoadBalancerSubnet(env) === undefined) {
    errors.push(new ConfigError(env.file, '/network/subnetCidr', `no room after ${env.network.subnetCidr} inside ${env.network.cidr} for the load balancer's subnet (the next block of the same size)`, 'a node subnet that is not the last block of network.cidr'));
  }
  return [...errors, ...checkPlacement(env)];
}

/**
 * The load balancer's public subnet: the block of the node subnet's size right after it, inside
 * the network (10.70.1.0/24 → 10.70.2.0/24); undefined when the network has no room for it.
 */
export function ociLoadBalancerSubnet(env: EnvironmentSpec): string | undefined {
  const network = parseCidr(env.network.cidr) as Ipv4Cidr;
  const nodes = parseCidr(env.network.subnetCidr) as Ipv4Cidr;
  const size = 2 ** (32 - nodes.prefix);
  const base = nodes.base + size;
  return base + size > network.base + 2 ** (32 - network.prefix) ? undefined : formatCidr({ base, prefix: nodes.prefix });
}

/** A known flexible shape, OCPUs up to its maximum, memory between 1 GB per OCPU (2 GB at least) and its maximums. */
function checkFlexShape(env: EnvironmentSpec, pool: NodePoolSpec, at: string): ConfigError[] {
  const bounds = OCI_FLEX_SHAPES[pool.instanceType];
  if (!bounds) return [new ConfigError(env.file, `${at}/instanceType`, `"${pool.instanceType}" is not an OCI flexible shape this project knows`, Object.keys(OCI_FLEX_SHAPES).join(', '))];
  const { ocpus, memoryGb } = pool.flex ?? OCI_FLEX_DEFAULTS;
  if (ocpus > bounds.maxOcpus) return [new ConfigError(env.file, `${at}/ocpus`, `${ocpus} OCPUs exceed what ${pool.instanceType} offers`, `1 to ${bounds.maxOcpus}`)];
  const least = Math.max(2, ocpus);
  const most = Math.min(ocpus * bounds.maxMemoryGbPerOcpu, bounds.maxMemoryGb);
  if (memoryGb >= least && memoryGb <= most) return [];
  return [
    new ConfigError(env.file, `${at}/memoryGb`, `${memoryGb} GB does not fit ${ocpus} OCPUs of ${pool.instanceType} (1 to ${bounds.maxMemoryGbPerOcpu} GB per OCPU, at most ${bounds.maxMemoryGb} GB; K3s needs 2 GB)`, `${least} to ${most}`),
  ];
}
