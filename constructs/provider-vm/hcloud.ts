import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { hostAddress, parseCidr } from '../../lib/common/cidr';
import { CLOUD_CHECKS } from '../../lib/config/clouds';
import { HETZNER_NETWORK_ZONES } from '../../lib/config/clouds/hetzner';
import { HcloudProvider } from '../../providers/hcloud/provider';
import { Firewall } from '../../providers/hcloud/firewall';
import { LoadBalancer } from '../../providers/hcloud/load-balancer';
import { LoadBalancerNetwork } from '../../providers/hcloud/load-balancer-network';
import { LoadBalancerService } from '../../providers/hcloud/load-balancer-service';
import { LoadBalancerTargetA as LoadBalancerTarget } from '../../providers/hcloud/load-balancer-target';
import { Network } from '../../providers/hcloud/network';
import { NetworkSubnet } from '../../providers/hcloud/network-subnet';
import { PlacementGroup } from '../../providers/hcloud/placement-group';
import { Server } from '../../providers/hcloud/server';
import { SshKey } from '../../providers/hcloud/ssh-key';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { LOAD_BALANCED_PORTS, nodeIngressRules, peerCidrs } from './firewall-rules';
import { BuiltServer, CloudTraits, PlannedServer, PlatformLoadBalancer, ServerContext, VmPlatformBase, VmPlatformProps } from './vm-platform-base';
import { IPV4_MAX_LENGTH, IPV6_MAX_LENGTH, SshTarget, UserDataLimit } from './vm-platform';

/** Hetzner allows at most 10 servers in one spread placement group. */
export const HCLOUD_PLACEMENT_GROUP_LIMIT = 10;

/** Host number of the load balancer's static private IP in the subnet (below the servers' blocks). */
export const HCLOUD_LOAD_BALANCER_HOST = 5;

/** Login user of Hetzner's Ubuntu images (SSH keys are installed for root). */
export const HCLOUD_SSH_USER = 'root';

/** Hetzner rejects `user_data` over 32 KiB; it takes plain text. */
export const HCLOUD_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 32 * 1024, encoding: 'plain', documented: '32 KiB (32,768 bytes)' };

/** What Hetzner states to the base. */
const HETZNER: CloudTraits = { provider: 'hetzner', userDataLimit: HCLOUD_USER_DATA_LIMIT, check: CLOUD_CHECKS.hetzner, userDataAttributes: ['user_data'] };

/** Props for {@link HcloudVmPlatform} (user data goes into `user_data` as plain text). */
export type HcloudVmPlatformProps = VmPlatformProps;

/** What the Hetzner steps hand each other. */
interface HcloudParts {
  readonly network: {
    /** The network's id as a number (one token for every server: cdktf records a stack per token). */
    readonly networkId: number;
    readonly subnet: NetworkSubnet;
    readonly labels: Record<string, string>;
    readonly sshKeyIds: string[];
    /** Placement group ids by construct id, filled as servers need them. */
    readonly placementGroupIds: Map<string, number>;
  };
  /** The firewall's id as a number. */
  readonly firewall: number;
  readonly loadBalancer: PlatformLoadBalancer;
  readonly server: Server;
}

/**
 * provider-vm on Hetzner Cloud: private network and subnet, a firewall, spread placement groups,
 * servers with static private IPs, and one load balancer (API 6443, HTTP 80, HTTPS 443) that
 * reaches the servers over the private network. The API token comes from the sensitive variable
 * `hcloud_token` or, when that is unset, from the provider's standard HCLOUD_TOKEN variable.
 *
 * Hetzner firewalls filter public interfaces only; private-network traffic is not filtered, so the
 * node-to-node rules document intent rather than enforce it. Hetzner load balancers cannot filter
 * clients: port 6443 on the load balancer's public address is reachable by anyone (the API still
 * requires TLS client authentication or a token).
 */
export class HcloudVmPlatform extends VmPlatformBase<HcloudParts> {
  constructor(scope: Construct, id: string, props: HcloudVmPlatformProps) {
    super(scope, id, props, HETZNER);
  }

  protected createProvider(): void {
    const token = providerFallbackVariable(this, 'hcloud_token', {
      sensitive: true,
      description: 'Hetzner Cloud API token. Leave unset to use the HCLOUD_TOKEN environment variable.',
    });
    new HcloudProvider(this, 'provider', { token: token.stringValue });
  }

  protected createNetwork(): HcloudParts['network'] {
    const env = this.environment;
    const labels = { ...env.labels, environment: env.name };
    const network = new Network(this, 'network', { name: env.name, ipRange: env.network.cidr, labels });
    const subnet = new NetworkSubnet(this, 'subnet', {
      networkId: Token.asNumber(network.id),
      type: 'cloud',
      networkZone: HETZNER_NETWORK_ZONES[env.region],
      ipRange: env.network.subnetCidr,
    });
    const sshKeyIds = env.sshPublicKeys.map(
      (publicKey, i) => new SshKey(this, `ssh-key-${i}`, { name: `${env.name}-${i}`, publicKey, labels }).id,
    );
    return { networkId: Token.asNumber(network.id), subnet, labels, sshKeyIds, placementGroupIds: new Map() };
  }

  protected createFirewall(network: HcloudParts['network']): number {
    const env = this.environment;
    const firewall = new Firewall(this, 'firewall', {
      name: env.name,
      labels: network.labels,
      rule: nodeIngressRules(env).map((rule) => ({
        description: rule.description,
        direction: 'in',
        protocol: rule.protocol,
        port: rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`,
        sourceIps: [...peerCidrs(env, rule.peer)],
      })),
    });
    return Token.asNumber(firewall.id);
  }

  /**
   * One load balancer for API and ingress; it joins the private network at a fixed address and
   * reaches every server of this environment by label over that network.
   */
  protected createLoadBalancer(network: HcloudParts['network']): PlatformLoadBalancer {
    const env = this.environment;
    const privateIp = hostAddress(parseCidr(env.network.subnetCidr)!, HCLOUD_LOAD_BALANCER_HOST);
    const loadBalancer = new LoadBalancer(this, 'load-balancer', {
      name: env.name,
      loadBalancerType: 'lb11',
      location: env.region,
      labels: network.labels,
      algorithm: { type: 'round_robin' },
    });
    const attachment = new LoadBalancerNetwork(this, 'load-balancer-network', {
      loadBalancerId: Token.asNumber(loadBalancer.id),
      subnetId: network.subnet.id,
      ip: privateIp,
      enablePublicInterface: true,
    });
    new LoadBalancerTarget(this, 'load-balancer-target', {
      loadBalancerId: Token.asNumber(loadBalancer.id),
      type: 'label_selector',
      labelSelector: `environment=${env.name}`,
      usePrivateIp: true,
      dependsOn: [attachment],
    });
    for (const service of LOAD_BALANCED_PORTS) {
      // Agents fail the 6443 check and receive no API traffic; Hetzner tracks health per service.
      new LoadBalancerService(this, `load-balancer-${service.name}`, {
        loadBalancerId: loadBalancer.id,
        protocol: 'tcp',
        listenPort: service.port,
        destinationPort: service.port,
        healthCheck: { protocol: 'tcp', port: service.port, interval: 10, timeout: 5, retries: 3 },
      });
    }
    const apiAddresses = [
      { value: loadBalancer.ipv4, maxLength: IPV4_MAX_LENGTH },
      { value: loadBalancer.ipv6, maxLength: IPV6_MAX_LENGTH },
      { value: privateIp, maxLength: privateIp.length },
    ];
    return { ipv4: loadBalancer.ipv4, ipv6: loadBalancer.ipv6, apiHost: loadBalancer.ipv4, apiAddresses };
  }

  protected createServer(server: PlannedServer, { network, firewall, userData }: ServerContext<HcloudParts>): Server {
    const env = this.environment;
    return new Server(this, server.id, {
      name: server.name,
      serverType: server.pool.instanceType,
      image: env.image,
      location: env.region,
      placementGroupId: this.placementGroupId(server, network),
      sshKeys: network.sshKeyIds,
      firewallIds: [firewall],
      labels: this.serverLabels(server, network.labels),
      publicNet: [{ ipv4Enabled: true, ipv6Enabled: true }],
      network: [{ networkId: network.networkId, ip: server.privateIp }],
      userData,
      dependsOn: [network.subnet],
    });
  }

  protected sshTarget(first: BuiltServer<HcloudParts>): SshTarget {
    return { user: HCLOUD_SSH_USER, host: first.resource.ipv4Address, private: false };
  }

  private serverLabels(server: PlannedServer, labels: Record<string, string>): Record<string, string> {
    return { ...labels, ...server.pool.labels, pool: server.pool.name, role: server.role };
  }

  /** The id of the server's spread placement group: one per 10 servers of a pool, created with its first server. */
  private placementGroupId(server: PlannedServer, network: HcloudParts['network']): number {
    const g = Math.floor(server.index / HCLOUD_PLACEMENT_GROUP_LIMIT);
    const id = `${server.pool.name}-spread-${g}`;
    let groupId = network.placementGroupIds.get(id);
    if (groupId === undefined) {
      const group = new PlacementGroup(this, id, { name: `${this.environment.name}-${server.pool.name}-${g}`, type: 'spread', labels: this.serverLabels(server, network.labels) });
      groupId = Token.asNumber(group.id);
      network.placementGroupIds.set(id, groupId);
    }
    return groupId;
  }
}
