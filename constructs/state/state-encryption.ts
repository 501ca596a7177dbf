import { TerraformStack, TerraformVariable } from 'cdktf';
import { StateEncryptionSpec } from '../../lib/config/state-config';

/** The sensitive variable holding the pbkdf2 passphrase (TF_VAR_state_passphrase). */
export const STATE_PASSPHRASE_VARIABLE = 'state_passphrase';

/** OpenTofu refuses shorter pbkdf2 passphrases ("passphrase is too short (minimum 16 characters)"). */
export const MIN_PASSPHRASE_LENGTH = 16;

/** Address of the key provider, as TF_ENCRYPTION must name it with keySource `environment`. */
export const ENCRYPTION_KEY_PROVIDER = 'key_provider.pbkdf2.main';

/** Address of the encryption method every stack uses for state, plans and remote state reads. */
export const ENCRYPTION_METHOD = 'method.aes_gcm.main';

/**
 * The `terraform.encryption` block, as OpenTofu's JSON syntax wants it: method references are bare
 * traversals (`"method.aes_gcm.main"`), `keys` is an expression (`"${key_provider.pbkdf2.main}"`).
 * State and plan files are encrypted and `enforced` (OpenTofu refuses to write either in plain
 * text); `remote_state_data_sources` lets `terraform_remote_state` (cdktf cross-stack references)
 * decrypt other stacks' state, which therefore share the passphrase.
 *
 * With keySource `variable` the key provider reads `var.state_passphrase` (OpenTofu evaluates it
 * statically before anything else, so it must come from -var, TF_VAR_… or a tfvars file); with
 * `environment` no key provider is declared and TF_ENCRYPTION must declare `key_provider "pbkdf2"
 * "main"`. pbkdf2 keeps OpenTofu's defaults (sha512, 600 000 iterations, 32-byte key and salt).
 */
export function stateEncryptionBlock(spec: StateEncryptionSpec): Record<string, unknown> {
  const method = { method: ENCRYPTION_METHOD };
  return {
    ...(spec.keySource === 'variable' ? { key_provider: { pbkdf2: { main: { passphrase: `\${var.${STATE_PASSPHRASE_VARIABLE}}` } } } } : {}),
    method: { aes_gcm: { main: { keys: `\${${ENCRYPTION_KEY_PROVIDER}}` } } },
    state: { ...method, enforced: true },
    plan: { ...method, enforced: true },
    remote_state_data_sources: { default: method },
  };
}

/** Adds the encryption block to `stack` and, with keySource `variable`, the passphrase variable. */
export function configureStateEncryption(stack: TerraformStack, spec: StateEncryptionSpec): void {
  if (spec.keySource === 'variable') {
    const passphrase = new TerraformVariable(stack, STATE_PASSPHRASE_VARIABLE, {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: `Passphrase (${MIN_PASSPHRASE_LENGTH}+ characters) that encrypts this stack's state and plans, and decrypts the state of the stacks it reads. Set TF_VAR_${STATE_PASSPHRASE_VARIABLE}; never write it to a file in Git. The same for every stack of a Sovereign.`,
    });
    passphrase.overrideLogicalId(STATE_PASSPHRASE_VARIABLE);
  }
  stack.addOverride('terraform.encryption', stateEncryptionBlock(spec));
}
