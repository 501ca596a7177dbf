import { ConfigError, pointer } from '../errors';
import { EnvironmentSpec } from '../model';

/** The login user on every server; its only credentials are the environment's SSH public keys. */
export const AZURE_ADMIN_USERNAME = 'sovereign';

/** Key types Azure accepts for Linux VMs (it rejects ECDSA keys). */
export const AZURE_SSH_KEY_TYPES: readonly string[] = ['ssh-ed25519', 'ssh-rsa'];

/** A Marketplace image. */
export interface AzureMarketplaceImage {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
}

/**
 * Image names an environment may use, mapped to Azure Marketplace images. All are generation 2
 * images that support Trusted Launch (secure boot and vTPM).
 */
export const AZURE_MARKETPLACE_IMAGES: Readonly<Record<string, AzureMarketplaceImage>> = {
  'ubuntu-24.04': { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
  'ubuntu-22.04': { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2' },
};

/** Where a server's image comes from: a Marketplace image (with version) or an image resource id. */
export type AzureImageSource = { readonly reference: AzureMarketplaceImage & { readonly version: string } } | { readonly id: string };

/**
 * The image source an environment's `image` names: a name from {@link AZURE_MARKETPLACE_IMAGES}, a
 * Marketplace URN `Publisher:Offer:Sku:Version`, or an image resource id starting with
 * `/subscriptions/`; undefined for anything else.
 */
export function azureImageSource(image: string): AzureImageSource | undefined {
  const named = AZURE_MARKETPLACE_IMAGES[image];
  if (named) return { reference: { ...named, version: 'latest' } };
  const urn = image.split(':');
  if (urn.length === 4 && urn.every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part))) {
    const [publisher, offer, sku, version] = urn;
    return { reference: { publisher, offer, sku, version } };
  }
  if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/\S+$/i.test(image)) return { id: image };
  return undefined;
}

/**
 * What Azure adds to the generic rules: the region has availability zones, at least one SSH key
 * (password login is disabled) and only ed25519 or RSA keys, and an image Azure can boot.
 */
export function checkAzureEnvironment(env: EnvironmentSpec): ConfigError[] {
  const errors: ConfigError[] = [];
  if (env.zones.length === 0) {
    errors.push(new ConfigError(env.file, '/region', `Azure region ${env.region} has no availability zones`, 'a region with availability zones'));
  }
  if (env.sshPublicKeys.length === 0) {
    errors.push(new ConfigError(env.file, '/sshPublicKeys', `sshPublicKeys is empty; Azure needs at least one SSH public key (${AZURE_SSH_KEY_TYPES.join(' or ')}) for user "${AZURE_ADMIN_USERNAME}" because password login is disabled`, `one or more ${AZURE_SSH_KEY_TYPES.join(' or ')} public keys`));
  }
  env.sshPublicKeys.forEach((key, i) => {
    const type = key.split(' ')[0];
    if (!AZURE_SSH_KEY_TYPES.includes(type)) {
      errors.push(new ConfigError(env.file, pointer('sshPublicKeys', i), `sshPublicKeys[${i}] is a "${type}" key; Azure accepts ${AZURE_SSH_KEY_TYPES.join(', ')}`, AZURE_SSH_KEY_TYPES.join(', ')));
    }
  });
  if (!azureImageSource(env.image)) {
    errors.push(new ConfigError(env.file, '/image', `image "${env.image}" is not an Azure image`, `${Object.keys(AZURE_MARKETPLACE_IMAGES).join(', ')}, a Marketplace URN Publisher:Offer:Sku:Version, or a Compute Gallery image id /subscriptions/…/providers/Microsoft.Compute/galleries/…`));
  }
  return errors;
}
