/** IPv4 CIDR arithmetic for validation and static address assignment. Pure, no dependencies. */

/** A parsed IPv4 CIDR: base address as an unsigned 32-bit number and prefix length. */
export interface Ipv4Cidr {
  readonly base: number;
  readonly prefix: number;
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const CIDR_PATTERN = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

/** Parses "10.0.0.0/16"; returns undefined for anything else, including host bits set. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const address = ipToNumber(text.split('/')[0]);
  const prefix = Number(match[5]);
  if ((address & ~maskOf(prefix)) >>> 0 !== 0) return undefined;
  return { base: address, prefix };
}

/** True when the two ranges share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const prefix = Math.min(a.prefix, b.prefix);
  return ((a.base & maskOf(prefix)) >>> 0) === ((b.base & maskOf(prefix)) >>> 0);
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.prefix >= outer.prefix && cidrsOverlap(outer, inner);
}

/** The n-th address of a range (0 = network address), as dotted quad. */
export function hostAddress(cidr: Ipv4Cidr, n: number): string {
  if (n < 0 || n >= 2 ** (32 - cidr.prefix)) {
    throw new RangeError(`host ${n} is outside ${formatCidr(cidr)}`);
  }
  return numberToIp((cidr.base + n) >>> 0);
}

/** The first subnet of the given prefix inside `cidr`. */
export function firstSubnet(cidr: Ipv4Cidr, prefix: number): Ipv4Cidr {
  return { base: cidr.base, prefix: Math.max(prefix, cidr.prefix) };
}

export function formatCidr(cidr: Ipv4Cidr): string {
  return `${numberToIp(cidr.base)}/${cidr.prefix}`;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, octet) => ((acc << 8) + Number(octet)) >>> 0, 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 0xff).join('.');
}
