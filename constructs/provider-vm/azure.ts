import { IResolvable, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// Deep imports only: the package root loads all ~1,500 azurerm resource classes (about 3 s and 400 MB).
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Lb } from '@cdktf/provider-azurerm/lib/lb';
import { LbBackendAddressPool } from '@cdktf/provider-azurerm/lib/lb-backend-address-pool';
import { LbProbe } from '@cdktf/provider-azurerm/lib/lb-probe';
import { LbRule } from '@cdktf/provider-azurerm/lib/lb-rule';
import { LinuxVirtualMachine, LinuxVirtualMachineConfig } from '@cdktf/provider-azurerm/lib/linux-virtual-machine';
import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { NatGatewayPublicIpAssociation } from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { NetworkInterfaceBackendAddressPoolAssociation } from '@cdktf/provider-azurerm/lib/network-interface-backend-address-pool-association';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNatGatewayAssociation } from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { CLOUD_CHECKS } from '../../lib/config/clouds';
import { AZURE_ADMIN_USERNAME, azureImageSource } from '../../lib/config/clouds/azure';
import { EnvironmentSpec } from '../../lib/config/model';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { BuiltServer, CloudTraits, PlannedServer, PlatformLoadBalancer, ServerContext, VmPlatformBase, VmPlatformProps } from './vm-platform-base';
import { IPV4_MAX_LENGTH, SshTarget, UserDataLimit } from './vm-platform';

export { AZURE_ADMIN_USERNAME, AZURE_MARKETPLACE_IMAGES } from '../../lib/config/clouds/azure';

/** OS disk size of every server (Premium SSD, P6); the Ubuntu images default to 30 GB, too little for container images. */
export const AZURE_OS_DISK_SIZE_GB = 64;

/** Azure's custom_data may decode to 65,535 bytes; gzip-compressed (cloud-init unpacks it). */
export const AZURE_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 65_535, encoding: 'gzip', documented: '65,535 bytes decoded' };

/** What Azure states to the base. */
const AZURE: CloudTraits = { provider: 'azure', userDataLimit: AZURE_USER_DATA_LIMIT, check: CLOUD_CHECKS.azure, userDataAttributes: ['custom_data'] };

/**
 * Network security rule priorities (lower wins; Azure allows 100–4096 and one rule per priority
 * and direction): the load balancer's health probes and the nodes' own API traffic through the
 * load balancer first, then the rules of firewall-rules.ts in
 * one block per peer (in their order within it, `step` apart), then an explicit deny of everything
 * else. Blocks per peer (room for 20 rules each) keep adding or removing admin CIDRs from
 * renumbering the other rules.
 */
export const AZURE_NSG_PRIORITIES = {
  loadBalancerProbes: 100,
  natGateway: 110,
  peers: { 'private-network': 200, admin: 400, internet: 600 } as Readonly<Record<Peer, number>>,
  step: 10,
  denyAll: 4096,
} as const;

/**
 * Props for {@link AzureVmPlatform}. Besides the generic rules, the environment passes
 * lib/config/clouds/azure.ts: at least one ed25519 or RSA key in `sshPublicKeys` (Azure needs one
 * when password login is disabled), and an `image` that is one of:
 * - a name from {@link AZURE_MARKETPLACE_IMAGES} (`ubuntu-24.04`, `ubuntu-22.04`);
 * - a Marketplace URN `Publisher:Offer:Sku:Version`, e.g. `Canonical:ubuntu-24_04-lts:server:latest`;
 * - an image resource id starting with `/subscriptions/` (an Azure Compute Gallery image
 *   definition or version), passed as `source_image_id`.
 * Every server boots with Trusted Launch, so the image must be a generation 2 image that
 * supports it; managed images (`Microsoft.Compute/images`) do not. User data is gzip-compressed
 * into `custom_data` (at most 65,535 bytes decoded).
 */
export type AzureVmPlatformProps = VmPlatformProps;

/** Where every resource goes. */
interface AzurePlacement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags: Record<string, string>;
}

/** What the Azure steps hand each other. */
interface AzureParts {
  readonly network: AzurePlacement & {
    readonly subnet: Subnet;
    /** The subnet's id, one token for every server (cdktf records a stack per token). */
    readonly subnetId: string;
    readonly natIp: PublicIp;
    readonly natAssociation: SubnetNatGatewayAssociation;
    /** The variable `azure_encryption_at_host`, as a boolean token. */
    readonly encryptionAtHost: IResolvable;
  };
  readonly firewall: SubnetNetworkSecurityGroupAssociation;
  /** `backendPoolIds`: the id of each backend pool. */
  readonly loadBalancer: PlatformLoadBalancer & { readonly backendPoolIds: Record<'servers' | 'all', string> };
  readonly server: LinuxVirtualMachine;
}

/** One network security rule, before it is named and placed. */
interface NsgRule {
  readonly access: 'Allow' | 'Deny';
  readonly protocol: string;
  readonly ports: readonly string[];
  readonly sources: readonly string[];
  readonly description: string;
}

/** Name of the servers' only IP configuration. */
const IP_CONFIGURATION = 'primary';

/**
 * provider-vm on Azure: a resource group named after the environment holding a virtual network and
 * one subnet, a network security group on that subnet, a NAT gateway for outbound traffic (servers
 * have no public IPs and the subnet has no default outbound access), servers with static private
 * IPs spread round-robin over the region's zones, and one zone-redundant Standard load balancer
 * (API 6443 to the control plane, HTTP 80 and HTTPS 443 to every server).
 *
 * The subscription comes from the variable `azure_subscription_id` or, when that is unset, from
 * ARM_SUBSCRIPTION_ID; credentials come only from the provider's standard sources (ARM_CLIENT_ID /
 * ARM_CLIENT_SECRET / ARM_TENANT_ID, OIDC, managed identity or `az login`), never from this
 * configuration.
 *
 * Azure's load balancer cannot filter clients and passes their addresses through, so the network
 * security group enforces what firewall-rules.ts allows on nodes and on the load balancer: the API
 * (6443) and SSH only from admin CIDRs and the private network, HTTP(S) from the internet, and the
 * Azure load balancer's health probes. Nodes that call the API through the load balancer's public
 * address arrive from the NAT gateway's address, which is allowed to 6443 too. An explicit deny at
 * the lowest priority replaces Azure's default "allow everything inside the virtual network", so
 * the node-to-node rules are enforced, as on AWS. SSH from the admin CIDRs needs a way into the
 * virtual network (VPN, peering, Azure Bastion): servers have no public addresses and the load
 * balancer does not forward port 22. Rule priorities follow the rule order within each peer's block
 * ({@link AZURE_NSG_PRIORITIES}); inserting a rule in firewall-rules.ts renumbers the later ones of
 * its peer, and as Azure refuses two rules with one priority, such an apply may need repeating once.
 *
 * Servers get host encryption (`encryption_at_host_enabled`) unless the variable
 * `azure_encryption_at_host` is set to false: it needs the subscription feature
 * `Microsoft.Compute/EncryptionAtHost` registered once
 * (`az feature register --namespace Microsoft.Compute --name EncryptionAtHost`). Without it, disks
 * are still encrypted at rest by Azure; host caches are not.
 *
 * The NAT gateway lives in the region's first zone (Standard NAT gateways are zonal): if that zone
 * fails, servers lose outbound internet access while inbound traffic through the zone-redundant
 * load balancer continues. No IPv6: the load balancer has an IPv4 frontend only.
 */
export class AzureVmPlatform extends VmPlatformBase<AzureParts> {
  constructor(scope: Construct, id: string, props: AzureVmPlatformProps) {
    super(scope, id, props, AZURE);
  }

  protected createProvider(): void {
    const subscription = providerFallbackVariable(this, 'azure_subscription_id', {
      sensitive: false,
      description: 'Azure subscription to deploy into. Leave unset to use the ARM_SUBSCRIPTION_ID environment variable.',
    });
    new AzurermProvider(this, 'provider', { features: [{}], subscriptionId: subscription.stringValue });
  }

  /** Resource group, virtual network, subnet, and the NAT gateway for outbound traffic (servers have no public IPs). */
  protected createNetwork(): AzureParts['network'] {
    const env = this.environment;
    const tags = { ...env.labels, environment: env.name };
    const location = env.region;
    const resourceGroupName = new ResourceGroup(this, 'resource-group', { name: env.name, location, tags }).name;
    const network = new VirtualNetwork(this, 'network', { name: env.name, resourceGroupName, location, addressSpace: [env.network.cidr], tags });
    const subnet = new Subnet(this, 'subnet', {
      name: 'nodes',
      resourceGroupName,
      virtualNetworkName: network.name,
      addressPrefixes: [env.network.subnetCidr],
      // Outbound traffic goes through the NAT gateway only, never Azure's implicit default access.
      defaultOutboundAccessEnabled: false,
    });
    const natZone = env.zones[0];
    const natIp = new PublicIp(this, 'nat-ip', {
      name: `${env.name}-nat`,
      resourceGroupName,
      location,
      sku: 'Standard',
      allocationMethod: 'Static',
      ipVersion: 'IPv4',
      zones: [natZone],
      tags,
    });
    const natGateway = new NatGateway(this, 'nat-gateway', { name: env.name, resourceGroupName, location, skuName: 'Standard', zones: [natZone], tags });
    const natIpAssociation = new NatGatewayPublicIpAssociation(this, 'nat-gateway-ip', { natGatewayId: natGateway.id, publicIpAddressId: natIp.id });
    const natAssociation = new SubnetNatGatewayAssociation(this, 'nat-gateway-subnet', {
      subnetId: subnet.id,
      natGatewayId: natGateway.id,
      dependsOn: [natIpAssociation],
    });
    return { resourceGroupName, location, tags, subnet, subnetId: subnet.id, natIp, natAssociation, encryptionAtHost: this.encryptionAtHost().booleanValue };
  }

  /** The subnet's network security group: probes, nodes via NAT, firewall-rules.ts per peer, deny the rest. */
  protected createFirewall(network: AzureParts['network']): SubnetNetworkSecurityGroupAssociation {
    const env = this.environment;
    const { resourceGroupName, location, tags } = network;
    const securityGroup = new NetworkSecurityGroup(this, 'security-group', { name: env.name, resourceGroupName, location, tags });
    const rule = (ruleId: string, priority: number, config: NsgRule) => this.securityRule(securityGroup, network, ruleId, priority, config);
    const rules = [
      rule('load-balancer-probes', AZURE_NSG_PRIORITIES.loadBalancerProbes, {
        access: 'Allow',
        protocol: 'Tcp',
        ports: LOAD_BALANCED_PORTS.map((p) => `${p.port}`),
        sources: ['AzureLoadBalancer'],
        description: 'Health probes of the Azure load balancer',
      }),
      rule('tcp-6443-nat-gateway', AZURE_NSG_PRIORITIES.natGateway, {
        access: 'Allow',
        protocol: 'Tcp',
        ports: ['6443'],
        sources: [network.natIp.ipAddress],
        description: 'Kubernetes API from nodes through the load balancer (they reach it from the NAT gateway address)',
      }),
      ...azureIngressRules(env).map(({ rule: r, indexInPeer }) =>
        rule(ruleName(r), AZURE_NSG_PRIORITIES.peers[r.peer] + indexInPeer * AZURE_NSG_PRIORITIES.step, {
          access: 'Allow',
          protocol: r.protocol === 'tcp' ? 'Tcp' : 'Udp',
          ports: [r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}-${r.toPort}`],
          sources: azurePeerPrefixes(env, r.peer),
          description: r.description,
        }),
      ),
      rule('deny-all', AZURE_NSG_PRIORITIES.denyAll, { access: 'Deny', protocol: '*', ports: ['*'], sources: ['*'], description: 'Everything not allowed above, including the rest of the virtual network' }),
    ];
    return new SubnetNetworkSecurityGroupAssociation(this, 'security-group-association', {
      subnetId: network.subnet.id,
      networkSecurityGroupId: securityGroup.id,
      dependsOn: rules,
    });
  }

  /** One zone-redundant load balancer for API and ingress; it reaches the servers' private IPs. */
  protected createLoadBalancer(network: AzureParts['network']): AzureParts['loadBalancer'] {
    const env = this.environment;
    const { resourceGroupName, location, tags } = network;
    const ip = new PublicIp(this, 'load-balancer-ip', {
      name: `${env.name}-lb`,
      resourceGroupName,
      location,
      sku: 'Standard',
      allocationMethod: 'Static',
      ipVersion: 'IPv4',
      zones: [...env.zones],
      tags,
    });
    const frontendName = 'public';
    const loadBalancer = new Lb(this, 'load-balancer', {
      name: env.name,
      resourceGroupName,
      location,
      sku: 'Standard',
      frontendIpConfiguration: [{ name: frontendName, publicIpAddressId: ip.id }],
      tags,
    });
    const backendPools = {
      servers: new LbBackendAddressPool(this, 'load-balancer-pool-servers', { name: 'servers', loadbalancerId: loadBalancer.id }),
      all: new LbBackendAddressPool(this, 'load-balancer-pool-all', { name: 'all', loadbalancerId: loadBalancer.id }),
    };
    for (const service of LOAD_BALANCED_PORTS) {
      const probe = new LbProbe(this, `load-balancer-${service.name}-probe`, {
        name: service.name,
        loadbalancerId: loadBalancer.id,
        protocol: 'Tcp',
        port: service.port,
        intervalInSeconds: 10,
        probeThreshold: 3,
      });
      new LbRule(this, `load-balancer-${service.name}`, {
        name: service.name,
        loadbalancerId: loadBalancer.id,
        frontendIpConfigurationName: frontendName,
        protocol: 'Tcp',
        frontendPort: service.port,
        backendPort: service.port,
        backendAddressPoolIds: [backendPools[service.targets].id],
        probeId: probe.id,
        // The NAT gateway handles outbound traffic; long-lived API watches get a TCP reset, not silence.
        disableOutboundSnat: true,
        tcpResetEnabled: true,
        idleTimeoutInMinutes: 30,
      });
    }
    const backendPoolIds = { servers: backendPools.servers.id, all: backendPools.all.id };
    return { ipv4: ip.ipAddress, apiHost: ip.ipAddress, apiAddresses: [{ value: ip.ipAddress, maxLength: IPV4_MAX_LENGTH }], backendPoolIds };
  }

  /** A network interface with the server's static IP in the load balancer's pools, and the VM. */
  protected createServer(server: PlannedServer, { network, firewall, loadBalancer, userData }: ServerContext<AzureParts>): LinuxVirtualMachine {
    const env = this.environment;
    const { resourceGroupName, location } = network;
    const tags = { ...network.tags, ...server.pool.labels, pool: server.pool.name, role: server.role };
    const nic = new NetworkInterface(this, `${server.id}-nic`, {
      name: server.name,
      resourceGroupName,
      location,
      ipConfiguration: [{ name: IP_CONFIGURATION, subnetId: network.subnetId, privateIpAddressAllocation: 'Static', privateIpAddress: server.privateIp, primary: true }],
      tags,
    });
    for (const membership of server.role === 'server' ? (['servers', 'all'] as const) : (['all'] as const)) {
      new NetworkInterfaceBackendAddressPoolAssociation(this, `${server.id}-nic-${membership}`, {
        networkInterfaceId: nic.id,
        ipConfigurationName: IP_CONFIGURATION,
        backendAddressPoolId: loadBalancer.backendPoolIds[membership],
      });
    }
    return new LinuxVirtualMachine(this, server.id, {
      name: server.name,
      resourceGroupName,
      location,
      size: server.pool.instanceType,
      zone: server.zone,
      networkInterfaceIds: [nic.id],
      adminUsername: AZURE_ADMIN_USERNAME,
      disablePasswordAuthentication: true,
      adminSshKey: env.sshPublicKeys.map((publicKey) => ({ username: AZURE_ADMIN_USERNAME, publicKey })),
      ...azureImage(env),
      osDisk: { name: `${server.name}-os`, caching: 'ReadWrite', storageAccountType: 'Premium_LRS', diskSizeGb: AZURE_OS_DISK_SIZE_GB },
      // Trusted Launch: measured, secure boot.
      secureBootEnabled: true,
      vtpmEnabled: true,
      encryptionAtHostEnabled: network.encryptionAtHost,
      // Servers are configured by cloud-init only; VM extensions would be a second way to run code as root on them.
      allowExtensionOperations: false,
      customData: userData,
      // Managed boot diagnostics (serial console, screenshots): no storage account of ours.
      bootDiagnostics: {},
      tags,
      // Cloud-init fetches packages at first boot: outbound access and the firewall must exist.
      dependsOn: [network.natAssociation, firewall],
    });
  }

  /** Servers have no public addresses: SSH goes through a VPN, peering or Azure Bastion. */
  protected sshTarget(first: BuiltServer<AzureParts>): SshTarget {
    return { user: AZURE_ADMIN_USERNAME, host: first.planned.privateIp, private: true };
  }

  /** The variable `azure_encryption_at_host`. */
  private encryptionAtHost(): TerraformVariable {
    const variable = new TerraformVariable(this, 'azure_encryption_at_host', {
      type: 'bool',
      default: true,
      description: 'Encrypt temp disks and disk caches on the VM hosts. Needs the subscription feature Microsoft.Compute/EncryptionAtHost; set to false where it cannot be registered.',
    });
    variable.overrideLogicalId('azure_encryption_at_host');
    return variable;
  }

  private securityRule(group: NetworkSecurityGroup, network: AzureParts['network'], ruleId: string, priority: number, config: NsgRule): NetworkSecurityRule {
    return new NetworkSecurityRule(this, `rule-${ruleId}`, {
      name: ruleId,
      description: config.description,
      resourceGroupName: network.resourceGroupName,
      networkSecurityGroupName: group.name,
      direction: 'Inbound',
      access: config.access,
      priority,
      protocol: config.protocol,
      sourcePortRange: '*',
      ...(config.ports.length === 1 ? { destinationPortRange: config.ports[0] } : { destinationPortRanges: [...config.ports] }),
      ...(config.sources.length === 1 ? { sourceAddressPrefix: config.sources[0] } : { sourceAddressPrefixes: [...config.sources] }),
      destinationAddressPrefix: config.access === 'Allow' ? this.environment.network.subnetCidr : '*',
    });
  }
}

/**
 * The flows the network security group allows besides the health probes: every node rule, and,
 * because the load balancer passes client addresses through unfiltered, every rule a filtering load
 * balancer would apply (HTTP and HTTPS from the internet). Duplicates appear once.
 */
function azureIngressRules(env: EnvironmentSpec): Array<{ rule: IngressRule; indexInPeer: number }> {
  const rules = new Map<string, IngressRule>();
  for (const r of [...nodeIngressRules(env), ...loadBalancerIngressRules(env)]) {
    if (!rules.has(ruleName(r))) rules.set(ruleName(r), r);
  }
  const perPeer: Partial<Record<Peer, number>> = {};
  return [...rules.values()].map((r) => {
    const indexInPeer = perPeer[r.peer] ?? 0;
    perPeer[r.peer] = indexInPeer + 1;
    return { rule: r, indexInPeer };
  });
}

/** A rule's name and construct id, from the flow it allows: `tcp-2379-2380-private-network`. */
function ruleName(r: IngressRule): string {
  const ports = r.fromPort === r.toPort ? `${r.fromPort}` : `${r.fromPort}-${r.toPort}`;
  return `${r.protocol}-${ports}-${r.peer}`;
}

/** Source prefixes of a peer in Azure's syntax: the internet is the `Internet` service tag. */
function azurePeerPrefixes(env: EnvironmentSpec, peer: Peer): readonly string[] {
  return peer === 'internet' ? ['Internet'] : peerCidrs(env, peer);
}

/** The image attributes of a server, from the environment's `image` (checked by lib/config/clouds/azure.ts). */
function azureImage(env: EnvironmentSpec): Pick<LinuxVirtualMachineConfig, 'sourceImageReference' | 'sourceImageId'> {
  const source = azureImageSource(env.image);
  if (!source) throw new Error(`${env.file}: image "${env.image}" passed no Azure image check`);
  return 'id' in source ? { sourceImageId: source.id } : { sourceImageReference: source.reference };
}
