import { AttributeMode, BlockSchema, BUILTIN_PROVIDER_SOURCE, FALLBACK_SCHEMA, NestedBlock, SchemaCatalog } from './block-schema';
import { formatExpression, formatTemplateSequences } from './hcl-expression';
import { escapeTemplateSequences } from '../common/hcl-escape';
import { heredocTemplate, quoteTemplate, soleInterpolation } from './hcl-template';
import { HclExpr, HclWriter } from './hcl-writer';

/**
 * Renders a Terraform JSON configuration (what cdktf synthesizes) as HCL that OpenTofu reads the
 * same way, laid out like `tofu fmt`. The rules, in short (docs/EXPORT.md has them in full):
 * - a string that is exactly `"${expr}"` becomes `expr`; any other string in an expression
 *   position stays a template: a heredoc when it has several lines and ends with a newline, else a
 *   quoted string with `\`, `"` and control characters escaped; `${`/`%{` sequences are copied;
 * - strings OpenTofu reads without evaluation (variable `description`/`default`, output
 *   `description`, `required_version`, provider `source`/`version`, module `source`/`version`) are
 *   literal: `${` and `%{` are escaped to `$${` and `%%{`;
 * - references JSON writes bare (`depends_on`, `lifecycle.ignore_changes`, `provider`,
 *   encryption `method`) and variable `type` are written as expressions;
 * - nested blocks vs object attributes follow the schema (block-schema.ts);
 * - `//` members of block bodies (cdktf metadata) become `#` comments: OpenTofu ignores them.
 */

/** A member whose block-or-attribute form was guessed because no schema describes its type. */
export interface SchemaGuess {
  /** Address of the block holding it, e.g. `resource.foo_bar.x`. */
  readonly address: string;
  readonly member: string;
  readonly decision: 'block' | 'attribute';
}

export interface RenderedHcl {
  /** The HCL file, formatted, ending in a newline. */
  readonly text: string;
  /** Members decided by the fallback rule; empty when every type had a schema. */
  readonly guesses: readonly SchemaGuess[];
}

export interface RenderHclOptions {
  /** Where block/attribute decisions come from. */
  readonly catalog: SchemaCatalog;
  /** Comment lines written first (without `#`). @default - none */
  readonly header?: readonly string[];
}

/** A Terraform JSON document that cannot be rendered (an unknown top-level member, a malformed block). */
export class HclRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HclRenderError';
  }
}

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------------------------------------
// Built-in block shapes (OpenTofu's own, not a provider's)

const attrs = (entries: Record<string, AttributeMode>): ReadonlyMap<string, AttributeMode> => new Map(Object.entries(entries));
const block = (labels: number, schema: BlockSchema): NestedBlock => ({ labels, schema });
const builtIn = (blocks: Record<string, NestedBlock> = {}, attributes: Record<string, AttributeMode> = {}): BlockSchema => ({
  origin: 'built-in',
  blocks: new Map(Object.entries(blocks)),
  attributes: attrs(attributes),
});

const CONDITION = builtIn();
const LOCALS = builtIn();
const CONDITIONS = { precondition: block(0, CONDITION), postcondition: block(0, CONDITION) };
const LIFECYCLE = builtIn(CONDITIONS, { ignore_changes: 'traversal', replace_triggered_by: 'traversal' });
const CONNECTION = builtIn();
const PROVISIONER = builtIn({ connection: block(0, CONNECTION) }, { when: 'traversal', on_failure: 'traversal' });
/** Meta-arguments every resource and data source may have, on top of its type's schema. */
const RESOURCE_META = {
  blocks: { lifecycle: block(0, LIFECYCLE), connection: block(0, CONNECTION), provisioner: block(1, PROVISIONER) },
  attributes: { provider: 'traversal', depends_on: 'traversal' } as Record<string, AttributeMode>,
};

function target(): BlockSchema {
  const schema: { origin: 'built-in'; blocks: Map<string, NestedBlock>; attributes: ReadonlyMap<string, AttributeMode> } = {
    origin: 'built-in',
    blocks: new Map(),
    attributes: attrs({ method: 'traversal' }),
  };
  schema.blocks.set('fallback', block(0, schema));
  return schema;
}
const ENCRYPTION_TARGET = target();
const ENCRYPTION = builtIn({
  // Only the aws_kms key provider has a nested block (`endpoints`); the name is unused elsewhere.
  key_provider: block(2, builtIn({ endpoints: block(0, builtIn()) })),
  method: block(2, builtIn()),
  state: block(0, ENCRYPTION_TARGET),
  plan: block(0, ENCRYPTION_TARGET),
  remote_state_data_sources: block(0, builtIn({ default: block(0, ENCRYPTION_TARGET), remote_state_data_source: block(1, ENCRYPTION_TARGET) })),
});
/** Nested blocks of backends (all other backend settings are attributes, e.g. s3 `endpoints`). */
const BACKEND = builtIn({ workspaces: block(0, builtIn()) });
/** `required_providers { name = { source, version, configuration_aliases } }`: attributes named after providers. */
export const REQUIRED_PROVIDERS = builtIn();
const TERRAFORM = builtIn(
  {
    required_providers: block(0, REQUIRED_PROVIDERS),
    backend: block(1, BACKEND),
    cloud: block(0, builtIn({ workspaces: block(0, builtIn()) })),
    encryption: block(0, ENCRYPTION),
    provider_meta: block(1, builtIn()),
  },
  { required_version: 'literal', experiments: 'traversal' },
);
export const VARIABLE = builtIn({ validation: block(0, CONDITION) }, { type: 'type', default: 'literal', description: 'literal' });
const OUTPUT = builtIn(CONDITIONS, { description: 'literal', depends_on: 'traversal' });
const MODULE = builtIn({}, { source: 'literal', version: 'literal', depends_on: 'traversal', providers: 'traversal' });
const IMPORT = builtIn({}, { to: 'traversal', provider: 'traversal' });
const MOVED = builtIn({}, { from: 'traversal', to: 'traversal' });
const REMOVED = builtIn({ lifecycle: block(0, builtIn()) }, { from: 'traversal' });

/** The settings of a `dynamic` block (its `content` is rendered apart). */
export const DYNAMIC = builtIn({}, { iterator: 'traversal' });

/** Top-level members, in the order they are written. */
const SECTIONS = ['terraform', 'provider', 'variable', 'locals', 'data', 'resource', 'module', 'output', 'import', 'moved', 'removed', 'check'] as const;

/** Keyword types `tofu fmt` spells out: a bare collection keyword means "of any". */
const BARE_COLLECTION_TYPES = new Set(['list', 'map', 'set']);
/** Identifiers that cannot be bare object keys (they start other syntax or are literals). */
const RESERVED_KEYS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'endfor', 'endif', 'else']);

// ---------------------------------------------------------------------------------------------

/** One top-level block of the document with the schema its body follows. */
export interface TopLevelBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: JsonObject;
  readonly schema: BlockSchema;
}

/**
 * The top-level blocks a Terraform JSON document stands for, in the order they are written, each
 * with the schema of its body (built-in shapes, or the provider's for providers, resources and
 * data sources, plus the meta-arguments). Throws {@link HclRenderError} on unknown members.
 */
export function topLevelBlocks(document: object, catalog: SchemaCatalog): TopLevelBlock[] {
  const tf = document as JsonObject;
  for (const key of Object.keys(tf)) {
    if (key !== '//' && !(SECTIONS as readonly string[]).includes(key)) {
      throw new HclRenderError(`unsupported top-level member "${key}"; supported: ${SECTIONS.join(', ')}`);
    }
  }
  if (tf.check !== undefined) throw new HclRenderError('check blocks are not supported by the HCL renderer');
  const sources = requiredProviderSources(tf);
  const sourceOf = (localName: string): string =>
    localName === 'terraform' ? BUILTIN_PROVIDER_SOURCE : (sources[localName] ?? `registry.opentofu.org/hashicorp/${localName}`);
  const blocks: TopLevelBlock[] = [];
  const add = (type: string, value: Json | undefined, labels: number, schema: (labels: string[], body: JsonObject) => BlockSchema) => {
    for (const [labelValues, body] of labeledBodies(value ?? [], labels, type)) blocks.push({ type, labels: labelValues, body, schema: schema(labelValues, body) });
  };
  add('terraform', tf.terraform, 0, () => TERRAFORM);
  add('provider', tf.provider, 1, ([name]) => withAttributes(catalog.provider(name, sourceOf(name)), { alias: 'literal', version: 'literal' }));
  add('variable', tf.variable, 1, () => VARIABLE);
  add('locals', tf.locals, 0, () => LOCALS);
  for (const section of ['data', 'resource'] as const) {
    add(section, tf[section], 2, ([type], body) => {
      const provider = typeof body.provider === 'string' ? (soleInterpolation(body.provider) ?? body.provider).split('.')[0] : type.split('_')[0];
      return withMeta(section === 'data' ? catalog.dataSource(type, sourceOf(provider)) : catalog.resource(type, sourceOf(provider)));
    });
  }
  add('module', tf.module, 1, () => MODULE);
  add('output', tf.output, 1, () => OUTPUT);
  add('import', tf.import, 0, () => IMPORT);
  add('moved', tf.moved, 0, () => MOVED);
  add('removed', tf.removed, 0, () => REMOVED);
  return blocks;
}

/** Renders a Terraform JSON document as formatted HCL. */
export function renderHcl(document: object, options: RenderHclOptions): RenderedHcl {
  const blocks = topLevelBlocks(document, options.catalog);
  const r = new Renderer();
  for (const line of options.header ?? []) r.w.comment(0, line);
  const metadata = (document as JsonObject)['//'];
  if (metadata !== undefined) {
    r.w.comment(0, 'cdktf metadata (the "//" member of the JSON, which OpenTofu ignores):');
    r.comments(0, metadata);
  }
  r.w.blank();
  for (const b of blocks) r.block(0, b.type, b.labels, b.body, b.schema, [b.type, ...b.labels].join('.'));
  return { text: r.w.toString(), guesses: r.guesses };
}

class Renderer {
  public readonly w = new HclWriter();
  public readonly guesses: SchemaGuess[] = [];

  /** `//` metadata as comment lines: one `path: value` line per leaf. */
  public comments(indent: number, value: Json): void {
    for (const [key, leaf] of leaves(value, '')) this.w.comment(indent, `${key === '' ? '//' : key}: ${typeof leaf === 'string' ? leaf : JSON.stringify(leaf)}`);
  }

  public block(indent: number, type: string, labels: readonly string[], body: JsonObject, schema: BlockSchema, address: string): void {
    this.w.blank();
    this.w.openBlock(indent, type, labels);
    this.body(indent + 1, body, schema, address);
    this.w.closeBlock(indent);
    this.w.blank();
  }

  /**
   * A block body: comments, then meta-arguments (count, for_each, provider), other attributes,
   * nested blocks (schema order of appearance in the JSON), depends_on, and lifecycle,
   * connection and provisioner blocks last.
   */
  private body(indent: number, body: JsonObject, schema: BlockSchema, address: string): void {
    if (body['//'] !== undefined) this.comments(indent, body['//']);
    const members = Object.entries(body).filter(([key]) => key !== '//');
    const isBlock = (key: string, value: Json): boolean => {
      if (isDynamic(schema, key)) return true;
      const known = schema.blocks.has(key);
      if (schema.origin === 'fallback' && isObjectish(value)) this.guesses.push({ address, member: key, decision: known ? 'block' : 'attribute' });
      return known;
    };
    const rank = (key: string, value: Json): number => {
      const nested = isBlock(key, value);
      if (!nested && schema.origin !== 'built-in' && ['count', 'for_each', 'provider'].includes(key)) return 0;
      if (!nested && key === 'depends_on') return 3;
      if (nested && ['lifecycle', 'connection', 'provisioner'].includes(key)) return 4;
      return nested ? 2 : 1;
    };
    const ranked = members.map(([key, value], index) => ({ key, value, index, rank: rank(key, value) }));
    ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
    let previousRank: number | undefined;
    for (const { key, value, rank: r } of ranked) {
      if (previousRank !== undefined && previousRank !== r) this.w.blank();
      previousRank = r;
      if (r === 2 || r === 4) {
        if (key === 'dynamic') this.dynamic(indent, value, schema, address);
        else this.nested(indent, key, value, schema.blocks.get(key)!, `${address}.${key}`);
      } else {
        if (!isIdentifier(key)) throw new HclRenderError(`${address}: "${key}" is not a valid argument name`);
        if (schema === REQUIRED_PROVIDERS) this.w.attribute(indent, key, this.requirement(value));
        else this.w.attribute(indent, key, this.expr(value, attributeMode(schema, key), true, key === 'type' && schema === VARIABLE));
      }
    }
  }

  private nested(indent: number, type: string, value: Json, nested: NestedBlock, address: string): void {
    for (const [labels, body] of labeledBodies(value, nested.labels, address)) {
      this.w.blank();
      this.w.openBlock(indent, type, labels);
      this.body(indent + 1, body, nested.schema, address);
      this.w.closeBlock(indent);
      this.w.blank();
    }
  }

  /** `dynamic "x" { for_each, iterator, labels, content { … } }`; content follows the schema of block x. */
  private dynamic(indent: number, value: Json, schema: BlockSchema, address: string): void {
    for (const [[name], spec] of labeledBodies(value, 1, `${address}.dynamic`)) {
      const { content, ...settings } = spec;
      this.w.blank();
      this.w.openBlock(indent, 'dynamic', [name]);
      this.body(indent + 1, settings, DYNAMIC, `${address}.dynamic.${name}`);
      if (content !== undefined) {
        if (!isObject(content)) throw new HclRenderError(`${address}.dynamic.${name}.content must be an object`);
        this.w.blank();
        this.w.openBlock(indent + 1, 'content', []);
        this.body(indent + 2, content, dynamicContentSchema(schema, name), `${address}.dynamic.${name}.content`);
        this.w.closeBlock(indent + 1);
      }
      this.w.closeBlock(indent);
      this.w.blank();
    }
  }

  /** A provider requirement: `"~> 1.0"` (legacy) or `{ source, version, configuration_aliases }`. */
  private requirement(value: Json): HclExpr {
    if (!isObject(value)) return this.expr(value, 'literal', false);
    return {
      kind: 'object',
      items: Object.entries(value).map(([key, item]) => [objectKey(key, 'literal'), this.expr(item, key === 'configuration_aliases' ? 'traversal' : 'literal', false)] as const),
    };
  }

  /** A JSON value as an HCL expression read the way `mode` says OpenTofu reads it. */
  private expr(value: Json, mode: AttributeMode, heredocAllowed: boolean, variableType = false): HclExpr {
    if (value === null) return raw('null');
    if (typeof value === 'boolean' || typeof value === 'number') return raw(JSON.stringify(value));
    if (typeof value === 'string') return this.string(value, mode, heredocAllowed, variableType);
    if (Array.isArray(value)) return { kind: 'list', items: value.map((item) => this.expr(item, mode, false)) };
    if (mode === 'traversal') {
      // e.g. module `providers = { aws = aws.west }`: keys are literal names, values references.
      return { kind: 'object', items: Object.entries(value).map(([key, item]) => [objectKey(key, 'literal'), this.expr(item, mode, true)] as const) };
    }
    return { kind: 'object', items: Object.entries(value).map(([key, item]) => [objectKey(key, mode), this.expr(item, mode, true)] as const) };
  }

  private string(value: string, mode: AttributeMode, heredocAllowed: boolean, variableType: boolean): HclExpr {
    if (mode === 'traversal' || mode === 'type') {
      const expression = soleInterpolation(value) ?? value;
      if (variableType && BARE_COLLECTION_TYPES.has(expression)) return raw(`${expression}(any)`);
      return bare(expression);
    }
    if (mode === 'literal') return text(escapeTemplateSequences(value), heredocAllowed);
    const expression = soleInterpolation(value);
    if (expression !== undefined) return bare(expression);
    return text(value, heredocAllowed);
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

function raw(textValue: string): HclExpr {
  return { kind: 'raw', text: textValue };
}

/**
 * A bare expression, spaced as `tofu fmt` spaces it; one spanning lines is kept as written and
 * parenthesised so the newlines stay inside brackets.
 */
function bare(expression: string): HclExpr {
  if (expression.includes('\n')) return raw(expression.startsWith('(') && expression.endsWith(')') ? expression : `(${expression})`);
  return raw(formatExpression(expression) ?? expression);
}

/** Template source as a heredoc (when allowed and exact) or a quoted string; sequences spaced as fmt does. */
function text(template: string, heredocAllowed: boolean): HclExpr {
  const formatted = formatTemplateSequences(template);
  const heredoc = heredocAllowed ? heredocTemplate(formatted) : undefined;
  return heredoc !== undefined ? { kind: 'heredoc', text: heredoc } : raw(quoteTemplate(formatted));
}

/** An object key: bare when it is a plain identifier, else quoted (a template in template positions). */
function objectKey(key: string, mode: AttributeMode): string {
  if (isIdentifier(key) && !RESERVED_KEYS.has(key)) return key;
  return quoteTemplate(mode === 'template' ? key : escapeTemplateSequences(key));
}

/** How OpenTofu reads attribute `name` of a body with this schema. */
export function attributeMode(schema: BlockSchema, name: string): AttributeMode {
  return schema.attributes?.get(name) ?? 'template';
}

/** Schema of the `content` of `dynamic "<name>"` in a body with this schema. */
export function dynamicContentSchema(schema: BlockSchema, name: string): BlockSchema {
  return withMeta(schema.blocks.get(name)?.schema ?? FALLBACK_SCHEMA, false);
}

/** Whether member `key` of a body with this schema is a `dynamic` block (not in OpenTofu's own blocks). */
export function isDynamic(schema: BlockSchema, key: string): boolean {
  return key === 'dynamic' && schema.origin !== 'built-in';
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isObjectish(value: Json): boolean {
  return isObject(value) || (Array.isArray(value) && value.length > 0 && value.every(isObject));
}

/**
 * The blocks a JSON value stands for: with n labels, n levels of objects keyed by label; at any
 * level an array means several (Terraform JSON's way to repeat a block or a label).
 */
export function labeledBodies(value: Json, labels: number, address: string): [string[], JsonObject][] {
  if (Array.isArray(value)) return value.flatMap((item) => labeledBodies(item, labels, address));
  if (value === null) return [];
  if (!isObject(value)) throw new HclRenderError(`${address}: expected an object, got ${JSON.stringify(value)}`);
  if (labels === 0) return [[[], value]];
  return Object.entries(value)
    .filter(([key]) => key !== '//')
    .flatMap(([label, inner]) => labeledBodies(inner, labels - 1, `${address}.${label}`).map(([rest, body]): [string[], JsonObject] => [[label, ...rest], body]));
}

/** `[path, value]` for every leaf of a metadata value. */
function leaves(value: Json, prefix: string): [string, Json][] {
  if (isObject(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [[prefix, value]];
}

function withMeta(schema: BlockSchema, resourceMeta = true): BlockSchema {
  const blocks = new Map(schema.blocks);
  const attributes = new Map(schema.attributes ?? []);
  if (resourceMeta) {
    for (const [name, nested] of Object.entries(RESOURCE_META.blocks)) if (!blocks.has(name)) blocks.set(name, nested);
    for (const [name, mode] of Object.entries(RESOURCE_META.attributes)) attributes.set(name, mode);
  }
  return { origin: schema.origin, blocks, attributes };
}

function withAttributes(schema: BlockSchema, extra: Record<string, AttributeMode>): BlockSchema {
  return { ...schema, attributes: new Map([...(schema.attributes ?? []), ...Object.entries(extra)]) };
}

function requiredProviderSources(tf: JsonObject): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const [, body] of labeledBodies(tf.terraform ?? [], 0, 'terraform')) {
    for (const [, required] of labeledBodies(body.required_providers ?? [], 0, 'terraform.required_providers')) {
      for (const [name, requirement] of Object.entries(required)) {
        if (isObject(requirement) && typeof requirement.source === 'string') sources[name] = requirement.source;
      }
    }
  }
  return sources;
}
