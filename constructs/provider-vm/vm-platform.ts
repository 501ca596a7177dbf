/**
 * What the other modules may know about a cloud's machines: addresses, never resource types.
 * k3s-cluster and dns-failover talk to every cloud through this interface only.
 */
export interface VmPlatform {
  /** The private network range all nodes live in. */
  readonly privateNetworkCidr: string;
  /** Static private IPs of the control-plane servers, known before apply; the first runs cluster-init. */
  readonly controlPlanePrivateIps: readonly string[];
  /** Static private IPs of each agent pool's servers, by pool name. */
  readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  /** Public IPv4 of the load balancer (a token resolved at apply). */
  readonly loadBalancerIpv4: string;
  /** Public IPv6 of the load balancer, where the cloud offers one. */
  readonly loadBalancerIpv6?: string;
  /** The Kubernetes API URL through the load balancer, e.g. https://<lb>:6443 (a token). */
  readonly apiEndpoint: string;
  /** Every name and address clients use to reach the API (they belong in the server certificate). */
  readonly apiAddresses: readonly ApiAddress[];
  /** How an operator reaches the first server over SSH (to fetch the kubeconfig). */
  readonly firstServerSsh: SshTarget;
  /** How the cloud takes user data and how much (each cloud file states its own). */
  readonly userDataLimit: UserDataLimit;
}

/** An address of the Kubernetes API: a literal, or a token OpenTofu resolves at apply. */
export interface ApiAddress {
  /** The address or DNS name, or a token that resolves to one. */
  readonly value: string;
  /** The most characters `value` can have once resolved (user-data sizes are checked with it). */
  readonly maxLength: number;
}

/** Where and as whom an operator logs in over SSH. */
export interface SshTarget {
  /** Login user of the image. */
  readonly user: string;
  /** Address to connect to (a token for public addresses). */
  readonly host: string;
  /** Whether `host` is a private address (reach it through a VPN, bastion or peering). */
  readonly private: boolean;
}

/** Most characters of a dotted-quad IPv4 address. */
export const IPV4_MAX_LENGTH = 15;
/** Most characters of a textual IPv6 address. */
export const IPV6_MAX_LENGTH = 39;
/** Most characters of a DNS name. */
export const DNS_NAME_MAX_LENGTH = 253;

/** One server as the platform is about to create it. */
export interface ServerIdentity {
  /** Name of the pool the server belongs to. */
  readonly pool: string;
  /** K3s role: the control-plane pool runs servers, every other pool agents. */
  readonly role: 'server' | 'agent';
  /** Index of the server within its pool (0-based). */
  readonly index: number;
  /** The server's name at the cloud (also its node name): `<environment>-<pool>-<index>`. */
  readonly name: string;
  /** Its static private IPv4. */
  readonly privateIp: string;
  /** Zone (or location) it runs in. */
  readonly zone: string;
  /** Static private IPs of the control-plane servers; the first runs cluster-init, the others join it. */
  readonly controlPlanePrivateIps: readonly string[];
  /** Addresses of the API through the load balancer (for the server certificate). */
  readonly apiAddresses: readonly ApiAddress[];
}

/**
 * Supplies each server's first-boot configuration (cloud-init user data). Platforms call it once per
 * server while they build it, tell it their cloud's limit, and encode the result as that limit's
 * `encoding` says.
 */
export interface NodeBootstrap {
  /**
   * The cloud-init user data of one server, as text. It may contain tokens (OpenTofu references,
   * such as a generated password); everything else is literal. `limit` is the cloud's: the
   * bootstrap throws when the text does not fit.
   */
  userData(server: ServerIdentity, limit: UserDataLimit): string;
}

/** How a cloud takes user data, and how much. */
export interface UserDataLimit {
  /** Most bytes the cloud accepts, counted after `encoding`'s compression and before any base64. */
  readonly maxBytes: number;
  /** `plain`: text as is; `gzip`: gzip-compressed, then base64 for the API (cloud-init unpacks it). */
  readonly encoding: 'plain' | 'gzip';
  /** The limit as the cloud documents it, for messages. */
  readonly documented: string;
}
