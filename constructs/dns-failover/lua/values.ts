/** The values a LUA record names: IPv4 and IPv6 addresses, hostnames, address lists, and check URLs. */
import { LuaRecordError, show } from './errors';

export type ValueKind = 'IPv4' | 'IPv6' | 'hostname';

/**
 * Strict dotted-quad IPv4 (no leading zeros), written so that both JavaScript and OpenTofu's RE2
 * `regex()` read it the same way: the builder's address check and the plan-time precondition on
 * addresses only known after apply use this one pattern.
 */
export const IPV4_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$';
const IPV4 = new RegExp(IPV4_PATTERN);

export function ipv4Bytes(text: string): number[] | undefined {
  return IPV4.test(text) ? text.split('.').map(Number) : undefined;
}

/** The 16 bytes of an IPv6 literal (RFC 4291 text forms, no zone index), or undefined. */
export function ipv6Bytes(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseSide = (side: string, mayEndInIPv4: boolean): number[] | undefined => {
    if (side === '') return [];
    const groups = side.split(':');
    const words: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i];
      if (i === groups.length - 1 && mayEndInIPv4 && group.includes('.')) {
        const v4 = ipv4Bytes(group);
        if (!v4) return undefined;
        words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) {
        words.push(parseInt(group, 16));
      } else {
        return undefined;
      }
    }
    return words;
  };
  let words: number[];
  if (halves.length === 2) {
    const head = parseSide(halves[0], false);
    const tail = parseSide(halves[1], true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseSide(text, true);
    if (!all || all.length !== 8) return undefined;
    words = all;
  }
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

const LABEL = /^(?:[A-Za-z0-9_]|[A-Za-z0-9_][A-Za-z0-9_-]{0,61}[A-Za-z0-9_])$/;

export function isHostname(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]); // "192.0.2.300" is a broken address, not a name
}

interface ParsedValue {
  readonly kind: ValueKind;
  /** Equal for equal addresses whatever their spelling (IPv6 compression, case). */
  readonly key: string;
}

export function parseValue(text: unknown, what: string, allowHostnames: boolean): ParsedValue {
  if (typeof text !== 'string') {
    throw new LuaRecordError(`${what} must be a string; received ${show(text)}`);
  }
  const v4 = ipv4Bytes(text);
  if (v4) return { kind: 'IPv4', key: `4:${v4.join('.')}` };
  const v6 = ipv6Bytes(text);
  if (v6) return { kind: 'IPv6', key: `6:${v6.join('.')}` };
  if (allowHostnames && isHostname(text)) return { kind: 'hostname', key: `n:${text.toLowerCase().replace(/\.$/, '')}` };
  const allowed = allowHostnames
    ? 'an IPv4 address (192.0.2.1), an IPv6 address (2001:db8::1) or a hostname (www.example.org)'
    : 'an IPv4 address (192.0.2.1) or an IPv6 address (2001:db8::1)';
  throw new LuaRecordError(`${what} ${show(text)} is not ${allowed}`);
}

/** Checks a list of values: non-empty, one kind, no duplicates. Returns the kind. */
export function checkValues(fn: string, values: readonly { text: unknown; what: string }[], allowHostnames: boolean, listName: string): ValueKind {
  if (values.length === 0) throw new LuaRecordError(`${fn}: ${listName} must not be empty`);
  const seen = new Map<string, string>();
  let kind: ValueKind | undefined;
  let firstWhat = '';
  for (const { text, what } of values) {
    const parsed = parseValue(text, `${fn}: ${what}`, allowHostnames);
    if (kind === undefined) {
      kind = parsed.kind;
      firstWhat = what;
    } else if (parsed.kind !== kind) {
      throw new LuaRecordError(`${fn}: ${what} ${show(text)} is ${aKind(parsed.kind)} but ${firstWhat} is ${aKind(kind)}; one call takes one kind (IPv4 for A, IPv6 for AAAA, hostnames for CNAME)`);
    }
    const earlier = seen.get(parsed.key);
    if (earlier !== undefined) {
      const hint = fn.startsWith('pickw') ? 'add the weights up instead' : 'use pickwrandom/pickwhashed weights to favour one';
      throw new LuaRecordError(`${fn}: ${what} ${show(text)} duplicates ${earlier}; every address may appear once (${hint})`);
    }
    seen.set(parsed.key, what);
  }
  return kind!;
}

/** 'an IPv4 address', 'an IPv6 address', 'a hostname'. */
export function aKind(kind: ValueKind): string {
  return kind === 'hostname' ? 'a hostname' : `an ${kind} address`;
}

/** 'IPv4 addresses', 'IPv6 addresses', 'hostnames'. */
export function kinds(kind: ValueKind): string {
  return kind === 'hostname' ? 'hostnames' : `${kind} addresses`;
}

/** Normalizes an AddressList into groups (one group for a flat list or a single group). */
export function addressGroups(fn: string, targets: unknown): { groups: string[][]; grouped: boolean } {
  if (Array.isArray(targets)) return { groups: [targets as string[]], grouped: false };
  if (typeof targets === 'object' && targets !== null && 'groups' in targets) {
    const groups = (targets as { groups: unknown }).groups;
    if (!Array.isArray(groups)) throw new LuaRecordError(`${fn}: addresses.groups must be an array of address arrays; received ${show(groups)}`);
    if (groups.length === 0) throw new LuaRecordError(`${fn}: addresses.groups must not be empty`);
    groups.forEach((group: unknown, i) => {
      if (!Array.isArray(group)) throw new LuaRecordError(`${fn}: addresses.groups[${i}] must be an array of addresses; received ${show(group)}`);
      if (group.length === 0) throw new LuaRecordError(`${fn}: addresses.groups[${i}] must not be empty; every failover group needs at least one address`);
    });
    return { groups: groups as string[][], grouped: groups.length > 1 };
  }
  throw new LuaRecordError(`${fn}: addresses must be an array of addresses or { groups: [[...], ...] }; received ${show(targets)}`);
}

// RFC 3986: unreserved / sub-delims / ':' '@' '/' '?' and percent-encoded octets.
const URL_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;

export function checkUrl(url: unknown): string {
  const what = 'ifurlup: url';
  if (typeof url !== 'string') throw new LuaRecordError(`${what} must be a string; received ${show(url)}`);
  const match = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) throw new LuaRecordError(`${what} ${show(url)} must start with http:// or https:// followed by a host`);
  const [, , authority, rest] = match;
  if (authority.includes('@')) throw new LuaRecordError(`${what} ${show(url)} must not contain user info (user:password@); credentials do not belong in a DNS record (use the headers option, PowerDNS 5.1+)`);
  if (url.includes('#')) throw new LuaRecordError(`${what} ${show(url)} must not contain a fragment (#...); it is never sent to the server`);
  const hostPort = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) throw new LuaRecordError(`${what} ${show(url)} must have a host (a hostname, an IPv4 address or a bracketed IPv6 address) and an optional :port`);
  const [, host, port] = hostPort;
  const hostOk = host.startsWith('[') ? ipv6Bytes(host.slice(1, -1)) !== undefined : ipv4Bytes(host) !== undefined || isHostname(host);
  if (!hostOk) throw new LuaRecordError(`${what} ${show(url)} has an invalid host ${show(host)}; allowed: a hostname, an IPv4 address or a bracketed IPv6 address`);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) throw new LuaRecordError(`${what} ${show(url)} has port ${port}; allowed: 1 to 65535`);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) throw new LuaRecordError(`${what} ${show(url)}: the path must start with /`);
  if (!URL_CHARS.test(rest)) {
    let bad = '';
    for (let i = 0; i < rest.length; i += bad.length || 1) {
      if (/^%[0-9A-Fa-f]{2}/.test(rest.slice(i))) {
        i += 2;
        continue;
      }
      const char = String.fromCodePoint(rest.codePointAt(i)!);
      if (!/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/.test(char)) {
        bad = char;
        break;
      }
      i += char.length - 1;
    }
    throw new LuaRecordError(`${what} ${show(url)} contains ${show(bad)}, which a URL may not contain unencoded; percent-encode it (RFC 3986)`);
  }
  return url;
}
