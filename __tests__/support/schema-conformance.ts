import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_DIR } from './tools';

/**
 * Checks synthesized Terraform JSON against a provider's real schema (`tofu providers schema -json`):
 * what `tofu validate` would reject for the blocks of one provider, without the provider binary.
 * For every `<prefix>_*` resource and data block and every `provider.<name>` block: no unknown
 * attribute or block, no read-only (computed-only) or deprecated attribute set (validate warns),
 * every required attribute and block present, nesting mode and min/max items respected, values of a
 * plausible type (OpenTofu's own conversions allowed: a number or bool for a string, "5" for a
 * number, "true" for a bool); a string holding `${…}` stands for a value unknown until plan and is
 * accepted wherever a value is. Lifecycle `ignore_changes` must name attributes or blocks that exist.
 */

/** cty type in schema JSON: "string", "number", "bool", "dynamic", ["list", T], ["object", {…}], … */
export type CtyType = string | [string, unknown] | [string, unknown, unknown];

export interface SchemaAttribute {
  readonly type?: CtyType;
  readonly nested_type?: { readonly attributes: Record<string, SchemaAttribute>; readonly nesting_mode: string; readonly min_items?: number; readonly max_items?: number };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
  readonly sensitive?: boolean;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, SchemaBlockType>;
  readonly deprecated?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** One provider's part of a `tofu providers schema -json` document. */
export interface ProviderSchema {
  readonly provider?: { readonly block: SchemaBlock };
  readonly resource_schemas?: Record<string, { readonly block: SchemaBlock }>;
  readonly data_source_schemas?: Record<string, { readonly block: SchemaBlock }>;
}

/** What a check found. */
export interface ConformanceReport {
  /** One line per problem, each starting with the block's address and the path inside it. */
  readonly problems: readonly string[];
  /** Addresses of the blocks that were checked (`resource.huaweicloud_vpc.x`, `data.…`, `provider.…`). */
  readonly checked: readonly string[];
}

const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);
const DATA_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', '//']);
const PROVIDER_META = new Set(['alias', '//']);

/** The provider with `source` (or the only one) out of a `tofu providers schema -json` file. */
export function loadProviderSchema(file: string, source?: string): ProviderSchema {
  const document = JSON.parse(fs.readFileSync(file, 'utf8')) as { provider_schemas?: Record<string, ProviderSchema> };
  const entries = Object.entries(document.provider_schemas ?? {});
  const found = entries.find(([fqpn]) => fqpn === source) ?? (entries.length === 1 ? entries[0] : undefined);
  if (!found) throw new Error(`${file} holds no provider ${source ?? '(exactly one expected)'}; it holds ${entries.map(([k]) => k).join(', ') || 'none'}`);
  return found[1];
}

/** The dump of a real provider binary in ../shared/provider-schemas (may be absent outside CI). */
export function sharedSchemaFile(name: string, version: string): string {
  return path.resolve(PROJECT_DIR, '..', 'shared', 'provider-schemas', `${name}-${version}.json`);
}

/**
 * `describe` when the file exists or in CI (where a missing schema must fail the tests, not skip
 * them); locally, a skipped suite announced loudly on stderr.
 */
export function describeWithSchema(file: string): jest.Describe {
  if (fs.existsSync(file) || process.env.CI === 'true') return describe;
  process.stderr.write(`\n*** SKIPPING schema-conformance tests: ${file} is missing (CI=true turns this into a failure). ***\n\n`);
  return describe.skip;
}

/** Checks every `<prefix>_*` resource/data block and `provider.<prefix>` block of `tf`. */
export function checkSchemaConformance(tf: any, schema: ProviderSchema, prefix: string): ConformanceReport {
  const problems: string[] = [];
  const checked: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    const schemas = kind === 'resource' ? schema.resource_schemas : schema.data_source_schemas;
    for (const [type, instances] of Object.entries<any>(tf?.[kind] ?? {})) {
      if (!type.startsWith(`${prefix}_`)) continue;
      for (const [name, body] of Object.entries<any>(instances ?? {})) {
        const address = `${kind === 'data' ? 'data.' : 'resource.'}${type}.${name}`;
        checked.push(address);
        const typeSchema = schemas?.[type];
        if (!typeSchema) {
          problems.push(`${address}: the provider has no ${kind === 'data' ? 'data source' : 'resource'} type "${type}"`);
          continue;
        }
        checkBlock(body, typeSchema.block, address, kind === 'data' ? DATA_META : RESOURCE_META, problems);
        checkLifecycle(body?.lifecycle, typeSchema.block, address, problems);
      }
    }
  }
  const providerBlocks = tf?.provider?.[prefix];
  if (providerBlocks !== undefined && schema.provider) {
    (Array.isArray(providerBlocks) ? providerBlocks : [providerBlocks]).forEach((body, i) => {
      const address = `provider.${prefix}[${i}]`;
      checked.push(address);
      checkBlock(body, schema.provider!.block, address, PROVIDER_META, problems);
    });
  }
  return { problems, checked };
}

/** True for a value OpenTofu only knows at plan time (an interpolation). */
export function isToken(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkBlock(body: unknown, block: SchemaBlock, at: string, meta: ReadonlySet<string>, problems: string[]): void {
  if (!isObject(body)) {
    problems.push(`${at}: must be an object (a block body), got ${describeValue(body)}`);
    return;
  }
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const dynamic = isObject(body.dynamic) ? body.dynamic : {};
  for (const [key, value] of Object.entries(body)) {
    if (meta.has(key)) continue;
    if (key === 'dynamic') {
      for (const [blockName, spec] of Object.entries(dynamic)) {
        const blockType = blockTypes[blockName];
        if (!blockType) problems.push(`${at}.dynamic.${blockName}: unknown block "${blockName}" (blocks: ${list(blockTypes)})`);
        else if (!isObject(spec) || !('for_each' in spec) || !isObject(spec.content)) problems.push(`${at}.dynamic.${blockName}: needs for_each and a content object`);
        else checkBlock(spec.content, blockType.block, `${at}.dynamic.${blockName}.content`, new Set(), problems);
      }
      continue;
    }
    const attribute = attributes[key];
    if (attribute) {
      if (!attribute.required && !attribute.optional) problems.push(`${at}.${key}: is read-only (computed by the provider), it cannot be set`);
      if (attribute.deprecated) problems.push(`${at}.${key}: is deprecated (tofu validate warns)`);
      if (value === null) continue;
      if (attribute.nested_type) checkNested(value, attribute.nested_type, `${at}.${key}`, problems);
      else checkValue(value, attribute.type ?? 'dynamic', `${at}.${key}`, problems);
      continue;
    }
    const blockType = blockTypes[key];
    if (blockType) {
      if (blockType.block.deprecated) problems.push(`${at}.${key}: the block is deprecated (tofu validate warns)`);
      checkBlockType(value, blockType, `${at}.${key}`, problems);
      continue;
    }
    problems.push(`${at}.${key}: unknown attribute or block "${key}" (attributes: ${list(attributes)}; blocks: ${list(blockTypes)})`);
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && (body[name] === undefined || body[name] === null)) problems.push(`${at}.${name}: the required attribute is missing`);
  }
  for (const [name, blockType] of Object.entries(blockTypes)) {
    if ((blockType.min_items ?? 0) > 0 && body[name] === undefined && !(name in dynamic)) {
      problems.push(`${at}.${name}: at least ${blockType.min_items} "${name}" block(s) required, found none`);
    }
  }
}

function checkBlockType(value: unknown, blockType: SchemaBlockType, at: string, problems: string[]): void {
  if (isToken(value)) {
    problems.push(`${at}: a block cannot be an expression (${String(value)}); use a dynamic block`);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  switch (blockType.nesting_mode) {
    case 'single':
    case 'group':
      if (items.length > 1) problems.push(`${at}: a single block, got ${items.length}`);
      items.forEach((item, i) => checkBlock(item, blockType.block, Array.isArray(value) ? `${at}[${i}]` : at, new Set(), problems));
      return;
    case 'list':
    case 'set': {
      const min = blockType.min_items ?? 0;
      const max = blockType.max_items ?? 0;
      if (items.length < min) problems.push(`${at}: at least ${min} block(s), got ${items.length}`);
      if (max > 0 && items.length > max) problems.push(`${at}: at most ${max} block(s), got ${items.length}`);
      items.forEach((item, i) => checkBlock(item, blockType.block, Array.isArray(value) ? `${at}[${i}]` : at, new Set(), problems));
      return;
    }
    case 'map':
      if (!isObject(value)) problems.push(`${at}: a map of labelled blocks (an object), got ${describeValue(value)}`);
      else for (const [label, item] of Object.entries(value)) checkBlock(item, blockType.block, `${at}.${label}`, new Set(), problems);
      return;
    default:
      problems.push(`${at}: unknown nesting mode "${String((blockType as SchemaBlockType).nesting_mode)}" in the schema`);
  }
}

function checkNested(value: unknown, nested: NonNullable<SchemaAttribute['nested_type']>, at: string, problems: string[]): void {
  if (isToken(value)) return;
  const block: SchemaBlock = { attributes: nested.attributes };
  if (nested.nesting_mode === 'single') {
    checkBlock(value, block, at, new Set(), problems);
  } else if (nested.nesting_mode === 'list' || nested.nesting_mode === 'set') {
    if (!Array.isArray(value)) problems.push(`${at}: must be a list of objects, got ${describeValue(value)}`);
    else value.forEach((item, i) => checkBlock(item, block, `${at}[${i}]`, new Set(), problems));
  } else if (nested.nesting_mode === 'map') {
    if (!isObject(value)) problems.push(`${at}: must be a map of objects, got ${describeValue(value)}`);
    else for (const [key, item] of Object.entries(value)) checkBlock(item, block, `${at}.${key}`, new Set(), problems);
  }
}

/** Checks a value against a cty type, allowing the conversions OpenTofu applies. */
export function checkValue(value: unknown, type: CtyType, at: string, problems: string[]): void {
  if (value === null || isToken(value) || type === 'dynamic') return;
  if (typeof type === 'string') {
    const ok =
      type === 'string' ? ['string', 'number', 'boolean'].includes(typeof value)
        : type === 'number' ? (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
          : type === 'bool' ? typeof value === 'boolean' || value === 'true' || value === 'false'
            : false;
    if (!ok) problems.push(`${at}: must be a ${type}, got ${describeValue(value)}`);
    return;
  }
  const [kind, element, optional] = type;
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(value)) problems.push(`${at}: must be a ${kind}, got ${describeValue(value)}`);
    else value.forEach((item, i) => checkValue(item, element as CtyType, `${at}[${i}]`, problems));
  } else if (kind === 'map') {
    if (!isObject(value)) problems.push(`${at}: must be a map, got ${describeValue(value)}`);
    else for (const [key, item] of Object.entries(value)) checkValue(item, element as CtyType, `${at}.${key}`, problems);
  } else if (kind === 'object') {
    const fields = element as Record<string, CtyType>;
    const optionalFields = new Set(Array.isArray(optional) ? (optional as string[]) : []);
    if (!isObject(value)) {
      problems.push(`${at}: must be an object, got ${describeValue(value)}`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!(key in fields)) problems.push(`${at}.${key}: unknown object attribute (allowed: ${Object.keys(fields).sort().join(', ')})`);
      else checkValue(item, fields[key], `${at}.${key}`, problems);
    }
    for (const key of Object.keys(fields)) if (!(key in value) && !optionalFields.has(key)) problems.push(`${at}.${key}: the object attribute is missing`);
  } else if (kind === 'tuple') {
    const elements = element as CtyType[];
    if (!Array.isArray(value) || value.length !== elements.length) problems.push(`${at}: must be a tuple of ${elements.length}, got ${describeValue(value)}`);
    else value.forEach((item, i) => checkValue(item, elements[i], `${at}[${i}]`, problems));
  } else {
    problems.push(`${at}: unknown type ${JSON.stringify(type)} in the schema`);
  }
}

function checkLifecycle(lifecycle: unknown, block: SchemaBlock, at: string, problems: string[]): void {
  if (!isObject(lifecycle) || !Array.isArray(lifecycle.ignore_changes)) return;
  for (const entry of lifecycle.ignore_changes) {
    if (typeof entry !== 'string' || entry === 'all') continue;
    const head = entry.split(/[.[]/)[0];
    if (!(head in (block.attributes ?? {})) && !(head in (block.block_types ?? {}))) {
      problems.push(`${at}.lifecycle.ignore_changes: "${entry}" names no attribute or block of this type`);
    }
  }
}

function list(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort();
  return keys.length > 0 ? keys.join(', ') : 'none';
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return `${Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value} ${text && text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
