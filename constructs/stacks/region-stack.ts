import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentSpec } from '../../lib/config/model';
import { K3S_RELEASES, K3sReleases } from '../../lib/versions';
import { K3sCluster, K3sTemplates } from '../k3s-cluster/k3s-cluster';
import { createVmPlatform } from '../provider-vm/create-vm-platform';
import { VmPlatform } from '../provider-vm/vm-platform';
import { OpenTofuStack, OpenTofuStackProps } from './opentofu-stack';

/** Props for {@link RegionStack}; the state settings are OpenTofuStack's. */
export interface RegionStackProps extends OpenTofuStackProps {
  /** The validated environment this stack deploys. */
  readonly environment: EnvironmentSpec;
  /** The compiled K3s templates (lib/templates.ts `loadK3sTemplates()`); constructs never read files. */
  readonly templates: K3sTemplates;
  /**
   * Releases of K3s, Cilium and Flux.
   * @default - the ones pinned in versions.json
   */
  readonly releases?: K3sReleases;
}

/**
 * One deployable unit per `environments/<provider>-<region>/`: the region's machines and network,
 * and the K3s cluster cloud-init installs on them. Its outputs are the same on every cloud, so the
 * dns stack can read any region alike.
 */
export class RegionStack extends OpenTofuStack {
  /** The region's machines, for modules that build on them. */
  public readonly platform: VmPlatform;
  /** The K3s cluster on those machines. */
  public readonly cluster: K3sCluster;

  constructor(scope: Construct, id: string, props: RegionStackProps) {
    super(scope, id, { ...props, state: props.environment.state });
    const environment = props.environment;
    this.cluster = new K3sCluster(this, 'k3s', {
      environment,
      releases: props.releases ?? K3S_RELEASES,
      templates: props.templates,
    });
    this.platform = createVmPlatform(this, 'vm', environment, { bootstrap: this.cluster });

    const output = (name: string, value: unknown, description: string) =>
      new TerraformOutput(this, name, { value, description }).overrideLogicalId(name);
    output('load_balancer_ipv4', this.platform.loadBalancerIpv4, 'Public IPv4 of the load balancer (API 6443, HTTP 80, HTTPS 443).');
    if (this.platform.loadBalancerIpv6 !== undefined) {
      output('load_balancer_ipv6', this.platform.loadBalancerIpv6, 'Public IPv6 of the load balancer.');
    }
    output('api_endpoint', this.platform.apiEndpoint, 'Kubernetes API URL through the load balancer.');
    output('control_plane_private_ips', this.platform.controlPlanePrivateIps, 'Static private IPs of the K3s servers; the first one runs cluster-init.');
    output('agent_private_ips', this.platform.agentPrivateIps, 'Static private IPs of the K3s agents, by pool.');
    output('kubeconfig_command', kubeconfigCommand(environment.name, this.platform), kubeconfigHelp(this.platform));
  }
}

/** Kubeconfig file the how-to writes. */
export function kubeconfigFile(environment: string): string {
  return `${environment}.kubeconfig`;
}

/**
 * A shell command that copies the admin kubeconfig from the first server and points it at the load
 * balancer. It holds no secret: the credentials travel over SSH, straight into a 0600 file.
 */
export function kubeconfigCommand(environment: string, platform: VmPlatform): string {
  const ssh = platform.firstServerSsh;
  const file = kubeconfigFile(environment);
  return `(umask 077 && ssh ${ssh.user}@${ssh.host} sudo cat /etc/rancher/k3s/k3s.yaml | sed 's#https://127.0.0.1:6443#${platform.apiEndpoint}#' > ${file}) && KUBECONFIG=${file} kubectl get nodes`;
}

function kubeconfigHelp(platform: VmPlatform): string {
  const where = platform.firstServerSsh.private
    ? 'Run from a machine inside the private network (VPN, peering or bastion): the servers have no public address.'
    : 'Run from an address in adminCidrs (SSH is closed to everyone else).';
  return `How to fetch the admin kubeconfig from the first K3s server. ${where} The API answers on api_endpoint once the servers have booted.`;
}
