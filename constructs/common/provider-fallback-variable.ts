import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';

/** Props for {@link providerFallbackVariable}. */
export interface ProviderFallbackVariableProps {
  /** What the variable holds and which environment variable the provider reads when it is unset. */
  readonly description: string;
  /** Whether OpenTofu hides the value in plans and output. */
  readonly sensitive: boolean;
}

/**
 * A string variable, named exactly `name` in the configuration, that may stay unset: its default is
 * null, so the provider falls back to its own environment variable (HCLOUD_TOKEN, PDNS_API_KEY,
 * ARM_SUBSCRIPTION_ID, …). cdktf cannot express `default = null` directly, hence the override.
 */
export function providerFallbackVariable(scope: Construct, name: string, props: ProviderFallbackVariableProps): TerraformVariable {
  const variable = new TerraformVariable(scope, name, { type: 'string', nullable: true, sensitive: props.sensitive || undefined, description: props.description });
  variable.overrideLogicalId(name);
  variable.addOverride('default', null);
  return variable;
}
