import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
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
import { hostAddress, parseCidr } from '../../lib/config/cidr';
import { planAddresses } from './address-plan';
import { LOAD_BALANCED_PORTS, nodeIngressRules, peerCidrs } from './firewall-rules';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { ApiAddress, IPV4_MAX_LENGTH, IPV6_MAX_LENGTH, NodeBootstrap, SshTarget, VmPlatform } from './vm-platform';

/** Hetzner allows at most 10 servers in one spread placement group. */
export const HCLOUD_PLACEMENT_GROUP_LIMIT = 10;

/** Host number of the load balancer's static private IP in the subnet (below the servers' blocks). */
export const HCLOUD_LOAD_BALANCER_HOST = 5;

/** Hetzner network zone of each location (a subnet and its servers must share it). */
const NETWORK_ZONES: Readonly<Record<string, string>> = {
  fsn1: 'eu-central',
  nbg1: 'eu-central',
  hel1: 'eu-central',
  ash: 'us-east',
  hil: 'us-west',
  sin: 'ap-southeast',
};

/** Props for {@link HcloudVmPlatform}. */
export interface HcloudVmPlatformProps {
  /** The validated region environment (provider "hetzner"). */
  readonly environment: EnvironmentSpec;
  /**
   * First-boot configuration of every server, passed as `user_data` (plain text, at most 32 KiB;
   * changing it replaces the server).
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

/** Login user of Hetzner's Ubuntu images (SSH keys are installed for root). */
export const HCLOUD_SSH_USER = 'root';

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
export class HcloudVmPlatform extends Construct implements VmPlatform {
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  public readonly loadBalancerIpv4: string;
  public readonly loadBalancerIpv6: string;
  public readonly apiEndpoint: string;
  public readonly apiAddresses: readonly ApiAddress[];
  public readonly firstServerSsh: SshTarget;

  constructor(scope: Construct, id: string, props: HcloudVmPlatformProps) {
    super(scope, id);
    const env = props.environment;
    const networkZone = NETWORK_ZONES[env.region];
    if (env.provider !== 'hetzner' || !networkZone) {
      throw new Error(`${env.file}: HcloudVmPlatform needs a Hetzner location (${Object.keys(NETWORK_ZONES).join(', ')}), got ${env.provider} ${env.region}`);
    }

    const token = providerFallbackVariable(this, 'hcloud_token', {
      sensitive: true,
      description: 'Hetzner Cloud API token. Leave unset to use the HCLOUD_TOKEN environment variable.',
    });
    new HcloudProvider(this, 'provider', { token: token.stringValue });

    const labels = { ...env.labels, environment: env.name };
    const network = new Network(this, 'network', { name: env.name, ipRange: env.network.cidr, labels });
    const subnet = new NetworkSubnet(this, 'subnet', {
      networkId: Token.asNumber(network.id),
      type: 'cloud',
      networkZone,
      ipRange: env.network.subnetCidr,
    });

    const sshKeyIds = env.sshPublicKeys.map(
      (publicKey, i) => new SshKey(this, `ssh-key-${i}`, { name: `${env.name}-${i}`, publicKey, labels }).id,
    );

    const firewall = new Firewall(this, 'firewall', {
      name: env.name,
      labels,
      rule: nodeIngressRules(env).map((rule) => ({
        description: rule.description,
        direction: 'in',
        protocol: rule.protocol,
        port: rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`,
        sourceIps: [...peerCidrs(env, rule.peer)],
      })),
    });

    // One load balancer for API and ingress; it joins the private network at a fixed address and
    // reaches every server of this environment by label over that network. It comes before the
    // servers because their user data names its addresses (in the API server certificate).
    const loadBalancerPrivateIp = hostAddress(parseCidr(env.network.subnetCidr)!, HCLOUD_LOAD_BALANCER_HOST);
    const loadBalancer = new LoadBalancer(this, 'load-balancer', {
      name: env.name,
      loadBalancerType: 'lb11',
      location: env.region,
      labels,
      algorithm: { type: 'round_robin' },
    });
    const loadBalancerNetwork = new LoadBalancerNetwork(this, 'load-balancer-network', {
      loadBalancerId: Token.asNumber(loadBalancer.id),
      subnetId: subnet.id,
      ip: loadBalancerPrivateIp,
      enablePublicInterface: true,
    });
    new LoadBalancerTarget(this, 'load-balancer-target', {
      loadBalancerId: Token.asNumber(loadBalancer.id),
      type: 'label_selector',
      labelSelector: `environment=${env.name}`,
      usePrivateIp: true,
      dependsOn: [loadBalancerNetwork],
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

    const apiAddresses: ApiAddress[] = [
      { value: loadBalancer.ipv4, maxLength: IPV4_MAX_LENGTH },
      { value: loadBalancer.ipv6, maxLength: IPV6_MAX_LENGTH },
      { value: loadBalancerPrivateIp, maxLength: loadBalancerPrivateIp.length },
    ];

    const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
    const addresses = planAddresses(env.network.subnetCidr, pools);
    const servers: Server[] = [];
    for (const pool of pools) {
      const role = pool === env.controlPlane ? 'server' : 'agent';
      const poolLabels = { ...labels, ...pool.labels, pool: pool.name, role };
      const groups = Array.from({ length: Math.ceil(pool.count / HCLOUD_PLACEMENT_GROUP_LIMIT) }, (_, g) =>
        new PlacementGroup(this, `${pool.name}-spread-${g}`, { name: `${env.name}-${pool.name}-${g}`, type: 'spread', labels: poolLabels }),
      );
      addresses[pool.name].forEach((ip, i) => {
        const name = `${env.name}-${pool.name}-${i}`;
        const userData = props.bootstrap?.userData({
          pool: pool.name,
          role,
          index: i,
          name,
          privateIp: ip,
          zone: env.region,
          controlPlanePrivateIps: addresses[env.controlPlane.name],
          apiAddresses,
        });
        const server = new Server(this, `${pool.name}-${i}`, {
          name,
          serverType: pool.instanceType,
          image: env.image,
          location: env.region,
          placementGroupId: Token.asNumber(groups[Math.floor(i / HCLOUD_PLACEMENT_GROUP_LIMIT)].id),
          sshKeys: sshKeyIds,
          firewallIds: [Token.asNumber(firewall.id)],
          labels: poolLabels,
          publicNet: [{ ipv4Enabled: true, ipv6Enabled: true }],
          network: [{ networkId: Token.asNumber(network.id), ip }],
          userData,
          // user_data forces replacement: a changed one reaches a node only by `sovereign replace-node`.
          lifecycle: { ignoreChanges: ['user_data'] },
          dependsOn: [subnet],
        });
        servers.push(server);
      });
    }

    this.privateNetworkCidr = env.network.cidr;
    this.controlPlanePrivateIps = addresses[env.controlPlane.name];
    this.agentPrivateIps = Object.fromEntries(env.agentPools.map((p) => [p.name, addresses[p.name]]));
    this.loadBalancerIpv4 = loadBalancer.ipv4;
    this.loadBalancerIpv6 = loadBalancer.ipv6;
    this.apiEndpoint = `https://${loadBalancer.ipv4}:6443`;
    this.apiAddresses = apiAddresses;
    this.firstServerSsh = { user: HCLOUD_SSH_USER, host: servers[0].ipv4Address, private: false };
  }
}
