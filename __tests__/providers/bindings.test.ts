import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateAll, selectSchema } from '../../scripts/generate-providers';
import { hashTree } from '../support/synth';
import { PROJECT_DIR } from '../support/tools';

const selections = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'providers', 'bindings.json'), 'utf8'));
const providerNames = Object.keys(selections).filter((k) => !k.startsWith('$'));

describe('committed provider bindings', () => {
  let generatedDir: string;
  beforeAll(async () => {
    generatedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-bindings-'));
    await generateAll(generatedDir);
  }, 300_000);
  afterAll(() => fs.rmSync(generatedDir, { recursive: true, force: true }));

  test.each(providerNames.map((n) => [n]))('providers/%s matches what its schema generates', (name) => {
    // A difference means someone edited the bindings by hand or changed the schema without
    // running `npm run providers:generate`.
    expect(hashTree(path.join(PROJECT_DIR, 'providers', name))).toEqual(hashTree(path.join(generatedDir, name)));
  });
});

describe('selectSchema', () => {
  const document = {
    format_version: '1.0',
    provider_schemas: {
      'registry.opentofu.org/acme/thing': {
        provider: {},
        resource_schemas: { thing_a: { block: {} }, thing_b: { block: {} } },
        data_source_schemas: { thing_c: { block: {} } },
      },
    },
  };

  test('keeps only the selected resources and pins the version', () => {
    const selected = selectSchema('thing', document, { resources: ['thing_b'], dataSources: [] }, '1.2.3');
    expect(Object.keys(selected.provider_schemas['registry.opentofu.org/acme/thing'].resource_schemas!)).toEqual(['thing_b']);
    expect(selected.provider_versions).toEqual({ 'registry.opentofu.org/acme/thing': '1.2.3' });
  });

  test('names a selected resource the schema lacks', () => {
    expect(() => selectSchema('thing', document, { resources: ['thing_z'], dataSources: [] }, '1')).toThrow(/resource "thing_z" is not in providers\/schemas\/thing.json/);
  });
});
