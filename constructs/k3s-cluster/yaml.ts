/**
 * A small, deterministic YAML emitter for the documents this module writes (K3s config files,
 * Kubernetes manifests, Helm values). Keys keep their insertion order; every string that a YAML 1.1
 * or 1.2 parser could read as anything but that string is written as a JSON string (which both read
 * alike), so K3s (Go), cloud-init (PyYAML) and Helm all see the same values. Pure, no dependencies.
 */

/** A value the emitter can write. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** Plain (unquoted) scalars: start with a letter or `/`, then only characters without YAML meaning. */
const PLAIN = /^[A-Za-z/][A-Za-z0-9_./=+-]*$/;
/** Words YAML 1.1 reads as booleans or null. */
const RESERVED = /^(y|n|yes|no|true|false|on|off|null)$/i;

/** Renders `value` as a YAML document (no `---`), ending with a newline. */
export function toYaml(value: YamlValue): string {
  const lines = emit(value, 0);
  return `${lines.join('\n')}\n`;
}

/** A scalar as YAML: plain where unambiguous, else a JSON string; numbers must be finite. */
export function yamlScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`YAML: cannot write the number ${value}`);
    return String(value);
  }
  return PLAIN.test(value) && !RESERVED.test(value) ? value : quoted(value);
}

/**
 * Characters YAML reads as line breaks (U+0085, U+2028, U+2029) or refuses (C1 controls, DEL,
 * U+FEFF, U+FFFE/U+FFFF) that JSON.stringify leaves raw; the config layer refuses them in input,
 * this keeps the document intact whatever the caller passes.
 */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A JSON string (valid YAML double-quoted) with YAML's extra line breaks and non-printables escaped. */
function quoted(value: string): string {
  return JSON.stringify(value).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function emit(value: YamlValue, indent: number): string[] {
  if (Array.isArray(value)) return emitList(value as readonly YamlValue[], indent);
  if (value !== null && typeof value === 'object') return emitMap(value as { readonly [key: string]: YamlValue | undefined }, indent);
  return [`${' '.repeat(indent)}${yamlScalar(value as string | number | boolean | null)}`];
}

function emitMap(map: { readonly [key: string]: YamlValue | undefined }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const entries = Object.entries(map).filter((entry): entry is [string, YamlValue] => entry[1] !== undefined);
  if (entries.length === 0) return [`${pad}{}`];
  return entries.flatMap(([key, value]) => {
    const head = `${pad}${yamlScalar(key)}:`;
    if (typeof value === 'string' && value.includes('\n')) return blockScalar(head, value, indent + 2);
    if (isCollection(value) && !isEmpty(value)) {
      // Lists under a key are not indented further (the common Kubernetes style).
      return [head, ...emit(value, Array.isArray(value) ? indent : indent + 2)];
    }
    return [`${head} ${emit(value, 0)[0]}`];
  });
}

function emitList(list: readonly YamlValue[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (list.length === 0) return [`${pad}[]`];
  return list.flatMap((item) => {
    if (isCollection(item) && !isEmpty(item)) {
      // The first line of a nested collection goes on the dash line.
      const [first, ...rest] = emit(item, indent + 2);
      return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
    }
    if (typeof item === 'string' && item.includes('\n')) return [`${pad}- ${quoted(item)}`];
    return [`${pad}- ${emit(item, 0)[0]}`];
  });
}

/**
 * A multi-line string as a literal block (`|` keeps one final newline, `|-` none). Strings a block
 * cannot carry exactly (leading spaces on the first line, several trailing newlines, carriage
 * returns or tabs) become JSON strings instead.
 */
function blockScalar(head: string, text: string, indent: number): string[] {
  if (/^[ \t]/.test(text) || /\n\n$/.test(text) || /[\r\t]/.test(text) || /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.test(text)) return [`${head} ${quoted(text)}`];
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const pad = ' '.repeat(indent);
  return [`${head} ${text.endsWith('\n') ? '|' : '|-'}`, ...body.split('\n').map((line) => (line === '' ? '' : `${pad}${line}`))];
}

function isCollection(value: YamlValue): boolean {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.values(value as object).every((v) => v === undefined);
}
