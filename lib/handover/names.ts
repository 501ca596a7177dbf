/** Stable Kubernetes names for adopted resources: DNS-1123 labels derived from stack and construct path. */
import * as crypto from 'crypto';

/** Longest DNS-1123 label. */
export const MAX_NAME = 63;

/**
 * A DNS-1123 label from free text: lowercase, every run of other characters becomes one `-`, no
 * leading or trailing `-`. Longer than 63 characters, or with `forceHash`, it keeps a readable
 * prefix and ends in `-` + 8 hex digits of the sha256 of `text`, so distinct inputs stay distinct.
 */
export function dnsLabel(text: string, forceHash = false): string {
  const clean = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
  if (clean.length <= MAX_NAME && !forceHash) return clean;
  const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${clean.slice(0, MAX_NAME - 9).replace(/-+$/, '')}-${hash}`;
}

/**
 * The readable base of a resource's name: its construct path (`hetzner-fsn1/vm/workers-0`, which
 * begins with the stack) or, for a resource without cdktf metadata, `<stack>/<address>`; plus the
 * count index or for_each key.
 */
export function nameSource(stack: string, constructPath: string | undefined, address: string, index: number | string | undefined): string {
  const base = constructPath ? (constructPath.startsWith(`${stack}/`) ? constructPath : `${stack}/${constructPath}`) : `${stack}/${address.replace(/\[.*$/, '')}`;
  return index === undefined ? base : `${base}/${index}`;
}

/**
 * Names for `items` that are unique within each group (one group = one kind): every item gets
 * `dnsLabel(source)`; where two sources of a group give the same label, all of them get the
 * hashed form instead. Deterministic for the same input in any order.
 */
export function uniqueNames<T>(items: readonly T[], group: (item: T) => string, source: (item: T) => string): Map<T, string> {
  const byLabel = new Map<string, T[]>();
  for (const item of items) {
    const key = `${group(item)}\u0000${dnsLabel(source(item))}`;
    byLabel.set(key, [...(byLabel.get(key) ?? []), item]);
  }
  const names = new Map<T, string>();
  for (const clash of byLabel.values()) {
    const distinct = new Set(clash.map(source));
    for (const item of clash) names.set(item, dnsLabel(source(item), clash.length > 1 && distinct.size > 1 ? true : false));
  }
  for (const [item, name] of names) {
    const twins = [...names].filter(([other, n]) => other !== item && n === name && group(other) === group(item));
    if (twins.length) throw new Error(`two resources give the same name ${name}: ${source(item)}`);
  }
  return names;
}
