import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dependencyOrder } from '../../lib/cli/plan';
import { itWithTool, PROJECT_DIR, TOFU } from '../support/tools';

test('dependencyOrder puts every stack after the stacks it reads', () => {
  expect(dependencyOrder({ dns: { dependencies: ['b', 'a'] }, a: {}, b: { dependencies: ['a'] }, c: {} })).toEqual(['a', 'b', 'dns', 'c']);
  expect(() => dependencyOrder({ a: { dependencies: ['b'] }, b: { dependencies: ['a'] } })).toThrow(/cycle: a → b → a/);
});

/**
 * `sovereign plan` with the real OpenTofu and the hcloud provider from the test bed: a Hetzner
 * stack plans offline (creating resources needs no API call; the token only has to look valid).
 */
describe('sovereign plan', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-plan-'));
    fs.writeFileSync(path.join(work, 'test.tfvars'), `state_passphrase = "correct-horse-battery-staple"\nhcloud_token = "${'a'.repeat(64)}"\ngitea_token = "test-token"\n`);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const sovereign = (args: string[]) =>
    spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), ...args], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      env: { ...process.env, SOVEREIGN_TOFU: TOFU, NO_COLOR: '1' },
      timeout: 240_000,
    });

  itWithTool('tofu')('plans a Hetzner stack with the real provider and reports what it would create', () => {
    const result = sovereign(['plan', 'hetzner-fsn1', '--output', path.join(work, 'out'), '--var-file', path.join(work, 'test.tfvars'), '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stacks).toEqual([{ stack: 'hetzner-fsn1', result: 'changes', detail: expect.stringMatching(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/) }]);
  }, 300_000);

  itWithTool('tofu')('without the state passphrase, init fails and names the variable', () => {
    fs.writeFileSync(path.join(work, 'empty.tfvars'), '');
    const result = sovereign(['plan', 'hetzner-fsn1', '--output', path.join(work, 'out2'), '--var-file', path.join(work, 'empty.tfvars')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/hetzner-fsn1: tofu init failed[\s\S]*state_passphrase/);
  }, 300_000);

  test('an unknown stack is refused before anything runs', () => {
    const result = sovereign(['plan', 'nowhere', '--output', path.join(work, 'out3')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown stack "nowhere" \(stacks: .*hetzner-fsn1/);
  });
});

test('an archived stack is refused unless --force', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-plan-archived-'));
  fs.cpSync(path.join(PROJECT_DIR, 'environments', 'hetzner-fsn1'), path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
  fs.mkdirSync(path.join(project, 'state', 'hetzner-fsn1'), { recursive: true });
  fs.writeFileSync(path.join(project, 'state', 'hetzner-fsn1', 'ARCHIVED.json'), '{}');
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), 'plan', '--tofu', '/nonexistent/tofu'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/hetzner-fsn1/);
  expect(result.stderr).toMatch(/archived|Crossplane/i);
  expect(result.stdout).not.toMatch(/tofu init/);
  fs.rmSync(project, { recursive: true, force: true });
});
