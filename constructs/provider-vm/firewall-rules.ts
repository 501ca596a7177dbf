import { EnvironmentSpec } from '../../lib/config/model';

/**
 * Who may send traffic:
 * - `admin`: the environment's adminCidrs (operators);
 * - `private-network`: the environment's private network (other nodes, and load balancers that
 *   reach their targets through it);
 * - `internet`: anyone.
 * Each cloud maps these onto its own rule syntax; the policy itself lives only here.
 */
export type Peer = 'admin' | 'private-network' | 'internet';

/** One allowed inbound flow. */
export interface IngressRule {
  /** Short explanation, also used in rule names/descriptions. */
  readonly description: string;
  readonly protocol: 'tcp' | 'udp';
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: Peer;
}

/** Ports K3s nodes use among themselves (K3s and Cilium requirements). */
export const NODE_TO_NODE_PORTS: readonly Omit<IngressRule, 'peer'>[] = [
  { description: 'Kubernetes API', protocol: 'tcp', fromPort: 6443, toPort: 6443 },
  { description: 'kubelet', protocol: 'tcp', fromPort: 10250, toPort: 10250 },
  { description: 'etcd', protocol: 'tcp', fromPort: 2379, toPort: 2380 },
  { description: 'Cilium VXLAN', protocol: 'udp', fromPort: 8472, toPort: 8472 },
  { description: 'Cilium health', protocol: 'tcp', fromPort: 4240, toPort: 4240 },
  { description: 'Cilium WireGuard', protocol: 'udp', fromPort: 51871, toPort: 51871 },
  { description: 'HTTP from load balancer', protocol: 'tcp', fromPort: 80, toPort: 80 },
  { description: 'HTTPS from load balancer', protocol: 'tcp', fromPort: 443, toPort: 443 },
];

/**
 * Inbound rules for every node. Nothing is open to the internet: SSH and the API only from the
 * admin CIDRs (none by default), everything else only from inside the private network, which is
 * also where load balancers reach their targets from.
 */
export function nodeIngressRules(environment: EnvironmentSpec): IngressRule[] {
  const rules: IngressRule[] = NODE_TO_NODE_PORTS.map((port) => ({ ...port, peer: 'private-network' }));
  if (environment.adminCidrs.length > 0) {
    rules.push(
      { description: 'SSH from admins', protocol: 'tcp', fromPort: 22, toPort: 22, peer: 'admin' },
      { description: 'Kubernetes API from admins', protocol: 'tcp', fromPort: 6443, toPort: 6443, peer: 'admin' },
    );
  }
  return rules;
}

/**
 * Inbound rules for a load balancer that can filter its clients (AWS NLB security groups): the API
 * from admins and the private network only, HTTP(S) from anyone.
 */
export function loadBalancerIngressRules(environment: EnvironmentSpec): IngressRule[] {
  const rules: IngressRule[] = [
    { description: 'Kubernetes API from nodes', protocol: 'tcp', fromPort: 6443, toPort: 6443, peer: 'private-network' },
    { description: 'HTTP', protocol: 'tcp', fromPort: 80, toPort: 80, peer: 'internet' },
    { description: 'HTTPS', protocol: 'tcp', fromPort: 443, toPort: 443, peer: 'internet' },
  ];
  if (environment.adminCidrs.length > 0) {
    rules.push({ description: 'Kubernetes API from admins', protocol: 'tcp', fromPort: 6443, toPort: 6443, peer: 'admin' });
  }
  return rules;
}

/** The CIDRs a peer stands for in this environment. */
export function peerCidrs(environment: EnvironmentSpec, peer: Peer): readonly string[] {
  switch (peer) {
    case 'admin':
      return environment.adminCidrs;
    case 'private-network':
      return [environment.network.cidr];
    case 'internet':
      return ['0.0.0.0/0'];
  }
}

/** Ports the load balancer forwards to every server: the API and ingress. */
export const LOAD_BALANCED_PORTS: readonly { readonly name: string; readonly port: number; readonly targets: 'servers' | 'all' }[] = [
  { name: 'kube-api', port: 6443, targets: 'servers' },
  { name: 'http', port: 80, targets: 'all' },
  { name: 'https', port: 443, targets: 'all' },
];
