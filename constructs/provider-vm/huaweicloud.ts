import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { hostAddress, parseCidr } from '../../lib/common/cidr';
import { CLOUD_CHECKS } from '../../lib/config/clouds';
import { HUAWEICLOUD_UBUNTU_IMAGE, huaweicloudLoadBalancerSubnet } from '../../lib/config/clouds/huaweicloud';
import { EnvironmentSpec } from '../../lib/config/model';
import { HuaweicloudProvider } from '../../providers/huaweicloud/provider';
import { ComputeInstance } from '../../providers/huaweicloud/compute-instance';
import { ComputeServergroup } from '../../providers/huaweicloud/compute-servergroup';
import { DataHuaweicloudElbFlavors } from '../../providers/huaweicloud/data-huaweicloud-elb-flavors';
import { DataHuaweicloudImagesImage } from '../../providers/huaweicloud/data-huaweicloud-images-image';
import { ElbListener } from '../../providers/huaweicloud/elb-listener';
import { ElbLoadbalancer } from '../../providers/huaweicloud/elb-loadbalancer';
import { ElbMember } from '../../providers/huaweicloud/elb-member';
import { ElbMonitor } from '../../providers/huaweicloud/elb-monitor';
import { ElbPool } from '../../providers/huaweicloud/elb-pool';
import { KpsKeypair } from '../../providers/huaweicloud/kps-keypair';
import { NatGateway } from '../../providers/huaweicloud/nat-gateway';
import { NatSnatRule } from '../../providers/huaweicloud/nat-snat-rule';
import { NetworkingSecgroup } from '../../providers/huaweicloud/networking-secgroup';
import { NetworkingSecgroupRule } from '../../providers/huaweicloud/networking-secgroup-rule';
import { Vpc } from '../../providers/huaweicloud/vpc';
import { VpcEip } from '../../providers/huaweicloud/vpc-eip';
import { VpcSubnet } from '../../providers/huaweicloud/vpc-subnet';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { BuiltServer, CloudTraits, PlannedServer, PlatformLoadBalancer, ServerContext, VmPlatformBase, VmPlatformProps } from './vm-platform-base';
import { IPV4_MAX_LENGTH, SshTarget, UserDataLimit } from './vm-platform';

/** Huawei Cloud's public Ubuntu 24.04 images are named "Ubuntu 24.04 server 64bit…" (x86 and Kunpeng/arm). */
export const HUAWEICLOUD_UBUNTU_IMAGE_NAME_REGEX = '^Ubuntu 24\\.04 server 64bit';
/** Kunpeng (arm64) ECS families start with k: kc1, kc2, km1, ki1, kx1, … */
export const HUAWEICLOUD_ARM_FLAVOR = /^k[a-z]*\d/;
/** Login user of Huawei Cloud's public Linux images (the key pair is installed for root). */
export const HUAWEICLOUD_SSH_USER = 'root';
/** System disk of every server: general-purpose SSD, room for the OS, container images and logs. */
export const HUAWEICLOUD_SYSTEM_DISK = { type: 'GPSSD', sizeGb: 50 } as const;
/** The smallest dedicated-ELB network (TCP) flavor; fixed size, billed per hour. */
export const HUAWEICLOUD_L4_FLAVOR = 'L4_flavor.elb.s1.small';
/** NAT gateway size "1": up to 10,000 SNAT connections, plenty for node egress. */
export const HUAWEICLOUD_NAT_SPEC = '1';
/** Dedicated bandwidth (Mbit/s) of each EIP, billed by traffic. */
export const HUAWEICLOUD_EIP_BANDWIDTH_MBIT = 100;
/** Host numbers of the load balancer's static private IP and the NAT gateway's port in the load balancer subnet. */
export const HUAWEICLOUD_LOAD_BALANCER_HOST = 5;
export const HUAWEICLOUD_NAT_GATEWAY_HOST = 6;

/**
 * ECS takes at most 32 KB of user data before base64 (Huawei Cloud ECS docs); the provider
 * base64-encodes plain text itself (golangsdk cloudservers: text that is not valid base64 is encoded).
 */
export const HUAWEICLOUD_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 32 * 1024, encoding: 'plain', documented: '32 KB (32,768 bytes) before base64' };

/** What Huawei Cloud states to the base. */
const HUAWEICLOUD: CloudTraits = { provider: 'huaweicloud', userDataLimit: HUAWEICLOUD_USER_DATA_LIMIT, check: CLOUD_CHECKS.huaweicloud, userDataAttributes: ['user_data'] };

/** Props for {@link HuaweicloudVmPlatform} (user data goes into `user_data` as plain text; later changes are ignored). */
export type HuaweicloudVmPlatformProps = VmPlatformProps;

/** What the Huawei Cloud steps hand each other. */
interface HuaweicloudParts {
  readonly network: {
    readonly vpc: Vpc;
    /** The nodes' subnet (`network.subnetCidr`): its network id and its IPv4 subnet id, one token each for every server and member. */
    readonly subnetId: string;
    readonly ipv4SubnetId: string;
    /** The load balancer's and NAT gateway's subnet (the next block), and its CIDR. */
    readonly serviceSubnet: VpcSubnet;
    readonly serviceCidr: string;
    readonly natGateway: NatGateway;
    readonly tags: Record<string, string>;
    readonly keyPair?: string;
    /** Server group and image ids by construct id, filled as servers need them (one token each). */
    readonly groupIds: Map<string, string>;
    readonly imageIds: Map<string, string>;
  };
  /** The security group's id. */
  readonly firewall: string;
  readonly loadBalancer: PlatformLoadBalancer & { readonly resource: ElbLoadbalancer };
  readonly server: ComputeInstance;
}

/**
 * provider-vm on Huawei Cloud: a VPC with the nodes' subnet and a subnet for the load balancer and
 * the NAT gateway (the block after `network.subnetCidr`), one security group, ECS servers spread over the
 * region's availability zones (server i in zone i mod zones) and, per pool, an anti-affinity server
 * group (no two servers of a pool on one host), static private IPs from the address plan, no public
 * IP on any node, a NAT gateway with an SNAT rule for egress, and a dedicated ELB (L4 flavor) with
 * an EIP in front: TCP listeners, pools, members and health monitors for 6443 (servers), 80 and 443
 * (every node).
 *
 * Credentials: the sensitive variables `huaweicloud_access_key` / `huaweicloud_secret_key` or,
 * when unset, the provider's HW_ACCESS_KEY / HW_SECRET_KEY environment variables.
 *
 * A dedicated ELB passes client addresses through to its members on TCP listeners, so its client
 * policy is enforced by the node security group, as on GCP: 80 and 443 are open to anyone on every
 * node, 6443 only to the admin CIDRs and the private network (the ELB's own addresses, where its
 * health checks come from, are in the private network).
 *
 * What replaces what (provider 1.97.1): a server's availability zone, system disk type, network
 * block count and `scheduler_hints.group` force replacement; its flavor changes in place (resize,
 * reboot); a new image reinstalls the OS in place, so `image_id` and `user_data` are in
 * `ignore_changes` (cloud-init reads user data only at first boot; a new Ubuntu release reaches a
 * server when it is replaced). Server group name and policy, subnet CIDR and gateway, NAT gateway
 * subnet, EIP type, listener protocol/port, member address and every security group rule field
 * force replacement; the ELB's `vpc_id`/`ipv4_eip_id` and a pool's protocol cannot change at all
 * (the provider refuses the update). None of these depend on anything but the environment's
 * network, names and pools.
 */
export class HuaweicloudVmPlatform extends VmPlatformBase<HuaweicloudParts> {
  constructor(scope: Construct, id: string, props: HuaweicloudVmPlatformProps) {
    super(scope, id, props, HUAWEICLOUD);
  }

  protected createProvider(): void {
    const accessKey = providerFallbackVariable(this, 'huaweicloud_access_key', {
      sensitive: true,
      description: 'Huawei Cloud access key (AK). Leave unset to use the HW_ACCESS_KEY environment variable.',
    });
    const secretKey = providerFallbackVariable(this, 'huaweicloud_secret_key', {
      sensitive: true,
      description: 'Huawei Cloud secret key (SK). Leave unset to use the HW_SECRET_KEY environment variable.',
    });
    new HuaweicloudProvider(this, 'provider', { region: this.environment.region, accessKey: accessKey.stringValue, secretKey: secretKey.stringValue });
  }

  /**
   * The VPC; the nodes' subnet; a second subnet for the load balancer and the NAT gateway, which
   * take addresses of their subnet for themselves (never one the address plan gives a server);
   * egress of the nodes through the NAT gateway; the key pair.
   */
  protected createNetwork(): HuaweicloudParts['network'] {
    const env = this.environment;
    const tags = { ...env.labels, environment: env.name };
    const vpc = new Vpc(this, 'vpc', { name: env.name, cidr: env.network.cidr, tags });
    const subnet = this.subnet('subnet', env.name, vpc, env.network.subnetCidr, tags);
    const serviceCidr = huaweicloudLoadBalancerSubnet(env)!;
    const serviceSubnet = this.subnet('load-balancer-subnet', `${env.name}-lb`, vpc, serviceCidr, tags);
    const natEip = this.eip('nat-eip', `${env.name}-nat`, tags);
    const natGateway = new NatGateway(this, 'nat-gateway', {
      name: env.name,
      spec: HUAWEICLOUD_NAT_SPEC,
      vpcId: vpc.id,
      subnetId: serviceSubnet.id,
      ngportIpAddress: hostAddress(parseCidr(serviceCidr)!, HUAWEICLOUD_NAT_GATEWAY_HOST),
      description: `Egress of ${env.name}`,
      tags,
    });
    const subnetId = subnet.id;
    new NatSnatRule(this, 'snat-rule', { natGatewayId: natGateway.id, floatingIpId: natEip.id, subnetId, description: `Egress of ${env.name}` });
    // An ECS takes one key pair; further keys must come through user data (as on AWS).
    const keyPair = env.sshPublicKeys.length > 0 ? new KpsKeypair(this, 'ssh-key', { name: env.name, publicKey: env.sshPublicKeys[0] }).name : undefined;
    return { vpc, subnetId, ipv4SubnetId: subnet.ipv4SubnetId, serviceSubnet, serviceCidr, natGateway, tags, keyPair, groupIds: new Map(), imageIds: new Map() };
  }

  /**
   * One security group for every node, without Huawei's default rules (which admit everything from
   * the group itself): {@link planSecurityGroupRules}, one rule per source CIDR; all outbound traffic
   * is allowed (it leaves through the NAT gateway).
   */
  protected createFirewall(): string {
    const env = this.environment;
    const securityGroupId = new NetworkingSecgroup(this, 'security-group', { name: env.name, description: `K3s nodes of ${env.name}`, deleteDefaultRules: true }).id;
    for (const ethertype of ['IPv4', 'IPv6'] as const) {
      new NetworkingSecgroupRule(this, `egress-${ethertype.toLowerCase()}`, { securityGroupId, direction: 'egress', ethertype, description: 'All outbound traffic' });
    }
    for (const rule of planSecurityGroupRules(env)) {
      new NetworkingSecgroupRule(this, rule.id, {
        securityGroupId,
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: rule.protocol,
        portRangeMin: rule.fromPort,
        portRangeMax: rule.toPort,
        remoteIpPrefix: rule.cidr,
        description: rule.description,
      });
    }
    return securityGroupId;
  }

  /**
   * The dedicated load balancer (L4 flavor) in every zone of the region, at a fixed private IP of
   * its own subnet, with its EIP. It is created after the NAT gateway, whose port address is fixed,
   * so the addresses it takes for itself never collide with that one.
   */
  protected createLoadBalancer(network: HuaweicloudParts['network']): HuaweicloudParts['loadBalancer'] {
    const env = this.environment;
    const privateIp = hostAddress(parseCidr(network.serviceCidr)!, HUAWEICLOUD_LOAD_BALANCER_HOST);
    const eip = this.eip('load-balancer-eip', `${env.name}-lb`, network.tags);
    const flavors = new DataHuaweicloudElbFlavors(this, 'l4-flavor', { type: 'L4', name: HUAWEICLOUD_L4_FLAVOR });
    const resource = new ElbLoadbalancer(this, 'load-balancer', {
      name: env.name,
      description: `API and ingress of ${env.name}`,
      vpcId: network.vpc.id,
      ipv4SubnetId: network.serviceSubnet.ipv4SubnetId,
      ipv4Address: privateIp,
      availabilityZone: [...env.zones],
      l4FlavorId: Fn.element(flavors.ids, 0),
      ipv4EipId: eip.id,
      tags: network.tags,
      dependsOn: [network.natGateway],
    });
    const apiAddresses = [
      { value: eip.address, maxLength: IPV4_MAX_LENGTH },
      { value: privateIp, maxLength: privateIp.length },
    ];
    return { ipv4: eip.address, apiHost: eip.address, apiAddresses, resource };
  }

  protected createServer(server: PlannedServer, { network, firewall, userData }: ServerContext<HuaweicloudParts>): ComputeInstance {
    return new ComputeInstance(this, server.id, {
      name: server.name,
      flavorId: server.pool.instanceType,
      imageId: this.imageFor(server.pool.instanceType, network.imageIds),
      availabilityZone: server.zone,
      securityGroupIds: [firewall],
      keyPair: network.keyPair,
      network: [{ uuid: network.subnetId, fixedIpV4: server.privateIp }],
      schedulerHints: [{ group: this.serverGroupId(server, network.groupIds) }],
      systemDiskType: HUAWEICLOUD_SYSTEM_DISK.type,
      systemDiskSize: HUAWEICLOUD_SYSTEM_DISK.sizeGb,
      deleteDisksOnTermination: true,
      userData,
      tags: { ...network.tags, ...server.pool.labels, pool: server.pool.name, role: server.role },
      // A new image would reinstall the OS in place (the base adds `user_data`: cloud-init reads it only at first boot).
      lifecycle: { ignoreChanges: ['image_id'] },
    });
  }

  /** TCP listener, pool, health monitor and members per load-balanced port (6443 on servers, 80/443 on every node). */
  protected connectLoadBalancer(loadBalancer: HuaweicloudParts['loadBalancer'], servers: readonly BuiltServer<HuaweicloudParts>[], network: HuaweicloudParts['network']): void {
    const env = this.environment;
    for (const service of LOAD_BALANCED_PORTS) {
      const name = `${env.name}-${service.name}`;
      const listener = new ElbListener(this, `listener-${service.name}`, { name, loadbalancerId: loadBalancer.resource.id, protocol: 'TCP', protocolPort: service.port });
      const poolId = new ElbPool(this, `pool-${service.name}`, { name, listenerId: listener.id, protocol: 'TCP', lbMethod: 'ROUND_ROBIN' }).id;
      new ElbMonitor(this, `monitor-${service.name}`, { poolId, protocol: 'TCP', interval: 10, timeout: 5, maxRetries: 3 });
      for (const { planned } of servers) {
        if (service.targets === 'servers' && planned.role !== 'server') continue;
        new ElbMember(this, `member-${service.name}-${planned.id}`, { poolId, address: planned.privateIp, protocolPort: service.port, subnetId: network.ipv4SubnetId });
      }
    }
  }

  /** Nodes have no public IP: the first server is reached at its private address (VPN, bastion, peering). */
  protected sshTarget(first: BuiltServer<HuaweicloudParts>): SshTarget {
    return { user: HUAWEICLOUD_SSH_USER, host: first.planned.privateIp, private: true };
  }

  /** A subnet of the VPC with its gateway at host 1. */
  private subnet(id: string, name: string, vpc: Vpc, cidr: string, tags: Record<string, string>): VpcSubnet {
    return new VpcSubnet(this, id, { name, vpcId: vpc.id, cidr, gatewayIp: hostAddress(parseCidr(cidr)!, 1), tags });
  }

  /** An elastic IP with dedicated bandwidth billed by traffic. */
  private eip(id: string, name: string, tags: Record<string, string>): VpcEip {
    return new VpcEip(this, id, {
      name,
      publicip: { ipVersion: 4 },
      bandwidth: { name, shareType: 'PER', size: HUAWEICLOUD_EIP_BANDWIDTH_MBIT, chargeMode: 'traffic' },
      tags,
    });
  }

  /** The id of the pool's anti-affinity server group, created with its first server. */
  private serverGroupId(server: PlannedServer, ids: Map<string, string>): string {
    const id = `${server.pool.name}-anti-affinity`;
    let groupId = ids.get(id);
    if (groupId === undefined) {
      groupId = new ComputeServergroup(this, id, { name: `${this.environment.name}-${server.pool.name}`, policies: ['anti-affinity'] }).id;
      ids.set(id, groupId);
    }
    return groupId;
  }

  /** The image of a flavor: the configured IMS id, or the newest public Ubuntu 24.04 for its architecture (looked up once per architecture). */
  private imageFor(flavor: string, ids: Map<string, string>): string {
    const env = this.environment;
    if (env.image !== HUAWEICLOUD_UBUNTU_IMAGE) return env.image;
    const architecture = HUAWEICLOUD_ARM_FLAVOR.test(flavor) ? 'arm' : 'x86';
    const id = `ubuntu-${architecture}`;
    let imageId = ids.get(id);
    if (imageId === undefined) {
      imageId = new DataHuaweicloudImagesImage(this, id, { nameRegex: HUAWEICLOUD_UBUNTU_IMAGE_NAME_REGEX, visibility: 'public', architecture, mostRecent: true }).id;
      ids.set(id, imageId);
    }
    return imageId;
  }
}

/** One ingress rule of the node security group (one source CIDR). */
export interface PlannedSecurityGroupRule {
  /** Construct id: `ingress-<protocol>-<ports>-<peer>-<n>`. */
  readonly id: string;
  readonly description: string;
  readonly protocol: 'tcp' | 'udp';
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
}

const PEER_NAMES: Readonly<Record<Peer, string>> = { admin: 'admin', 'private-network': 'private', internet: 'internet' };

/**
 * The node rules, then the load balancer's client rules (the dedicated ELB keeps client addresses,
 * so its policy is enforced on the nodes) where no node rule covers the same flow; one rule per CIDR.
 */
export function planSecurityGroupRules(env: EnvironmentSpec): PlannedSecurityGroupRule[] {
  const planned: PlannedSecurityGroupRule[] = [];
  const add = (rule: IngressRule, description: string) => {
    const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
    const key = `ingress-${rule.protocol}-${ports}-${PEER_NAMES[rule.peer]}`;
    if (planned.some((p) => p.id.startsWith(`${key}-`))) return;
    peerCidrs(env, rule.peer).forEach((cidr, n) => {
      planned.push({ id: `${key}-${n}`, description, protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort, cidr });
    });
  };
  for (const rule of nodeIngressRules(env)) add(rule, rule.description);
  for (const rule of loadBalancerIngressRules(env)) add(rule, `${rule.description} through the load balancer`);
  return planned;
}
