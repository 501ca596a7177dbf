import { spawnSync } from 'child_process';
import * as path from 'path';
import { PROJECT_DIR } from '../support/tools';

const doctor = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), 'doctor', '--json'], { cwd: PROJECT_DIR, encoding: 'utf8', env: { ...process.env, ...env } });

test('GIVEN an empty tools cache THEN the providers are reported missing with how to get them, exit 3', () => {
  const result = doctor({ SOVEREIGN_TOOLS_CACHE: '/nonexistent/sovereign-cache' });
  expect(result.status).toBe(3);
  const { findings } = JSON.parse(result.stdout);
  expect(findings).toEqual(expect.arrayContaining([{ name: 'provider hcloud', status: 'missing', for: expect.any(String), fix: 'npm run tools' }]));
  expect(findings.find((f: { name: string }) => f.name === 'node')).toMatchObject({ status: 'ok', version: process.versions.node });
});

test('every check names what needs the tool', () => {
  const { findings } = JSON.parse(doctor({}).stdout);
  expect(findings.length).toBeGreaterThanOrEqual(10);
  for (const finding of findings) expect(finding.for.length).toBeGreaterThan(5);
});
