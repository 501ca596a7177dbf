import { Construct } from 'constructs';
import { EnvironmentSpec } from '../../lib/config/model';
import { AwsVmPlatform } from './aws';
import { AzureVmPlatform } from './azure';
import { GcpVmPlatform } from './gcp';
import { HcloudVmPlatform } from './hcloud';
import { VmPlatform } from './vm-platform';

/** Creates the provider-vm implementation for the environment's cloud. */
export function createVmPlatform(scope: Construct, id: string, environment: EnvironmentSpec): VmPlatform {
  switch (environment.provider) {
    case 'hetzner':
      return new HcloudVmPlatform(scope, id, { environment });
    case 'aws':
      return new AwsVmPlatform(scope, id, { environment });
    case 'gcp':
      return new GcpVmPlatform(scope, id, { environment });
    case 'azure':
      return new AzureVmPlatform(scope, id, { environment });
  }
}
