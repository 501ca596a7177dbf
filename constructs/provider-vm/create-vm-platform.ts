import { Construct } from 'constructs';
import { EnvironmentSpec } from '../../lib/config/model';
import type { AwsVmPlatform } from './aws';
import type { AzureVmPlatform } from './azure';
import type { GcpVmPlatform } from './gcp';
import type { HcloudVmPlatform } from './hcloud';
import type { OciVmPlatform } from './oci';
import type { HuaweicloudVmPlatform } from './huaweicloud';
import { NodeBootstrap, VmPlatform } from './vm-platform';

/** What every cloud's platform takes besides the environment. */
export interface VmPlatformOptions {
  /**
   * First-boot configuration of every server (cloud-init user data).
   * @default - servers boot the plain image
   */
  readonly bootstrap?: NodeBootstrap;
}

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Creates the provider-vm implementation for the environment's cloud. Each cloud's module (and its
 * provider bindings) is loaded only when an environment uses that cloud: a Hetzner-only project
 * never loads the AWS, Google, Azure or OCI bindings.
 */
export function createVmPlatform(scope: Construct, id: string, environment: EnvironmentSpec, options: VmPlatformOptions = {}): VmPlatform {
  const props = { environment, bootstrap: options.bootstrap };
  switch (environment.provider) {
    case 'hetzner':
      return new (require('./hcloud') as { HcloudVmPlatform: typeof HcloudVmPlatform }).HcloudVmPlatform(scope, id, props);
    case 'aws':
      return new (require('./aws') as { AwsVmPlatform: typeof AwsVmPlatform }).AwsVmPlatform(scope, id, props);
    case 'gcp':
      return new (require('./gcp') as { GcpVmPlatform: typeof GcpVmPlatform }).GcpVmPlatform(scope, id, props);
    case 'azure':
      return new (require('./azure') as { AzureVmPlatform: typeof AzureVmPlatform }).AzureVmPlatform(scope, id, props);
    case 'oci':
      return new (require('./oci') as { OciVmPlatform: typeof OciVmPlatform }).OciVmPlatform(scope, id, props);
    case 'huaweicloud':
      return new (require('./huaweicloud') as { HuaweicloudVmPlatform: typeof HuaweicloudVmPlatform }).HuaweicloudVmPlatform(scope, id, props);
  }
}
