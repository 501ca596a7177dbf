import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CATALOGUE_DIR, kindTarget, loadCrd, loadCrdFile, mappingEntries, referenceTarget } from '../../lib/handover';
import { GENERATED_HEADER, SHARED_CROSSPLANE_DIR, writeCatalogue } from '../../scripts/generate-crossplane-catalogue';
import { hashTree } from '../support/synth';

/**
 * lib/handover/catalogue/ is generated from the project's research data in ../shared/crossplane/
 * (never copied into the project) by scripts/generate-crossplane-catalogue.ts. It must match a fresh
 * generation, and every row of the map must point at a CRD version that loads and compiles.
 */
const IS_CI = process.env.CI === 'true';
const haveShared = fs.existsSync(SHARED_CROSSPLANE_DIR);
if (!haveShared && !IS_CI) process.stderr.write(`\n*** SKIPPING the drift test of lib/handover/catalogue and the comparison with the original CRDs: ${SHARED_CROSSPLANE_DIR} is missing (CI=true turns this into a failure). ***\n\n`);
const withShared = haveShared || IS_CI ? test : test.skip;

withShared('GIVEN ../shared/crossplane WHEN the catalogue is regenerated into a temp dir THEN it equals the committed one, byte for byte', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-catalogue-'));
  try {
    // In CI a missing ../shared/crossplane makes writeCatalogue throw: the test fails, it never skips.
    writeCatalogue(out, SHARED_CROSSPLANE_DIR);
    expect(hashTree(CATALOGUE_DIR)).toEqual(hashTree(out));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 120_000);

test('GIVEN the committed catalogue THEN every file says it is generated, by which script, from ../shared/crossplane', () => {
  const files = fs.readdirSync(CATALOGUE_DIR).sort();
  expect(files.length).toBeGreaterThanOrEqual(6);
  for (const f of files) {
    expect(f).toMatch(/^[a-z]+\.json$/);
    expect(JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, f), 'utf8')).generated).toBe(GENERATED_HEADER);
  }
  expect(GENERATED_HEADER).toMatch(/scripts\/generate-crossplane-catalogue\.ts.*\.\.\/shared\/crossplane/);
});

test('GIVEN a catalogue schema THEN prose is gone and the Ref targets and CEL rules stay', () => {
  const target = kindTarget(mappingEntries().get('hcloud_server')!, 'namespaced')!;
  const crd = loadCrd(target.crdFile, target.apiVersion);
  const text = JSON.stringify(crd.spec);
  expect(text).not.toMatch(/"description"/);
  expect(crd.spec['x-kubernetes-validations']?.length).toBeGreaterThan(0);
  const refs = Object.entries(crd.forProvider.properties ?? {}).filter(([name]) => /Refs?$/.test(name));
  expect(refs.length).toBeGreaterThan(0);
  for (const [name, schema] of refs) expect([name, referenceTarget(schema)]).toEqual([name, { kind: expect.stringMatching(/^[A-Z]/), group: expect.stringMatching(/^[a-z0-9]+$/) }]);
});

test('GIVEN every row of the map with a managed resource THEN its catalogue CRDs load and compile for both scopes', () => {
  let loaded = 0;
  for (const entry of mappingEntries().values()) {
    for (const scope of ['namespaced', 'cluster'] as const) {
      const target = kindTarget(entry, scope);
      if (!target) continue;
      const crd = loadCrd(target.crdFile, target.apiVersion);
      expect([entry.terraformType, crd.kind, crd.namespaced]).toEqual([entry.terraformType, target.kind, target.namespaced]);
      loaded++;
    }
  }
  expect(loaded).toBeGreaterThan(120);
}, 120_000);

withShared('GIVEN the original CRD of every row THEN its forProvider fields, required lists, CEL rules and Ref targets are the catalogue\'s', () => {
  let compared = 0;
  for (const entry of mappingEntries().values()) {
    for (const scope of ['namespaced', 'cluster'] as const) {
      const target = kindTarget(entry, scope);
      if (!target) continue;
      const reduced = loadCrd(target.crdFile, target.apiVersion);
      const original = loadCrdFile(path.join(SHARED_CROSSPLANE_DIR, target.crdFile), target.apiVersion);
      expect([target.crdFile, reduced.kind, reduced.namespaced, Object.keys(reduced.forProvider.properties ?? {}).sort(), reduced.forProvider.required, reduced.spec['x-kubernetes-validations']]).toEqual([
        target.crdFile, original.kind, original.namespaced, Object.keys(original.forProvider.properties ?? {}).sort(), original.forProvider.required, original.spec['x-kubernetes-validations'],
      ]);
      for (const [name, schema] of Object.entries(original.forProvider.properties ?? {})) expect([name, referenceTarget(reduced.forProvider.properties?.[name])]).toEqual([name, referenceTarget(schema)]);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(120);
}, 300_000);

withShared('GIVEN an original CRD file THEN its validator is as strict as the catalogue\'s (unknown fields, CEL rules)', () => {
  const target = kindTarget(mappingEntries().get('hcloud_network')!, 'namespaced')!;
  const original = loadCrdFile(path.join(SHARED_CROSSPLANE_DIR, target.crdFile), target.apiVersion);
  const manifest = (spec: Record<string, unknown>) => ({ apiVersion: target.apiVersion, kind: 'Network', metadata: { name: 'ok', namespace: 'ns' }, spec: { providerConfigRef: { kind: 'ProviderConfig', name: 'p' }, ...spec } });
  expect(original.validate(manifest({ managementPolicies: ['Observe'], forProvider: {} }))).toEqual([]);
  expect(original.validate(manifest({ managementPolicies: ['Observe'], forProvider: { ipRangee: '10.0.0.0/8' } }))).toEqual([expect.stringMatching(/unknown field "ipRangee"/)]);
  expect(original.validate(manifest({ managementPolicies: ['*'], forProvider: { name: 'n' } }))).toEqual([expect.stringMatching(/ipRange is a required parameter/)]);
});
