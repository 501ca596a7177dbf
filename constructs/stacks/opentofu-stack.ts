import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { defaultStateSpec, StateSpec } from '../../lib/config/state-config';
import { configureStateBackend } from '../state/state-backend';
import { configureStateEncryption } from '../state/state-encryption';

/** The registry OpenTofu resolves provider sources against; written out in full so OpenTofu and cdktf agree. */
export const OPENTOFU_REGISTRY = 'registry.opentofu.org';

/** Configuration shared by every stack this project synthesizes. */
export interface OpenTofuStackProps {
  /**
   * Backend and encryption key source (lib/config/state-config.ts parses them from the `state`
   * section of the input file). State and plan encryption is always on.
   * @default - local file `state/<stack>/terraform.tfstate` (outside `cdktf.out`, so re-synthesizing
   * never touches state), passphrase from the sensitive variable `state_passphrase`
   */
  readonly state?: StateSpec;
}

/**
 * A TerraformStack whose output OpenTofu accepts unchanged: an explicit backend (a local one with a
 * relative path: cdktf's default embeds the build machine's absolute path), OpenTofu state and plan
 * encryption (constructs/state), and every provider source fully qualified with a version (cdktf
 * writes bare sources such as "aws", which OpenTofu and cdktf resolve against different registries
 * — OpenTofu issue 2402).
 */
export class OpenTofuStack extends TerraformStack {
  /** The state settings this stack was synthesized with. */
  public readonly state: StateSpec;

  constructor(scope: Construct, id: string, props: OpenTofuStackProps = {}) {
    super(scope, id);
    this.state = props.state ?? defaultStateSpec(id);
    configureStateBackend(this, this.state.backend);
    configureStateEncryption(this, this.state.encryption);
  }

  public toTerraform(): any {
    const tf = super.toTerraform();
    const requiredProviders: Record<string, { source?: string; version?: string }> = tf.terraform?.required_providers ?? {};
    for (const [name, requirement] of Object.entries(requiredProviders)) {
      requirement.source = qualifyProviderSource(name, requirement.source);
      if (!requirement.version) {
        throw new Error(`stack ${this.node.id}: provider "${name}" (${requirement.source}) has no version; pin it in versions.json`);
      }
    }
    return tf;
  }
}

/**
 * Turns any provider source cdktf writes into `registry.opentofu.org/<namespace>/<type>`:
 * "aws" → hashicorp/aws, "hetznercloud/hcloud" → registry.opentofu.org/hetznercloud/hcloud,
 * "registry.terraform.io/x/y" → registry.opentofu.org/x/y.
 */
export function qualifyProviderSource(name: string, source: string | undefined): string {
  const parts = (source ?? name).split('/');
  switch (parts.length) {
    case 1:
      return `${OPENTOFU_REGISTRY}/hashicorp/${parts[0]}`;
    case 2:
      return `${OPENTOFU_REGISTRY}/${parts[0]}/${parts[1]}`;
    case 3:
      return parts[0] === 'registry.terraform.io' ? `${OPENTOFU_REGISTRY}/${parts[1]}/${parts[2]}` : parts.join('/');
    default:
      throw new Error(`provider "${name}": cannot read source "${source}"`);
  }
}
