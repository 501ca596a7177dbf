import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
import { hostAddress, parseCidr } from '../../lib/config/cidr';
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
import { planAddresses } from './address-plan';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { ApiAddress, IPV4_MAX_LENGTH, NodeBootstrap, SshTarget, VmPlatform } from './vm-platform';

/** The image name that selects the newest public Ubuntu 24.04 image; any other image must be an IMS image id. */
export const HUAWEICLOUD_UBUNTU_IMAGE = 'ubuntu-24.04';
/** Huawei Cloud's public Ubuntu 24.04 images are named "Ubuntu 24.04 server 64bit" (x86 and Kunpeng/arm). */
export const HUAWEICLOUD_UBUNTU_IMAGE_NAME_REGEX = '^Ubuntu 24\\.04 server 64bit';
/** IMS image ids are UUIDs. */
export const HUAWEICLOUD_IMAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Kunpeng (arm64) ECS families start with k: kc1, kc2, km1, ki1, kx1, … */
export const HUAWEICLOUD_ARM_FLAVOR = /^k[a-z]*\d/;
/** Login user of Huawei Cloud's public Linux images (the key pair is installed for root). */
export const HUAWEICLOUD_SSH_USER = 'root';
/** System disk of every server: general-purpose SSD, room for the OS, container images and logs. */
export const HUAWEICLOUD_SYSTEM_DISK = { type: 'GPSSD', sizeGb: 50 } as const;
/** The smallest dedicated-ELB network (TCP) flavor; it is fixed-size and billed per hour. */
export const HUAWEICLOUD_L4_FLAVOR = 'L4_flavor.elb.s1.small';
/** NAT gateway size "1": up to 10,000 SNAT connections, plenty for node egress. */
export const HUAWEICLOUD_NAT_SPEC = '1';
/** Dedicated bandwidth (Mbit/s) of each EIP, billed by traffic. */
export const HUAWEICLOUD_EIP_BANDWIDTH_MBIT = 100;
/** Host number of the load balancer's static private IP in the subnet (below the servers' blocks). */
export const HUAWEICLOUD_LOAD_BALANCER_HOST = 5;

/** Props for {@link HuaweicloudVmPlatform}. */
export interface HuaweicloudVmPlatformProps {
  /**
   * The validated region environment (provider "huaweicloud"). Its image must be "ubuntu-24.04" or
   * an IMS image id.
   */
  readonly environment: EnvironmentSpec;
  /**
   * First-boot configuration of every server, passed as `user_data` (plain text; the provider
   * base64-encodes it; at most 32 KB before encoding). Later changes are ignored
   * (`ignore_changes`): cloud-init reads user data only at first boot.
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

/**
 * provider-vm on Huawei Cloud: a VPC and subnet, one security group, ECS servers spread over the
 * region's availability zones (round robin) and, per pool, an anti-affinity server group (no two
 * servers of a pool on one host), static private IPs from the address plan, no public IP on any
 * node, a NAT gateway with an SNAT rule for egress, and a dedicated ELB (L4 flavor) with an EIP in
 * front: TCP listeners, pools, members and health monitors for 6443 (servers), 80 and 443 (every
 * node).
 *
 * Credentials: the sensitive variables `huaweicloud_access_key` / `huaweicloud_secret_key` or,
 * when unset, the provider's HW_ACCESS_KEY / HW_SECRET_KEY environment variables.
 *
 * A dedicated ELB passes client addresses through to its members (TCP listeners), so its client
 * policy is enforced by the node security group, as on GCP: 80 and 443 are open to anyone on every
 * node, 6443 only to the admin CIDRs and the private network (where the ELB's health checks come
 * from, since the ELB sits in the nodes' subnet).
 *
 * What replaces what (provider 1.97.1): changing a server's availability zone, system disk type or
 * network block count replaces it; its flavor changes in place (resize, with a reboot), and a new
 * image would reinstall the OS in place, so `image_id` and `user_data` are in `ignore_changes`
 * (a new Ubuntu release reaches a server only when it is replaced). The server group's name or
 * policy and a server's `scheduler_hints.group` force replacement, so their names never change.
 * Security group rules and SNAT rules are replaced on any change; the ELB's `vpc_id` and
 * `ipv4_eip_id` and the pools' protocol cannot change at all (the provider refuses).
 */
export class HuaweicloudVmPlatform extends Construct implements VmPlatform {
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  public readonly loadBalancerIpv4: string;
  public readonly apiEndpoint: string;
  public readonly apiAddresses: readonly ApiAddress[];
  public readonly firstServerSsh: SshTarget;

  private readonly env: EnvironmentSpec;
  private readonly tags: Record<string, string>;

  constructor(scope: Construct, id: string, props: HuaweicloudVmPlatformProps) {
    super(scope, id);
    const env = props.environment;
    if (env.provider !== 'huaweicloud' || env.zones.length === 0) {
      throw new Error(`${env.file}: HuaweicloudVmPlatform needs provider "huaweicloud" and a known region, got ${env.provider} ${env.region}`);
    }
    this.env = env;
    this.tags = { ...env.labels, environment: env.name };

    const accessKey = providerFallbackVariable(this, 'huaweicloud_access_key', {
      sensitive: true,
      description: 'Huawei Cloud access key (AK). Leave unset to use the HW_ACCESS_KEY environment variable.',
    });
    const secretKey = providerFallbackVariable(this, 'huaweicloud_secret_key', {
      sensitive: true,
      description: 'Huawei Cloud secret key (SK). Leave unset to use the HW_SECRET_KEY environment variable.',
    });
    new HuaweicloudProvider(this, 'provider', { region: env.region, accessKey: accessKey.stringValue, secretKey: secretKey.stringValue });

    const { vpc, subnet } = this.network();
    const securityGroup = this.securityGroup();
    this.natGateway(vpc, subnet);

    // The load balancer comes before the servers because their user data names its addresses (in
    // the API server certificate).
    const loadBalancerPrivateIp = hostAddress(parseCidr(env.network.subnetCidr)!, HUAWEICLOUD_LOAD_BALANCER_HOST);
    const { loadBalancer, eip } = this.loadBalancer(vpc, subnet, loadBalancerPrivateIp);
    const apiAddresses: ApiAddress[] = [
      { value: eip.address, maxLength: IPV4_MAX_LENGTH },
      { value: loadBalancerPrivateIp, maxLength: loadBalancerPrivateIp.length },
    ];

    const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
    const addresses = planAddresses(env.network.subnetCidr, pools);
    const keyPair = env.sshPublicKeys.length > 0
      ? new KpsKeypair(this, 'ssh-key', { name: env.name, publicKey: env.sshPublicKeys[0] }).name
      : undefined;
    for (const pool of pools) {
      const role = pool === env.controlPlane ? 'server' : 'agent';
      this.pool(pool, role, addresses, { subnet, securityGroup, keyPair, apiAddresses, bootstrap: props.bootstrap });
    }
    this.loadBalancerBackends(loadBalancer, subnet, addresses);

    this.privateNetworkCidr = env.network.cidr;
    this.controlPlanePrivateIps = addresses[env.controlPlane.name];
    this.agentPrivateIps = Object.fromEntries(env.agentPools.map((p) => [p.name, addresses[p.name]]));
    this.loadBalancerIpv4 = eip.address;
    this.apiEndpoint = `https://${eip.address}:6443`;
    this.apiAddresses = apiAddresses;
    this.firstServerSsh = { user: HUAWEICLOUD_SSH_USER, host: addresses[env.controlPlane.name][0], private: true };
  }

  /** The VPC and the one subnet every node and the load balancer live in. */
  private network(): { vpc: Vpc; subnet: VpcSubnet } {
    const env = this.env;
    const vpc = new Vpc(this, 'vpc', { name: env.name, cidr: env.network.cidr, tags: this.tags });
    const subnet = new VpcSubnet(this, 'subnet', {
      name: env.name,
      vpcId: vpc.id,
      cidr: env.network.subnetCidr,
      gatewayIp: hostAddress(parseCidr(env.network.subnetCidr)!, 1),
      tags: this.tags,
    });
    return { vpc, subnet };
  }

  /**
   * One security group for every node, without Huawei's default rules (which admit everything from
   * the group itself): the node rules and the load balancer's client rules, each once, one rule per
   * source CIDR; all outbound traffic is allowed (it leaves through the NAT gateway).
   */
  private securityGroup(): NetworkingSecgroup {
    const env = this.env;
    const group = new NetworkingSecgroup(this, 'security-group', {
      name: env.name,
      description: `K3s nodes of ${env.name}`,
      deleteDefaultRules: true,
    });
    for (const ethertype of ['IPv4', 'IPv6'] as const) {
      new NetworkingSecgroupRule(this, `egress-${ethertype.toLowerCase()}`, {
        securityGroupId: group.id,
        direction: 'egress',
        ethertype,
        description: 'All outbound traffic',
      });
    }
    for (const rule of planSecurityGroupRules(env)) {
      new NetworkingSecgroupRule(this, rule.id, {
        securityGroupId: group.id,
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: rule.protocol,
        portRangeMin: rule.fromPort,
        portRangeMax: rule.toPort,
        remoteIpPrefix: rule.cidr,
        description: rule.description,
      });
    }
    return group;
  }

  /** Egress for nodes without public IPs: a NAT gateway in the subnet and an SNAT rule on its own EIP. */
  private natGateway(vpc: Vpc, subnet: VpcSubnet): void {
    const env = this.env;
    const eip = this.eip('nat-eip', `${env.name}-nat`);
    const gateway = new NatGateway(this, 'nat-gateway', {
      name: env.name,
      spec: HUAWEICLOUD_NAT_SPEC,
      vpcId: vpc.id,
      subnetId: subnet.id,
      description: `Egress of ${env.name}`,
      tags: this.tags,
    });
    new NatSnatRule(this, 'snat-rule', { natGatewayId: gateway.id, floatingIpId: eip.id, subnetId: subnet.id, description: `Egress of ${env.name}` });
  }

  /** An elastic IP with dedicated bandwidth billed by traffic. */
  private eip(id: string, name: string): VpcEip {
    return new VpcEip(this, id, {
      name,
      publicip: { ipVersion: 4 },
      bandwidth: { name, shareType: 'PER', size: HUAWEICLOUD_EIP_BANDWIDTH_MBIT, chargeMode: 'traffic' },
      tags: this.tags,
    });
  }

  /** The dedicated load balancer (L4 flavor) in every zone of the region, at a fixed private IP, with its EIP. */
  private loadBalancer(vpc: Vpc, subnet: VpcSubnet, privateIp: string): { loadBalancer: ElbLoadbalancer; eip: VpcEip } {
    const env = this.env;
    const eip = this.eip('load-balancer-eip', `${env.name}-lb`);
    const flavors = new DataHuaweicloudElbFlavors(this, 'l4-flavor', { type: 'L4', name: HUAWEICLOUD_L4_FLAVOR });
    const loadBalancer = new ElbLoadbalancer(this, 'load-balancer', {
      name: env.name,
      description: `API and ingress of ${env.name}`,
      vpcId: vpc.id,
      ipv4SubnetId: subnet.ipv4SubnetId,
      ipv4Address: privateIp,
      availabilityZone: [...env.zones],
      l4FlavorId: Fn.element(flavors.ids, 0),
      ipv4EipId: eip.id,
      tags: this.tags,
    });
    return { loadBalancer, eip };
  }

  /** One anti-affinity server group and the servers of one pool, round robin over the zones. */
  private pool(pool: NodePoolSpec, role: 'server' | 'agent', addresses: Readonly<Record<string, readonly string[]>>, shared: ServerContext): void {
    const env = this.env;
    const group = new ComputeServergroup(this, `${pool.name}-anti-affinity`, { name: `${env.name}-${pool.name}`, policies: ['anti-affinity'] });
    const imageId = this.imageFor(pool.instanceType);
    const tags = { ...this.tags, ...pool.labels, pool: pool.name, role };
    addresses[pool.name].forEach((ip, i) => {
      const name = `${env.name}-${pool.name}-${i}`;
      const zone = env.zones[i % env.zones.length];
      const userData = shared.bootstrap?.userData({
        pool: pool.name,
        role,
        index: i,
        name,
        privateIp: ip,
        zone,
        controlPlanePrivateIps: addresses[env.controlPlane.name],
        apiAddresses: shared.apiAddresses,
      });
      new ComputeInstance(this, `${pool.name}-${i}`, {
        name,
        hostname: name,
        flavorId: pool.instanceType,
        imageId,
        availabilityZone: zone,
        securityGroupIds: [shared.securityGroup.id],
        keyPair: shared.keyPair,
        network: [{ uuid: shared.subnet.id, fixedIpV4: ip }],
        schedulerHints: [{ group: group.id }],
        systemDiskType: HUAWEICLOUD_SYSTEM_DISK.type,
        systemDiskSize: HUAWEICLOUD_SYSTEM_DISK.sizeGb,
        deleteDisksOnTermination: true,
        userData,
        tags,
        lifecycle: { ignoreChanges: ['image_id', 'user_data'] },
      });
    });
  }

  /** The image of a flavor: the configured IMS id, or the newest public Ubuntu 24.04 for its architecture. */
  private imageFor(flavor: string): string {
    const env = this.env;
    if (env.image !== HUAWEICLOUD_UBUNTU_IMAGE) return env.image;
    const architecture = HUAWEICLOUD_ARM_FLAVOR.test(flavor) ? 'arm' : 'x86';
    const id = `ubuntu-${architecture}`;
    const existing = this.node.tryFindChild(id) as DataHuaweicloudImagesImage | undefined;
    return (existing ?? new DataHuaweicloudImagesImage(this, id, {
      nameRegex: HUAWEICLOUD_UBUNTU_IMAGE_NAME_REGEX,
      visibility: 'public',
      architecture,
      mostRecent: true,
    })).id;
  }

  /** TCP listener, pool, health monitor and members per load-balanced port (6443 on servers, 80/443 on every node). */
  private loadBalancerBackends(loadBalancer: ElbLoadbalancer, subnet: VpcSubnet, addresses: Readonly<Record<string, readonly string[]>>): void {
    const env = this.env;
    for (const service of LOAD_BALANCED_PORTS) {
      const listener = new ElbListener(this, `listener-${service.name}`, {
        name: `${env.name}-${service.name}`,
        loadbalancerId: loadBalancer.id,
        protocol: 'TCP',
        protocolPort: service.port,
      });
      const pool = new ElbPool(this, `pool-${service.name}`, {
        name: `${env.name}-${service.name}`,
        listenerId: listener.id,
        protocol: 'TCP',
        lbMethod: 'ROUND_ROBIN',
      });
      new ElbMonitor(this, `monitor-${service.name}`, { poolId: pool.id, protocol: 'TCP', interval: 10, timeout: 5, maxRetries: 3 });
      const targets = service.targets === 'servers' ? [env.controlPlane] : [env.controlPlane, ...env.agentPools];
      for (const target of targets) {
        addresses[target.name].forEach((ip, i) => {
          new ElbMember(this, `member-${service.name}-${target.name}-${i}`, { poolId: pool.id, address: ip, protocolPort: service.port, subnetId: subnet.ipv4SubnetId });
        });
      }
    }
  }
}

/** What every server of the environment shares. */
interface ServerContext {
  readonly subnet: VpcSubnet;
  readonly securityGroup: NetworkingSecgroup;
  readonly keyPair?: string;
  readonly apiAddresses: readonly ApiAddress[];
  readonly bootstrap?: NodeBootstrap;
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
 * so its policy is enforced on the nodes) where no node rule covers the same flow, one rule per CIDR.
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
