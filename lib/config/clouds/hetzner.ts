import { ConfigError } from '../errors';
import { EnvironmentSpec } from '../model';

/** Hetzner network zone of each location (a subnet and its servers must share it). */
export const HETZNER_NETWORK_ZONES: Readonly<Record<string, string>> = {
  fsn1: 'eu-central',
  nbg1: 'eu-central',
  hel1: 'eu-central',
  ash: 'us-east',
  hil: 'us-west',
  sin: 'ap-southeast',
};

/** What Hetzner adds to the generic environment rules: the location must have a network zone. */
export function checkHetznerEnvironment(env: EnvironmentSpec): ConfigError[] {
  if (HETZNER_NETWORK_ZONES[env.region]) return [];
  return [new ConfigError(env.file, '/region', `Hetzner location "${env.region}" has no known network zone`, Object.keys(HETZNER_NETWORK_ZONES).join(', '))];
}
