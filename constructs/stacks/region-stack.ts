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

/** One deployable unit per `environments/<provider>-<region>/`: the region's machines and network. */
export class RegionStack extends OpenTofuStack {
  /** The region's machines, for modules that build on them. */
  public readonly platform: VmPlatform;

  constructor(scope: Construct, id: string, props: RegionStackProps) {
    super(scope, id);
    this.platform = createVmPlatform(this, 'vm', props.environment);
  }
}
