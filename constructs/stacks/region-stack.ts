import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { EnvironmentSpec } from '../../lib/config/model';
import { createVmPlatform } from '../provider-vm/create-vm-platform';
import { VmPlatform } from '../provider-vm/vm-platform';
import { OpenTofuStack } from './opentofu-stack';

/** Props for {@link RegionStack}. */
export interface RegionStackProps {
  /** The validated environment this stack deploys. */
  readonly environment: EnvironmentSpec;
}

/**
 * One deployable unit per `environments/<provider>-<region>/`: the region's machines and network.
 * Its outputs are the same on every cloud, so the dns stack can read any region alike.
 */
export class RegionStack extends OpenTofuStack {
  /** The region's machines, for modules that build on them. */
  public readonly platform: VmPlatform;

  constructor(scope: Construct, id: string, props: RegionStackProps) {
    super(scope, id);
    this.platform = createVmPlatform(this, 'vm', props.environment);

    const output = (name: string, value: unknown, description: string) =>
      new TerraformOutput(this, name, { value, description }).overrideLogicalId(name);
    output('load_balancer_ipv4', this.platform.loadBalancerIpv4, 'Public IPv4 of the load balancer (API 6443, HTTP 80, HTTPS 443).');
    if (this.platform.loadBalancerIpv6 !== undefined) {
      output('load_balancer_ipv6', this.platform.loadBalancerIpv6, 'Public IPv6 of the load balancer.');
    }
    output('api_endpoint', this.platform.apiEndpoint, 'Kubernetes API URL through the load balancer.');
    output('control_plane_private_ips', this.platform.controlPlanePrivateIps, 'Static private IPs of the K3s servers; the first one runs cluster-init.');
    output('agent_private_ips', this.platform.agentPrivateIps, 'Static private IPs of the K3s agents, by pool.');
  }
}
