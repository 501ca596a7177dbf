import { DnsSpec, RegionEndpoint } from '../../lib/config/model';
import { VmPlatform } from '../provider-vm/vm-platform';

/**
 * The addresses the dns stack's records use for each region, by environment name: the literal
 * endpoint sovereign.json gives for it (IPv4 and/or IPv6, exactly as given), else the region's load
 * balancer IPv4 and, where the cloud's load balancer has one, IPv6 (tokens of the region stack,
 * which cdktf turns into remote-state reads in the dns stack). The one place that decides it.
 */
export function dnsRegionAddresses(dns: DnsSpec, platforms: Readonly<Record<string, VmPlatform>>): Record<string, RegionEndpoint> {
  return Object.fromEntries(
    Object.entries(platforms).map(([name, platform]) => [name, dns.endpoints[name] ?? { ipv4: platform.loadBalancerIpv4, ipv6: platform.loadBalancerIpv6 }]),
  );
}
