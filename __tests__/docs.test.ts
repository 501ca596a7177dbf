import * as fs from 'fs';
import { CONFIGURATION_DOC, renderConfigurationDoc } from '../scripts/generate-docs';

test('docs/CONFIGURATION.md is generated from the current schemas (run npm run docs:generate)', () => {
  expect(fs.readFileSync(CONFIGURATION_DOC, 'utf8')).toBe(renderConfigurationDoc());
});

test('every option of the schemas is in the reference', () => {
  const doc = renderConfigurationDoc();
  for (const option of ['`provider`', '`controlPlane.count`', '`agentPools[].name`', '`cluster.flux`', '`state`', '`dns.applications[].placement`', '`dns.endpoints`']) {
    expect(doc).toContain(option);
  }
});
