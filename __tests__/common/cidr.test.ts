import { cidrContains, cidrsOverlap, firstSubnet, formatCidr, hostAddress, parseCidr } from '../../lib/common/cidr';

describe('parseCidr', () => {
  test.each(['10.0.0.0/16', '0.0.0.0/0', '192.168.1.128/25', '203.0.113.7/32'])('accepts %s', (text) => {
    expect(formatCidr(parseCidr(text)!)).toBe(text);
  });

  test.each(['10.0.0.1/16', '10.0.0.0', '256.0.0.0/8', '10.0.0.0/33', '10.0.0/8', ' 10.0.0.0/8', 'fe80::/10'])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('range relations', () => {
  const net = parseCidr('10.10.0.0/16')!;
  test('a subnet inside the network is contained and overlaps', () => {
    const sub = parseCidr('10.10.1.0/24')!;
    expect(cidrContains(net, sub)).toBe(true);
    expect(cidrsOverlap(sub, net)).toBe(true);
  });
  test('a disjoint range neither overlaps nor is contained', () => {
    const other = parseCidr('10.11.0.0/24')!;
    expect(cidrsOverlap(net, other)).toBe(false);
    expect(cidrContains(net, other)).toBe(false);
  });
  test('a larger range overlaps but is not contained', () => {
    expect(cidrsOverlap(net, parseCidr('10.0.0.0/8')!)).toBe(true);
    expect(cidrContains(net, parseCidr('10.0.0.0/8')!)).toBe(false);
  });
});

describe('addresses', () => {
  test('hostAddress counts from the network address', () => {
    expect(hostAddress(parseCidr('10.10.1.0/24')!, 10)).toBe('10.10.1.10');
    expect(() => hostAddress(parseCidr('10.10.1.0/30')!, 4)).toThrow(/outside 10.10.1.0\/30/);
  });
  test('firstSubnet never widens the range', () => {
    expect(formatCidr(firstSubnet(parseCidr('10.10.0.0/16')!, 24))).toBe('10.10.0.0/24');
    expect(formatCidr(firstSubnet(parseCidr('10.10.0.0/28')!, 24))).toBe('10.10.0.0/28');
  });
});
