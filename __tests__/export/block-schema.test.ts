import * as fs from 'fs';
import * as path from 'path';
import { BlockSchema, createSchemaCatalog, FALLBACK_SCHEMA, parseBindingSource, ProvidersSchemaDocument } from '../../lib/export/block-schema';
import { PROJECT_DIR } from '../support/tools';
import { readSelections, schemaFileFor } from '../../scripts/generate-providers';
import { PROVIDER_PINS } from '../../lib/versions';
import { describeWithSchema } from '../support/schema-conformance';
import { catalog } from './support';

/**
 * Where the renderer learns which members are nested blocks. The comparison of main.tf with
 * main.tf.json relies on these schemas (normalization N2), so they are checked on their own:
 * the cdktf-bindings reader against the provider schema they were generated from, and known facts
 * of the prebuilt aws/google/azurerm bindings (providers the test bed cannot run tofu validate with).
 */

/** Nested block names, recursively, as `a`, `a.b`, … */
function blockPaths(schema: BlockSchema, prefix = ''): string[] {
  return [...schema.blocks.entries()].flatMap(([name, nested]) => [`${prefix}${name}`, ...blockPaths(nested.schema, `${prefix}${name}.`)]).sort();
}

describe('the cdktf bindings reader', () => {
  const bindings = readSelections();
  const cases = Object.entries(bindings)
    .filter(([, selection]) => selection.schema !== 'shared')
    .flatMap(([provider, { resources }]) => resources.map((type) => [provider, type] as const));

  test.each(cases)('finds the same nested blocks as the %s provider schema for %s', (provider, type) => {
    // GIVEN the project's generated TypeScript binding and the schema it was generated from
    const folder = type.slice(type.indexOf('_') + 1).replace(/_/g, '-');
    const source = fs.readFileSync(path.join(PROJECT_DIR, 'providers', provider, folder, 'index.ts'), 'utf8');
    const document: ProvidersSchemaDocument = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'providers', 'schemas', `${provider}.json`), 'utf8'));
    const [providerSource] = Object.keys(document.provider_schemas);
    // WHEN both are read
    const fromBindings = parseBindingSource(source, type);
    const fromSchema = catalog().resource(type, providerSource);
    // THEN they agree on every nested block, at every depth
    expect(fromSchema.origin).toBe('provider-schema');
    expect(fromBindings).toBeDefined();
    expect(blockPaths(fromBindings!)).toEqual(blockPaths(fromSchema));
  });

  // Providers whose schema is the real binary's dump in ../shared (not committed): the export reads
  // their generated bindings, which must agree with that dump.
  for (const [provider, selection] of Object.entries(bindings).filter(([, s]) => s.schema === 'shared')) {
    const file = schemaFileFor(provider, selection, PROVIDER_PINS[provider].version);
    describeWithSchema(file)(`${provider} (schema in ../shared)`, () => {
      test.each([...selection.resources])('GIVEN the generated binding of %s THEN the export catalog reads the dump\'s nested blocks from it', (type) => {
        const document: ProvidersSchemaDocument = JSON.parse(fs.readFileSync(file, 'utf8'));
        const fromDump = createSchemaCatalog({ providerSchemas: [document], bindings: {} }).resource(type, PROVIDER_PINS[provider].source);
        const fromProject = catalog().resource(type, PROVIDER_PINS[provider].source);
        expect(fromDump.origin).toBe('provider-schema');
        expect(fromProject.origin).toBe('cdktf-bindings');
        expect(blockPaths(fromProject)).toEqual(blockPaths(fromDump));
      });
    });
  }

  test('refuses a binding of another type than the one asked for', () => {
    const source = fs.readFileSync(path.join(PROJECT_DIR, 'providers', 'hcloud', 'server', 'index.ts'), 'utf8');
    expect(parseBindingSource(source, 'hcloud_network')).toBeUndefined();
  });
});

describe('the prebuilt bindings of aws, google and azurerm', () => {
  const aws = 'registry.opentofu.org/hashicorp/aws';
  const google = 'registry.opentofu.org/hashicorp/google';
  const azurerm = 'registry.opentofu.org/hashicorp/azurerm';

  test.each([
    ['aws_instance', aws, ['root_block_device', 'metadata_options', 'ebs_block_device', 'network_interface'], ['tags', 'vpc_security_group_ids', 'user_data_base64']],
    ['aws_lb_listener', aws, ['default_action', 'default_action.forward', 'default_action.forward.target_group'], ['tags']],
    ['aws_lb_target_group', aws, ['health_check', 'stickiness'], ['tags']],
    ['aws_route_table', aws, [], ['route', 'tags']],
    ['google_compute_instance', google, ['boot_disk', 'boot_disk.initialize_params', 'network_interface', 'network_interface.access_config', 'shielded_instance_config'], ['metadata', 'labels']],
    ['google_compute_firewall', google, ['allow', 'deny', 'log_config'], ['source_ranges']],
    ['azurerm_linux_virtual_machine', azurerm, ['os_disk', 'admin_ssh_key', 'source_image_reference', 'boot_diagnostics'], ['tags', 'custom_data']],
    ['azurerm_lb', azurerm, ['frontend_ip_configuration'], ['tags']],
  ])('%s: blocks and attributes', (type, source, blocks, attributes) => {
    const schema = catalog().resource(type, source);
    expect(schema.origin).toBe('cdktf-bindings');
    const paths = blockPaths(schema);
    for (const block of blocks) expect(paths).toContain(block);
    for (const attribute of attributes) expect(paths).not.toContain(attribute);
  });

  test('provider configurations and data sources', () => {
    expect(blockPaths(catalog().provider('azurerm', azurerm))).toContain('features');
    expect(blockPaths(catalog().provider('aws', aws))).toEqual(expect.arrayContaining(['default_tags', 'assume_role', 'endpoints']));
    expect(blockPaths(catalog().dataSource('aws_ami', aws))).toContain('filter');
  });

  test('a type no schema describes gets the fallback', () => {
    expect(catalog().resource('aws_not_a_resource', aws)).toBe(FALLBACK_SCHEMA);
    expect(catalog().resource('acme_widget', 'registry.opentofu.org/acme/acme')).toBe(FALLBACK_SCHEMA);
  });
});
