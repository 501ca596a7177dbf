import * as fs from 'fs';
import * as path from 'path';
import { CROSSPLANE_DIR, kindTarget, loadCrd, mappingEntries } from '../../lib/handover';
import { hashTree } from '../support/synth';
import { PROJECT_DIR } from '../support/tools';

/**
 * lib/handover/crossplane/ is a copy of the project's research data in ../shared/crossplane/ (the
 * command must work from a clone without ../shared). The copy must not drift from it, and every
 * row of the map must point at a CRD that loads and compiles at the row's apiVersion.
 */
const SHARED = path.resolve(PROJECT_DIR, '..', 'shared', 'crossplane');
const IS_CI = process.env.CI === 'true';
const haveShared = fs.existsSync(SHARED);
if (!haveShared && !IS_CI) process.stderr.write(`\n*** SKIPPING the drift test of lib/handover/crossplane: ${SHARED} is missing (CI=true turns this into a failure). ***\n\n`);

(haveShared || IS_CI ? test : test.skip)('GIVEN ../shared/crossplane THEN lib/handover/crossplane holds the same files, byte for byte (plus PROVENANCE.md)', () => {
  const copy = hashTree(CROSSPLANE_DIR);
  delete copy['PROVENANCE.md'];
  expect(copy).toEqual(hashTree(SHARED));
});

test('GIVEN every row of the map with a managed resource THEN its CRDs load and compile for both scopes', () => {
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
