import { Construct } from 'constructs';
import { EnvironmentSpec } from '../../lib/config/model';
import { HcloudVmPlatform } from './hcloud';
import { VmPlatform } from './vm-platform';

/** Creates the provider-vm implementation for the environment's cloud. */
export function createVmPlatform(scope: Construct, id: string, environment: EnvironmentSpec): VmPlatform {
  switch (environment.provider) {
    case 'hetzner':
      return new HcloudVmPlatform(scope, id, { environment });
    default:
      throw new Error(`${environment.file}: provider-vm for ${environment.provider} is not implemented yet`);
  }
}
