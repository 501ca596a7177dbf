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
import { CLOUD_CHECKS } from '../../lib/config/clouds';
import { GCP_NAME, gcpNameError } from '../../lib/config/clouds/gcp';
import { EnvironmentSpec } from '../../lib/config/model';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { BuiltServer, CloudTraits, PlannedServer, PlatformLoadBalancer, ServerContext, VmPlatformBase, VmPlatformProps } from './vm-platform-base';
import { IPV4_MAX_LENGTH, SshTarget, UserDataLimit } from './vm-platform';

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

/** GCP metadata values hold 256 KiB; user data goes in as plain text (key `user-data`). */
export const GCP_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 256 * 1024, encoding: 'plain', documented: '256 KiB (262,144 bytes) per metadata value' };

/** What GCP states to the base. */
const GCP: CloudTraits = { provider: 'gcp', userDataLimit: GCP_USER_DATA_LIMIT, check: CLOUD_CHECKS.gcp, userDataAttributes: ['metadata["user-data"]'] };

/** How a peer appears in firewall rule ids and names. */
const PEER_NAMES: Readonly<Record<Peer, string>> = { admin: 'admin', 'private-network': 'internal', internet: 'public' };

/**
 * Props for {@link GcpVmPlatform}. Besides the generic rules, the environment passes
 * lib/config/clouds/gcp.ts (GCP labels and resource names). User data goes into the instance
 * metadata key `user-data` (at most 256 KiB; read by cloud-init's GCE datasource).
 */
export type GcpVmPlatformProps = VmPlatformProps;

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

/** What the GCP steps hand each other. */
interface GcpParts {
  /** Self links, one token each for every user (cdktf records a stack per token). */
  readonly network: { readonly networkSelfLink: string; readonly subnetSelfLink: string };
  readonly firewall: undefined;
  readonly loadBalancer: PlatformLoadBalancer & { readonly address: ComputeAddress };
  readonly server: ComputeInstance;
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
export class GcpVmPlatform extends VmPlatformBase<GcpParts> {
  constructor(scope: Construct, id: string, props: GcpVmPlatformProps) {
    super(scope, id, props, GCP);
  }

  protected createProvider(): void {
    const project = new TerraformVariable(this, 'gcp_project', {
      type: 'string',
      description: 'Google Cloud project id the region is deployed into.',
    });
    project.overrideLogicalId('gcp_project');
    const credentials = providerFallbackVariable(this, 'gcp_credentials', {
      sensitive: true,
      description: 'Service account key JSON (or a path to it). Leave unset to use GOOGLE_CREDENTIALS, GOOGLE_APPLICATION_CREDENTIALS or gcloud application-default credentials.',
    });
    new GoogleProvider(this, 'provider', { project: project.stringValue, region: this.environment.region, credentials: credentials.stringValue });
  }

  /** A custom-mode network, one regional subnetwork, and Cloud NAT for nodes without external IPs. */
  protected createNetwork(): GcpParts['network'] {
    const env = this.environment;
    this.checkNames();
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
    return { networkSelfLink: network.selfLink, subnetSelfLink: subnet.selfLink };
  }

  /** One firewall rule per allowed flow ({@link planFirewalls}); servers are selected by network tag. */
  protected createFirewall(network: GcpParts['network']): undefined {
    for (const rule of planFirewalls(this.environment, this.tag('node'), this.tag('server'))) {
      new ComputeFirewall(this, rule.id, {
        name: rule.name,
        description: rule.description,
        network: network.networkSelfLink,
        direction: 'INGRESS',
        allow: [{ protocol: rule.protocol, ports: [...rule.ports] }],
        sourceRanges: [...rule.sourceRanges],
        targetTags: [rule.targetTag],
      });
    }
    return undefined;
  }

  /** The load balancer's static address; the rest of it comes after the servers ({@link connectLoadBalancer}). */
  protected createLoadBalancer(): GcpParts['loadBalancer'] {
    const env = this.environment;
    const address = new ComputeAddress(this, 'load-balancer-address', {
      name: env.name,
      region: env.region,
      addressType: 'EXTERNAL',
      networkTier: 'PREMIUM',
      labels: this.labels,
    });
    return { ipv4: address.address, apiHost: address.address, apiAddresses: [{ value: address.address, maxLength: IPV4_MAX_LENGTH }], address };
  }

  protected createServer(server: PlannedServer, { network, userData }: ServerContext<GcpParts>): ComputeInstance {
    const env = this.environment;
    const metadata: Record<string, string> = { 'block-project-ssh-keys': 'true' };
    if (env.sshPublicKeys.length > 0) metadata['ssh-keys'] = env.sshPublicKeys.map((key) => `${GCP_SSH_USER}:${key}`).join('\n');
    if (userData !== undefined) metadata['user-data'] = userData;
    return new ComputeInstance(this, server.id, {
      name: server.name,
      zone: server.zone,
      machineType: server.pool.instanceType,
      labels: { ...this.labels, ...server.pool.labels, pool: server.pool.name, role: server.role },
      tags: server.role === 'server' ? [this.tag('node'), this.tag('server')] : [this.tag('node')],
      metadata,
      bootDisk: { autoDelete: true, initializeParams: { image: env.image === 'ubuntu-24.04' ? GCP_UBUNTU_2404_IMAGE : env.image, size: GCP_BOOT_DISK_GB, type: 'pd-balanced', labels: this.labels } },
      networkInterface: [{ subnetwork: network.subnetSelfLink, networkIp: server.privateIp }],
      shieldedInstanceConfig: { enableSecureBoot: true, enableVtpm: true, enableIntegrityMonitoring: true },
      // Lets a machine type change stop and start the server instead of failing the apply.
      allowStoppingForUpdate: true,
    });
  }

  /**
   * Instance groups, then per load-balanced port a health check, a backend service and a forwarding
   * rule. A VM may belong to only one load-balanced instance group, so groups are per role and
   * zone: the API backend uses the server groups, HTTP(S) backends use server and agent groups.
   */
  protected connectLoadBalancer(loadBalancer: GcpParts['loadBalancer'], servers: readonly BuiltServer<GcpParts>[], network: GcpParts['network']): void {
    const env = this.environment;
    const groups = { server: [] as ComputeInstanceGroup[], agent: [] as ComputeInstanceGroup[] };
    for (const role of ['server', 'agent'] as const) {
      for (const zone of env.zones) {
        const members = servers.filter((s) => s.planned.role === role && s.planned.zone === zone);
        if (members.length === 0) continue;
        groups[role].push(
          new ComputeInstanceGroup(this, `${role}s-${zone}`, {
            name: this.groupName(role, zone),
            zone,
            network: network.networkSelfLink,
            instances: members.map((member) => member.resource.selfLink),
          }),
        );
      }
    }
    for (const service of LOAD_BALANCED_PORTS) {
      const name = `${env.name}-${service.name}`;
      const healthCheck = new ComputeRegionHealthCheck(this, `health-check-${service.name}`, {
        name,
        region: env.region,
        tcpHealthCheck: { port: service.port },
        checkIntervalSec: 10,
        timeoutSec: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      });
      const backendGroups = service.targets === 'servers' ? groups.server : [...groups.server, ...groups.agent];
      const backendService = new ComputeRegionBackendService(this, `backend-${service.name}`, {
        name,
        region: env.region,
        protocol: 'TCP',
        loadBalancingScheme: 'EXTERNAL',
        healthChecks: [healthCheck.id],
        backend: backendGroups.map((group) => ({ group: group.selfLink, balancingMode: 'CONNECTION' })),
      });
      new ComputeForwardingRule(this, `forwarding-rule-${service.name}`, {
        name,
        region: env.region,
        ipAddress: loadBalancer.address.address,
        ipProtocol: 'TCP',
        portRange: `${service.port}`,
        loadBalancingScheme: 'EXTERNAL',
        networkTier: 'PREMIUM',
        backendService: backendService.id,
        labels: this.labels,
      });
    }
  }

  /** Nodes have no external address: SSH goes through a VPN, peering or IAP into the network. */
  protected sshTarget(first: BuiltServer<GcpParts>): SshTarget {
    return { user: GCP_SSH_USER, host: first.planned.privateIp, private: true };
  }

  /** Labels of every resource: the environment's, plus `environment`. */
  private get labels(): Record<string, string> {
    return { ...this.environment.labels, environment: this.environment.name };
  }

  /** Network tag of all nodes (`node`) or of the control-plane servers (`server`). */
  private tag(role: 'node' | 'server'): string {
    return `${this.environment.name}-${role}`;
  }

  private groupName(role: 'server' | 'agent', zone: string): string {
    return `${this.environment.name}-${role}s-${zoneSuffix(this.environment.region, zone)}`;
  }

  /** Every name this platform creates matches GCP's rule (lib/config/clouds/gcp.ts checks the same from the limits). */
  private checkNames(): void {
    const env = this.environment;
    const names = [
      ...this.servers.map((s) => s.name),
      ...planFirewalls(env, this.tag('node'), this.tag('server')).map((f) => f.name),
      ...env.zones.flatMap((zone) => [this.groupName('server', zone), this.groupName('agent', zone)]),
      ...LOAD_BALANCED_PORTS.map((p) => `${env.name}-${p.name}`),
    ];
    const bad = names.find((n) => !GCP_NAME.test(n));
    if (bad !== undefined) throw gcpNameError(env, bad);
  }
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
