import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// Deep imports only: the package root loads all ~1,400 google resources (seconds, hundreds of MB).
import { ComputeAddress } from '@cdktf/provider-google/lib/compute-address';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeForwardingRule } from '@cdktf/provider-google/lib/compute-forwarding-rule';
import { ComputeInstance } from '@cdktf/provider-google/lib/compute-instance';
import { ComputeInstanceGroup } from '@cdktf/provider-google/lib/compute-instance-group';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRegionBackendService } from '@cdktf/provider-google/lib/compute-region-backend-service';
import { ComputeRegionHealthCheck } from '@cdktf/provider-google/lib/compute-region-health-check';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
import { planAddresses } from '../../lib/common/address-plan';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { ApiAddress, IPV4_MAX_LENGTH, NodeBootstrap, SshTarget, UserDataLimit, VmPlatform } from './vm-platform';

/** User-data limit (interim; moves to the base). */
export const GCP_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 256 * 1024, encoding: 'plain', documented: '256 KiB (262,144 bytes) per metadata value' };

/**
 * Source ranges of the health-check probes of a backend-service-based external passthrough
 * Network Load Balancer (cloud.google.com/load-balancing/docs/health-check-concepts#ip-ranges).
 * 130.211.0.0/22 is left out on purpose: only proxy-based and internal load balancers probe from it.
 */
export const GCP_PASSTHROUGH_HEALTH_CHECK_RANGES: readonly string[] = ['35.191.0.0/16', '209.85.152.0/22', '209.85.204.0/22'];

/** Image used when the environment asks for the project-wide default `ubuntu-24.04`. */
export const GCP_UBUNTU_2404_IMAGE = 'ubuntu-os-cloud/ubuntu-2404-lts-amd64';

/** Boot disk size in GB: the image's 10 GB default leaves too little room for K3s images. */
export const GCP_BOOT_DISK_GB = 40;

/** Linux user the environment's SSH keys are installed for (instance metadata `ssh-keys`). */
export const GCP_SSH_USER = 'sovereign';

/** GCP resource names: RFC 1035, lower case, at most 63 characters. */
const GCP_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** GCP label keys and values (compute labels; international characters are not used here). */
const GCP_LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const GCP_LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;

/** How a peer appears in firewall rule ids and names. */
const PEER_NAMES: Readonly<Record<Peer, string>> = { admin: 'admin', 'private-network': 'internal', internet: 'public' };

/** Props for {@link GcpVmPlatform}. */
export interface GcpVmPlatformProps {
  /** The validated region environment (provider "gcp"). */
  readonly environment: EnvironmentSpec;
  /**
   * First-boot configuration of every server, in the instance metadata key `user-data` (at most
   * 256 KiB; read by cloud-init's GCE datasource).
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

/** One server to create: where it goes and what it is. */
interface PlannedServer {
  readonly pool: NodePoolSpec;
  readonly role: 'server' | 'agent';
  readonly index: number;
  readonly name: string;
  readonly zone: string;
  readonly ip: string;
}

/** One google_compute_firewall to create. */
interface PlannedFirewall {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly protocol: 'tcp' | 'udp';
  readonly ports: readonly string[];
  readonly sourceRanges: readonly string[];
  readonly targetTag: string;
}

/**
 * provider-vm on Google Cloud: a custom-mode VPC network with one regional subnetwork (private
 * Google access, sampled flow logs), Cloud NAT for outbound traffic, one firewall rule per allowed
 * flow, servers with static private IPs spread round-robin over the region's zones, and one
 * backend-service-based external passthrough Network Load Balancer (API 6443 to the servers, HTTP
 * 80 and HTTPS 443 to every node) on one regional static IPv4 address.
 *
 * Credentials: the project id comes from the required variable `gcp_project` (not a secret); the
 * credentials from the sensitive variable `gcp_credentials` or, when that is unset, from the
 * provider's standard mechanisms (GOOGLE_CREDENTIALS, GOOGLE_APPLICATION_CREDENTIALS, gcloud
 * application-default credentials).
 *
 * Nodes have no external IP: they reach the internet (K3s install, images) through Cloud NAT, and
 * receive load-balanced traffic directly (the load balancer does not proxy). Because the load
 * balancer preserves client addresses, its client policy is enforced by the node firewall: 80 and
 * 443 are open to anyone on every node, 6443 only to the admin CIDRs and the private network, plus
 * the health-check ranges on the load-balanced ports. Nodes have no service account: nothing on
 * them calls Google APIs.
 *
 * Two GCP behaviours the cluster layer must respect:
 * - the guest agent configures the load balancer's address locally on every backend, so a node
 *   connecting to `apiEndpoint` talks to itself: agents must join through
 *   `controlPlanePrivateIps`, never through the load balancer;
 * - when OS Login is enforced for the project, instance-metadata SSH keys are ignored.
 */
export class GcpVmPlatform extends Construct implements VmPlatform {
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  public readonly loadBalancerIpv4: string;
  public readonly apiEndpoint: string;
  public readonly apiAddresses: readonly ApiAddress[];
  public readonly firstServerSsh: SshTarget;
  public readonly userDataLimit: UserDataLimit = GCP_USER_DATA_LIMIT;

  constructor(scope: Construct, id: string, props: GcpVmPlatformProps) {
    super(scope, id);
    const env = props.environment;
    if (env.provider !== 'gcp') {
      throw new Error(`${env.file}: GcpVmPlatform needs provider "gcp", got "${env.provider}"`);
    }
    const labels = { ...env.labels, environment: env.name };
    checkLabels(env, labels);
    for (const pool of [env.controlPlane, ...env.agentPools]) checkLabels(env, pool.labels, `pool "${pool.name}" `);

    const name = (suffix: string) => `${env.name}-${suffix}`;
    const nodeTag = name('node');
    const serverTag = name('server');
    const servers = planServers(env);
    const firewalls = planFirewalls(env, nodeTag, serverTag);
    const groupName = (role: 'server' | 'agent', zone: string) => name(`${role}s-${zoneSuffix(env.region, zone)}`);
    checkNames(env, [
      ...servers.map((s) => s.name),
      ...firewalls.map((f) => f.name),
      ...env.zones.flatMap((zone) => [groupName('server', zone), groupName('agent', zone)]),
      ...LOAD_BALANCED_PORTS.map((p) => name(p.name)),
    ]);

    const project = new TerraformVariable(this, 'gcp_project', {
      type: 'string',
      description: 'Google Cloud project id the region is deployed into.',
    });
    project.overrideLogicalId('gcp_project');
    const credentials = providerFallbackVariable(this, 'gcp_credentials', {
      sensitive: true,
      description: 'Service account key JSON (or a path to it). Leave unset to use GOOGLE_CREDENTIALS, GOOGLE_APPLICATION_CREDENTIALS or gcloud application-default credentials.',
    });
    new GoogleProvider(this, 'provider', { project: project.stringValue, region: env.region, credentials: credentials.stringValue });

    const network = new ComputeNetwork(this, 'network', {
      name: env.name,
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
    });
    const subnet = new ComputeSubnetwork(this, 'subnet', {
      name: env.name,
      region: env.region,
      network: network.selfLink,
      ipCidrRange: env.network.subnetCidr,
      privateIpGoogleAccess: true,
      // Sampled, aggregated, without metadata: enough to investigate, cheap to store.
      logConfig: { aggregationInterval: 'INTERVAL_10_MIN', flowSampling: 0.1, metadata: 'EXCLUDE_ALL_METADATA' },
    });

    // Outbound internet for nodes without external IPs (package and K3s downloads, images).
    const router = new ComputeRouter(this, 'router', { name: env.name, region: env.region, network: network.selfLink });
    new ComputeRouterNat(this, 'nat', {
      name: env.name,
      region: env.region,
      router: router.name,
      natIpAllocateOption: 'AUTO_ONLY',
      sourceSubnetworkIpRangesToNat: 'LIST_OF_SUBNETWORKS',
      subnetwork: [{ name: subnet.selfLink, sourceIpRangesToNat: ['ALL_IP_RANGES'] }],
      logConfig: { enable: true, filter: 'ERRORS_ONLY' },
    });

    for (const rule of firewalls) {
      new ComputeFirewall(this, rule.id, {
        name: rule.name,
        description: rule.description,
        network: network.selfLink,
        direction: 'INGRESS',
        allow: [{ protocol: rule.protocol, ports: [...rule.ports] }],
        sourceRanges: [...rule.sourceRanges],
        targetTags: [rule.targetTag],
      });
    }

    // The load balancer's address comes before the instances: their user data names it (in the
    // API server certificate).
    const address = new ComputeAddress(this, 'load-balancer-address', {
      name: env.name,
      region: env.region,
      addressType: 'EXTERNAL',
      networkTier: 'PREMIUM',
      labels,
    });
    const apiAddresses: ApiAddress[] = [{ value: address.address, maxLength: IPV4_MAX_LENGTH }];
    const controlPlaneIps = servers.filter((s) => s.role === 'server').map((s) => s.ip);

    const metadata: Record<string, string> = { 'block-project-ssh-keys': 'true' };
    if (env.sshPublicKeys.length > 0) {
      metadata['ssh-keys'] = env.sshPublicKeys.map((key) => `${GCP_SSH_USER}:${key}`).join('\n');
    }
    const image = env.image === 'ubuntu-24.04' ? GCP_UBUNTU_2404_IMAGE : env.image;
    const instances = servers.map(
      (server) =>
        new ComputeInstance(this, `${server.pool.name}-${server.index}`, {
          name: server.name,
          zone: server.zone,
          machineType: server.pool.instanceType,
          labels: { ...labels, ...server.pool.labels, pool: server.pool.name, role: server.role },
          tags: server.role === 'server' ? [nodeTag, serverTag] : [nodeTag],
          metadata: withUserData(metadata, props.bootstrap?.userData({
            pool: server.pool.name,
            role: server.role,
            index: server.index,
            name: server.name,
            privateIp: server.ip,
            zone: server.zone,
            controlPlanePrivateIps: controlPlaneIps,
            apiAddresses,
          }, this.userDataLimit)),
          bootDisk: { autoDelete: true, initializeParams: { image, size: GCP_BOOT_DISK_GB, type: 'pd-balanced', labels } },
          networkInterface: [{ subnetwork: subnet.selfLink, networkIp: server.ip }],
          shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
          // Lets a machine type change stop and start the server instead of failing the apply.
          allowStoppingForUpdate: true,
        }),
    );

    // A VM may belong to only one load-balanced instance group, so groups are per role and zone:
    // the API backend uses the server groups, HTTP(S) backends use server and agent groups.
    const groups = { server: [] as ComputeInstanceGroup[], agent: [] as ComputeInstanceGroup[] };
    for (const role of ['server', 'agent'] as const) {
      for (const zone of env.zones) {
        const members = instances.filter((_, i) => servers[i].role === role && servers[i].zone === zone);
        if (members.length === 0) continue;
        groups[role].push(
          new ComputeInstanceGroup(this, `${role}s-${zone}`, {
            name: groupName(role, zone),
            zone,
            network: network.selfLink,
            instances: members.map((instance) => instance.selfLink),
          }),
        );
      }
    }

    for (const service of LOAD_BALANCED_PORTS) {
      const healthCheck = new ComputeRegionHealthCheck(this, `health-check-${service.name}`, {
        name: name(service.name),
        region: env.region,
        tcpHealthCheck: { port: service.port },
        checkIntervalSec: 10,
        timeoutSec: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      });
      const backendGroups = service.targets === 'servers' ? groups.server : [...groups.server, ...groups.agent];
      const backendService = new ComputeRegionBackendService(this, `backend-${service.name}`, {
        name: name(service.name),
        region: env.region,
        protocol: 'TCP',
        loadBalancingScheme: 'EXTERNAL',
        healthChecks: [healthCheck.id],
        backend: backendGroups.map((group) => ({ group: group.selfLink, balancingMode: 'CONNECTION' })),
      });
      new ComputeForwardingRule(this, `forwarding-rule-${service.name}`, {
        name: name(service.name),
        region: env.region,
        ipAddress: address.address,
        ipProtocol: 'TCP',
        portRange: `${service.port}`,
        loadBalancingScheme: 'EXTERNAL',
        networkTier: 'PREMIUM',
        backendService: backendService.id,
        labels,
      });
    }

    const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
    const ipsOf = (pool: NodePoolSpec) => servers.filter((s) => s.pool === pool).map((s) => s.ip);
    this.privateNetworkCidr = env.network.cidr;
    this.controlPlanePrivateIps = ipsOf(env.controlPlane);
    this.agentPrivateIps = Object.fromEntries(pools.slice(1).map((p) => [p.name, ipsOf(p)]));
    this.loadBalancerIpv4 = address.address;
    this.apiEndpoint = `https://${address.address}:6443`;
    this.apiAddresses = apiAddresses;
    // Nodes have no external address: SSH goes through a VPN, peering or IAP into the network.
    this.firstServerSsh = { user: GCP_SSH_USER, host: controlPlaneIps[0], private: true };
  }
}

/** The instance metadata, with `user-data` for cloud-init when there is any. */
function withUserData(metadata: Readonly<Record<string, string>>, userData: string | undefined): Record<string, string> {
  return userData === undefined ? { ...metadata } : { ...metadata, 'user-data': userData };
}

/** Every server with its name, static private IP and zone (round-robin over the region's zones). */
function planServers(env: EnvironmentSpec): PlannedServer[] {
  const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
  const addresses = planAddresses(env.network.subnetCidr, pools);
  return pools.flatMap((pool) =>
    addresses[pool.name].map((ip, index) => ({
      pool,
      role: pool === env.controlPlane ? ('server' as const) : ('agent' as const),
      index,
      name: `${env.name}-${pool.name}-${index}`,
      zone: env.zones[index % env.zones.length],
      ip,
    })),
  );
}

/**
 * One rule per allowed flow: the node rules, the load balancer's client rules (the passthrough
 * load balancer keeps client addresses, so its policy is enforced on the nodes; API rules target
 * servers only) and the health-check probes. A load balancer rule already covered by a node rule
 * is dropped.
 */
function planFirewalls(env: EnvironmentSpec, nodeTag: string, serverTag: string): PlannedFirewall[] {
  const targetOf = (port: number) => (LOAD_BALANCED_PORTS.find((p) => p.port === port)?.targets === 'servers' ? serverTag : nodeTag);
  const fromRule = (rule: IngressRule, targetTag: string): PlannedFirewall => {
    const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
    const key = `${rule.protocol}-${ports}-${PEER_NAMES[rule.peer]}`;
    return { id: `allow-${key}`, name: `${env.name}-${key}`, description: rule.description, protocol: rule.protocol, ports: [ports], sourceRanges: peerCidrs(env, rule.peer), targetTag };
  };
  const rules = nodeIngressRules(env).map((rule) => fromRule(rule, nodeTag));
  for (const rule of loadBalancerIngressRules(env)) {
    const planned = fromRule(rule, targetOf(rule.fromPort));
    if (!rules.some((r) => r.id === planned.id)) rules.push({ ...planned, description: `${rule.description} through the load balancer` });
  }
  for (const targets of ['servers', 'all'] as const) {
    const ports = LOAD_BALANCED_PORTS.filter((p) => p.targets === targets).map((p) => `${p.port}`);
    if (ports.length === 0) continue;
    const suffix = targets === 'servers' ? 'servers' : 'nodes';
    rules.push({
      id: `allow-health-checks-${suffix}`,
      name: `${env.name}-health-checks-${suffix}`,
      description: `Load balancer health checks (${ports.join(', ')})`,
      protocol: 'tcp',
      ports,
      sourceRanges: GCP_PASSTHROUGH_HEALTH_CHECK_RANGES,
      targetTag: targets === 'servers' ? serverTag : nodeTag,
    });
  }
  return rules;
}

/** `europe-west3-a` → `a`; any other zone name unchanged. */
function zoneSuffix(region: string, zone: string): string {
  return zone.startsWith(`${region}-`) ? zone.slice(region.length + 1) : zone;
}

function checkLabels(env: EnvironmentSpec, labels: Readonly<Record<string, string>>, where = ''): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!GCP_LABEL_KEY.test(key) || !GCP_LABEL_VALUE.test(value)) {
      throw new Error(
        `${env.file}: ${where}label "${key}": "${value}" is not a valid GCP label; keys must match ${GCP_LABEL_KEY.source} and values ${GCP_LABEL_VALUE.source} (lower case, no dots)`,
      );
    }
  }
}

function checkNames(env: EnvironmentSpec, names: readonly string[]): void {
  const bad = names.find((n) => !GCP_NAME.test(n));
  if (bad !== undefined) {
    throw new Error(`${env.file}: GCP resource name "${bad}" (${bad.length} characters) must match ${GCP_NAME.source}; shorten the environment folder or pool names`);
  }
}
