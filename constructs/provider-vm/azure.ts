import { Fn, TerraformLocal, TerraformVariable } from 'cdktf';
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
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
import { planAddresses } from '../../lib/common/address-plan';
import { IngressRule, LOAD_BALANCED_PORTS, loadBalancerIngressRules, nodeIngressRules, Peer, peerCidrs } from './firewall-rules';
import { providerFallbackVariable } from '../common/provider-fallback-variable';
import { ApiAddress, IPV4_MAX_LENGTH, NodeBootstrap, SshTarget, UserDataLimit, VmPlatform } from './vm-platform';

/** User-data limit (interim; moves to the base). */
export const AZURE_USER_DATA_LIMIT: UserDataLimit = { maxBytes: 65_535, encoding: 'gzip', documented: '65,535 bytes decoded' };

/** The login user on every server; its only credentials are the environment's SSH public keys. */
export const AZURE_ADMIN_USERNAME = 'sovereign';

/** OS disk size of every server (Premium SSD, P6); the Ubuntu images default to 30 GB, too little for container images. */
export const AZURE_OS_DISK_SIZE_GB = 64;

/**
 * Image names an environment may use, mapped to Azure Marketplace images. All are generation 2
 * images that support Trusted Launch (secure boot and vTPM).
 */
export const AZURE_MARKETPLACE_IMAGES: Readonly<Record<string, { readonly publisher: string; readonly offer: string; readonly sku: string }>> = {
  'ubuntu-24.04': { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
  'ubuntu-22.04': { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2' },
};

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

/** Key types Azure accepts for Linux VMs (it rejects ECDSA keys). */
const AZURE_SSH_KEY_TYPES = ['ssh-ed25519', 'ssh-rsa'];

/** Props for {@link AzureVmPlatform}. */
export interface AzureVmPlatformProps {
  /**
   * The validated region environment (provider "azure"). It must list at least one ed25519 or RSA
   * key in `sshPublicKeys` (Azure needs one when password login is disabled), and its `image` must
   * be one of:
   * - a name from {@link AZURE_MARKETPLACE_IMAGES} (`ubuntu-24.04`, `ubuntu-22.04`);
   * - a Marketplace URN `Publisher:Offer:Sku:Version`, e.g. `Canonical:ubuntu-24_04-lts:server:latest`;
   * - an image resource id starting with `/subscriptions/` (an Azure Compute Gallery image
   *   definition or version), passed as `source_image_id`.
   * Every server boots with Trusted Launch, so the image must be a generation 2 image that
   * supports it; managed images (`Microsoft.Compute/images`) do not.
   */
  readonly environment: EnvironmentSpec;
  /**
   * First-boot configuration of every server, gzip-compressed into `custom_data` (at most 65,535
   * bytes decoded; cloud-init unpacks it). Changing it replaces the server.
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

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
export class AzureVmPlatform extends Construct implements VmPlatform {
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;
  public readonly loadBalancerIpv4: string;
  public readonly apiEndpoint: string;
  public readonly apiAddresses: readonly ApiAddress[];
  public readonly firstServerSsh: SshTarget;
  public readonly userDataLimit: UserDataLimit = AZURE_USER_DATA_LIMIT;

  constructor(scope: Construct, id: string, props: AzureVmPlatformProps) {
    super(scope, id);
    const env = props.environment;
    if (env.provider !== 'azure' || env.zones.length === 0) {
      throw new Error(`${env.file}: AzureVmPlatform needs an azure environment in a region with availability zones, got ${env.provider} ${env.region}`);
    }
    validateSshKeys(env);
    const image = azureImage(env);

    const subscription = providerFallbackVariable(this, 'azure_subscription_id', {
      sensitive: false,
      description: 'Azure subscription to deploy into. Leave unset to use the ARM_SUBSCRIPTION_ID environment variable.',
    });
    const encryptionAtHost = new TerraformVariable(this, 'azure_encryption_at_host', {
      type: 'bool',
      default: true,
      description: 'Encrypt temp disks and disk caches on the VM hosts. Needs the subscription feature Microsoft.Compute/EncryptionAtHost; set to false where it cannot be registered.',
    });
    encryptionAtHost.overrideLogicalId('azure_encryption_at_host');
    new AzurermProvider(this, 'provider', { features: [{}], subscriptionId: subscription.stringValue });

    const tags = { ...env.labels, environment: env.name };
    const location = env.region;
    const group = new ResourceGroup(this, 'resource-group', { name: env.name, location, tags });
    const resourceGroupName = group.name;

    const network = new VirtualNetwork(this, 'network', {
      name: env.name,
      resourceGroupName,
      location,
      addressSpace: [env.network.cidr],
      tags,
    });
    const subnet = new Subnet(this, 'subnet', {
      name: 'nodes',
      resourceGroupName,
      virtualNetworkName: network.name,
      addressPrefixes: [env.network.subnetCidr],
      // Outbound traffic goes through the NAT gateway only, never Azure's implicit default access.
      defaultOutboundAccessEnabled: false,
    });

    // Outbound internet access (packages, K3s and container images) for servers without public IPs.
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

    const securityGroup = new NetworkSecurityGroup(this, 'security-group', { name: env.name, resourceGroupName, location, tags });
    const rule = (ruleId: string, priority: number, config: { access: 'Allow' | 'Deny'; protocol: string; ports: readonly string[]; sources: readonly string[]; description: string }) =>
      new NetworkSecurityRule(this, `rule-${ruleId}`, {
        name: ruleId,
        description: config.description,
        resourceGroupName,
        networkSecurityGroupName: securityGroup.name,
        direction: 'Inbound',
        access: config.access,
        priority,
        protocol: config.protocol,
        sourcePortRange: '*',
        ...(config.ports.length === 1 ? { destinationPortRange: config.ports[0] } : { destinationPortRanges: [...config.ports] }),
        ...(config.sources.length === 1 ? { sourceAddressPrefix: config.sources[0] } : { sourceAddressPrefixes: [...config.sources] }),
        destinationAddressPrefix: config.access === 'Allow' ? env.network.subnetCidr : '*',
      });
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
        sources: [natIp.ipAddress],
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
      rule('deny-all', AZURE_NSG_PRIORITIES.denyAll, {
        access: 'Deny',
        protocol: '*',
        ports: ['*'],
        sources: ['*'],
        description: 'Everything not allowed above, including the rest of the virtual network',
      }),
    ];
    const securityGroupAssociation = new SubnetNetworkSecurityGroupAssociation(this, 'security-group-association', {
      subnetId: subnet.id,
      networkSecurityGroupId: securityGroup.id,
      dependsOn: rules,
    });

    // One zone-redundant load balancer for API and ingress; it reaches the servers' private IPs.
    const loadBalancerIp = new PublicIp(this, 'load-balancer-ip', {
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
      frontendIpConfiguration: [{ name: frontendName, publicIpAddressId: loadBalancerIp.id }],
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

    const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
    const addresses = planAddresses(env.network.subnetCidr, pools);
    const apiAddresses: ApiAddress[] = [{ value: loadBalancerIp.ipAddress, maxLength: IPV4_MAX_LENGTH }];
    const ipConfigurationName = 'primary';
    for (const pool of pools) {
      const role = pool === env.controlPlane ? 'server' : 'agent';
      const poolTags = { ...tags, ...pool.labels, pool: pool.name, role };
      addresses[pool.name].forEach((ip, i) => {
        const name = `${env.name}-${pool.name}-${i}`;
        const zone = env.zones[i % env.zones.length];
        const userData = props.bootstrap?.userData({
          pool: pool.name,
          role,
          index: i,
          name,
          privateIp: ip,
          zone,
          controlPlanePrivateIps: addresses[env.controlPlane.name],
          apiAddresses,
        }, this.userDataLimit);
        const nic = new NetworkInterface(this, `${pool.name}-${i}-nic`, {
          name,
          resourceGroupName,
          location,
          ipConfiguration: [{ name: ipConfigurationName, subnetId: subnet.id, privateIpAddressAllocation: 'Static', privateIpAddress: ip, primary: true }],
          tags: poolTags,
        });
        const memberships = role === 'server' ? (['servers', 'all'] as const) : (['all'] as const);
        for (const membership of memberships) {
          new NetworkInterfaceBackendAddressPoolAssociation(this, `${pool.name}-${i}-nic-${membership}`, {
            networkInterfaceId: nic.id,
            ipConfigurationName,
            backendAddressPoolId: backendPools[membership].id,
          });
        }
        new LinuxVirtualMachine(this, `${pool.name}-${i}`, {
          name,
          resourceGroupName,
          location,
          size: pool.instanceType,
          zone,
          networkInterfaceIds: [nic.id],
          adminUsername: AZURE_ADMIN_USERNAME,
          disablePasswordAuthentication: true,
          adminSshKey: env.sshPublicKeys.map((publicKey) => ({ username: AZURE_ADMIN_USERNAME, publicKey })),
          ...image,
          osDisk: { name: `${name}-os`, caching: 'ReadWrite', storageAccountType: 'Premium_LRS', diskSizeGb: AZURE_OS_DISK_SIZE_GB },
          // Trusted Launch: measured, secure boot.
          secureBootEnabled: true,
          vtpmEnabled: true,
          encryptionAtHostEnabled: encryptionAtHost.booleanValue,
          // Servers are configured by cloud-init only; VM extensions would be a second way to run
          // code as root on them.
          allowExtensionOperations: false,
          customData: gzippedUserData(this, `${pool.name}-${i}-user-data`, userData),
          // Managed boot diagnostics (serial console, screenshots): no storage account of ours.
          bootDiagnostics: {},
          tags: poolTags,
          // Cloud-init fetches packages at first boot: outbound access and the firewall must exist.
          dependsOn: [natAssociation, securityGroupAssociation],
        });
      });
    }

    this.privateNetworkCidr = env.network.cidr;
    this.controlPlanePrivateIps = addresses[env.controlPlane.name];
    this.agentPrivateIps = Object.fromEntries(env.agentPools.map((p) => [p.name, addresses[p.name]]));
    this.loadBalancerIpv4 = loadBalancerIp.ipAddress;
    this.apiEndpoint = `https://${loadBalancerIp.ipAddress}:6443`;
    this.apiAddresses = apiAddresses;
    // Servers have no public addresses: SSH goes through a VPN, peering or Azure Bastion.
    this.firstServerSsh = { user: AZURE_ADMIN_USERNAME, host: addresses[env.controlPlane.name][0], private: true };
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

/** Azure needs at least one SSH key when password login is off, and accepts ed25519 and RSA keys only. */
function validateSshKeys(env: EnvironmentSpec): void {
  if (env.sshPublicKeys.length === 0) {
    throw new Error(`${env.file}: sshPublicKeys is empty; Azure needs at least one SSH public key (${AZURE_SSH_KEY_TYPES.join(' or ')}) for user "${AZURE_ADMIN_USERNAME}" because password login is disabled`);
  }
  env.sshPublicKeys.forEach((key, i) => {
    const type = key.split(' ')[0];
    if (!AZURE_SSH_KEY_TYPES.includes(type)) {
      throw new Error(`${env.file}: sshPublicKeys[${i}] is a "${type}" key; Azure accepts ${AZURE_SSH_KEY_TYPES.join(', ')}`);
    }
  });
}

/** The image attributes of a server, from the environment's `image` (see {@link AzureVmPlatformProps}). */
function azureImage(env: EnvironmentSpec): Pick<LinuxVirtualMachineConfig, 'sourceImageReference' | 'sourceImageId'> {
  const named = AZURE_MARKETPLACE_IMAGES[env.image];
  if (named) return { sourceImageReference: { ...named, version: 'latest' } };
  const urn = env.image.split(':');
  if (urn.length === 4 && urn.every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part))) {
    const [publisher, offer, sku, version] = urn;
    return { sourceImageReference: { publisher, offer, sku, version } };
  }
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/\S+$/i.test(env.image)) {
    return { sourceImageId: env.image };
  }
  throw new Error(
    `${env.file}: image "${env.image}" is not an Azure image; use ${Object.keys(AZURE_MARKETPLACE_IMAGES).join(', ')}, a Marketplace URN Publisher:Offer:Sku:Version, or a Compute Gallery image id /subscriptions/…/providers/Microsoft.Compute/galleries/…`,
  );
}

/**
 * User data as base64 of its gzip, for OpenTofu to compute: the text goes into a local value (a
 * string template, where references resolve and `$${` stays literal) and `base64gzip` reads it.
 */
function gzippedUserData(scope: Construct, id: string, userData: string | undefined): string | undefined {
  return userData === undefined ? undefined : Fn.base64gzip(new TerraformLocal(scope, id, userData).asString);
}
