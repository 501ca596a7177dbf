/**
 * Regenerates the cdktf bindings in providers/<name>/ from the provider schemas, keeping only the
 * resources listed in providers/bindings.json. Offline and deterministic. Each schema is the real
 * `tofu providers schema -json` dump: ../shared/provider-schemas/<name>-<version>.json when the
 * project's shared folder has one for the pinned version (e.g. powerdns-2.4.0.json, which could not
 * be dumped here), else providers/schemas/<name>.json (dumped by scripts/dump-schemas.sh).
 *
 *   npm run providers:generate            # rewrite providers/<name>/
 *   npm run providers:generate -- --out D # write into D instead (used by the drift test)
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateProviderBindingsFromSchema } from '@cdktf/provider-generator';
import { PROVIDER_PINS } from '../lib/versions';

const ROOT = path.resolve(__dirname, '..');

interface BindingSelection {
  readonly resources: readonly string[];
  readonly dataSources: readonly string[];
}

interface ProviderSchemaDocument {
  format_version: string;
  provider_schemas: Record<string, { resource_schemas?: Record<string, unknown>; data_source_schemas?: Record<string, unknown> }>;
  provider_versions?: Record<string, string>;
}


/** The schema restricted to the selected resources, with the pinned version attached. */
export function selectSchema(name: string, document: ProviderSchemaDocument, selection: BindingSelection, version: string): ProviderSchemaDocument {
  const entries = Object.entries(document.provider_schemas);
  if (entries.length !== 1) throw new Error(`providers/schemas/${name}.json must hold exactly one provider, found ${entries.length}`);
  const [fqpn, schema] = entries[0];
  const pick = (all: Record<string, unknown> | undefined, wanted: readonly string[], kind: string) =>
    Object.fromEntries(
      wanted.map((type) => {
        if (!all || !(type in all)) throw new Error(`providers/bindings.json#/${name}: ${kind} "${type}" is not in providers/schemas/${name}.json`);
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

/** The schema dump the bindings of `name`@`version` are generated from (see the file comment). */
export function schemaFileOf(name: string, version: string): string {
  const shared = path.join(ROOT, '..', 'shared', 'provider-schemas', `${name}-${version}.json`);
  return fs.existsSync(shared) ? shared : path.join(ROOT, 'providers', 'schemas', `${name}.json`);
}

/** Generates the bindings for every provider in providers/bindings.json into `outDir/<name>/`. */
export async function generateAll(outDir: string): Promise<string[]> {
  const selections: Record<string, BindingSelection> = JSON.parse(fs.readFileSync(path.join(ROOT, 'providers', 'bindings.json'), 'utf8'));
  const generated: string[] = [];
  for (const [name, selection] of Object.entries(selections)) {
    if (name.startsWith('$')) continue;
    const version = PROVIDER_PINS[name]?.version;
    if (!version) throw new Error(`versions.json has no providers.${name}.version`);
    const schemaFile = schemaFileOf(name, version);
    if (!fs.existsSync(schemaFile)) throw new Error(`providers/bindings.json names "${name}" but ${path.relative(ROOT, schemaFile)} does not exist`);
    const document = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as ProviderSchemaDocument;
    const scratch = fs.mkdtempSync(path.join(outDir, `.gen-${name}-`));
    try {
      await generateProviderBindingsFromSchema(scratch, selectSchema(name, document, selection, version) as never);
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

if (require.main === module) {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(ROOT, 'providers');
  fs.mkdirSync(outDir, { recursive: true });
  generateAll(outDir).then(
    (names) => console.log(`generated bindings: ${names.map((n) => path.join(path.relative(ROOT, outDir) || '.', n)).join(', ')}`),
    (error: Error) => {
      console.error(`error ${error.message}`);
      process.exitCode = 1;
    },
  );
}
