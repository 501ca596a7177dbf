/**
 * Safe re-apply with the real OpenTofu and the real hcloud 1.68.0 provider (built by the test bed),
 * against an existing state: built from the provider's own plan with ids in hcloud's format and
 * pushed with `tofu state push` (see ../support/planned-state.ts). Every plan runs with
 * -refresh=false and HCLOUD_ENDPOINT on a closed loopback port, so no cloud API is ever called.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serverRemovals } from '../../lib/tofu';
import { OFFLINE_ENV, plannedChanges, pushConvergedState } from '../support/planned-state';
import { itWithTool, PROJECT_DIR, TOFU, toolInstalled } from '../support/tools';

const STACK = 'hetzner-fsn1';
const PASSPHRASE = 'correct-horse-battery-staple';
const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmFhYaQ0c3mKq8b8Nw4s1H0x7hE5J6xqgX9l3m1Zy2T ops@example';

describe('GIVEN a Hetzner stack with an existing state', () => {
  let project: string;
  let stackDir: string;
  let envFile: string;
  let original: string;
  let rounds = 0;

  const sovereign = (args: string[]) =>
    spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), ...args], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ...OFFLINE_ENV, NO_COLOR: '1', SOVEREIGN_TOFU: '' },
      timeout: 280_000,
    });
  const editEnvironment = (edit: (env: Record<string, any>) => void) => {
    const env = JSON.parse(original);
    edit(env);
    fs.writeFileSync(envFile, JSON.stringify(env, null, 2));
  };

  beforeAll(() => {
    if (!toolInstalled('tofu') && process.env.CI !== 'true') return;
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-replace-'));
    fs.cpSync(path.join(PROJECT_DIR, 'environments', STACK), path.join(project, 'environments', STACK), { recursive: true });
    fs.mkdirSync(path.join(project, 'scripts'));
    fs.symlinkSync(TOFU, path.join(project, 'scripts', 'tofu'));
    envFile = path.join(project, 'environments', STACK, 'environment.json');
    original = fs.readFileSync(envFile, 'utf8');
    fs.writeFileSync(path.join(project, 'tofu.tfvars'), `state_passphrase = "${PASSPHRASE}"\nhcloud_token = "${'a'.repeat(64)}"\ngitea_token = "test-token"\n`);
    const synth = sovereign(['synth']);
    if (synth.status !== 0) throw new Error(synth.stderr);
    stackDir = path.join(project, 'cdktf.out', 'stacks', STACK);
    const init = spawnSync(TOFU, ['init', '-input=false', '-no-color', '-var-file=../../../tofu.tfvars'], { cwd: stackDir, encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV } });
    if (init.status !== 0) throw new Error(init.stderr);
    rounds = pushConvergedState(TOFU, stackDir, '../../../tofu.tfvars', PASSPHRASE);
  }, 600_000);
  afterAll(() => project && fs.rmSync(project, { recursive: true, force: true }));

  itWithTool('tofu')('THEN the state is complete: the unchanged configuration plans no changes', () => {
    expect(rounds).toBeGreaterThanOrEqual(1);
    const state = fs.readFileSync(path.join(project, 'state', STACK, 'terraform.tfstate'), 'utf8');
    // encrypted at rest, like every state: the pushed plain text never lands on disk as such
    expect(state).not.toContain('hcloud_server');
    const result = sovereign(['plan', STACK, '--var-file', 'tofu.tfvars', '--tofu', 'scripts/tofu', '--no-refresh', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).stacks).toEqual([{ stack: STACK, result: 'no-changes' }]);
  }, 300_000);

  itWithTool('tofu')('WHEN cluster.kubelet.maxPods changes THEN the user data changes but no server is replaced', () => {
    editEnvironment((env) => (env.cluster = { ...env.cluster, kubelet: { maxPods: 51 } }));
    try {
      const result = sovereign(['plan', STACK, '--var-file', 'tofu.tfvars', '--tofu', 'scripts/tofu', '--no-refresh', '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const [report] = JSON.parse(result.stdout).stacks;
      expect(report.servers).toBeUndefined();
      expect(report.result).not.toBe('refused');
      const config = fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8');
      expect(config).toContain('max-pods=51');

      // The control: the same configuration without ignore_changes makes the real provider replace
      // every server, forced by user_data — what a re-apply did before.
      const stack = JSON.parse(config);
      for (const server of Object.values<Record<string, unknown>>(stack.resource.hcloud_server)) delete server.lifecycle;
      fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), JSON.stringify(stack));
      const removals = serverRemovals(JSON.stringify({ resource_changes: plannedChanges(TOFU, stackDir, '../../../tofu.tfvars') }));
      expect(removals).toHaveLength(5);
      for (const removal of removals) expect(removal).toMatchObject({ action: 'replace', forcedBy: ['user_data'] });
    } finally {
      fs.writeFileSync(envFile, original);
    }
  }, 300_000);

  itWithTool('tofu')('WHEN a change would replace servers THEN plan refuses, names them, and the printed --allow-replace hint works when pasted', () => {
    // hcloud_server.ssh_keys forces replacement: adding a key would recreate all five servers.
    editEnvironment((env) => (env.sshPublicKeys = [SSH_KEY]));
    try {
      const refused = sovereign(['plan', STACK, '--var-file', 'tofu.tfvars', '--tofu', 'scripts/tofu', '--no-refresh']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/hetzner-fsn1: refused: the plan takes down 5 servers at once \(Plan: \d+ to add, \d+ to change, 5 to destroy\.\)\n/);
      expect(refused.stderr).toMatch(/replace hcloud_server\.vm_control-plane-0_[0-9A-F]{8} \(forced by ssh_keys\)/);
      expect(refused.stderr.match(/^ {2}replace hcloud_server\./gm)).toHaveLength(5);
      const hint = /to accept the plan as it is: (npx sovereign plan .+)$/m.exec(refused.stderr)?.[1];
      expect(hint).toBe(`npx sovereign plan ${STACK} --allow-replace`);

      // pasted as printed (npx sovereign → this checkout's bin), with the same var file and tofu
      const args = hint!.split(' ').slice(2);
      const accepted = sovereign([...args, '--var-file', 'tofu.tfvars', '--tofu', 'scripts/tofu', '--no-refresh', '--json']);
      expect(accepted.status).toBe(0);
      const [report] = JSON.parse(accepted.stdout).stacks;
      expect(report.result).toBe('changes');
      expect(report.servers).toHaveLength(5);
    } finally {
      fs.writeFileSync(envFile, original);
    }
  }, 300_000);

  itWithTool('tofu')('WHEN replace-node names one server THEN the plan replaces exactly that one, and without --yes nothing is applied', () => {
    editEnvironment((env) => (env.cluster = { ...env.cluster, kubelet: { maxPods: 51 } }));
    try {
      const before = fs.readFileSync(path.join(project, 'state', STACK, 'terraform.tfstate'));
      const result = sovereign(['replace-node', STACK, 'control-plane/1', '--var-file', 'tofu.tfvars', '--tofu', 'scripts/tofu', '--no-refresh', '--no-wait']);
      expect(result.status).toBe(2);
      expect(result.stdout).toMatch(/Plan: 1 to add, 0 to change, 1 to destroy\./);
      expect(result.stdout).toMatch(/^ {2}replace hcloud_server\.vm_control-plane-1_[0-9A-F]{8} \(replace_by_request\)$/m);
      expect(result.stdout.match(/^ {2}replace /gm)).toHaveLength(1);
      expect(result.stderr).toMatch(/not confirmed: nothing was changed \(run again with --yes to replace hetzner-fsn1-control-plane-1\)/);
      expect(fs.readFileSync(path.join(project, 'state', STACK, 'terraform.tfstate'))).toEqual(before);
      expect(fs.existsSync(path.join(stackDir, 'sovereign.tfplan'))).toBe(false);
    } finally {
      fs.writeFileSync(envFile, original);
    }
  }, 300_000);

  itWithTool('tofu')('WHEN replace-node is confirmed THEN tofu apply runs the saved, encrypted plan and reaches the provider (whose API is a closed loopback port here)', () => {
    const result = sovereign(['replace-node', STACK, 'workers/0', '--var-file', 'tofu.tfvars', '--tofu', 'scripts/tofu', '--no-refresh', '--no-wait', '--yes']);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/tofu apply sovereign\.tfplan \(replaces hcloud_server\.vm_workers-0_[0-9A-F]{8}\)/);
    expect(result.stderr).toMatch(/hetzner-fsn1: tofu apply failed/);
    // the passphrase reached apply (no "Unable to compute static value"), and the first API call failed
    expect(result.stderr).not.toMatch(/static value|decrypt/i);
    expect(result.stderr).toMatch(/127\.0\.0\.1:9/);
    expect(fs.existsSync(path.join(stackDir, 'sovereign.tfplan'))).toBe(false);
  }, 300_000);
});

test('GIVEN replace-node with a server the stack does not have THEN it lists the ones it has and runs nothing', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-replace-unknown-'));
  fs.cpSync(path.join(PROJECT_DIR, 'environments', STACK), path.join(project, 'environments', STACK), { recursive: true });
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), 'replace-node', STACK, 'control-plane/7', '--no-wait', '--tofu', '/nonexistent/tofu'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/stack hetzner-fsn1 has no server "control-plane\/7" \(servers: control-plane\/0, control-plane\/1, control-plane\/2, workers\/0, workers\/1\)/);
  expect(result.stdout).not.toMatch(/tofu init/);
  fs.rmSync(project, { recursive: true, force: true });
});

test('GIVEN replace-node without a kubeconfig THEN it asks for one or an explicit --no-wait', () => {
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), 'replace-node', STACK, 'control-plane/0'], { cwd: PROJECT_DIR, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KUBECONFIG: '' } });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/needs --kubeconfig FILE \(or KUBECONFIG\).*--no-wait/);
});
