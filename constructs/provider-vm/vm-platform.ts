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
}
