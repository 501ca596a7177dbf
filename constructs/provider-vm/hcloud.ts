import { TerraformOutput, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
import { HcloudProvider } from '../../providers/hcloud/provider';
import { Network } from '../../providers/hcloud/network';
import { NetworkSubnet } from '../../providers/hcloud/network-subnet';
import { PlacementGroup } from '../../providers/hcloud/placement-group';
import { Server } from '../../providers/hcloud/server';
import { SshKey } from '../../providers/hcloud/ssh-key';
import { planAddresses } from './address-plan';
import { VmPlatform } from './vm-platform';

/** Hetzner allows at most 10 servers in one spread placement group. */
export const HCLOUD_PLACEMENT_GROUP_LIMIT = 10;

/** Hetzner network zone of each location (a subnet and its servers must share it). */
const NETWORK_ZONES: Readonly<Record<string, string>> = {
  fsn1: 'eu-central',
  nbg1: 'eu-central',
  hel1: 'eu-central',
  ash: 'us-east',
  hil: 'us-west',
  sin: 'ap-southeast',
};

/** Props for {@link HcloudVmPlatform}. */
export interface HcloudVmPlatformProps {
  /** The validated region environment (provider "hetzner"). */
  readonly environment: EnvironmentSpec;
}

/**
 * provider-vm on Hetzner Cloud: private network and subnet, spread placement groups, servers with
 * static private IPs. The API token comes from the sensitive variable `hcloud_token` or, when that
 * is unset, from the provider's standard HCLOUD_TOKEN environment variable.
 */
export class HcloudVmPlatform extends Construct implements VmPlatform {
  public readonly privateNetworkCidr: string;
  public readonly controlPlanePrivateIps: readonly string[];
  public readonly agentPrivateIps: Readonly<Record<string, readonly string[]>>;

  constructor(scope: Construct, id: string, props: HcloudVmPlatformProps) {
    super(scope, id);
    const env = props.environment;
    const networkZone = NETWORK_ZONES[env.region];
    if (env.provider !== 'hetzner' || !networkZone) {
      throw new Error(`${env.file}: HcloudVmPlatform needs a Hetzner location (${Object.keys(NETWORK_ZONES).join(', ')}), got ${env.provider} ${env.region}`);
    }

    const token = new TerraformVariable(this, 'hcloud_token', {
      type: 'string',
      sensitive: true,
      nullable: true,
      description: 'Hetzner Cloud API token. Leave unset to use the HCLOUD_TOKEN environment variable.',
    });
    token.overrideLogicalId('hcloud_token');
    // cdktf cannot express `default = null` directly; null makes the variable optional, and the
    // provider then falls back to HCLOUD_TOKEN.
    token.addOverride('default', null);
    new HcloudProvider(this, 'provider', { token: token.stringValue });

    const labels = { ...env.labels, environment: env.name };
    const network = new Network(this, 'network', { name: env.name, ipRange: env.network.cidr, labels });
    const subnet = new NetworkSubnet(this, 'subnet', {
      networkId: Token.asNumber(network.id),
      type: 'cloud',
      networkZone,
      ipRange: env.network.subnetCidr,
    });

    const sshKeyIds = env.sshPublicKeys.map(
      (publicKey, i) => new SshKey(this, `ssh-key-${i}`, { name: `${env.name}-${i}`, publicKey, labels }).id,
    );

    const pools: NodePoolSpec[] = [env.controlPlane, ...env.agentPools];
    const addresses = planAddresses(env.network.subnetCidr, pools);
    for (const pool of pools) {
      const role = pool === env.controlPlane ? 'server' : 'agent';
      const poolLabels = { ...labels, ...pool.labels, pool: pool.name, role };
      const groups = Array.from({ length: Math.ceil(pool.count / HCLOUD_PLACEMENT_GROUP_LIMIT) }, (_, g) =>
        new PlacementGroup(this, `${pool.name}-spread-${g}`, { name: `${env.name}-${pool.name}-${g}`, type: 'spread', labels: poolLabels }),
      );
      addresses[pool.name].forEach((ip, i) => {
        new Server(this, `${pool.name}-${i}`, {
          name: `${env.name}-${pool.name}-${i}`,
          serverType: pool.instanceType,
          image: env.image,
          location: env.region,
          placementGroupId: Token.asNumber(groups[Math.floor(i / HCLOUD_PLACEMENT_GROUP_LIMIT)].id),
          sshKeys: sshKeyIds,
          labels: poolLabels,
          publicNet: [{ ipv4Enabled: true, ipv6Enabled: true }],
          network: [{ networkId: Token.asNumber(network.id), ip }],
          dependsOn: [subnet],
        });
      });
    }

    this.privateNetworkCidr = env.network.cidr;
    this.controlPlanePrivateIps = addresses[env.controlPlane.name];
    this.agentPrivateIps = Object.fromEntries(env.agentPools.map((p) => [p.name, addresses[p.name]]));

    new TerraformOutput(this, 'control_plane_private_ips', { value: this.controlPlanePrivateIps }).overrideLogicalId('control_plane_private_ips');
  }
}
