import { parse } from '@cdktf/hcl2json';
import { BlockSchema, SchemaCatalog } from '../../lib/export/block-schema';
import { soleInterpolation } from '../../lib/export/hcl-template';
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
 * N8 A JSON string that is exactly one interpolation `${expr}` is compared with what the HCL
 *    parser makes of `expr` written as an attribute value: hcl2json returns most expressions as
 *    "${expr}", but turns tuple and object constructors (`[a, 1]`, `{ k = v }`) into JSON arrays
 *    and objects of their items. The expressions of the JSON side are parsed by hcl2json itself
 *    (one document of `locals`), so this step takes nothing from the renderer.
 * N7 Whitespace between the tokens of an expression (inside `${…}`/`%{…}`, outside string
 *    literals) is spaced as tofu fmt spaces it: both sides are compared with such whitespace
 *    removed, except a single space where both neighbours are identifier characters (`a - b` and
 *    `a-b` stay different: in HCL the latter is one identifier). Any other change of whitespace
 *    between symbols either means nothing or breaks the syntax, which the parser reports.
 * Nothing else is normalized: literal text, numbers, booleans, nulls, lists, objects and the
 * tokens of every expression must be identical.
 */
export async function expectedHcl2Json(document: object, catalog: SchemaCatalog): Promise<JsonObject> {
  const pending: string[] = [];
  const out: JsonObject = {};
  for (const block of topLevelBlocks(document, catalog)) pushBlock(out, block.type, block.labels, body(block.body, block.schema, pending));
  let parsed: JsonObject = {};
  if (pending.length > 0) {
    const source = `locals {\n${pending.map((expression, i) => `  e${i} = ${expression}`).join('\n')}\n}\n`;
    parsed = ((JSON.parse(JSON.stringify(await parse('expressions.tf', source))) as { locals: JsonObject[] }).locals[0]) ?? {};
  }
  const resolve = (value: Json): Json => {
    if (value instanceof Pending) return parsed[`e${value.index}`];
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
    return value;
  };
  return squeezeExpressions(resolve(out)) as JsonObject;
}

/** Stands for the parser's reading of the `index`-th collected expression (N8). */
class Pending {
  constructor(public readonly index: number) {}
}

/** N7, applied to every string (and key) of a value: what both sides are compared as. */
export function squeezeExpressions(value: Json): Json {
  if (typeof value === 'string') return squeezeTemplate(value);
  if (Array.isArray(value)) return value.map(squeezeExpressions);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [squeezeTemplate(key), squeezeExpressions(item)]));
  return value;
}

const IDENTIFIER_CHAR = /[\p{ID_Continue}-]/u;

/** Template source with the whitespace inside its sequences squeezed; literal text untouched. */
function squeezeTemplate(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('$${', i) || source.startsWith('%%{', i)) {
      out += source.slice(i, i + 3);
      i += 3;
    } else if (source.startsWith('${', i) || source.startsWith('%{', i)) {
      const { text, end } = squeezeExpression(source, i + 2, true);
      out += source.slice(i, i + 2) + text;
      i = end;
    } else {
      out += source[i++];
    }
  }
  return out;
}

/** Squeezes an expression from `start`; in a sequence, up to and including its closing `}`. */
function squeezeExpression(source: string, start: number, inSequence: boolean): { text: string; end: number } {
  let out = '';
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const c = source[i];
    if (c === '"') {
      const quoted = squeezeQuoted(source, i);
      out += quoted.text;
      i = quoted.end;
      continue;
    }
    if (/\s/.test(c)) {
      let j = i;
      while (j < source.length && /\s/.test(source[j])) j++;
      const previous = out[out.length - 1];
      if (previous !== undefined && j < source.length && IDENTIFIER_CHAR.test(previous) && IDENTIFIER_CHAR.test(source[j])) out += ' ';
      i = j;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === '}') {
      if (inSequence && depth === 0) return { text: `${out}}`, end: i + 1 };
      depth--;
    }
    out += c;
    i++;
  }
  return { text: out, end: i };
}

/** A quoted string inside an expression: literal text kept, nested sequences squeezed. */
function squeezeQuoted(source: string, start: number): { text: string; end: number } {
  let out = '"';
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
    } else if (source.startsWith('$${', i) || source.startsWith('%%{', i)) {
      out += source.slice(i, i + 3);
      i += 3;
    } else if (source.startsWith('${', i) || source.startsWith('%{', i)) {
      const { text, end } = squeezeExpression(source, i + 2, true);
      out += source.slice(i, i + 2) + text;
      i = end;
    } else if (source[i] === '"') {
      return { text: `${out}"`, end: i + 1 };
    } else {
      out += source[i++];
    }
  }
  return { text: out, end: i };
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

function body(source: JsonObject, schema: BlockSchema, pending: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '//') continue; // N1
    if (isDynamic(schema, key)) {
      for (const [[name], spec] of labeledBodies(value, 1, 'dynamic')) {
        const { content, ...settings } = spec;
        const rendered = body(settings, DYNAMIC, pending);
        if (content !== undefined) rendered.content = [body(content as JsonObject, dynamicContentSchema(schema, name), pending)];
        pushBlock(out, 'dynamic', [name], rendered);
      }
      continue;
    }
    const nested = schema.blocks.get(key);
    if (nested) {
      // N2, N5
      for (const [labels, inner] of labeledBodies(value, nested.labels, key)) pushBlock(out, key, labels, body(inner, nested.schema, pending));
      continue;
    }
    if (schema === REQUIRED_PROVIDERS) out[key] = requirement(value);
    else out[key] = valueOf(value, attributeMode(schema, key), schema === VARIABLE && key === 'type', pending);
  }
  return out;
}

function requirement(value: Json): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return valueOf(value, 'literal');
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, valueOf(item, key === 'configuration_aliases' ? 'traversal' : 'literal')]));
}

function valueOf(value: Json, mode: string, variableType = false, pending: string[] = []): Json {
  if (typeof value === 'string') {
    if (mode === 'literal') return value.replace(/([$%])\{/g, '$1$1{'); // N4
    if (mode === 'traversal' || mode === 'type') {
      const inner = /^\$\{([^{}]*)\}$/.exec(value)?.[1] ?? value;
      if (variableType && ['list', 'map', 'set'].includes(inner)) return `\${${inner}(any)}`; // N6
      return `\${${inner}}`; // N3
    }
    const expression = soleInterpolation(value);
    if (expression !== undefined) {
      pending.push(expression); // N8
      return new Pending(pending.length - 1) as unknown as Json;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => valueOf(item, mode, false, pending));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, valueOf(item, mode, false, pending)]));
  return value;
}
