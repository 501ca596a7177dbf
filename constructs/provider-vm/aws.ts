import { Construct } from 'constructs';
// Deep imports only: the package root loads every AWS resource (seconds and hundreds of MB).
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Ec2SubnetCidrReservation } from '@cdktf/provider-aws/lib/ec2-subnet-cidr-reservation';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { KeyPair } from '@cdktf/provider-aws/lib/key-pair';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { FIRST_HOST, planAddresses, POOL_BLOCK } from '../../lib/common/address-plan';
import { formatCidr, Ipv4Cidr } from '../../lib/common/cidr';
import { CLOUD_CHECKS } from '../../lib/config/clouds';
import { AWS_UBUNTU_IMAGE, awsServersInZone, awsZoneSubnets } from '../../lib/config/clouds/aws';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, peerCidrs } from './firewall-rules';
import { BuiltServer, CloudTraits, PlannedServer, PlatformLoadBalancer, ServerContext, ServerPlacement, VmPlatformBase, VmPlatformProps } from './vm-platform-base';
import { DNS_NAME_MAX_LENGTH, IPV4_MAX_LENGTH, SshTarget, UserDataLimit } from './vm-platform';

export { AWS_UBUNTU_IMAGE } from '../../lib/config/clouds/aws';

/** Canonical's AWS account, owner of the official Ubuntu AMIs. */
export const CANONICAL_AMI_OWNER = '099720109477';

/** Login user of Canonical's Ubuntu AMIs (the EC2 key pair is installed for it). */
export const AWS_UBUNTU_SSH_USER = 'ubuntu';

/** Size of every server's root volume (gp3, encrypted): room for the OS, container images and logs. */
export const AWS_ROOT_VOLUME_GB = 50;

/** AWS takes 16 KB of user data before base64; gzip-compressed (cloud-init unpacks it). */
export const AWS_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 16 * 1024, encoding: 'gzip', documented: '16 KB (16,384 bytes) before base64' };

/** What AWS states to the base. */
const AWS: CloudTraits = { provider: 'aws', userDataLimit: AWS_USER_DATA_LIMIT, check: CLOUD_CHECKS.aws, userDataAttributes: ['user_data', 'user_data_base64'] };

/** Graviton instance families (a1, t4g, m7g, c7gn, r8g, im4gn, …) need arm64 images. */
const ARM64_INSTANCE_TYPE = /^(a1|[a-z]+\d+g[a-z]*)\./;

/** CPU architecture of an instance type, as AMI names and filters spell it. */
type Architecture = 'amd64' | 'arm64';

/**
 * Props for {@link AwsVmPlatform}. Besides the generic rules, the environment passes
 * lib/config/clouds/aws.ts (network and subnet /16 to /28, one subnet per zone inside the network,
 * name of at most 27 characters, image "ubuntu-24.04" or an AMI id). User data is gzip-compressed
 * into `user_data_base64` (at most 16 KB compressed).
 */
export type AwsVmPlatformProps = VmPlatformProps;

/** One availability zone's subnet and the reservations of its pool blocks. */
interface AwsZone {
  readonly zone: string;
  readonly key: string;
  readonly subnet: Subnet;
  /** The subnet's id, one token for all its servers (cdktf records a stack per token). */
  readonly subnetId: string;
  readonly reservations: Ec2SubnetCidrReservation[];
}

/** What the AWS steps hand each other. */
interface AwsParts {
  readonly network: { readonly vpc: Vpc; readonly gateway: InternetGateway; readonly zones: readonly AwsZone[]; readonly keyName?: string; readonly amiIds: Map<Architecture, string> };
  /** The node security group's id. */
  readonly firewall: string;
  readonly loadBalancer: PlatformLoadBalancer & { readonly arn: string };
  readonly server: Instance;
}

/**
 * provider-vm on AWS: a VPC with one public subnet per availability zone, an internet gateway, a
 * security group for the nodes, servers with static private IPs spread round-robin over the zones,
 * and an internet-facing Network Load Balancer (API 6443, HTTP 80, HTTPS 443) with one Elastic IP
 * per zone.
 *
 * Credentials come only from the AWS provider's standard chain (AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, instance roles); nothing secret is a variable or literal.
 * Every resource gets the environment's labels as tags through the provider's default_tags.
 *
 * Addresses: the first zone's subnet is `network.subnetCidr`, zone n gets the n-th following block
 * of the same size (10.30.1.0/24, 10.30.2.0/24, 10.30.3.0/24). Server i of a pool runs in zone
 * i mod zones and takes the (i div zones)-th address of that pool's block in its zone's subnet,
 * each zone's subnet being planned on its own with {@link planAddresses}; growing a pool never moves
 * an existing server. Every pool block is an explicit subnet CIDR reservation, so AWS never hands a
 * planned address to another network interface (the load balancer's, for instance).
 *
 * Servers have public IPv4 addresses (outbound traffic without a NAT gateway, SSH from adminCidrs);
 * the node security group admits only the private network and the admin CIDRs. The load balancer
 * connects to targets from its own private addresses (`preserve_client_ip = false`), so the nodes
 * never need rules for the internet, and its own security group admits the API only from the
 * private network and the admin CIDRs.
 *
 * Only the first of `sshPublicKeys` becomes the EC2 key pair (an instance takes one key name);
 * further keys must be installed through user data.
 *
 * `loadBalancerIpv4` is the first zone's Elastic IP: it keeps working when other zones fail, not
 * when its own zone does. `apiEndpoint` uses the load balancer's DNS name, which resolves to the
 * Elastic IPs of every healthy zone.
 *
 * The Ubuntu AMI is looked up at plan time (most recent Canonical image for the instance type's
 * architecture); instances ignore later AMI changes, so a new image reaches a server only when it
 * is replaced.
 */
export class AwsVmPlatform extends VmPlatformBase<AwsParts> {
  constructor(scope: Construct, id: string, props: AwsVmPlatformProps) {
    super(scope, id, props, AWS);
  }

  protected createProvider(): void {
    const env = this.environment;
    new AwsProvider(this, 'provider', {
      region: env.region,
      defaultTags: [{ tags: { ...env.labels, environment: env.name } }],
    });
  }

  /** Server i of a pool goes to zone i mod zones and takes the (i div zones)-th address of the pool's block there. */
  protected placeServers(): Record<string, readonly ServerPlacement[]> {
    const env = this.environment;
    const zones = env.zones.length;
    const plans = awsZoneSubnets(env).map((cidr, z) =>
      planAddresses(formatCidr(cidr), this.pools.map((pool) => ({ name: pool.name, count: awsServersInZone(pool.count, z, zones) }))),
    );
    return Object.fromEntries(
      this.pools.map((pool) => [pool.name, Array.from({ length: pool.count }, (_, i) => ({ privateIp: plans[i % zones][pool.name][Math.floor(i / zones)], zone: env.zones[i % zones] }))]),
    );
  }

  protected createNetwork(): AwsParts['network'] {
    const env = this.environment;
    const vpc = new Vpc(this, 'vpc', {
      cidrBlock: env.network.cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: env.name },
    });
    // The VPC's default security group is unused; managing it without rules closes it entirely.
    new DefaultSecurityGroup(this, 'default-security-group', { vpcId: vpc.id, tags: { Name: `${env.name}-default-unused` } });
    const gateway = new InternetGateway(this, 'internet-gateway', { vpcId: vpc.id, tags: { Name: env.name } });
    const routes = new RouteTable(this, 'routes', {
      vpcId: vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: gateway.id }],
      tags: { Name: env.name },
    });
    const zoneCidrs = awsZoneSubnets(env);
    const zones = env.zones.map((zone, z) => this.createZone(vpc, routes, zone, zoneCidrs[z]));
    const keyName = env.sshPublicKeys.length > 0
      ? new KeyPair(this, 'ssh-key', { keyName: env.name, publicKey: env.sshPublicKeys[0], tags: { Name: env.name } }).keyName
      : undefined;
    return { vpc, gateway, zones, keyName, amiIds: new Map() };
  }

  protected createFirewall(network: AwsParts['network']): string {
    const env = this.environment;
    const nodeFirewall = new SecurityGroup(this, 'firewall', {
      name: `${env.name}-nodes`,
      description: `K3s nodes of ${env.name}`,
      vpcId: network.vpc.id,
      tags: { Name: `${env.name}-nodes` },
    });
    this.addIngressRules('firewall', nodeFirewall, nodeIngressRules(env));
    new VpcSecurityGroupEgressRule(this, 'firewall-egress', {
      securityGroupId: nodeFirewall.id,
      description: 'Outbound: package mirrors, container registries, other nodes',
      ipProtocol: '-1',
      cidrIpv4: '0.0.0.0/0',
    });
    return nodeFirewall.id;
  }

  /** The load balancer: one Elastic IP per zone makes its public addresses fixed. */
  protected createLoadBalancer(network: AwsParts['network']): AwsParts['loadBalancer'] {
    const env = this.environment;
    const firewall = this.createLoadBalancerFirewall(network.vpc);
    const ips = network.zones.map(
      (zone) => new Eip(this, `load-balancer-ip-${zone.key}`, { domain: 'vpc', tags: { Name: `${env.name}-${zone.key}` }, dependsOn: [network.gateway] }),
    );
    const loadBalancer = new Lb(this, 'load-balancer', {
      name: env.name,
      loadBalancerType: 'network',
      internal: false,
      ipAddressType: 'ipv4',
      securityGroups: [firewall.id],
      subnetMapping: network.zones.map((zone, z) => ({ subnetId: zone.subnet.id, allocationId: ips[z].allocationId })),
      enableCrossZoneLoadBalancing: true,
      tags: { Name: env.name },
      // Its network interfaces must not take a planned server address: reserve those first.
      dependsOn: [network.gateway, ...network.zones.flatMap((zone) => zone.reservations)],
    });
    const apiAddresses = [
      { value: loadBalancer.dnsName, maxLength: DNS_NAME_MAX_LENGTH },
      ...ips.map((ip) => ({ value: ip.publicIp, maxLength: IPV4_MAX_LENGTH })),
    ];
    return { ipv4: ips[0].publicIp, apiHost: loadBalancer.dnsName, apiAddresses, arn: loadBalancer.arn };
  }

  protected createServer(server: PlannedServer, { network, firewall, userData }: ServerContext<AwsParts>): Instance {
    const env = this.environment;
    const zone = network.zones[env.zones.indexOf(server.zone)];
    return new Instance(this, server.id, {
      ami: this.amiFor(server.pool.instanceType, network.amiIds),
      instanceType: server.pool.instanceType,
      subnetId: zone.subnetId,
      privateIp: server.privateIp,
      associatePublicIpAddress: true,
      vpcSecurityGroupIds: [firewall],
      keyName: network.keyName,
      monitoring: true,
      ebsOptimized: true,
      // IMDSv2 only, and one hop: containers on the node cannot reach the metadata service.
      metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
      rootBlockDevice: {
        volumeType: 'gp3',
        volumeSize: AWS_ROOT_VOLUME_GB,
        encrypted: true,
        deleteOnTermination: true,
        tags: { ...env.labels, environment: env.name, Name: server.name },
      },
      tags: { ...server.pool.labels, pool: server.pool.name, role: server.role, Name: server.name },
      userDataBase64: userData,
      lifecycle: { ignoreChanges: ['ami'] },
      dependsOn: [network.gateway, ...zone.reservations],
    });
  }

  /** Target groups per load-balanced port (API: servers only), their attachments and listeners. */
  protected connectLoadBalancer(loadBalancer: AwsParts['loadBalancer'], servers: readonly BuiltServer<AwsParts>[], network: AwsParts['network']): void {
    const env = this.environment;
    const instanceIds = servers.map((server) => server.resource.id);
    for (const service of LOAD_BALANCED_PORTS) {
      const targets = new LbTargetGroup(this, `load-balancer-${service.name}-targets`, {
        name: `${env.name}-${service.port}`,
        port: service.port,
        protocol: 'TCP',
        targetType: 'instance',
        vpcId: network.vpc.id,
        preserveClientIp: 'false',
        deregistrationDelay: '30',
        healthCheck: { enabled: true, protocol: 'TCP', port: 'traffic-port', interval: 10, timeout: 5, healthyThreshold: 3, unhealthyThreshold: 3 },
        tags: { Name: `${env.name}-${service.name}` },
      });
      const targetGroupArn = targets.arn;
      servers.forEach(({ planned }, i) => {
        if (service.targets !== 'all' && planned.role !== 'server') return;
        new LbTargetGroupAttachment(this, `load-balancer-${service.name}-${planned.pool.name}-${planned.index}`, { targetGroupArn, targetId: instanceIds[i], port: service.port });
      });
      new LbListener(this, `load-balancer-${service.name}`, {
        loadBalancerArn: loadBalancer.arn,
        port: service.port,
        protocol: 'TCP',
        defaultAction: [{ type: 'forward', targetGroupArn }],
        tags: { Name: `${env.name}-${service.name}` },
      });
    }
  }

  /** Another image (an AMI id) may have another login user; ubuntu is Canonical's. */
  protected sshTarget(first: BuiltServer<AwsParts>): SshTarget {
    return { user: AWS_UBUNTU_SSH_USER, host: first.resource.publicIp, private: false };
  }

  /** One zone's subnet, its route table association and the reservations of every pool block in it. */
  private createZone(vpc: Vpc, routes: RouteTable, zone: string, cidr: Ipv4Cidr): AwsZone {
    const env = this.environment;
    const key = zoneKey(env.region, zone);
    const subnet = new Subnet(this, `subnet-${key}`, {
      vpcId: vpc.id,
      availabilityZone: zone,
      cidrBlock: formatCidr(cidr),
      // Servers ask for their public address explicitly; nothing else gets one by accident.
      mapPublicIpOnLaunch: false,
      tags: { Name: `${env.name}-${key}` },
    });
    new RouteTableAssociation(this, `routes-${key}`, { routeTableId: routes.id, subnetId: subnet.id });
    const reservations = this.pools.flatMap((pool, slot) =>
      poolBlockCidrs(cidr, slot).map(
        (block, k) =>
          new Ec2SubnetCidrReservation(this, `reserved-${key}-${pool.name}-${k}`, {
            subnetId: subnet.id,
            cidrBlock: formatCidr(block),
            reservationType: 'explicit',
            description: `${env.name}: static addresses of pool ${pool.name}`,
          }),
      ),
    );
    return { zone, key, subnet, subnetId: subnet.id, reservations };
  }

  /** The load balancer's security group: the API from admins and the private network, HTTP(S) from anyone. */
  private createLoadBalancerFirewall(vpc: Vpc): SecurityGroup {
    const env = this.environment;
    const firewall = new SecurityGroup(this, 'load-balancer-firewall', {
      name: `${env.name}-load-balancer`,
      description: `Load balancer of ${env.name}`,
      vpcId: vpc.id,
      tags: { Name: `${env.name}-load-balancer` },
    });
    this.addIngressRules('load-balancer-firewall', firewall, loadBalancerIngressRules(env));
    for (const service of LOAD_BALANCED_PORTS) {
      new VpcSecurityGroupEgressRule(this, `load-balancer-firewall-egress-${service.name}`, {
        securityGroupId: firewall.id,
        description: `${service.name} to the nodes and health checks`,
        ipProtocol: 'tcp',
        fromPort: service.port,
        toPort: service.port,
        cidrIpv4: env.network.cidr,
      });
    }
    return firewall;
  }

  /** One ingress rule per rule and source CIDR, named after what AWS itself keys rules on. */
  private addIngressRules(prefix: string, group: SecurityGroup, rules: readonly IngressRule[]): void {
    for (const rule of rules) {
      const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
      for (const cidr of peerCidrs(this.environment, rule.peer)) {
        new VpcSecurityGroupIngressRule(this, `${prefix}-${rule.protocol}-${ports}-${cidr.replace(/[./]/g, '-')}`, {
          securityGroupId: group.id,
          description: rule.description,
          ipProtocol: rule.protocol,
          fromPort: rule.fromPort,
          toPort: rule.toPort,
          cidrIpv4: cidr,
        });
      }
    }
  }

  /** The image of an instance type: the AMI id given, or the newest Ubuntu 24.04 AMI for its architecture (one lookup each). */
  private amiFor(instanceType: string, amiIds: Map<Architecture, string>): string {
    const env = this.environment;
    if (env.image !== AWS_UBUNTU_IMAGE) return env.image;
    const architecture: Architecture = ARM64_INSTANCE_TYPE.test(instanceType) ? 'arm64' : 'amd64';
    const known = amiIds.get(architecture);
    if (known !== undefined) return known;
    const ami = new DataAwsAmi(this, `ubuntu-${architecture}`, {
      owners: [CANONICAL_AMI_OWNER],
      mostRecent: true,
      filter: [
        { name: 'name', values: [`ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${architecture}-server-*`] },
        { name: 'virtualization-type', values: ['hvm'] },
      ],
    });
    amiIds.set(architecture, ami.id);
    return amiIds.get(architecture)!;
  }
}

/**
 * The aligned CIDR blocks covering pool `slot`'s addresses in a subnet, as {@link planAddresses}
 * lays them out (hosts slot*POOL_BLOCK + FIRST_HOST up to the next block, never the broadcast).
 */
function poolBlockCidrs(subnet: Ipv4Cidr, slot: number): Ipv4Cidr[] {
  const hosts = 2 ** (32 - subnet.prefix);
  const end = Math.min((slot + 1) * POOL_BLOCK, hosts - 1);
  const blocks: Ipv4Cidr[] = [];
  for (let host = slot * POOL_BLOCK + FIRST_HOST; host < end; ) {
    let size = 1;
    while (host % (size * 2) === 0 && host + size * 2 <= end) size *= 2;
    blocks.push({ base: (subnet.base + host) >>> 0, prefix: 32 - Math.log2(size) });
    host += size;
  }
  return blocks;
}

/** The short, stable part of a zone name used in construct ids: "eu-central-1a" → "a". */
function zoneKey(region: string, zone: string): string {
  return zone.startsWith(region) && zone.length > region.length ? zone.slice(region.length) : zone;
}
