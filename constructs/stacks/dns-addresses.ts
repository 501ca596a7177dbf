import { DnsSpec } from '../../lib/config/model';
import { VmPlatform } from '../provider-vm/vm-platform';

/**
 * The address the dns stack's records use for each region, by environment name: the literal
 * endpoint sovereign.json gives for it, else the region's load balancer IPv4 (a token of the region
 * stack, which cdktf turns into a remote-state read in the dns stack). The one place that decides it.
 */
export function dnsRegionAddresses(dns: DnsSpec, platforms: Readonly<Record<string, VmPlatform>>): Record<string, string> {
  return Object.fromEntries(Object.entries(platforms).map(([name, platform]) => [name, dns.endpoints[name] ?? platform.loadBalancerIpv4]));
}
