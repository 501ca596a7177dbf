import { dnsRegionAddresses } from '../../constructs/stacks/dns-addresses';
import { DnsSpec } from '../../lib/config/model';
import { VmPlatform } from '../../constructs/provider-vm/vm-platform';

test('GIVEN platforms with and without IPv6 and a literal endpoint THEN the endpoint replaces both families, else the load balancer addresses are used', () => {
  const platform = (ipv4: string, ipv6?: string) => ({ loadBalancerIpv4: ipv4, loadBalancerIpv6: ipv6 }) as unknown as VmPlatform;
  const dns = { endpoints: { 'hetzner-nbg1': { ipv6: '2001:db8::20' } } } as unknown as DnsSpec;
  expect(dnsRegionAddresses(dns, { 'hetzner-fsn1': platform('192.0.2.1', '2001:db8::1'), 'hetzner-nbg1': platform('192.0.2.2', '2001:db8::2'), 'aws-eu-central-1': platform('192.0.2.3') })).toEqual({
    'hetzner-fsn1': { ipv4: '192.0.2.1', ipv6: '2001:db8::1' },
    'hetzner-nbg1': { ipv6: '2001:db8::20' },
    'aws-eu-central-1': { ipv4: '192.0.2.3', ipv6: undefined },
  });
});
