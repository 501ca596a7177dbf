import { Fn, TerraformLocal, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError, ConfigErrors } from '../../lib/config/errors';
import { CloudProvider, EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
import { planAddresses } from '../../lib/common/address-plan';
import { ApiAddress, NodeBootstrap, ServerIdentity, SshTarget, UserDataLimit, VmPlatform } from './vm-platform';

/** Props of every cloud's platform: `new XxxVmPlatform(scope, id, props)`. */
export interface VmPlatformProps {
  /** The validated region environment (its provider must be the platform's cloud). */
  readonly environment: EnvironmentSpec;
  /**
   * First-boot configuration of every server (cloud-init user data), encoded as the cloud's
   * {@link CloudTraits.userDataLimit} says. Changing it replaces the server.
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

/** What a cloud states about itself; each cloud file passes one to {@link VmPlatformBase}. */
export interface CloudTraits {
  /** The `provider` value of environments this platform builds. */
  readonly provider: CloudProvider;
  /** How the cloud takes user data and how much; the bootstrap is told, the base encodes. */
  readonly userDataLimit: UserDataLimit;
  /**
   * The cloud's input checks: the same pure function the config loader runs for this provider
   * (lib/config/clouds/), so `sovereign validate` reports them before any construct exists. The
   * platform runs it again, so a platform built from an unchecked model fails the same way.
   */
  readonly check: (environment: EnvironmentSpec) => readonly ConfigError[];
  /**
   * The server resource's attributes that carry its user data (OpenTofu names, e.g. `user_data`,
   * `metadata["user-data"]`). The base adds them to the server's `lifecycle.ignore_changes`: a
   * changed user data never replaces (or restarts) a server on apply; it reaches an existing node
   * only through `sovereign replace-node`, one server at a time.
   */
  readonly userDataAttributes: readonly string[];
}

/** Where one server goes: its static private IPv4 and its zone. */
export interface ServerPlacement {
  readonly privateIp: string;
  readonly zone: string;
}

/** One server as the base plans it, before the cloud creates it. */
export interface PlannedServer {
  /** The pool it belongs to. */
  readonly pool: NodePoolSpec;
  /** K3s role: the control-plane pool runs servers, every other pool agents. */
  readonly role: 'server' | 'agent';
  /** Index within its pool (0-based). */
  readonly index: number;
  /** Name at the cloud and node name: `<environment>-<pool>-<index>`. */
  readonly name: string;
  /** Construct id of the server resource: `<pool>-<index>` (API: a new id replaces the server). */
  readonly id: string;
  /** Static private IPv4. */
  readonly privateIp: string;
  /** Zone (or location) it runs in. */
  readonly zone: string;
}

/** What a cloud's load balancer tells the base. */
export interface PlatformLoadBalancer {
  /** Public IPv4 (a token). */
  readonly ipv4: string;
  /** Public IPv6, where the cloud offers one. */
  readonly ipv6?: string;
  /** Host part of the API endpoint `https://<apiHost>:6443`. */
  readonly apiHost: string;
  /** Every address clients use to reach the API (they go into the server certificate). */
  readonly apiAddresses: readonly ApiAddress[];
}

/**
 * The types a cloud's steps hand each other: whatever createNetwork returns is given to the later
 * steps, and so on. Carry state in these, not in fields of the subclass: the steps run inside the
 * base constructor, before a subclass's field initializers.
 */
export interface CloudParts {
  readonly network: unknown;
  readonly firewall: unknown;
  readonly loadBalancer: PlatformLoadBalancer;
  readonly server: TerraformResource;
}

/** What {@link VmPlatformBase.createServer} receives besides the planned server. */
export interface ServerContext<P extends CloudParts> {
  readonly network: P['network'];
  readonly firewall: P['firewall'];
  readonly loadBalancer: P['loadBalancer'];
  /**
   * The server's user data encoded as the cloud takes it: the text for `plain`, an OpenTofu
   * expression of its base64 gzip for `gzip`; undefined without a bootstrap.
   */
  readonly userData?: string;
}

/** A created server: the plan and the cloud's resource. */
export interface BuiltServer<P extends CloudParts> {
  readonly planned: PlannedServer;
  readonly resource: P['server'];
}

/**
 * The part of provider-vm every cloud shares. The constructor checks the environment (the cloud's
 * {@link CloudTraits.check}), plans every server (names `<environment>-<pool>-<index>`, roles,
 * static private IPs, zones), then calls the cloud's steps in this order:
 * `createProvider`, `createNetwork`, `createFirewall`, `createLoadBalancer`, `createServer` once per
 * server (control plane first, then each agent pool; user data already asked from the bootstrap
 * and encoded), `connectLoadBalancer`; and finally sets the {@link VmPlatform} outputs.
 *
 * A new cloud is one subclass in `provider-vm/<cloud>.ts` (its bindings are imported only there)
 * plus one line in create-vm-platform.ts.
 */
export abstract class VmPlatformBase<P extends CloudParts> extends Construct implements VmPlatform {
  /** The environment this platform builds. */
  public readonly environment: EnvironmentSpec;
  /** What the cloud stated about itself. */
  public readonly cloud: CloudTraits;
  /** Every server, in creation order. */
  public readonly servers: readonly PlannedServer[];
  public readonly userDataLimit: UserDataLimit;
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  public readonly loadBalancerIpv4: string;
  public readonly loadBalancerIpv6?: string;
  public readonly apiEndpoint: string;
  public readonly apiAddresses: readonly ApiAddress[];
  public readonly firstServerSsh: SshTarget;

  protected constructor(scope: Construct, id: string, props: VmPlatformProps, cloud: CloudTraits) {
    super(scope, id);
    const env = props.environment;
    if (env.provider !== cloud.provider) {
      throw new Error(`${env.file}: ${new.target.name} needs provider "${cloud.provider}", got "${env.provider}"`);
    }
    const problems = cloud.check(env);
    if (problems.length > 0) throw problems.length === 1 ? problems[0] : new ConfigErrors(problems);
    this.environment = env;
    this.cloud = cloud;
    this.userDataLimit = cloud.userDataLimit;
    this.servers = this.planServers();
    this.controlPlanePrivateIps = this.ipsOf(env.controlPlane);
    this.agentPrivateIps = Object.fromEntries(env.agentPools.map((pool) => [pool.name, this.ipsOf(pool)]));
    this.privateNetworkCidr = env.network.cidr;

    this.createProvider();
    const network = this.createNetwork();
    const firewall = this.createFirewall(network);
    const loadBalancer = this.createLoadBalancer(network, firewall);
    // A plain loop, not a callback: cdktf records the full stack of every token created below.
    const built: BuiltServer<P>[] = [];
    for (const planned of this.servers) {
      const userData = this.userDataOf(planned, loadBalancer.apiAddresses, props.bootstrap);
      const resource = this.createServer(planned, { network, firewall, loadBalancer, userData });
      ignoreUserDataChanges(resource, cloud.userDataAttributes);
      built.push({ planned, resource });
    }
    this.connectLoadBalancer(loadBalancer, built, network);

    this.loadBalancerIpv4 = loadBalancer.ipv4;
    this.loadBalancerIpv6 = loadBalancer.ipv6;
    this.apiEndpoint = `https://${loadBalancer.apiHost}:6443`;
    this.apiAddresses = loadBalancer.apiAddresses;
    this.firstServerSsh = this.sshTarget(built[0]);
  }

  /** The provider block and the variables its credentials come from. */
  protected abstract createProvider(): void;
  /** The private network (and whatever the servers need from it: subnets, routes, NAT). */
  protected abstract createNetwork(): P['network'];
  /** The firewall of the nodes (rules from firewall-rules.ts). */
  protected abstract createFirewall(network: P['network']): P['firewall'];
  /** The load balancer and its public addresses; created before the servers, whose user data names them. */
  protected abstract createLoadBalancer(network: P['network'], firewall: P['firewall']): P['loadBalancer'];
  /** One server, with construct id `server.id` and name `server.name`. */
  protected abstract createServer(server: PlannedServer, context: ServerContext<P>): P['server'];
  /** How an operator reaches the first control-plane server over SSH. */
  protected abstract sshTarget(first: BuiltServer<P>): SshTarget;

  /**
   * Registers the servers with the load balancer, for clouds that do it per server after creating
   * them (target groups, instance groups).
   * @default - nothing (the load balancer finds its targets by label or by membership set on the server)
   */
  protected connectLoadBalancer(_loadBalancer: P['loadBalancer'], _servers: readonly BuiltServer<P>[], _network: P['network']): void {}

  /**
   * Each pool's servers' addresses and zones, by pool name, in index order.
   * @default - one subnet (`network.subnetCidr`) planned with {@link planAddresses}; server i in zone i mod zones
   */
  protected placeServers(): Record<string, readonly ServerPlacement[]> {
    const env = this.environment;
    const addresses = planAddresses(env.network.subnetCidr, [env.controlPlane, ...env.agentPools]);
    return Object.fromEntries(
      Object.entries(addresses).map(([pool, ips]) => [pool, ips.map((privateIp, i) => ({ privateIp, zone: env.zones[i % env.zones.length] }))]),
    );
  }

  /** The environment's pools, control plane first. */
  protected get pools(): readonly NodePoolSpec[] {
    return [this.environment.controlPlane, ...this.environment.agentPools];
  }

  private planServers(): PlannedServer[] {
    const env = this.environment;
    const placements = this.placeServers();
    return this.pools.flatMap((pool) =>
      placements[pool.name].map((placement, index) => ({
        pool,
        role: pool === env.controlPlane ? ('server' as const) : ('agent' as const),
        index,
        name: `${env.name}-${pool.name}-${index}`,
        id: `${pool.name}-${index}`,
        privateIp: placement.privateIp,
        zone: placement.zone,
      })),
    );
  }

  private ipsOf(pool: NodePoolSpec): string[] {
    return this.servers.filter((server) => server.pool === pool).map((server) => server.privateIp);
  }

  /** Asks the bootstrap for the server's user data (telling it the cloud's limit) and encodes it. */
  private userDataOf(server: PlannedServer, apiAddresses: readonly ApiAddress[], bootstrap: NodeBootstrap | undefined): string | undefined {
    if (!bootstrap) return undefined;
    const identity: ServerIdentity = {
      pool: server.pool.name,
      role: server.role,
      index: server.index,
      name: server.name,
      privateIp: server.privateIp,
      zone: server.zone,
      controlPlanePrivateIps: this.controlPlanePrivateIps,
      apiAddresses,
    };
    const text = bootstrap.userData(identity, this.userDataLimit);
    if (this.userDataLimit.encoding === 'plain') return text;
    // A local value is a string template (references resolve, `$${` stays literal); base64gzip reads it.
    return Fn.base64gzip(new TerraformLocal(this, `${server.id}-user-data`, text).asString);
  }
}

/** Adds `attributes` to the resource's `lifecycle.ignore_changes`, keeping what the cloud set. */
function ignoreUserDataChanges(resource: TerraformResource, attributes: readonly string[]): void {
  const current = resource.lifecycle?.ignoreChanges;
  if (current === 'all') return;
  resource.lifecycle = { ...resource.lifecycle, ignoreChanges: [...(current ?? []), ...attributes.filter((a) => !(current ?? []).includes(a))] };
}
