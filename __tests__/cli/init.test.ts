import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { check, hclString, problemsAt, readAnswersFile } from '../../lib/cli/init';
import { CLOUD_INIT, checkAwsAccessKeyId, checkAwsSecretKey, checkAzureSubscription, checkGcpProject, checkHcloudToken } from '../../lib/cli/init-clouds';
import { CLOUD_PROVIDERS, KNOWN_REGIONS } from '../../lib/config/regions';
import { KEY, plainScreen, runOnTerminal, Turn } from '../support/pty';
import { PROJECT_DIR } from '../support/tools';

const SOVEREIGN = path.join(PROJECT_DIR, 'bin', 'sovereign.js');
const TOKEN = 'Zx9'.repeat(21) + 'Q'; // 64 letters and digits, like a Hetzner token
const PASSPHRASE = 'a-passphrase-of-20-chars';

/** Runs `sovereign init` in `cwd` without a terminal (scripts: --from FILE). */
function init(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [SOVEREIGN, 'init', ...args], { cwd, input: '', encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function gitProject(gitignore: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-init-'));
  spawnSync('git', ['init', '-q', dir]);
  fs.writeFileSync(path.join(dir, '.gitignore'), gitignore);
  return dir;
}

function answersFile(dir: string, answers: Record<string, unknown>): string {
  fs.writeFileSync(path.join(dir, 'answers.json'), JSON.stringify(answers));
  return 'answers.json';
}

const HETZNER = { provider: 'hetzner', region: 'nbg1', servers: 3, instanceType: 'cpx31', agents: 2, networkCidr: '10.30.0.0/16', adminCidrs: ['198.51.100.0/24'], credentials: { hcloud_token: TOKEN }, statePassphrase: PASSPHRASE };

describe('GIVEN init on a terminal (a real pseudo-terminal)', () => {
  let dir: string;
  beforeEach(() => (dir = gitProject('*.tfvars\n')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const onTerminal = (turns: Turn[]) => runOnTerminal([process.execPath, SOVEREIGN, 'init'], dir, turns, { ...process.env, NO_COLOR: '1' });

  const upToToken: Turn[] = [
    { expect: 'Cloud provider', send: KEY.enter },
    { expect: 'Region', send: KEY.down + KEY.enter }, // fsn1 → nbg1
    { expect: 'K3s servers .*\\(3\\)', send: '4' + KEY.enter },
    { expect: 'server count 4 is even', send: KEY.backspace + '3' + KEY.enter },
    { expect: 'Instance type', send: KEY.enter },
    { expect: 'Agents .*\\(2\\)', send: KEY.enter },
    { expect: 'Private network CIDR .*\\(10\\.10\\.0\\.0/16\\)', send: '10.30.0.0/33' + KEY.enter },
    { expect: 'is not an IPv4 CIDR with the host bits zero', send: KEY.backspace.repeat(2) + '16' + KEY.enter },
    { expect: 'Admin CIDRs', send: '198.51.100.0/24' + KEY.enter },
    { expect: 'SSH public keys', send: KEY.enter },
    { expect: 'Hetzner Cloud API token', send: `${TOKEN}xy` + KEY.enter },
    { expect: 'exactly 64 letters and digits', send: KEY.backspace.repeat(2) + KEY.enter },
    { expect: 'State encryption passphrase', send: 'short' + KEY.enter },
    { expect: 'at least 16 characters', send: KEY.backspace.repeat(5) + PASSPHRASE + KEY.enter },
  ];

  test('WHEN answers are wrong once THEN each is re-asked with the reason, the token never shows, and a confirmed summary writes both files', () => {
    const result = onTerminal([...upToToken, { expect: 'Write these files\\?', send: KEY.enter }]);
    expect(result.stuck).toBeNull();
    expect(result.code).toBe(0);
    const screen = plainScreen(result.screen);
    expect(screen).not.toContain(TOKEN.slice(0, 12));
    expect(screen).not.toContain(PASSPHRASE);
    expect(screen).toMatch(/About to write:\n {2}environments\/hetzner-nbg1\/environment.json\n {4}hetzner nbg1: 3 K3s servers \+ 2 agents, cpx31/);
    expect(screen).toMatch(/hcloud_token: set \(hidden\)/);
    const env = JSON.parse(fs.readFileSync(path.join(dir, 'environments', 'hetzner-nbg1', 'environment.json'), 'utf8'));
    expect(env).toMatchObject({ provider: 'hetzner', region: 'nbg1', network: { cidr: '10.30.0.0/16' }, controlPlane: { count: 3, instanceType: 'cpx31' }, adminCidrs: ['198.51.100.0/24'] });
    const tfvars = path.join(dir, 'tofu.tfvars');
    expect(fs.statSync(tfvars).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(tfvars, 'utf8')).toBe(`hcloud_token = "${TOKEN}"\nstate_passphrase = "${PASSPHRASE}"\n`);
    expect(screen).toMatch(/next: npx sovereign plan hetzner-nbg1 --var-file tofu.tfvars\n/);
  }, 60_000);

  test('WHEN the summary is declined THEN nothing is written', () => {
    const result = onTerminal([...upToToken, { expect: 'Write these files\\?', send: 'n' + KEY.enter }]);
    expect(result.code).toBe(130);
    expect(plainScreen(result.screen)).toMatch(/nothing was written/);
    expect(fs.readdirSync(dir).sort()).toEqual(['.git', '.gitignore']);
  }, 60_000);

  test('WHEN a region already has an environment THEN it is listed but cannot be picked, and the first free one is proposed', () => {
    fs.mkdirSync(path.join(dir, 'environments', 'hetzner-fsn1'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'environments', 'hetzner-fsn1', 'environment.json'), '{}');
    const result = onTerminal([
      { expect: 'Cloud provider', send: KEY.enter },
      { expect: 'Region', send: KEY.enter },
      { expect: 'K3s servers', send: KEY.ctrlC },
    ]);
    expect(result.code).toBe(130);
    const screen = plainScreen(result.screen);
    expect(screen).toMatch(/fsn1 \(?environments\/hetzner-fsn1\/environment.json exists; --force replaces it\)?/);
    expect(screen).toMatch(/✔ Region nbg1/);
    expect(fs.readFileSync(path.join(dir, 'environments', 'hetzner-fsn1', 'environment.json'), 'utf8')).toBe('{}');
  }, 60_000);

  test('WHEN Ctrl-C is pressed at the secret question THEN nothing is written', () => {
    const turns = upToToken.slice(0, upToToken.findIndex((t) => t.expect.startsWith('Hetzner Cloud API token')));
    const result = onTerminal([...turns, { expect: 'Hetzner Cloud API token', send: 'half-a-token' + KEY.ctrlC }]);
    expect(result.code).toBe(130);
    expect(plainScreen(result.screen)).toMatch(/cancelled: nothing was written/);
    expect(plainScreen(result.screen)).not.toContain('half-a-token');
    expect(fs.readdirSync(dir).sort()).toEqual(['.git', '.gitignore']);
  }, 60_000);
});

describe('GIVEN init for scripts (--from FILE)', () => {
  let dir: string;
  beforeEach(() => (dir = gitProject('*.tfvars\n')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('WHEN the answers are valid THEN it writes the environment and a 0600 tofu.tfvars without asking', () => {
    const result = init(dir, ['--from', answersFile(dir, { ...HETZNER, credentials: { hcloud_token: TOKEN } })]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(TOKEN);
    expect(fs.statSync(path.join(dir, 'tofu.tfvars')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, 'tofu.tfvars'), 'utf8')).toBe(`hcloud_token = "${TOKEN}"\nstate_passphrase = "${PASSPHRASE}"\n`);
  });

  test('WHEN an answer is wrong THEN the file and key are named with the reason, exit 1, nothing written', () => {
    const result = init(dir, ['--from', answersFile(dir, { ...HETZNER, credentials: { hcloud_token: `${TOKEN}ab` } })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/answers.json#\/credentials\/hcloud_token: a Hetzner Cloud API token is exactly 64 letters and digits/);
    const even = init(dir, ['--from', answersFile(dir, { ...HETZNER, servers: 4 })]);
    expect(even.code).toBe(1);
    expect(even.stderr).toMatch(/answers.json#\/servers: server count 4 is even/);
    expect(fs.existsSync(path.join(dir, 'environments'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
  });

  test('WHEN stdin is not a terminal and there is no --from THEN it says how to script it instead of reading lines', () => {
    const result = init(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pass the answers with --from FILE/);
  });

  test('WHEN no passphrase is given THEN one is generated; existing tfvars keys are kept', () => {
    fs.writeFileSync(path.join(dir, 'tofu.tfvars'), 'gitea_token = "keep-me"\n', { mode: 0o644 });
    const { statePassphrase: _, ...rest } = HETZNER;
    const result = init(dir, ['--from', answersFile(dir, rest)]);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'tofu.tfvars'), 'utf8')).toMatch(/^gitea_token = "keep-me"\nhcloud_token = ".{64}"\nstate_passphrase = "[A-Za-z0-9_-]{32}"\n$/);
    expect(fs.statSync(path.join(dir, 'tofu.tfvars')).mode & 0o777).toBe(0o600);
  });
});

describe('GIVEN a tofu.tfvars that would not be safe to write', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('WHEN Git would track it THEN init refuses before asking anything', () => {
    dir = gitProject('node_modules/\n');
    const result = init(dir, ['--from', answersFile(dir, HETZNER)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tofu.tfvars: would be tracked by Git; refusing to write credentials there \(allowed: add \*\.tfvars to \.gitignore\)/);
    expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'environments'))).toBe(false);
  });

  test('WHEN git is not on PATH THEN init fails closed', () => {
    dir = gitProject('*.tfvars\n');
    const result = init(dir, ['--from', answersFile(dir, HETZNER)], { ...process.env, PATH: '/nonexistent' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tofu.tfvars: cannot check whether Git would track it: git is not on PATH \(ENOENT\)/);
    expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
  });

  test('WHEN tofu.tfvars is a symlink into a tracked file THEN init refuses and the target is untouched', () => {
    dir = gitProject('*.tfvars\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'tracked\n');
    spawnSync('git', ['-C', dir, 'add', 'notes.txt']);
    fs.symlinkSync('notes.txt', path.join(dir, 'tofu.tfvars'));
    const result = init(dir, ['--from', answersFile(dir, HETZNER)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tofu.tfvars: is a symbolic link \(to notes.txt\); refusing to write credentials through it/);
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('tracked\n');
  });

  test('WHEN GIT_DIR and GIT_WORK_TREE point at another repository THEN the project’s own repository decides', () => {
    dir = gitProject('node_modules/\n'); // this project would track tofu.tfvars
    const other = gitProject('*\n'); // the other one ignores everything
    try {
      const result = init(dir, ['--from', answersFile(dir, HETZNER)], { ...process.env, GIT_DIR: path.join(other, '.git'), GIT_WORK_TREE: other });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/tofu.tfvars: would be tracked by Git/);
      expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('answer checks', () => {
  const base = { provider: 'hetzner' as const, region: 'nbg1', servers: 3, instanceType: 'cpx31', agents: 2, networkCidr: '10.10.0.0/16', adminCidrs: [], sshPublicKeys: [] };

  test('GIVEN every cloud THEN its listed instance types and its default pass synth’s own checks', () => {
    for (const provider of CLOUD_PROVIDERS) {
      const cloud = CLOUD_INIT[provider];
      const region = Object.keys(KNOWN_REGIONS[provider])[0];
      expect(cloud.instanceTypes).toContain(cloud.defaultInstanceType);
      for (const instanceType of cloud.instanceTypes) {
        const sshPublicKeys = provider === 'azure' ? ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmFhYaQ0c3mKq8b8Nw4s1H0x7hE5J6xqgX9l3m1Zy2T ops@example'] : [];
        expect([provider, instanceType, problemsAt({ ...base, provider, region, instanceType, sshPublicKeys }, ['/controlPlane', '/agentPools'])]).toEqual([provider, instanceType, []]);
      }
    }
  });

  test('GIVEN answers THEN the reason comes from the same rules as synth', () => {
    expect(problemsAt({ ...base, servers: 4 }, ['/controlPlane/count'])[0]).toMatch(/server count 4 is even/);
    expect(problemsAt({ ...base, instanceType: 'cx11' }, ['/controlPlane/instanceType'])[0]).toMatch(/too small/);
    expect(problemsAt({ ...base, adminCidrs: ['10.10.0.0/24'] }, ['/adminCidrs'])[0]).toMatch(/overlaps the private network/);
    expect(problemsAt(base, ['/controlPlane', '/network', '/adminCidrs'])).toEqual([]);
    expect(check.networkCidr('10.30.0.0/33', base)).toMatch(/is not an IPv4 CIDR with the host bits zero/);
    expect(check.sshPublicKeys('', { ...base, provider: 'azure', region: 'westeurope', instanceType: 'Standard_B2s' })).toMatch(/Azure needs at least one SSH public key/);
    expect(check.sshPublicKeys('', base)).toBeUndefined();
    expect(check.servers('three', base)).toMatch(/"three" is not a whole number/);
  });

  test('GIVEN credential shapes THEN each cloud’s check accepts the real shape and names what is wrong', () => {
    expect(checkHcloudToken(TOKEN)).toBeUndefined();
    expect(checkHcloudToken(`${TOKEN}xy`)).toMatch(/exactly 64/);
    expect(checkHcloudToken(TOKEN.slice(0, 63) + '-')).toMatch(/exactly 64/);
    expect(checkAwsAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(checkAwsAccessKeyId('ASIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(checkAwsAccessKeyId('AKIAIOSFODNN7EXAMPL')).toMatch(/AKIA or ASIA followed by 16/);
    expect(checkAwsSecretKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBeUndefined();
    expect(checkAwsSecretKey('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE')).toMatch(/40 letters/);
    expect(checkGcpProject('my-project-123')).toBeUndefined();
    expect(checkGcpProject('My_Project')).toMatch(/6–30 lowercase/);
    expect(checkAzureSubscription('00000000-1111-2222-3333-444444444444')).toBeUndefined();
    expect(checkAzureSubscription('not-a-guid')).toMatch(/GUID/);
  });

  test('GIVEN a --from file with an unknown key or a credential of another cloud THEN it is named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-answers-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ ...HETZNER, sever: 3 }));
      expect(() => readAnswersFile(path.join(dir, 'a.json'), 'a.json')).toThrow(/a.json#\/sever: unknown key "sever"/);
      fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ ...HETZNER, credentials: { gcp_project: 'x' } }));
      expect(() => readAnswersFile(path.join(dir, 'a.json'), 'a.json')).toThrow(/a.json#\/credentials\/gcp_project: is not a hetzner credential/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('hclString escapes what HCL would otherwise interpret', () => {
  expect(hclString('a"b\\c\n${x}%{y}')).toBe('"a\\"b\\\\c\\n$${x}%%{y}"');
});

describe('GIVEN OCI answers (--from FILE)', () => {
  const compartment = 'ocid1.compartment.oc1..aaaaaaaaexampleexampleexampleexampleexampleexample0001';
  const tenancy = 'ocid1.tenancy.oc1..aaaaaaaaexampleexampleexampleexampleexampleexample0002';
  const fingerprint = '12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0';
  const OCI = { provider: 'oci', region: 'eu-frankfurt-1', servers: 3, agents: 2, networkCidr: '10.70.0.0/16', statePassphrase: PASSPHRASE };

  test('THEN the environment holds the compartment and flexible sizes, tofu.tfvars the API-key settings but never a key', () => {
    const dir = gitProject('*.tfvars\n');
    const credentials = { oci_tenancy_ocid: tenancy, oci_fingerprint: fingerprint, oci_private_key_path: '/home/ops/.oci/key.pem' };
    const result = init(dir, ['--from', answersFile(dir, { ...OCI, settings: { compartmentId: compartment, ocpus: 4, memoryGb: 24 }, credentials })]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const env = JSON.parse(fs.readFileSync(path.join(dir, 'environments', 'oci-eu-frankfurt-1', 'environment.json'), 'utf8'));
    expect(env).toMatchObject({
      provider: 'oci',
      region: 'eu-frankfurt-1',
      oci: { compartmentId: compartment },
      controlPlane: { count: 3, instanceType: 'VM.Standard.E5.Flex', ocpus: 4, memoryGb: 24 },
      agentPools: [{ name: 'workers', count: 2, instanceType: 'VM.Standard.E5.Flex', ocpus: 4, memoryGb: 24 }],
    });
    expect(fs.readFileSync(path.join(dir, 'tofu.tfvars'), 'utf8')).toBe(
      `oci_fingerprint = "${fingerprint}"\noci_private_key_path = "/home/ops/.oci/key.pem"\noci_tenancy_ocid = "${tenancy}"\nstate_passphrase = "${PASSPHRASE}"\n`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('WHEN the compartment is not an OCID THEN the error names the setting and nothing is written', () => {
    const dir = gitProject('*.tfvars\n');
    const result = init(dir, ['--from', answersFile(dir, { ...OCI, settings: { compartmentId: 'my-compartment' } })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/answers\.json#\/settings\/compartmentId: does not have the required form/);
    expect(fs.existsSync(path.join(dir, 'environments'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('WHEN the memory does not fit the shape or a fingerprint is malformed THEN each is refused at its key', () => {
    const dir = gitProject('*.tfvars\n');
    const memory = init(dir, ['--from', answersFile(dir, { ...OCI, settings: { compartmentId: compartment, ocpus: 2, memoryGb: 200 } })]);
    expect(memory.code).toBe(1);
    expect(memory.stderr).toMatch(/answers\.json#\/settings\/memoryGb: /);
    const key = init(dir, ['--from', answersFile(dir, { ...OCI, settings: { compartmentId: compartment }, credentials: { oci_fingerprint: 'aa:bb:cc' } })]);
    expect(key.code).toBe(1);
    expect(key.stderr).toMatch(/answers\.json#\/credentials\/oci_fingerprint: an OCI API key fingerprint is 16 colon-separated pairs/);
    const other = init(dir, ['--from', answersFile(dir, { ...OCI, settings: { compartmentId: compartment, zones: 3 } })]);
    expect(other.stderr).toMatch(/answers\.json#\/settings\/zones: is not a oci setting/);
    expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

test('GIVEN Huawei Cloud answers (--from) THEN the environment validates and both keys go only to the 0600 tofu.tfvars', () => {
  const dir = gitProject('*.tfvars\n');
  const AK = 'HWAKEXAMPLE000000000';
  const SK = 'hwSecretKeyExample0000000000000000000000';
  const answers = { provider: 'huaweicloud', region: 'eu-west-101', servers: 3, instanceType: 's6.large.2', agents: 2, networkCidr: '10.60.0.0/16', adminCidrs: ['198.51.100.0/24'], credentials: { huaweicloud_access_key: AK, huaweicloud_secret_key: SK }, statePassphrase: PASSPHRASE };
  const result = init(dir, ['--from', answersFile(dir, answers)]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const env = JSON.parse(fs.readFileSync(path.join(dir, 'environments', 'huaweicloud-eu-west-101', 'environment.json'), 'utf8'));
  expect(env).toMatchObject({ provider: 'huaweicloud', region: 'eu-west-101', controlPlane: { count: 3, instanceType: 's6.large.2' } });
  const tfvars = path.join(dir, 'tofu.tfvars');
  expect(fs.statSync(tfvars).mode & 0o777).toBe(0o600);
  expect(fs.readFileSync(tfvars, 'utf8')).toBe(`huaweicloud_access_key = "${AK}"\nhuaweicloud_secret_key = "${SK}"\nstate_passphrase = "${PASSPHRASE}"\n`);
  expect(result.stdout).not.toContain(SK);
  expect(result.stdout).not.toContain(AK);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('GIVEN a Huawei Cloud key with a pasted space or quote THEN init refuses it at its pointer', () => {
  const dir = gitProject('*.tfvars\n');
  const answers = { provider: 'huaweicloud', region: 'eu-west-101', servers: 1, instanceType: 's6.large.2', agents: 0, networkCidr: '10.60.0.0/16', adminCidrs: [], credentials: { huaweicloud_secret_key: 'abc def"0123456789' }, statePassphrase: PASSPHRASE };
  const result = init(dir, ['--from', answersFile(dir, answers)]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/answers.json#\/credentials\/huaweicloud_secret_key: a Huawei Cloud secret key \(SK\) is letters and digits only/);
  expect(result.stderr).not.toContain('abc def');
  expect(fs.existsSync(path.join(dir, 'tofu.tfvars'))).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
