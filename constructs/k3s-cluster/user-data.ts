import { gzipSync } from 'zlib';
import { UserDataLimit } from '../provider-vm/vm-platform';
import { escapeTemplateSequences } from '../../lib/common/hcl-escape';

/**
 * User data mixes literal text with values OpenTofu only knows at apply (the K3s token, the Gitea
 * token, load balancer addresses). They are rendered as placeholders of their largest possible
 * length, so sizes are measured on text as long as the real one; then the literal text is escaped
 * for OpenTofu (`${` and `%{` would start expressions) and each placeholder becomes its reference.
 */

/** A value known at apply: its reference (a cdktf token) and how long it can be. */
export interface DeferredValue {
  /** Upper-case name, part of the placeholder. */
  readonly name: string;
  /** The cdktf token (OpenTofu reference) that replaces the placeholder. */
  readonly reference: string;
  /** Most characters the value has once resolved. */
  readonly maxLength: number;
}

/**
 * Placeholders for deferred values. A placeholder is `@@NAME@@` padded with `~` to the value's
 * maximum length: never valid YAML plain text (so always quoted, as the real value may need), and
 * free of `$` and `%` (so escaping leaves it alone).
 */
export class Placeholders {
  private readonly values = new Map<string, DeferredValue>();

  /** The placeholder text standing for `value`; the same value always gets the same placeholder. */
  public add(value: DeferredValue): string {
    if (!/^[A-Z0-9_]+$/.test(value.name)) throw new Error(`placeholder name "${value.name}" must be upper case`);
    const head = `@@${value.name}@@`;
    if (value.maxLength < head.length) throw new Error(`placeholder ${head} is longer than its value (${value.maxLength} characters)`);
    const placeholder = head.padEnd(value.maxLength, '~');
    const known = this.values.get(placeholder);
    if (known && known.reference !== value.reference) throw new Error(`placeholder ${head} is already used for another value`);
    this.values.set(placeholder, value);
    return placeholder;
  }

  /** Every placeholder with the value it stands for. */
  public entries(): ReadonlyArray<{ readonly placeholder: string; readonly value: DeferredValue }> {
    return [...this.values.entries()].map(([placeholder, value]) => ({ placeholder, value }));
  }

  /** The placeholders that occur in `text`, each with the number of occurrences. */
  public occurrences(text: string): Array<{ placeholder: string; value: DeferredValue; count: number }> {
    return [...this.values.entries()]
      .map(([placeholder, value]) => ({ placeholder, value, count: text.split(placeholder).length - 1 }))
      .filter((o) => o.count > 0);
  }

  /** The text for OpenTofu: literal `${`/`%{` escaped, placeholders replaced by their references. */
  public resolve(text: string): string {
    let escaped = escapeTemplateSequences(text);
    for (const [placeholder, value] of this.values) escaped = escaped.split(placeholder).join(value.reference);
    return escaped;
  }
}


/** How big one server's user data is, against its cloud's limit. */
export interface UserDataSize {
  /** Bytes of the text with every deferred value at its maximum length. */
  readonly bytes: number;
  /** Bytes the cloud counts: `bytes`, or an upper bound of the gzip size where the cloud takes gzip. */
  readonly countedBytes: number;
  readonly limit: UserDataLimit;
}

/**
 * Allowance for the gzip size OpenTofu's `base64gzip` (Go's compress/flate) produces against the
 * zlib measurement here: 3 % plus 64 bytes.
 */
export const GZIP_MARGIN = { ratio: 0.03, bytes: 64 } as const;

/**
 * Measures rendered user data. For gzip clouds the counted size is an upper bound: the gzip size of
 * the text without its deferred values, plus two bytes per character of each deferred value (random
 * characters never compress to more), plus {@link GZIP_MARGIN}.
 */
export function measureUserData(text: string, placeholders: Placeholders, limit: UserDataLimit): UserDataSize {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (limit.encoding === 'plain') return { bytes, countedBytes: bytes, limit };
  const occurrences = placeholders.occurrences(text);
  let literal = text;
  for (const { placeholder } of occurrences) literal = literal.split(placeholder).join('');
  const deferred = occurrences.reduce((sum, o) => sum + 2 * o.value.maxLength * o.count, 0);
  const compressed = gzipSync(Buffer.from(literal, 'utf8')).length;
  const countedBytes = Math.ceil((compressed + deferred) * (1 + GZIP_MARGIN.ratio)) + GZIP_MARGIN.bytes;
  return { bytes, countedBytes, limit };
}
