import { CloudProvider } from './model';

/** Regions each cloud offers; an environment naming another region is rejected at synth. */
export const KNOWN_REGIONS: Readonly<Record<CloudProvider, readonly string[]>> = {
  // Hetzner Cloud locations (https://docs.hetzner.com/cloud/general/locations/).
  hetzner: ['fsn1', 'nbg1', 'hel1', 'ash', 'hil', 'sin'],
};

export const CLOUD_PROVIDERS = Object.keys(KNOWN_REGIONS) as CloudProvider[];
