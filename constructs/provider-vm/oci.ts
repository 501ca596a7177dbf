import { Construct } from 'constructs';
import { CLOUD_CHECKS } from '../../lib/config/clouds';
import { ociLoadBalancerSubnet, OCI_UBUNTU_IMAGE, OCI_USER_DATA_MAX_BYTES } from '../../lib/config/clouds/oci';
// Deep imports only, as for every cloud: each binding is one module.
import { OciProvider } from '../../providers/oci/provider';
import { CoreDefaultSecurityList } from '../../providers/oci/core-default-security-list';
import { CoreInstance } from '../../providers/oci/core-instance';
import { CoreInternetGateway } from '../../providers/oci/core-internet-gateway';
import { CoreNatGateway } from '../../providers/oci/core-nat-gateway';
import { CoreNetworkSecurityGroup } from '../../providers/oci/core-network-security-group';
import { CoreNetworkSecurityGroupSecurityRule } from '../../providers/oci/core-network-security-group-security-rule';
import { CorePublicIp } from '../../providers/oci/core-public-ip';
import { CoreRouteTable } from '../../providers/oci/core-route-table';
import { CoreSubnet } from '../../providers/oci/core-subnet';
import { CoreVcn } from '../../providers/oci/core-vcn';
import { DataOciCoreImages } from '../../providers/oci/data-oci-core-images';
import { DataOciIdentityAvailabilityDomains } from '../../providers/oci/data-oci-identity-availability-domains';
import { NetworkLoadBalancerBackend } from '../../providers/oci/network-load-balancer-backend';
import { NetworkLoadBalancerBackendSet } from '../../providers/oci/network-load-balancer-backend-set';
import { NetworkLoadBalancerListener } from '../../providers/oci/network-load-balancer-listener';
import { NetworkLoadBalancerNetworkLoadBalancer } from '../../providers/oci/network-load-balancer-network-load-balancer';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { BuiltServer, CloudTraits, PlannedServer, PlatformLoadBalancer, ServerContext, VmPlatformBase, VmPlatformProps } from './vm-platform-base';
import { IPV4_MAX_LENGTH, SshTarget, UserDataLimit } from './vm-platform';

/**
 * Display names of Canonical's Ubuntu 24.04 platform images on OCI, e.g.
 * `Canonical-Ubuntu-24.04-2025.07.23-0` and `Canonical-Ubuntu-24.04-aarch64-2025.07.23-0`: the
 * regular (not Minimal, not GPU) builds. The shape filter then picks the architecture.
 */
export const OCI_UBUNTU_IMAGE_NAME = '^Canonical-Ubuntu-24\\.04-(aarch64-)?\\d{4}\\.\\d{2}\\.\\d{2}-\\d+$';

/** Login user of Canonical's Ubuntu images (metadata `ssh_authorized_keys` is installed for it). */
export const OCI_UBUNTU_SSH_USER = 'ubuntu';

/** Boot volume size in GB (the image's ~47 GB default, rounded up for container images and logs). */
export const OCI_BOOT_VOLUME_GB = 50;

/** Fault domains of every availability domain. */
export const OCI_FAULT_DOMAINS: readonly string[] = ['FAULT-DOMAIN-1', 'FAULT-DOMAIN-2', 'FAULT-DOMAIN-3'];

/** NSG rule protocols as OCI numbers them (IANA protocol numbers). */
const PROTOCOL_NUMBERS: Readonly<Record<'tcp' | 'udp' | 'icmp', string>> = { tcp: '6', udp: '17', icmp: '1' };

/** How a peer appears in construct ids. */
const PEER_IDS: Readonly<Record<Peer, string>> = { admin: 'admin', 'private-network': 'internal', internet: 'public' };

/**
 * What Oracle's images need before K3s can start: Canonical's Ubuntu images on OCI load iptables
 * rules (`/etc/iptables/rules.v4`, netfilter-persistent) that end INPUT and FORWARD with
 * `REJECT --reject-with icmp-host-prohibited`, which blocks the API, kubelet, etcd, VXLAN and every
 * forwarded pod packet; Oracle Linux images run firewalld. The network security groups are the
 * firewall here, so the first command removes just those two REJECT rules (file and live rules;
 * Oracle's InstanceServices rules, which keep non-root users off the boot volume's iSCSI
 * endpoints, stay), the second stops firewalld where it exists. Both run at every boot from
 * cloud-init's bootcmd, which systemd orders before network-online.target and so before K3s, and
 * both are no-ops on an image without these firewalls.
 */
export const OCI_HOST_FIREWALL_BOOT_COMMANDS: readonly string[] = [
  "if grep -qs -- '-j REJECT --reject-with icmp-host-prohibited' /etc/iptables/rules.v4; then sed -i -e '/-j REJECT --reject-with icmp-host-prohibited/d' /etc/iptables/rules.v4 && iptables-restore /etc/iptables/rules.v4; fi",
  'if systemctl is-enabled --quiet firewalld 2>/dev/null; then systemctl disable --now firewalld; fi',
];

/**
 * OCI allows 32,000 bytes of instance metadata in all; `user_data` is base64 of gzip next to the
 * SSH keys, which the config layer holds to 7,900 bytes (lib/config/clouds/oci.ts).
 */
export const OCI_USER_DATA_LIMIT: UserDataLimit = {
  maxBytes: OCI_USER_DATA_MAX_BYTES,
  encoding: 'gzip',
  documented: '32,000 bytes of instance metadata, of which 24,000 base64 characters (18,000 bytes gzip-compressed) for user_data',
};

/** What OCI states to the base. */
const OCI: CloudTraits = { provider: 'oci', userDataLimit: OCI_USER_DATA_LIMIT, check: CLOUD_CHECKS.oci, userDataAttributes: ['metadata["user_data"]'], bootCommands: OCI_HOST_FIREWALL_BOOT_COMMANDS };

/** Props for {@link OciVmPlatform} (user data goes gzip-compressed and base64-encoded into metadata `user_data`). */
export type OciVmPlatformProps = VmPlatformProps;

/** What the OCI steps hand each other. */
interface OciParts {
  readonly network: {
    readonly compartmentId: string;
    readonly tags: Readonly<Record<string, string>>;
    readonly vcn: CoreVcn;
    readonly natGateway: CoreNatGateway;
    /** The node subnet's id (one token for every server: cdktf records a stack per token). */
    readonly nodeSubnetId: string;
    readonly loadBalancerSubnet: CoreSubnet;
    /** Availability domain names by zone and image ids by shape, filled as servers need them. */
    readonly availabilityDomains: Map<string, string>;
    readonly images: Map<string, string>;
  };
  /** The node security group's id. */
  readonly firewall: string;
  readonly loadBalancer: PlatformLoadBalancer & { readonly backendSets: ReadonlyMap<string, NetworkLoadBalancerBackendSet> };
  readonly server: CoreInstance;
}

/**
 * provider-vm on Oracle Cloud (OCI): a VCN with a private regional subnet for the nodes (no public
 * IPs allowed, outbound through a NAT gateway) and a public regional subnet for the load balancer
 * (internet gateway), one network security group for the nodes and one for the load balancer with
 * the rules of firewall-rules.ts, servers on flexible shapes with static private IPs spread over
 * the region's availability domains and, within each, over its three fault domains, and a public
 * network load balancer on a reserved public IPv4 (API 6443 to the servers, HTTP 80 and HTTPS 443
 * to every node, TCP health checks on the node ports).
 *
 * Credentials: API-key authentication from the variables `oci_tenancy_ocid`, `oci_user_ocid`,
 * `oci_fingerprint`, `oci_private_key_path` and the sensitive `oci_private_key`; each may stay
 * unset, and the provider then reads its own environment (`TF_VAR_tenancy_ocid` or
 * `OCI_TENANCY_OCID`, and so on) or `~/.oci/config`.
 *
 * The load balancer connects to backends from its own private address (`is_preserve_source =
 * false`), so nodes only ever admit the private network and the admin CIDRs; the load balancer's
 * own security group admits the API from the private network and the admin CIDRs only, HTTP(S)
 * from anyone. The VCN's default security list is managed down to OCI's path-MTU ICMP rules, so
 * the security groups are the whole policy. Oracle's images carry a host firewall of their own;
 * servers open it at boot ({@link OCI_HOST_FIREWALL_BOOT_COMMANDS}).
 *
 * Availability domain names carry a tenancy prefix (`Uocm:EU-FRANKFURT-1-AD-1`), so each one is
 * read from `oci_identity_availability_domains`, filtered by its `-AD-n` suffix rather than by list
 * position (the provider warns that the order may change).
 *
 * Replacements: changing a server's user data or SSH keys would replace it (the provider forces
 * it), so instances ignore later changes to both; the Ubuntu image is looked up at plan time and a
 * newer one is ignored too (a changed `source_id` would swap the boot volume in place). A server
 * gets a new image, keys or user data only when it is replaced on purpose (`tofu apply -replace`).
 */
export class OciVmPlatform extends VmPlatformBase<OciParts> {
  constructor(scope: Construct, id: string, props: OciVmPlatformProps) {
    super(scope, id, props, OCI);
  }

  /** The oci provider with API-key credentials from variables, each falling back to the provider's environment. */
  protected createProvider(): void {
    const variable = (name: string, description: string, sensitive = false) => providerFallbackVariable(this, name, { sensitive, description }).stringValue;
    new OciProvider(this, 'provider', {
      region: this.environment.region,
      tenancyOcid: variable('oci_tenancy_ocid', 'OCID of the tenancy (API-key authentication). Leave unset to use TF_VAR_tenancy_ocid, OCI_TENANCY_OCID or ~/.oci/config.'),
      userOcid: variable('oci_user_ocid', 'OCID of the user the API key belongs to. Leave unset to use TF_VAR_user_ocid, OCI_USER_OCID or ~/.oci/config.'),
      fingerprint: variable('oci_fingerprint', 'Fingerprint of the API signing key. Leave unset to use TF_VAR_fingerprint, OCI_FINGERPRINT or ~/.oci/config.'),
      privateKeyPath: variable('oci_private_key_path', 'Path to the PEM API signing key. Leave unset to use oci_private_key, TF_VAR_private_key_path, OCI_PRIVATE_KEY_PATH or ~/.oci/config.'),
      privateKey: variable('oci_private_key', 'The PEM API signing key itself (instead of a path). Leave unset to use TF_VAR_private_key or OCI_PRIVATE_KEY.', true),
    });
  }

  /** VCN, the VCN's default security list closed, gateways, route tables and the two subnets. */
  protected createNetwork(): OciParts['network'] {
    const env = this.environment;
    const compartmentId = (env.oci as { compartmentId: string }).compartmentId;
    const tags = { ...env.labels, environment: env.name };
    const base = { compartmentId, freeformTags: tags };
    const vcn = new CoreVcn(this, 'vcn', { ...base, cidrBlocks: [env.network.cidr], displayName: env.name });
    // Subnets without their own list use the VCN's default one, which OCI creates with SSH open to
    // 0.0.0.0/0; managed here it keeps only OCI's path-MTU discovery rules, and the network security
    // groups are the whole policy.
    new CoreDefaultSecurityList(this, 'default-security-list', {
      manageDefaultResourceId: vcn.defaultSecurityListId,
      displayName: `${env.name}-default`,
      freeformTags: tags,
      ingressSecurityRules: [
        { description: 'Path MTU discovery', protocol: PROTOCOL_NUMBERS.icmp, source: '0.0.0.0/0', icmpOptions: { type: 3, code: 4 } },
        { description: 'Destination unreachable inside the VCN', protocol: PROTOCOL_NUMBERS.icmp, source: env.network.cidr, icmpOptions: { type: 3 } },
      ],
    });
    const internetGateway = new CoreInternetGateway(this, 'internet-gateway', { ...base, vcnId: vcn.id, enabled: true, displayName: env.name });
    const natGateway = new CoreNatGateway(this, 'nat-gateway', { ...base, vcnId: vcn.id, blockTraffic: false, displayName: env.name });
    const route = (id: string, entity: string, description: string) =>
      new CoreRouteTable(this, id, {
        ...base,
        vcnId: vcn.id,
        displayName: `${env.name}-${id}`,
        routeRules: [{ destination: '0.0.0.0/0', destinationType: 'CIDR_BLOCK', networkEntityId: entity, description }],
      });
    const subnet = (id: string, cidrBlock: string, name: string, routes: CoreRouteTable, isPublic: boolean) =>
      new CoreSubnet(this, id, {
        ...base,
        vcnId: vcn.id,
        cidrBlock,
        displayName: `${env.name}-${name}`,
        // Both force replacement: fixed at creation, never changed.
        prohibitPublicIpOnVnic: !isPublic,
        prohibitInternetIngress: !isPublic,
        routeTableId: routes.id,
        securityListIds: [vcn.defaultSecurityListId],
      });
    const nodeSubnet = subnet('subnet', env.network.subnetCidr, 'nodes', route('private-routes', natGateway.id, 'Outbound internet through the NAT gateway (nodes)'), false);
    const publicRoutes = route('public-routes', internetGateway.id, 'Internet through the internet gateway (load balancer)');
    const loadBalancerSubnet = subnet('load-balancer-subnet', ociLoadBalancerSubnet(env) as string, 'load-balancer', publicRoutes, true);
    return { compartmentId, tags, vcn, natGateway, nodeSubnetId: nodeSubnet.id, loadBalancerSubnet, availabilityDomains: new Map(), images: new Map() };
  }

  /** The nodes' security group: the node rules of firewall-rules.ts, and every outbound flow. */
  protected createFirewall(network: OciParts['network']): string {
    const group = this.securityGroup('firewall', 'nodes', network);
    this.ingressRules('firewall', group, nodeIngressRules(this.environment));
    new CoreNetworkSecurityGroupSecurityRule(this, 'firewall-egress', {
      networkSecurityGroupId: group.id,
      direction: 'EGRESS',
      description: 'Outbound: package mirrors, container registries, other nodes',
      protocol: 'all',
      destination: '0.0.0.0/0',
      destinationType: 'CIDR_BLOCK',
    });
    return group.id;
  }

  /**
   * The network load balancer in the public subnet on a reserved public IPv4, with its security
   * group (client rules of firewall-rules.ts; out only to the nodes on the forwarded ports), and one
   * backend set with a TCP health check and one listener per forwarded port.
   */
  protected createLoadBalancer(network: OciParts['network']): OciParts['loadBalancer'] {
    const env = this.environment;
    const group = this.securityGroup('load-balancer-firewall', 'load-balancer', network);
    this.ingressRules('load-balancer-firewall', group, loadBalancerIngressRules(env));
    for (const service of LOAD_BALANCED_PORTS) {
      new CoreNetworkSecurityGroupSecurityRule(this, `load-balancer-firewall-egress-${service.name}`, {
        networkSecurityGroupId: group.id,
        direction: 'EGRESS',
        description: `${service.name} to the nodes and health checks`,
        protocol: PROTOCOL_NUMBERS.tcp,
        destination: env.network.cidr,
        destinationType: 'CIDR_BLOCK',
        tcpOptions: { destinationPortRange: { min: service.port, max: service.port } },
      });
    }
    // A reserved address outlives the load balancer, so the API certificate and DNS stay valid if
    // it is ever recreated. Attaching it sets its private_ip_id, which the configuration leaves alone.
    const address = new CorePublicIp(this, 'load-balancer-ip', {
      compartmentId: network.compartmentId,
      lifetime: 'RESERVED',
      displayName: `${env.name}-load-balancer`,
      freeformTags: network.tags,
      lifecycle: { ignoreChanges: ['private_ip_id'] },
    });
    const loadBalancer = new NetworkLoadBalancerNetworkLoadBalancer(this, 'load-balancer', {
      compartmentId: network.compartmentId,
      displayName: env.name,
      subnetId: network.loadBalancerSubnet.id,
      isPrivate: false,
      isPreserveSourceDestination: false,
      nlbIpVersion: 'IPV4',
      networkSecurityGroupIds: [group.id],
      reservedIps: [{ id: address.id }],
      freeformTags: network.tags,
    });
    const backendSets = new Map(LOAD_BALANCED_PORTS.map((service) => [service.name, this.listener(loadBalancer, service)]));
    return { ipv4: address.ipAddress, apiHost: address.ipAddress, apiAddresses: [{ value: address.ipAddress, maxLength: IPV4_MAX_LENGTH }], backendSets };
  }

  /** One server: its availability and fault domain, flexible shape, static private IP, image and user data. */
  protected createServer(server: PlannedServer, { network, firewall, userData }: ServerContext<OciParts>): CoreInstance {
    const env = this.environment;
    const metadata: Record<string, string> = {};
    if (env.sshPublicKeys.length > 0) metadata.ssh_authorized_keys = env.sshPublicKeys.join('\n');
    if (userData !== undefined) metadata.user_data = userData;
    const tags = { ...network.tags, ...server.pool.labels, pool: server.pool.name, role: server.role };
    const flex = server.pool.flex as { ocpus: number; memoryGb: number };
    return new CoreInstance(this, server.id, {
      compartmentId: network.compartmentId,
      availabilityDomain: this.availabilityDomain(server.zone, network),
      faultDomain: ociFaultDomain(server.index, env.zones.length),
      displayName: server.name,
      shape: server.pool.instanceType,
      shapeConfig: { ocpus: flex.ocpus, memoryInGbs: flex.memoryGb },
      createVnicDetails: {
        subnetId: network.nodeSubnetId,
        privateIp: server.privateIp,
        // The provider's default is "true": say it, or the VNIC asks for a public IP.
        assignPublicIp: 'false',
        nsgIds: [firewall],
        displayName: server.name,
        freeformTags: tags,
      },
      sourceDetails: { sourceType: 'image', sourceId: this.image(server.pool.instanceType, network), bootVolumeSizeInGbs: `${OCI_BOOT_VOLUME_GB}` },
      metadata,
      // Instance metadata only through the v2 endpoints (with the Authorization header).
      instanceOptions: { areLegacyImdsEndpointsDisabled: true },
      // Boot volume traffic between host and storage encrypted (paravirtualized attachment): the
      // top-level flag is the one LaunchInstance reads, launch_options' the one updates read.
      isPvEncryptionInTransitEnabled: true,
      launchOptions: { isPvEncryptionInTransitEnabled: true },
      agentConfig: { isMonitoringDisabled: false, isManagementDisabled: false },
      availabilityConfig: { recoveryAction: 'RESTORE_INSTANCE' },
      freeformTags: tags,
      // Each of these would replace the server (or swap its boot volume): see the class comment.
      lifecycle: { ignoreChanges: [...OCI_INSTANCE_IGNORED_CHANGES] },
      // Nodes download K3s on first boot: the NAT gateway must exist first.
      dependsOn: [network.natGateway],
    });
  }

  /** One backend per forwarded port and target server, by its static private IP. */
  protected connectLoadBalancer(loadBalancer: OciParts['loadBalancer'], servers: readonly BuiltServer<OciParts>[]): void {
    for (const service of LOAD_BALANCED_PORTS) {
      const backendSet = loadBalancer.backendSets.get(service.name) as NetworkLoadBalancerBackendSet;
      for (const { planned } of servers.filter((s) => service.targets === 'all' || s.planned.role === 'server')) {
        new NetworkLoadBalancerBackend(this, `load-balancer-${service.name}-${planned.id}`, {
          networkLoadBalancerId: backendSet.networkLoadBalancerId,
          backendSetName: backendSet.name,
          ipAddress: planned.privateIp,
          port: service.port,
        });
      }
    }
  }

  /** Nodes have no public address: SSH goes through the OCI Bastion service, a VPN or peering. */
  protected sshTarget(first: BuiltServer<OciParts>): SshTarget {
    return { user: OCI_UBUNTU_SSH_USER, host: first.planned.privateIp, private: true };
  }

  /** A backend set with a TCP health check on the node port, and the listener that uses it. */
  private listener(loadBalancer: NetworkLoadBalancerNetworkLoadBalancer, service: (typeof LOAD_BALANCED_PORTS)[number]): NetworkLoadBalancerBackendSet {
    const backendSet = new NetworkLoadBalancerBackendSet(this, `load-balancer-${service.name}-backends`, {
      networkLoadBalancerId: loadBalancer.id,
      name: service.name,
      policy: 'FIVE_TUPLE',
      // Backends see the load balancer's address, never the client's: nodes admit only the VCN.
      isPreserveSource: false,
      healthChecker: { protocol: 'TCP', port: service.port, intervalInMillis: 10_000, timeoutInMillis: 3_000, retries: 3 },
    });
    new NetworkLoadBalancerListener(this, `load-balancer-${service.name}`, {
      networkLoadBalancerId: loadBalancer.id,
      name: service.name,
      defaultBackendSetName: backendSet.name,
      port: service.port,
      protocol: 'TCP',
      ipVersion: 'IPV4',
    });
    return backendSet;
  }

  private securityGroup(id: string, name: string, network: OciParts['network']): CoreNetworkSecurityGroup {
    return new CoreNetworkSecurityGroup(this, id, { compartmentId: network.compartmentId, vcnId: network.vcn.id, displayName: `${this.environment.name}-${name}`, freeformTags: network.tags });
  }

  /** The full name of availability domain `AD-n` of this tenancy, read once per domain. */
  private availabilityDomain(zone: string, network: OciParts['network']): string {
    let name = network.availabilityDomains.get(zone);
    if (name === undefined) {
      const domains = new DataOciIdentityAvailabilityDomains(this, `availability-domain-${zone.toLowerCase()}`, {
        compartmentId: network.compartmentId,
        filter: [{ name: 'name', values: [`-${zone}$`], regex: true }],
      });
      name = domains.availabilityDomains.get(0).name;
      network.availabilityDomains.set(zone, name);
    }
    return name;
  }

  /** The image of a shape: the environment's OCID, or the newest Ubuntu 24.04 build for the shape. */
  private image(shape: string, network: OciParts['network']): string {
    if (this.environment.image !== OCI_UBUNTU_IMAGE) return this.environment.image;
    let id = network.images.get(shape);
    if (id === undefined) {
      const images = new DataOciCoreImages(this, `ubuntu-image-${shape.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, {
        compartmentId: network.compartmentId,
        operatingSystem: 'Canonical Ubuntu',
        operatingSystemVersion: '24.04',
        shape,
        state: 'AVAILABLE',
        sortBy: 'TIMECREATED',
        sortOrder: 'DESC',
        filter: [{ name: 'display_name', values: [OCI_UBUNTU_IMAGE_NAME], regex: true }],
      });
      id = images.images.get(0).id;
      network.images.set(shape, id);
    }
    return id;
  }

  /** One security rule per ingress rule and source CIDR. */
  private ingressRules(prefix: string, group: CoreNetworkSecurityGroup, rules: readonly IngressRule[]): void {
    for (const rule of rules) {
      const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
      const range = { destinationPortRange: { min: rule.fromPort, max: rule.toPort } };
      peerCidrs(this.environment, rule.peer).forEach((cidr, i) => {
        new CoreNetworkSecurityGroupSecurityRule(this, `${prefix}-${rule.protocol}-${ports}-${PEER_IDS[rule.peer]}-${i}`, {
          networkSecurityGroupId: group.id,
          direction: 'INGRESS',
          description: rule.description,
          protocol: PROTOCOL_NUMBERS[rule.protocol],
          source: cidr,
          sourceType: 'CIDR_BLOCK',
          ...(rule.protocol === 'tcp' ? { tcpOptions: range } : { udpOptions: range }),
        });
      });
    }
  }
}

/**
 * What instances ignore once created besides their user data (which the base adds from
 * `userDataAttributes`): the SSH keys (the provider forces replacement for both metadata keys) and
 * the image (a newer Ubuntu build from the lookup would swap the boot volume in place).
 */
export const OCI_INSTANCE_IGNORED_CHANGES: readonly string[] = ['metadata["ssh_authorized_keys"]', 'source_details[0].source_id'];

/** Fault domain of server `index` of a pool: the pool's servers go round-robin over the zones, then over the fault domains of each. */
export function ociFaultDomain(index: number, zones: number): string {
  return OCI_FAULT_DOMAINS[Math.floor(index / zones) % OCI_FAULT_DOMAINS.length];
}
