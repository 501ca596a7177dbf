import { SchemaCatalog } from '../../lib/export/block-schema';
import {
  attributeMode,
  DYNAMIC,
  dynamicContentSchema,
  isDynamic,
  Json,
  JsonObject,
  labeledBodies,
  REQUIRED_PROVIDERS,
  topLevelBlocks,
  VARIABLE,
} from '../../lib/export/hcl-renderer';
import { BlockSchema } from '../../lib/export/block-schema';

/**
 * What `@cdktf/hcl2json` must return for the rendered main.tf if it means the same as the JSON.
 * Built from the JSON by applying only the known representation differences between Terraform
 * JSON and hcl2json's reading of HCL (docs/EXPORT.md, "How the test compares"):
 *
 * N1 `//` members of block bodies are dropped: OpenTofu ignores them in JSON, the HCL has them as
 *    comments, which hcl2json does not return.
 * N2 Blocks are lists: hcl2json returns every block as a list of bodies (labels as nested object
 *    keys); JSON may write a single block as an object. Which members are blocks comes from the
 *    same schemas the renderer uses — so this comparison cannot catch a wrong schema; tofu
 *    validate (mirror providers) and the schema tests do.
 * N3 References JSON writes bare (depends_on, ignore_changes, provider, encryption method,
 *    variable type) come back from hcl2json as "${ref}".
 * N4 Strings OpenTofu reads without evaluation (descriptions, defaults, required_version, provider
 *    source/version): JSON has `${` literally, the HCL escapes it to `$${`, and hcl2json returns
 *    template source, i.e. `$${`.
 * N5 A block type given as an empty list (zero blocks) has no member in hcl2json's output.
 * N6 A bare `list`/`map`/`set` variable type is written `list(any)` etc. (what tofu fmt writes;
 *    the same type).
 * Nothing else is normalized: strings, numbers, booleans, nulls, lists, objects and expression
 * text must be identical.
 */
export function expectedHcl2Json(document: object, catalog: SchemaCatalog): JsonObject {
  const out: JsonObject = {};
  for (const block of topLevelBlocks(document, catalog)) pushBlock(out, block.type, block.labels, body(block.body, block.schema));
  return out;
}

function pushBlock(out: JsonObject, type: string, labels: readonly string[], value: JsonObject): void {
  let node = out;
  let key = type;
  for (const label of labels) {
    node[key] ??= {};
    node = node[key] as JsonObject;
    key = label;
  }
  ((node[key] ??= []) as Json[]).push(value);
}

function body(source: JsonObject, schema: BlockSchema): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '//') continue; // N1
    if (isDynamic(schema, key)) {
      for (const [[name], spec] of labeledBodies(value, 1, 'dynamic')) {
        const { content, ...settings } = spec;
        const rendered = body(settings, DYNAMIC);
        if (content !== undefined) rendered.content = [body(content as JsonObject, dynamicContentSchema(schema, name))];
        pushBlock(out, 'dynamic', [name], rendered);
      }
      continue;
    }
    const nested = schema.blocks.get(key);
    if (nested) {
      // N2, N5
      for (const [labels, inner] of labeledBodies(value, nested.labels, key)) pushBlock(out, key, labels, body(inner, nested.schema));
      continue;
    }
    if (schema === REQUIRED_PROVIDERS) out[key] = requirement(value);
    else out[key] = valueOf(value, attributeMode(schema, key), schema === VARIABLE && key === 'type');
  }
  return out;
}

function requirement(value: Json): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return valueOf(value, 'literal');
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, valueOf(item, key === 'configuration_aliases' ? 'traversal' : 'literal')]));
}

function valueOf(value: Json, mode: string, variableType = false): Json {
  if (typeof value === 'string') {
    if (mode === 'literal') return value.replace(/([$%])\{/g, '$1$1{'); // N4
    if (mode === 'traversal' || mode === 'type') {
      const inner = /^\$\{([^{}]*)\}$/.exec(value)?.[1] ?? value;
      if (variableType && ['list', 'map', 'set'].includes(inner)) return `\${${inner}(any)}`; // N6
      return `\${${inner}}`; // N3
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => valueOf(item, mode));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, valueOf(item, mode)]));
  return value;
}
