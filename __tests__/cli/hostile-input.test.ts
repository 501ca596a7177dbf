import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hashTree } from '../support/synth';
import { PROJECT_DIR } from '../support/tools';

/**
 * Hostile or careless input, end to end through `sovereign synth`: every case exits 1 within
 * seconds, names file and JSON pointer, prints no stack trace and no secret, and leaves the previous
 * cdktf.out byte for byte.
 */
function synth(cwd: string) {
  const result = spawnSync(process.execPath, ['--require', path.join(PROJECT_DIR, 'lib', 'runtime', 'register.js'), path.join(PROJECT_DIR, 'bin', 'sovereign.js'), 'synth'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ENV = 'environments/hetzner-fsn1/environment.json';
const original = fs.readFileSync(path.join(PROJECT_DIR, ENV), 'utf8');
const doc = JSON.parse(original);
let project: string;
let before: Record<string, string>;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-hostile-'));
  fs.mkdirSync(path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
  fs.writeFileSync(path.join(project, ENV), original);
  const first = synth(project);
  expect(first.code).toBe(0);
  before = hashTree(path.join(project, 'cdktf.out'));
});
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

/** Replaces what is at environment.json (file, directory, FIFO, link…) and restores the original afterwards. */
type Breakage = (file: string) => void;
const write = (text: string | Buffer): Breakage => (file) => fs.writeFileSync(file, text);
const withDoc = (change: (d: any) => unknown): Breakage => write(JSON.stringify(change(structuredClone(doc))));

const cases: Array<[string, Breakage, RegExp]> = [
  ['template injection in an SSH key comment', withDoc((d) => ({ ...d, sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops ${nonsensitive(var.hcloud_token)}'] })), /environment\.json#\/sshPublicKeys\/0: contains "\$\{", which OpenTofu would evaluate/],
  ['template directive in the image', withDoc((d) => ({ ...d, image: 'ubuntu-%{ if true }24.04%{ endif }' })), /environment\.json#\/image: contains "%\{"/],
  ['U+0085 in the Flux URL', withDoc((d) => ({ ...d, cluster: { ...d.cluster, flux: { ...d.cluster.flux, url: 'https://git.example.test/fleet.git\u0085runcmd: [reboot]' } } })), /#\/cluster\/flux\/url: contains the control character U\+0085/],
  ['U+FFFF in a label value', withDoc((d) => ({ ...d, labels: { team: 'a\uffff' } })), /#\/labels\/team: contains the noncharacter U\+FFFF/],
  ['an AWS key inside a URL', withDoc((d) => ({ ...d, cluster: { ...d.cluster, flux: { ...d.cluster.flux, url: 'https://git.example.test/AKIAIOSFODNN7EXAMPLE.git' } } })), /#\/cluster\/flux\/url: this value looks like a credential \(an AWS access key id\)/],
  ['a Hetzner token as a label', withDoc((d) => ({ ...d, labels: { note: 'jEheVytlAoFl7F8MqUQ7jAo2hOXASztX6mA1k9Ya3RQ8pRxnDgoZJcTfWbN2KdLs' } })), /#\/labels\/note: this value looks like a credential \(a Hetzner Cloud API token\)/],
  ['a duplicate key', write(original.replace('"region": "fsn1",', '"region": "fsn1", "region": "nbg1",')), /environment\.json#\/region: invalid JSON at line \d+, column \d+: duplicate key "region"/],
  ['a lone surrogate', write(original.replace('"ubuntu-24.04"', '"ubuntu\\udc00"')), /environment\.json#\/image: invalid JSON .*lone low surrogate/],
  ['invalid UTF-8', write(Buffer.from(original.replace('ubuntu-24.04', 'ubunt\u00fc'), 'latin1')), /environment\.json: invalid UTF-8 at line \d+, column \d+/],
  ['10,000 levels of nesting', write(`{"labels": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`), /environment\.json#\/labels(\/0)+: invalid JSON .*nested deeper than 64 levels/],
  ['a 5 MB file', write(`{"labels": {${Array.from({ length: 250_000 }, (_, i) => `"k${i}": "v"`).join(',')}}`), /environment\.json: is larger than 1048576 bytes/],
  ['a directory', (file) => fs.mkdirSync(file), /environment\.json: is a directory, not a regular file/],
  ['a FIFO', (file) => execFileSync('mkfifo', [file]), /environment\.json: is a named pipe \(FIFO\), not a regular file/],
  ['a link to /dev/zero', (file) => fs.symlinkSync('/dev/zero', file), /environment\.json: resolves \(through a symbolic link\) to a file outside the project/],
  ['a dangling link', (file) => fs.symlinkSync('gone.json', file), /environment\.json: is a symbolic link to "gone.json" that does not exist/],
  ['23 servers in one pool', withDoc((d) => ({ ...d, controlPlane: { ...d.controlPlane, count: 23 } })), /#\/controlPlane\/count: pool "control-plane" has 23 servers; at most 22 fit/],
  ['a /30 network', withDoc((d) => ({ ...d, network: { cidr: '10.10.0.0/30' } })), /#\/controlPlane\/count: pool "control-plane" does not fit in subnet 10\.10\.0\.0\/30/],
  ['8 pools in a /24', withDoc((d) => ({ ...d, agentPools: Array.from({ length: 7 }, (_, i) => ({ name: `p${i}`, count: 22, instanceType: 'cpx41' })) })), /#\/agentPools\/6\/count: pool "p6" does not fit in subnet 10\.10\.1\.0\/24: 8 pools need a \/23/],
];

describe.each(cases)('GIVEN %s WHEN synthesized', (_name, breakIt, message) => {
  const file = () => path.join(project, ENV);
  beforeAll(() => {
    fs.rmSync(file(), { recursive: true, force: true });
    breakIt(file());
  });
  afterAll(() => {
    fs.rmSync(file(), { recursive: true, force: true });
    fs.writeFileSync(file(), original);
  });

  test('THEN exit 1 with file#pointer, no stack trace, no secret, cdktf.out untouched', () => {
    const started = Date.now();
    const result = synth(project);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(message) });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.stderr).toMatch(/nothing was written/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr + result.stdout).not.toMatch(/AKIAIOSFODNN7EXAMPLE|jEheVytlAo/);
    expect(hashTree(path.join(project, 'cdktf.out'))).toEqual(before);
  });
});

describe('environment folders are never dropped silently', () => {
  const envDir = (name: string) => path.join(project, 'environments', name);
  afterEach(() => {
    for (const name of ['hetzner-nbg1', 'hetzner-fsn1-x']) fs.rmSync(envDir(name), { recursive: true, force: true });
    fs.rmSync(path.join(project, 'elsewhere'), { recursive: true, force: true });
  });

  test('GIVEN a folder with only environment.jsonc WHEN synthesized THEN exit 1 naming the folder and what it found', () => {
    fs.mkdirSync(envDir('hetzner-nbg1'));
    fs.writeFileSync(path.join(envDir('hetzner-nbg1'), 'environment.jsonc'), '{}');
    const result = synth(project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/environments\/hetzner-nbg1: has no environment\.json \(found environment\.jsonc; only environment\.json is read\)/);
    expect(hashTree(path.join(project, 'cdktf.out'))).toEqual(before);
  });

  test('GIVEN a symlinked folder leaving the project WHEN synthesized THEN exit 1 naming it', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-outside-'));
    try {
      fs.symlinkSync(outside, envDir('hetzner-nbg1'));
      const result = synth(project);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/environments\/hetzner-nbg1: is a symbolic link to a folder outside the project/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('GIVEN a dangling folder link WHEN synthesized THEN exit 1 naming it', () => {
    fs.symlinkSync('../nowhere', envDir('hetzner-nbg1'));
    const result = synth(project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/environments\/hetzner-nbg1: is a symbolic link to a path that does not exist/);
  });

  test('GIVEN a symlinked folder inside the project WHEN synthesized THEN it is followed and its stack written', () => {
    fs.mkdirSync(path.join(project, 'elsewhere'));
    fs.writeFileSync(path.join(project, 'elsewhere', 'environment.json'), original);
    fs.symlinkSync('../elsewhere', envDir('hetzner-fsn1-x'));
    const result = synth(project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cdktf.out/stacks/hetzner-fsn1-x/cdk.tf.json');
  });
});
