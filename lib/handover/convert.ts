/**
 * State values → `spec.forProvider`, driven by the CRD's schema: only fields the schema has, under
 * its names (Upjet's camelCase of the Terraform argument, matched case- and underscore-blind),
 * in its shapes (a Terraform block list becomes an object where the CRD has an object, a scalar is
 * converted to the schema's type). Sensitive values are never copied; where the CRD offers a
 * `…SecretRef` for an argument the state holds, a reference to a Secret is written instead.
 */
import { REFERENCE_DESCRIPTION, SchemaNode } from './crd';
import { SensitiveMask } from './state';
import { NEVER_COPY_ATTRIBUTES, NEVER_COPY_MAP_KEYS } from './rules';

/** `ip_range` / `ipRange` / `IPRange` → `iprange`: how state attributes meet CRD fields. */
export function fieldKey(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/** A reference another adopted resource can satisfy: `{ name }` of its manifest. */
export type RefResolver = (targetKind: string, targetGroup: string, value: unknown) => string | undefined;

/** What converting needs besides the values. */
export interface ConvertContext {
  /** Finds the adopted resource a value points to; undefined = keep the literal. @default - no references */
  readonly resolveRef?: RefResolver;
  /** Namespace of Refs and Secret references (namespaced kinds only). @default - none */
  readonly namespace?: string;
  /** Secret that sensitive arguments are read from; `key` = the Terraform attribute name. */
  readonly secretName?: string;
  /** Called for every sensitive argument turned into a Secret reference. */
  readonly onSecret?: (attribute: string) => void;
  /** Called for every state attribute the CRD has no field for (top level only). */
  readonly onDropped?: (attribute: string) => void;
}

/**
 * The kind and API group prefix a `…Ref`/`…Refs` field points to: the catalogue's
 * `x-sovereign-reference`, else (an original CRD schema) read from its description.
 */
export function referenceTarget(schema: SchemaNode | undefined): { kind: string; group: string } | undefined {
  const known = schema?.['x-sovereign-reference'] as { kind: string; group: string } | undefined;
  if (known) return { kind: known.kind, group: known.group };
  const match = REFERENCE_DESCRIPTION.exec(schema?.description ?? '');
  return match ? { kind: match[1], group: match[2] } : undefined;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);
}

function maskAt(mask: SensitiveMask | undefined, key: string | number): SensitiveMask {
  if (mask === true) return true;
  if (!mask || typeof mask !== 'object') return false;
  return ((mask as Record<string, SensitiveMask>)[key as string] ?? false) as SensitiveMask;
}

/** Converts one value to `schema`'s shape; undefined when it cannot (or must not) be expressed. */
export function convertValue(value: unknown, schema: SchemaNode, mask: SensitiveMask, ctx: ConvertContext): unknown {
  if (mask === true || isEmpty(value)) return undefined;
  switch (schema.type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return undefined;
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      return Number.isNaN(n) || (schema.type === 'integer' && !Number.isInteger(n)) ? undefined : n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return undefined;
    case 'array': {
      const items = Array.isArray(value) ? value : [value];
      const out = items.map((item, i) => convertValue(item, schema.items ?? {}, maskAt(mask, i), ctx)).filter((v) => v !== undefined);
      return out.length ? out : undefined;
    }
    case 'object': {
      let object = value;
      if (Array.isArray(object)) {
        if (object.length !== 1) return undefined; // a block list where the CRD has one object
        object = object[0];
        mask = maskAt(mask, 0);
      }
      if (typeof object !== 'object' || object === null) return undefined;
      if (schema.properties) return convertObject(object as Record<string, unknown>, schema, mask, ctx);
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(object as Record<string, unknown>)) {
          const converted = convertValue(item, schema.additionalProperties, maskAt(mask, key), ctx);
          if (converted !== undefined) out[key] = converted;
        }
        return Object.keys(out).length ? out : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Converts a Terraform object (a resource's attributes or a block) to the object `schema`
 * describes. Fields with a `…Ref(s)` sibling become references when `resolveRef` finds the target.
 */
export function convertObject(values: Readonly<Record<string, unknown>>, schema: SchemaNode, mask: SensitiveMask, ctx: ConvertContext, topLevel = false): Record<string, unknown> | undefined {
  const props = schema.properties ?? {};
  const byKey = new Map(Object.keys(props).map((name) => [fieldKey(name), name]));
  const out: Record<string, unknown> = {};
  for (const [attribute, raw] of Object.entries(values)) {
    if (raw === null || raw === undefined) continue;
    if (NEVER_COPY_ATTRIBUTES.has(attribute)) continue;
    let value = raw;
    const skipKeys = NEVER_COPY_MAP_KEYS.get(attribute);
    if (skipKeys && typeof value === 'object' && !Array.isArray(value)) value = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !skipKeys.has(k)));
    const field = byKey.get(fieldKey(attribute));
    const attrMask = maskAt(mask, attribute);
    const secretField = props[`${field ?? camel(attribute)}SecretRef`] ? `${field ?? camel(attribute)}SecretRef` : undefined;
    if (secretField && ctx.secretName && !isEmpty(value)) {
      out[secretField] = secretRef(props[secretField], ctx, attribute);
      ctx.onSecret?.(attribute);
      continue;
    }
    if (!field || field.endsWith('SecretRef')) {
      if (topLevel && !isEmpty(value)) ctx.onDropped?.(attribute);
      continue;
    }
    if (attrMask === true) continue;
    const ref = ctx.resolveRef ? reference(field, value, props, ctx) : undefined;
    if (ref) {
      Object.assign(out, ref);
      continue;
    }
    const converted = convertValue(value, props[field], attrMask, ctx);
    if (converted !== undefined) out[field] = converted;
  }
  return Object.keys(out).length || topLevel ? out : undefined;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function secretRef(schema: SchemaNode, ctx: ConvertContext, key: string): Record<string, string> {
  const ref: Record<string, string> = { name: ctx.secretName as string, key };
  if (schema.properties?.namespace && ctx.namespace) ref.namespace = ctx.namespace;
  return ref;
}

/** `{ fieldRef: { name } }` / `{ fieldRefs: [{ name }…] }` when every value maps to one adopted resource. */
function reference(field: string, value: unknown, props: Readonly<Record<string, SchemaNode>>, ctx: ConvertContext): Record<string, unknown> | undefined {
  const single = props[`${field}Ref`];
  const multi = props[`${field}Refs`];
  const target = referenceTarget(single ?? multi);
  if (!target || !ctx.resolveRef) return undefined;
  const refObject = (schema: SchemaNode | undefined, name: string) => ({ name, ...(schema?.properties?.namespace && ctx.namespace ? { namespace: ctx.namespace } : {}) });
  if (single && !Array.isArray(value)) {
    const name = ctx.resolveRef(target.kind, target.group, value);
    return name ? { [`${field}Ref`]: refObject(single, name) } : undefined;
  }
  if (multi && Array.isArray(value) && value.length > 0) {
    const names = value.map((v) => ctx.resolveRef!(target.kind, target.group, v));
    if (names.some((n) => n === undefined)) return undefined;
    return { [`${field}Refs`]: names.map((n) => refObject(multi.items, n as string)) };
  }
  return undefined;
}
