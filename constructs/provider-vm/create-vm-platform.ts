import { Construct } from 'constructs';
import { EnvironmentSpec } from '../../lib/config/model';
import { AwsVmPlatform } from './aws';
import { AzureVmPlatform } from './azure';
import { GcpVmPlatform } from './gcp';
import { HcloudVmPlatform } from './hcloud';
import { NodeBootstrap, VmPlatform } from './vm-platform';

/** What every cloud's platform takes besides the environment. */
export interface VmPlatformOptions {
  /**
   * First-boot configuration of every server (cloud-init user data).
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

/** Creates the provider-vm implementation for the environment's cloud. */
export function createVmPlatform(scope: Construct, id: string, environment: EnvironmentSpec, options: VmPlatformOptions = {}): VmPlatform {
  const props = { environment, bootstrap: options.bootstrap };
  switch (environment.provider) {
    case 'hetzner':
      return new HcloudVmPlatform(scope, id, props);
    case 'aws':
      return new AwsVmPlatform(scope, id, props);
    case 'gcp':
      return new GcpVmPlatform(scope, id, props);
    case 'azure':
      return new AzureVmPlatform(scope, id, props);
  }
}
