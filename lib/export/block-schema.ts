import * as fs from 'fs';
import * as path from 'path';
import { PROVIDER_PINS } from '../versions';

/**
 * Which members of a resource, data source or provider body are nested blocks.
 *
 * Terraform JSON writes a nested block and an object-typed attribute alike (`"x": {…}` or
 * `"x": [{…}]`); OpenTofu tells them apart by the provider's schema, and HCL must spell them
 * differently (`x { … }` vs `x = { … }`). The decision is taken, in this order, from:
 * 1. `providers/schemas/*.json` (`tofu providers schema -json`): `block_types` are blocks;
 *    attributes, including nested-type attributes, are attributes;
 * 2. cdktf bindings: the prebuilt packages named in versions.json (`bindings`) and the project's
 *    own generated `providers/<name>/` (for providers whose schema is not committed, such as
 *    huaweicloud, generated from ../shared/provider-schemas): the generated
 *    `synthesizeHclAttributes` / `*ToHclTerraform` code marks every member `isBlock: true|false`
 *    (the same schema, baked in when the bindings were generated); a member marked `isBlock: true`
 *    whose list mapper says "not a block type" is an attribute-as-blocks and stays an attribute;
 * 3. built-in schemas for `terraform_remote_state` and `terraform_data` (attributes only);
 * 4. otherwise the fallback: an object or list of objects is a block only for the names in
 *    {@link FALLBACK_BLOCK_NAMES}, else an attribute; every such guess is reported.
 */

/** How a string attribute value is read by OpenTofu. */
export type AttributeMode =
  /** A template (the default): `${…}` interpolates. */
  | 'template'
  /** Read without evaluation context: text only, `${` is literal (variable/output descriptions, defaults). */
  | 'literal'
  /** A reference written without `${}` in JSON (`depends_on`, `method.aes_gcm.main`). */
  | 'traversal'
  /** A type constraint (`string`, `list(string)`). */
  | 'type';

/** Where the block/attribute knowledge for a body came from. */
export type SchemaOrigin = 'provider-schema' | 'cdktf-bindings' | 'built-in' | 'fallback';

export interface BlockSchema {
  /** Nested block types by name. */
  readonly blocks: ReadonlyMap<string, NestedBlock>;
  /** Attributes read other than as templates. @default - every attribute is a template */
  readonly attributes?: ReadonlyMap<string, AttributeMode>;
  readonly origin: SchemaOrigin;
}

export interface NestedBlock {
  /** Number of labels (`key_provider "pbkdf2" "main"` has 2); provider schemas have none. */
  readonly labels: number;
  readonly schema: BlockSchema;
}

/** Block names the fallback treats as blocks when no schema knows the type. */
export const FALLBACK_BLOCK_NAMES: readonly string[] = ['timeouts'];

/** The schema for a type nobody describes. */
export const FALLBACK_SCHEMA: BlockSchema = {
  origin: 'fallback',
  blocks: new Map(FALLBACK_BLOCK_NAMES.map((name) => [name, { labels: 0, schema: { origin: 'fallback', blocks: new Map() } }])),
};

const ATTRIBUTES_ONLY: BlockSchema = { origin: 'built-in', blocks: new Map() };

/** Source address of OpenTofu's built-in provider. */
export const BUILTIN_PROVIDER_SOURCE = 'terraform.io/builtin/terraform';

/** Looks up the schema of resource types, data source types and provider configurations. */
export interface SchemaCatalog {
  resource(type: string, providerSource: string): BlockSchema;
  dataSource(type: string, providerSource: string): BlockSchema;
  provider(name: string, providerSource: string): BlockSchema;
}

/** The parts of a `tofu providers schema -json` document read here. */
export interface ProvidersSchemaDocument {
  readonly provider_schemas: Readonly<Record<string, ProviderSchemaJson>>;
}

interface ProviderSchemaJson {
  readonly provider?: { readonly block?: SchemaBlockJson };
  readonly resource_schemas?: Readonly<Record<string, { readonly block: SchemaBlockJson }>>;
  readonly data_source_schemas?: Readonly<Record<string, { readonly block: SchemaBlockJson }>>;
}

interface SchemaBlockJson {
  readonly block_types?: Readonly<Record<string, { readonly block: SchemaBlockJson }>>;
}

export interface SchemaCatalogSources {
  /** `tofu providers schema -json` documents. */
  readonly providerSchemas: readonly ProvidersSchemaDocument[];
  /** Directory of cdktf bindings by provider source: a package (containing `lib/<folder>/`) or the project's `providers/<name>/` (containing `<folder>/`). */
  readonly bindings: Readonly<Record<string, string>>;
}

/** A catalog over provider schema documents and cdktf binding packages. */
export function createSchemaCatalog(sources: SchemaCatalogSources): SchemaCatalog {
  const schemaBySource = new Map<string, ProviderSchemaJson>();
  for (const document of sources.providerSchemas) {
    for (const [source, schema] of Object.entries(document.provider_schemas)) schemaBySource.set(providerKey(source), schema);
  }
  const bindings = new Map(Object.entries(sources.bindings).map(([source, dir]) => [providerKey(source), dir]));
  const cache = new Map<string, BlockSchema>();
  const cached = (key: string, build: () => BlockSchema): BlockSchema => {
    let schema = cache.get(key);
    if (!schema) {
      schema = build();
      cache.set(key, schema);
    }
    return schema;
  };

  const lookup = (kind: 'resource' | 'data' | 'provider', type: string, providerSource: string): BlockSchema =>
    cached(`${kind} ${providerKey(providerSource)} ${type}`, () => {
      if (providerKey(providerSource) === providerKey(BUILTIN_PROVIDER_SOURCE)) return ATTRIBUTES_ONLY;
      const json = schemaBySource.get(providerKey(providerSource));
      const block =
        kind === 'provider' ? json?.provider?.block : kind === 'resource' ? json?.resource_schemas?.[type]?.block : json?.data_source_schemas?.[type]?.block;
      if (json && (block || kind === 'provider')) return fromSchemaJson(block ?? {});
      const dir = bindings.get(providerKey(providerSource));
      const fromBindings = dir ? bindingSchema(dir, kind, type) : undefined;
      return fromBindings ?? FALLBACK_SCHEMA;
    });

  return {
    resource: (type, source) => (type === 'terraform_data' ? ATTRIBUTES_ONLY : lookup('resource', type, source)),
    dataSource: (type, source) => (type === 'terraform_remote_state' ? ATTRIBUTES_ONLY : lookup('data', type, source)),
    provider: (name, source) => lookup('provider', name, source),
  };
}

/** `registry.terraform.io/hashicorp/aws` and `registry.opentofu.org/hashicorp/aws` name the same provider. */
function providerKey(source: string): string {
  const parts = source.toLowerCase().split('/');
  return parts.slice(-2).join('/');
}

function fromSchemaJson(block: SchemaBlockJson): BlockSchema {
  const blocks = new Map<string, NestedBlock>();
  for (const [name, nested] of Object.entries(block.block_types ?? {})) blocks.set(name, { labels: 0, schema: fromSchemaJson(nested.block) });
  return { origin: 'provider-schema', blocks };
}

// ---------------------------------------------------------------------------------------------
// cdktf bindings

/**
 * The block structure recorded in a generated cdktf binding (JavaScript or TypeScript source),
 * or undefined when the file is missing or does not declare `type`.
 */
function bindingSchema(packageDir: string, kind: 'resource' | 'data' | 'provider', type: string): BlockSchema | undefined {
  const folder = bindingFolder(kind, type);
  for (const file of [path.join('lib', folder, 'index.js'), path.join('lib', folder, 'index.ts'), path.join(folder, 'index.ts')]) {
    const full = path.join(packageDir, file);
    if (!fs.existsSync(full)) continue;
    const source = fs.readFileSync(full, 'utf8');
    return parseBindingSource(source, kind === 'provider' ? undefined : type);
  }
  return undefined;
}

/** `aws_instance` → `instance`, data `aws_ami` → `data-aws-ami`, provider → `provider`. */
function bindingFolder(kind: 'resource' | 'data' | 'provider', type: string): string {
  if (kind === 'provider') return 'provider';
  const kebab = type.replace(/_/g, '-');
  return kind === 'data' ? `data-${kebab}` : kebab.slice(kebab.indexOf('-') + 1);
}

const ENTRY = /([A-Za-z0-9_]+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),/g;
const STRUCT_FUNCTION = /^(?:export )?function ([A-Za-z0-9_]+)ToHclTerraform\(/gm;
const STRUCT_REFERENCE = /(?<![.\w])([A-Za-z0-9_]+)ToHclTerraform\b/;

/**
 * Reads the `isBlock` marks of a cdktf binding: the class's `synthesizeHclAttributes()` lists the
 * top-level members, each struct's `<name>ToHclTerraform()` lists a nested block's members.
 * Returns undefined when the source does not declare `tfResourceType = "<type>"` (a different
 * resource in a folder of the expected name) or has no `synthesizeHclAttributes`.
 */
export function parseBindingSource(source: string, type: string | undefined): BlockSchema | undefined {
  if (type !== undefined && !new RegExp(`tfResourceType = "${type.replace(/[^\w]/g, '')}"`).test(source)) return undefined;
  const top = source.indexOf('synthesizeHclAttributes()');
  if (top < 0) return undefined;
  const topEnd = source.indexOf('Object.fromEntries', top);
  const functions = new Map<string, string>();
  const starts = [...source.matchAll(STRUCT_FUNCTION)].map((m) => ({ name: m[1], index: m.index! }));
  for (const start of starts) {
    const rest = source.slice(start.index + 1);
    const next = rest.search(/^(?:export )?(?:function|class) /m);
    functions.set(start.name, next < 0 ? rest : rest.slice(0, next));
  }
  const memo = new Map<string, BlockSchema>();
  const build = (body: string, seen: ReadonlySet<string>): BlockSchema => {
    const blocks = new Map<string, NestedBlock>();
    for (const match of body.matchAll(ENTRY)) {
      // `isBlock: true` with `listMapperHcl(…, false)` is an attribute the provider lets HCL write as
      // blocks ("attributes as blocks", e.g. aws_route_table.route): attribute syntax is exact
      // (`route = []` clears it, zero blocks would not), so it stays an attribute.
      if (match[3] !== 'true' || /listMapperHcl\([^,]+, false\)/.test(match[2])) continue;
      const struct = STRUCT_REFERENCE.exec(match[2])?.[1];
      let schema: BlockSchema = { origin: 'cdktf-bindings', blocks: new Map() };
      if (struct !== undefined && functions.has(struct) && !seen.has(struct)) {
        schema = memo.get(struct) ?? build(functions.get(struct)!, new Set([...seen, struct]));
        memo.set(struct, schema);
      }
      blocks.set(match[1], { labels: 0, schema });
    }
    return { origin: 'cdktf-bindings', blocks };
  };
  return build(source.slice(top, topEnd < 0 ? undefined : topEnd), new Set());
}

// ---------------------------------------------------------------------------------------------
// The project's sources

/**
 * The catalog for this project: every `providers/schemas/*.json` document, the cdktf binding
 * packages that versions.json names (`"bindings": "@cdktf/provider-aws@21.22.1"`), resolved from
 * the project's node_modules, and the generated `providers/<name>/` of the other pinned providers.
 */
export function loadProjectSchemaCatalog(projectDir: string): SchemaCatalog {
  const schemaDir = path.join(projectDir, 'providers', 'schemas');
  const providerSchemas = fs.existsSync(schemaDir)
    ? fs
        .readdirSync(schemaDir)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')) as ProvidersSchemaDocument)
        .filter((document) => document && typeof document.provider_schemas === 'object')
    : [];
  const bindings: Record<string, string> = {};
  for (const [name, provider] of Object.entries(PROVIDER_PINS)) {
    if (!provider.bindings) {
      // The project's generated bindings (read only where no committed schema describes the provider).
      const generated = path.join(projectDir, 'providers', name);
      if (fs.existsSync(path.join(generated, 'index.ts'))) bindings[provider.source] = generated;
      continue;
    }
    const packageName = provider.bindings.replace(/(.)@[^@/]*$/, '$1');
    try {
      bindings[provider.source] = path.dirname(require.resolve(`${packageName}/package.json`, { paths: [projectDir] }));
    } catch {
      // Not installed: the fallback rule applies, and the export reports every guess.
    }
  }
  return createSchemaCatalog({ providerSchemas, bindings });
}
