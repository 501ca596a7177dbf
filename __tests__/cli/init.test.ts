import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hclString } from '../../lib/cli/init';
import { PROJECT_DIR } from '../support/tools';

/** Runs `sovereign init` in `cwd` with the given answers on stdin, as a user at a terminal would. */
function init(cwd: string, answers: string[], args: string[] = []) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), 'init', ...args], {
    cwd,
    input: `${answers.join('\n')}\n`,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function gitProject(gitignore: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-init-'));
  spawnSync('git', ['init', '-q', dir]);
  fs.writeFileSync(path.join(dir, '.gitignore'), gitignore);
  return dir;
}

const HETZNER_ANSWERS = ['hetzner', 'nbg1', '3', 'cpx31', '2', '10.30.0.0/16', '198.51.100.0/24', '', 'hc-token-with-"quote"', 'a-passphrase-of-20-chars'];

test('GIVEN answers THEN writes a valid environment and a 0600 tofu.tfvars with the credentials', () => {
  const dir = gitProject('*.tfvars\n');
  const result = init(dir, HETZNER_ANSWERS);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const env = JSON.parse(fs.readFileSync(path.join(dir, 'environments', 'hetzner-nbg1', 'environment.json'), 'utf8'));
  expect(env).toMatchObject({ provider: 'hetzner', region: 'nbg1', controlPlane: { count: 3, instanceType: 'cpx31' }, adminCidrs: ['198.51.100.0/24'] });
  expect(JSON.stringify(env)).not.toContain('hc-token');
  const tfvars = path.join(dir, 'tofu.tfvars');
  expect(fs.statSync(tfvars).mode & 0o777).toBe(0o600);
  expect(fs.readFileSync(tfvars, 'utf8')).toBe('hcloud_token = "hc-token-with-\\"quote\\""\nstate_passphrase = "a-passphrase-of-20-chars"\n');
  expect(result.stdout).not.toContain('hc-token');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('GIVEN a tofu.tfvars Git would track THEN refuses before asking anything', () => {
  const dir = gitProject('node_modules/\n');
  const result = init(dir, HETZNER_ANSWERS);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/tofu.tfvars: would be tracked by Git; refusing to write credentials there \(allowed: add \*\.tfvars to \.gitignore\)/);
  expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'environments'))).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('GIVEN an even server count THEN the usual validation error and nothing is written', () => {
  const dir = gitProject('*.tfvars\n');
  const answers = [...HETZNER_ANSWERS];
  answers[2] = '2';
  const result = init(dir, answers);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/environments\/hetzner-nbg1\/environment.json#\/controlPlane\/count: server count 2 is even/);
  expect(fs.existsSync(path.join(dir, 'environments'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('GIVEN no passphrase THEN one is generated; existing tfvars keys are kept', () => {
  const dir = gitProject('*.tfvars\n');
  fs.writeFileSync(path.join(dir, 'tofu.tfvars'), 'gitea_token = "keep-me"\n', { mode: 0o644 });
  const answers = [...HETZNER_ANSWERS];
  answers[9] = '';
  const result = init(dir, answers);
  expect(result.code).toBe(0);
  const text = fs.readFileSync(path.join(dir, 'tofu.tfvars'), 'utf8');
  expect(text).toMatch(/^gitea_token = "keep-me"\nhcloud_token = ".+"\nstate_passphrase = "[A-Za-z0-9_-]{32}"\n$/);
  expect(fs.statSync(path.join(dir, 'tofu.tfvars')).mode & 0o777).toBe(0o600);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('hclString escapes what HCL would otherwise interpret', () => {
  expect(hclString('a"b\\c\n${x}%{y}')).toBe('"a\\"b\\\\c\\n$${x}%%{y}"');
});

test('GIVEN Huawei Cloud answers THEN the environment validates and both keys go only to the 0600 tofu.tfvars', () => {
  const dir = gitProject('*.tfvars\n');
  const answers = ['huaweicloud', 'eu-west-101', '3', '', '2', '10.60.0.0/16', '198.51.100.0/24', '', 'HWAKEXAMPLE0000000000', 'hw-secret-key-example', 'a-passphrase-of-20-chars'];
  const result = init(dir, answers);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const env = JSON.parse(fs.readFileSync(path.join(dir, 'environments', 'huaweicloud-eu-west-101', 'environment.json'), 'utf8'));
  expect(env).toMatchObject({ provider: 'huaweicloud', region: 'eu-west-101', controlPlane: { count: 3, instanceType: 's6.large.2' } });
  expect(fs.readFileSync(path.join(dir, 'tofu.tfvars'), 'utf8')).toBe('huaweicloud_access_key = "HWAKEXAMPLE0000000000"\nhuaweicloud_secret_key = "hw-secret-key-example"\nstate_passphrase = "a-passphrase-of-20-chars"\n');
  expect(result.stdout).toMatch(/HW_ACCESS_KEY and HW_SECRET_KEY/);
  expect(result.stdout).not.toContain('hw-secret-key-example');
  expect(result.stdout).not.toContain('HWAKEXAMPLE0000000000');
  fs.rmSync(dir, { recursive: true, force: true });
});
