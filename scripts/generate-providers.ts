/**
 * Regenerates the cdktf bindings in providers/<name>/ from provider schemas, keeping only the
 * resources and data sources listed in providers/bindings.json. Offline and deterministic.
 *
 * Where a provider's schema comes from (its entry's "schema" field in providers/bindings.json):
 * - `"project"` (the default): providers/schemas/<name>.json, committed (scripts/dump-schemas.sh);
 * - `"shared"`: ../shared/provider-schemas/<name>-<version>.json, the dump of the real provider
 *   binary at the version pinned in versions.json; never copied into the project. Another folder of
 *   such files: `--schema-dir DIR` or SOVEREIGN_PROVIDER_SCHEMA_DIR.
 * Either can be replaced by the output of `tofu providers schema -json` from any directory that
 * requires the provider at the pinned version (`--schema <name>=<file>`, repeatable, or
 * SOVEREIGN_PROVIDER_SCHEMA_<NAME>=<file>); the document may hold several providers, the one with
 * the pinned source is used.
 *
 *   npm run providers:generate                                  # rewrite providers/<name>/
 *   npm run providers:generate -- --out D                       # write into D instead (drift test)
 *   tofu providers schema -json > /tmp/hw.json
 *   npm run providers:generate -- --schema huaweicloud=/tmp/hw.json
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateProviderBindingsFromSchema } from '@cdktf/provider-generator';
import { PROVIDER_PINS } from '../lib/versions';

const ROOT = path.resolve(__dirname, '..');
/** Where the dumps of the real provider binaries live (a sibling of the project, not part of it). */
export const SHARED_SCHEMA_DIR = path.resolve(ROOT, '..', 'shared', 'provider-schemas');

/** Where one provider's schema is read from. */
export type SchemaOrigin = 'project' | 'shared';

export interface BindingSelection {
  /** Where the schema comes from. @default 'project' */
  readonly schema?: SchemaOrigin;
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

export interface ProviderSchemaDocument {
  format_version: string;
  provider_schemas: Record<string, { resource_schemas?: Record<string, unknown>; data_source_schemas?: Record<string, unknown>; [key: string]: unknown }>;
  provider_versions?: Record<string, string>;
}

/** Where to look for schemas other than the defaults. */
export interface SchemaOverrides {
  /** Folder with `<name>-<version>.json` files for the `"shared"` providers. @default SHARED_SCHEMA_DIR */
  readonly sharedDir?: string;
  /** `tofu providers schema -json` output per provider name, used instead of its usual file. @default - none */
  readonly files?: Readonly<Record<string, string>>;
}

/** The schema file for one provider and how to name it in messages. */
export function schemaFileFor(name: string, selection: BindingSelection, version: string, overrides: SchemaOverrides = {}): string {
  const override = overrides.files?.[name];
  if (override) return path.resolve(override);
  const origin = selection.schema ?? 'project';
  if (origin === 'shared') return path.join(overrides.sharedDir ?? SHARED_SCHEMA_DIR, `${name}-${version}.json`);
  if (origin === 'project') return path.join(ROOT, 'providers', 'schemas', `${name}.json`);
  throw new Error(`providers/bindings.json#/${name}/schema "${String(origin)}" is not allowed; use "project" or "shared"`);
}

/** A path for messages: relative to the project when inside or next to it. */
function display(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith(`..${path.sep}..`) || path.isAbsolute(relative) ? file : relative;
}

/**
 * The schema restricted to the selected resources, with the pinned version attached. `source` picks
 * the provider out of a document that holds several (as `tofu providers schema -json` may);
 * `label` names the document in messages.
 */
export function selectSchema(
  name: string,
  document: ProviderSchemaDocument,
  selection: BindingSelection,
  version: string,
  source?: string,
  label = `providers/schemas/${name}.json`,
): ProviderSchemaDocument {
  const entries = Object.entries(document.provider_schemas ?? {});
  const chosen = entries.find(([fqpn]) => fqpn === source) ?? (entries.length === 1 ? entries[0] : undefined);
  if (!chosen) {
    throw new Error(source
      ? `${label} holds no provider ${source} (it holds: ${entries.map(([k]) => k).join(', ') || 'none'})`
      : `${label} must hold exactly one provider, found ${entries.length}`);
  }
  const [fqpn, schema] = chosen;
  const pick = (all: Record<string, unknown> | undefined, wanted: readonly string[], kind: string) =>
    Object.fromEntries(
      wanted.map((type) => {
        if (!all || !(type in all)) throw new Error(`providers/bindings.json#/${name}: ${kind} "${type}" is not in ${label}`);
        return [type, all[type]];
      }),
    );
  return {
    format_version: document.format_version,
    provider_schemas: {
      [fqpn]: {
        ...schema,
        resource_schemas: pick(schema.resource_schemas, selection.resources, 'resource'),
        data_source_schemas: pick(schema.data_source_schemas, selection.dataSources, 'data source'),
      },
    },
    provider_versions: { [fqpn]: version },
  };
}

/** The providers/bindings.json selections, by provider name. */
export function readSelections(): Record<string, BindingSelection> {
  const all = JSON.parse(fs.readFileSync(path.join(ROOT, 'providers', 'bindings.json'), 'utf8')) as Record<string, BindingSelection>;
  return Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('$')));
}

/** Options of generateAll. */
export interface GenerateOptions extends SchemaOverrides {
  /** Generate only these providers. @default - every provider in providers/bindings.json */
  readonly only?: readonly string[];
}

/** Generates the bindings for every provider in providers/bindings.json into `outDir/<name>/`. */
export async function generateAll(outDir: string, options: GenerateOptions = {}): Promise<string[]> {
  const selections = readSelections();
  const generated: string[] = [];
  for (const [name, selection] of Object.entries(selections)) {
    if (options.only && !options.only.includes(name)) continue;
    const pin = PROVIDER_PINS[name];
    if (!pin?.version) throw new Error(`versions.json has no providers.${name}.version`);
    const schemaFile = schemaFileFor(name, selection, pin.version, options);
    if (!fs.existsSync(schemaFile)) {
      const hint = selection.schema === 'shared' && !options.files?.[name]
        ? ` (the dump of the real ${pin.source} ${pin.version}; or pass \`--schema ${name}=<file>\` with the output of \`tofu providers schema -json\`)`
        : '';
      throw new Error(`providers/bindings.json names "${name}" but ${display(schemaFile)} does not exist${hint}`);
    }
    const document = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as ProviderSchemaDocument;
    const scratch = fs.mkdtempSync(path.join(outDir, `.gen-${name}-`));
    try {
      await generateProviderBindingsFromSchema(scratch, selectSchema(name, document, selection, pin.version, pin.source, display(schemaFile)) as never);
      // The generator writes <scratch>/providers/<name>/...; keep just that folder.
      const produced = path.join(scratch, 'providers', name);
      const source = fs.existsSync(produced) ? produced : path.join(scratch, name);
      const destination = path.join(outDir, name);
      fs.rmSync(destination, { recursive: true, force: true });
      fs.renameSync(source, destination);
      generated.push(name);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  return generated;
}

/** Reads the command line and environment into generateAll's options and the output folder. */
export function parseArguments(argv: readonly string[], env: NodeJS.ProcessEnv): { outDir: string; options: GenerateOptions } {
  let outDir = path.join(ROOT, 'providers');
  let sharedDir = env.SOVEREIGN_PROVIDER_SCHEMA_DIR || undefined;
  const files: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SOVEREIGN_PROVIDER_SCHEMA_(?!DIR$)([A-Z0-9_]+)$/.exec(key);
    if (match && value) files[match[1].toLowerCase()] = value;
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--out' && flag !== '--schema' && flag !== '--schema-dir') throw new Error(`unknown argument "${flag}"; allowed: --out DIR, --schema NAME=FILE, --schema-dir DIR`);
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--out') outDir = path.resolve(value);
    else if (flag === '--schema-dir') sharedDir = value;
    else {
      const match = /^([a-z0-9_-]+)=(.+)$/.exec(value);
      if (!match) throw new Error(`--schema "${value}" must be NAME=FILE, e.g. huaweicloud=/tmp/schema.json`);
      files[match[1]] = match[2];
    }
  }
  return { outDir, options: { sharedDir: sharedDir ? path.resolve(sharedDir) : undefined, files } };
}

if (require.main === module) {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`error ${(error as Error).message}`);
    process.exit(1);
  }
  const { outDir, options } = parsed;
  fs.mkdirSync(outDir, { recursive: true });
  generateAll(outDir, options).then(
    (names) => console.log(`generated bindings: ${names.map((n) => path.join(path.relative(ROOT, outDir) || '.', n)).join(', ')}`),
    (error: Error) => {
      console.error(`error ${error.message}`);
      process.exitCode = 1;
    },
  );
}
