import { Fn, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
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
import { formatCidr, Ipv4Cidr, parseCidr } from '../../lib/common/cidr';
import { FIRST_HOST, planAddresses, POOL_BLOCK } from '../../lib/common/address-plan';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, peerCidrs } from './firewall-rules';
import { ApiAddress, DNS_NAME_MAX_LENGTH, IPV4_MAX_LENGTH, NodeBootstrap, SshTarget, UserDataLimit, VmPlatform } from './vm-platform';

/** User-data limit (interim; moves to the base). */
export const AWS_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 16 * 1024, encoding: 'gzip', documented: '16 KB (16,384 bytes) before base64' };

/** The image name that selects the newest Canonical Ubuntu 24.04 AMI; any other image must be an AMI id. */
export const AWS_UBUNTU_IMAGE = 'ubuntu-24.04';

/** Canonical's AWS account, owner of the official Ubuntu AMIs. */
export const CANONICAL_AMI_OWNER = '099720109477';

/** Login user of Canonical's Ubuntu AMIs (the EC2 key pair is installed for it). */
export const AWS_UBUNTU_SSH_USER = 'ubuntu';

/** Size of every server's root volume (gp3, encrypted): room for the OS, container images and logs. */
export const AWS_ROOT_VOLUME_GB = 50;

/** AWS accepts VPC and subnet prefixes from /16 to /28. */
const AWS_PREFIX_RANGE = { min: 16, max: 28 };

/** Load balancer names allow 32 characters; target groups are `<environment>-<port>`, so 27 for the name. */
const AWS_MAX_ENVIRONMENT_NAME = 27;

const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Graviton instance families (a1, t4g, m7g, c7gn, r8g, im4gn, …) need arm64 images. */
const ARM64_INSTANCE_TYPE = /^(a1|[a-z]+\d+g[a-z]*)\./;

/** CPU architecture of an instance type, as AMI names and filters spell it. */
type Architecture = 'amd64' | 'arm64';

/** Props for {@link AwsVmPlatform}. */
export interface AwsVmPlatformProps {
  /**
   * The validated region environment (provider "aws"). Besides the config layer's checks, the
   * network and subnet must be /16 to /28, `zones.length` subnets of the subnet's size must fit in
   * the network after `network.subnetCidr`, the environment name must be at most 27 characters (it
   * names the load balancer and its target groups), and `image` must be "ubuntu-24.04" or an AMI id.
   */
  readonly environment: EnvironmentSpec;
  /**
   * First-boot configuration of every server, gzip-compressed into `user_data_base64` (at most
   * 16 KB compressed; cloud-init unpacks it).
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
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
export class AwsVmPlatform extends Construct implements VmPlatform {
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  public readonly loadBalancerIpv4: string;
  public readonly apiEndpoint: string;
  public readonly apiAddresses: readonly ApiAddress[];
  public readonly firstServerSsh: SshTarget;
  public readonly userDataLimit: UserDataLimit = AWS_USER_DATA_LIMIT;

  constructor(scope: Construct, id: string, props: AwsVmPlatformProps) {
    super(scope, id);
    const env = props.environment;
    const zoneCidrs = validate(env);

    new AwsProvider(this, 'provider', {
      region: env.region,
      defaultTags: [{ tags: { ...env.labels, environment: env.name } }],
    });

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

    const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
    const zones = env.zones.map((zone, z) => {
      const key = zoneKey(env.region, zone);
      const cidr = formatCidr(zoneCidrs[z]);
      const subnet = new Subnet(this, `subnet-${key}`, {
        vpcId: vpc.id,
        availabilityZone: zone,
        cidrBlock: cidr,
        // Servers ask for their public address explicitly; nothing else gets one by accident.
        mapPublicIpOnLaunch: false,
        tags: { Name: `${env.name}-${key}` },
      });
      new RouteTableAssociation(this, `routes-${key}`, { routeTableId: routes.id, subnetId: subnet.id });
      const plan = planZone(env, zone, cidr, pools.map((pool) => ({ name: pool.name, count: serversInZone(pool.count, z, env.zones.length) })));
      const reservations = pools.flatMap((pool, slot) =>
        poolBlockCidrs(zoneCidrs[z], slot).map(
          (block, k) =>
            new Ec2SubnetCidrReservation(this, `reserved-${key}-${pool.name}-${k}`, {
              subnetId: subnet.id,
              cidrBlock: formatCidr(block),
              reservationType: 'explicit',
              description: `${env.name}: static addresses of pool ${pool.name}`,
            }),
        ),
      );
      return { zone, key, subnet, plan, reservations };
    });

    const nodeFirewall = new SecurityGroup(this, 'firewall', {
      name: `${env.name}-nodes`,
      description: `K3s nodes of ${env.name}`,
      vpcId: vpc.id,
      tags: { Name: `${env.name}-nodes` },
    });
    this.addIngressRules('firewall', nodeFirewall, env, nodeIngressRules(env));
    new VpcSecurityGroupEgressRule(this, 'firewall-egress', {
      securityGroupId: nodeFirewall.id,
      description: 'Outbound: package mirrors, container registries, other nodes',
      ipProtocol: '-1',
      cidrIpv4: '0.0.0.0/0',
    });

    const keyName = env.sshPublicKeys.length > 0
      ? new KeyPair(this, 'ssh-key', { keyName: env.name, publicKey: env.sshPublicKeys[0], tags: { Name: env.name } }).keyName
      : undefined;

    const amis = new Map<Architecture, string>();
    const amiFor = (instanceType: string): string => {
      if (env.image !== AWS_UBUNTU_IMAGE) return env.image;
      const architecture: Architecture = ARM64_INSTANCE_TYPE.test(instanceType) ? 'arm64' : 'amd64';
      if (!amis.has(architecture)) {
        const ami = new DataAwsAmi(this, `ubuntu-${architecture}`, {
          owners: [CANONICAL_AMI_OWNER],
          mostRecent: true,
          filter: [
            { name: 'name', values: [`ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${architecture}-server-*`] },
            { name: 'virtualization-type', values: ['hvm'] },
          ],
        });
        amis.set(architecture, ami.id);
      }
      return amis.get(architecture)!;
    };

    // The load balancer: one Elastic IP per zone makes its public addresses fixed. It comes before
    // the instances because their user data names its addresses (in the API server certificate).
    const loadBalancerFirewall = new SecurityGroup(this, 'load-balancer-firewall', {
      name: `${env.name}-load-balancer`,
      description: `Load balancer of ${env.name}`,
      vpcId: vpc.id,
      tags: { Name: `${env.name}-load-balancer` },
    });
    this.addIngressRules('load-balancer-firewall', loadBalancerFirewall, env, loadBalancerIngressRules(env));
    for (const service of LOAD_BALANCED_PORTS) {
      new VpcSecurityGroupEgressRule(this, `load-balancer-firewall-egress-${service.name}`, {
        securityGroupId: loadBalancerFirewall.id,
        description: `${service.name} to the nodes and health checks`,
        ipProtocol: 'tcp',
        fromPort: service.port,
        toPort: service.port,
        cidrIpv4: env.network.cidr,
      });
    }
    const ips = zones.map(
      (zone) => new Eip(this, `load-balancer-ip-${zone.key}`, { domain: 'vpc', tags: { Name: `${env.name}-${zone.key}` }, dependsOn: [gateway] }),
    );
    const loadBalancer = new Lb(this, 'load-balancer', {
      name: env.name,
      loadBalancerType: 'network',
      internal: false,
      ipAddressType: 'ipv4',
      securityGroups: [loadBalancerFirewall.id],
      subnetMapping: zones.map((zone, z) => ({ subnetId: zone.subnet.id, allocationId: ips[z].allocationId })),
      enableCrossZoneLoadBalancing: true,
      tags: { Name: env.name },
      // Its network interfaces must not take a planned server address: reserve those first.
      dependsOn: [gateway, ...zones.flatMap((zone) => zone.reservations)],
    });
    const apiAddresses: ApiAddress[] = [
      { value: loadBalancer.dnsName, maxLength: DNS_NAME_MAX_LENGTH },
      ...ips.map((ip) => ({ value: ip.publicIp, maxLength: IPV4_MAX_LENGTH })),
    ];

    const addressOf = (pool: NodePoolSpec, i: number) => zones[i % zones.length].plan[pool.name][Math.floor(i / zones.length)];
    const controlPlaneIps = Array.from({ length: env.controlPlane.count }, (_, i) => addressOf(env.controlPlane, i));
    const addresses: Record<string, string[]> = {};
    const instances: Record<string, Instance[]> = {};
    for (const pool of pools) {
      const role = pool === env.controlPlane ? 'server' : 'agent';
      addresses[pool.name] = [];
      instances[pool.name] = Array.from({ length: pool.count }, (_, i) => {
        const zone = zones[i % zones.length];
        const ip = addressOf(pool, i);
        addresses[pool.name].push(ip);
        const name = `${env.name}-${pool.name}-${i}`;
        const userData = props.bootstrap?.userData({
          pool: pool.name,
          role,
          index: i,
          name,
          privateIp: ip,
          zone: zone.zone,
          controlPlanePrivateIps: controlPlaneIps,
          apiAddresses,
        }, this.userDataLimit);
        return new Instance(this, `${pool.name}-${i}`, {
          ami: amiFor(pool.instanceType),
          instanceType: pool.instanceType,
          subnetId: zone.subnet.id,
          privateIp: ip,
          associatePublicIpAddress: true,
          vpcSecurityGroupIds: [nodeFirewall.id],
          keyName,
          monitoring: true,
          ebsOptimized: true,
          // IMDSv2 only, and one hop: containers on the node cannot reach the metadata service.
          metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: 1, instanceMetadataTags: 'disabled' },
          rootBlockDevice: {
            volumeType: 'gp3',
            volumeSize: AWS_ROOT_VOLUME_GB,
            encrypted: true,
            deleteOnTermination: true,
            tags: { ...env.labels, environment: env.name, Name: name },
          },
          tags: { ...pool.labels, pool: pool.name, role, Name: name },
          userDataBase64: gzippedUserData(this, `${pool.name}-${i}-user-data`, userData),
          lifecycle: { ignoreChanges: ['ami'] },
          dependsOn: [gateway, ...zone.reservations],
        });
      });
    }

    for (const service of LOAD_BALANCED_PORTS) {
      const targets = new LbTargetGroup(this, `load-balancer-${service.name}-targets`, {
        name: `${env.name}-${service.port}`,
        port: service.port,
        protocol: 'TCP',
        targetType: 'instance',
        vpcId: vpc.id,
        preserveClientIp: 'false',
        deregistrationDelay: '30',
        healthCheck: { enabled: true, protocol: 'TCP', port: 'traffic-port', interval: 10, timeout: 5, healthyThreshold: 3, unhealthyThreshold: 3 },
        tags: { Name: `${env.name}-${service.name}` },
      });
      const targetPools = service.targets === 'servers' ? [env.controlPlane] : pools;
      for (const pool of targetPools) {
        instances[pool.name].forEach((instance, i) => {
          new LbTargetGroupAttachment(this, `load-balancer-${service.name}-${pool.name}-${i}`, {
            targetGroupArn: targets.arn,
            targetId: instance.id,
            port: service.port,
          });
        });
      }
      new LbListener(this, `load-balancer-${service.name}`, {
        loadBalancerArn: loadBalancer.arn,
        port: service.port,
        protocol: 'TCP',
        defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
        tags: { Name: `${env.name}-${service.name}` },
      });
    }

    this.privateNetworkCidr = env.network.cidr;
    this.controlPlanePrivateIps = addresses[env.controlPlane.name];
    this.agentPrivateIps = Object.fromEntries(env.agentPools.map((p) => [p.name, addresses[p.name]]));
    this.loadBalancerIpv4 = ips[0].publicIp;
    this.apiEndpoint = `https://${loadBalancer.dnsName}:6443`;
    this.apiAddresses = apiAddresses;
    // Another image (an AMI id) may have another login user; ubuntu is Canonical's.
    this.firstServerSsh = { user: AWS_UBUNTU_SSH_USER, host: instances[env.controlPlane.name][0].publicIp, private: false };
  }

  /** One ingress rule per rule and source CIDR, named after what AWS itself keys rules on. */
  private addIngressRules(prefix: string, group: SecurityGroup, env: EnvironmentSpec, rules: readonly IngressRule[]): void {
    for (const rule of rules) {
      const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
      for (const cidr of peerCidrs(env, rule.peer)) {
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
}

/** Checks what AWS adds to the config layer's rules; returns each zone's subnet. */
function validate(env: EnvironmentSpec): Ipv4Cidr[] {
  if (env.provider !== 'aws') {
    throw new Error(`${env.file}: AwsVmPlatform needs provider "aws", got "${env.provider}"`);
  }
  if (env.zones.length === 0) {
    throw new Error(`${env.file}: region ${env.region} has no availability zones; add them to KNOWN_REGIONS`);
  }
  if (env.name.length > AWS_MAX_ENVIRONMENT_NAME) {
    throw new Error(`${env.file}: environment name "${env.name}" has ${env.name.length} characters; AWS load balancer and target group names allow at most ${AWS_MAX_ENVIRONMENT_NAME} here`);
  }
  if (env.image !== AWS_UBUNTU_IMAGE && !AMI_ID.test(env.image)) {
    throw new Error(`${env.file}: image "${env.image}" is not usable on AWS; allowed: "${AWS_UBUNTU_IMAGE}" or an AMI id such as ami-0123456789abcdef0`);
  }
  const network = parseCidr(env.network.cidr);
  const first = parseCidr(env.network.subnetCidr);
  for (const [field, text, cidr] of [['network.cidr', env.network.cidr, network], ['network.subnetCidr', env.network.subnetCidr, first]] as const) {
    if (!cidr || cidr.prefix < AWS_PREFIX_RANGE.min || cidr.prefix > AWS_PREFIX_RANGE.max) {
      throw new Error(`${env.file}: ${field} ${text} must be an IPv4 CIDR from /${AWS_PREFIX_RANGE.min} to /${AWS_PREFIX_RANGE.max} on AWS`);
    }
  }
  return zoneSubnets(env, network!, first!);
}

/** The first zone's subnet, then the following blocks of the same size, all inside the network. */
function zoneSubnets(env: EnvironmentSpec, network: Ipv4Cidr, first: Ipv4Cidr): Ipv4Cidr[] {
  const size = 2 ** (32 - first.prefix);
  const networkEnd = network.base + 2 ** (32 - network.prefix);
  return env.zones.map((zone, z) => {
    const base = first.base + z * size;
    if (base + size > networkEnd) {
      throw new Error(`${env.file}: ${env.zones.length} zone subnets of /${first.prefix} starting at ${env.network.subnetCidr} do not fit in network ${env.network.cidr} (zone ${zone} has no room); choose an earlier network.subnetCidr`);
    }
    return { base, prefix: first.prefix };
  });
}

/** How many of a pool's servers land in zone `z` when server i goes to zone i mod `zones`. */
function serversInZone(count: number, z: number, zones: number): number {
  return Math.max(0, Math.ceil((count - z) / zones));
}

/** The address plan of one zone's subnet, with the environment file and zone in any error. */
function planZone(env: EnvironmentSpec, zone: string, subnetCidr: string, pools: { name: string; count: number }[]): Record<string, string[]> {
  try {
    return planAddresses(subnetCidr, pools);
  } catch (e) {
    throw new Error(`${env.file}: zone ${zone} (subnet ${subnetCidr}): ${(e as Error).message}`);
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

/**
 * User data as base64 of its gzip, for OpenTofu to compute: the text goes into a local value (a
 * string template, where references resolve and `$${` stays literal) and `base64gzip` reads it.
 */
function gzippedUserData(scope: Construct, id: string, userData: string | undefined): string | undefined {
  return userData === undefined ? undefined : Fn.base64gzip(new TerraformLocal(scope, id, userData).asString);
}
