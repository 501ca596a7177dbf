import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hashTree } from '../support/synth';
import { PROJECT_DIR } from '../support/tools';

/** Runs an entry point of ours as users do, in `cwd`, and returns exit code and output. */
function runEntry(entry: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--require', path.join(PROJECT_DIR, 'lib', 'runtime', 'register.js'), path.join(PROJECT_DIR, entry), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run synth` as package.json spells it (`node <entry> <args…>`): entry and arguments. */
function npmSynth(): [string, string[]] {
  const script: string = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')).scripts.synth;
  const [node, entry, ...args] = script.split(' ');
  if (node !== 'node') throw new Error(`npm run synth is not "node <entry> …": ${script}`);
  return [entry, args];
}

describe('bad input: exit 1, file + pointer + allowed, no stack trace, previous output untouched', () => {
  let project: string;
  const envFile = () => path.join(project, 'environments', 'hetzner-fsn1', 'environment.json');

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-cli-'));
    fs.cpSync(path.join(PROJECT_DIR, 'environments', 'hetzner-fsn1'), path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  test('a good synth (npm run synth) writes and lists the stacks', () => {
    const result = runEntry(...npmSynth(), project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cdktf.out/stacks/hetzner-fsn1/cdk.tf.json');
    expect(result.stdout).toContain('synthesized 1 stack');
  });

  const breakages: Array<[string, (doc: any) => string, RegExp]> = [
    ['even server count', (doc) => JSON.stringify({ ...doc, controlPlane: { ...doc.controlPlane, count: 2 } }), /environment\.json#\/controlPlane\/count: server count 2 is even.*\(allowed: 1, 3, 5/],
    ['invalid JSON', (doc) => JSON.stringify(doc).replace(/}$/, ',}'), /environment\.json: invalid JSON at line 1, column \d+/],
    ['credentials', (doc) => JSON.stringify({ ...doc, apiKey: 'abc' }), /environment\.json#\/apiKey: "apiKey" looks like a credential/],
  ];

  describe.each(breakages)('%s', (_name, breakIt, message) => {
    let before: Record<string, string>;
    let original: string;
    beforeAll(() => {
      before = hashTree(path.join(project, 'cdktf.out'));
      original = fs.readFileSync(envFile(), 'utf8');
      fs.writeFileSync(envFile(), breakIt(JSON.parse(original)));
    });
    afterAll(() => fs.writeFileSync(envFile(), original));

    test.each([
      ['npm run synth', ...npmSynth()],
      ['sovereign synth', 'bin/sovereign.js', ['synth']],
      ['sovereign validate', 'bin/sovereign.js', ['validate']],
    ])('%s', (_label, entry, args) => {
      const result = runEntry(entry, args as string[], project);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/nothing was written/);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(hashTree(path.join(project, 'cdktf.out'))).toEqual(before);
    });
  });
});

test('an unknown command prints usage and exits 2', () => {
  const result = runEntry('bin/sovereign.js', ['frobnicate'], PROJECT_DIR);
  expect(result.code).toBe(2);
  expect(result.stdout).toMatch(/Usage: sovereign <command>/);
  expect(result.stderr).toMatch(/unknown command "frobnicate"/);
});

test('validate --json reports errors as data for scripts, exit 1', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-json-'));
  fs.mkdirSync(path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
  const doc = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'environments', 'hetzner-fsn1', 'environment.json'), 'utf8'));
  fs.writeFileSync(path.join(project, 'environments', 'hetzner-fsn1', 'environment.json'), JSON.stringify({ ...doc, region: 'fra1' }));
  const result = runEntry('bin/sovereign.js', ['validate', '--json'], project);
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).errors).toEqual(
    expect.arrayContaining([{ file: 'environments/hetzner-fsn1/environment.json', pointer: '/region', message: expect.stringContaining('unknown hetzner region "fra1"'), allowed: expect.stringContaining('fsn1') }]),
  );
  fs.rmSync(project, { recursive: true, force: true });
});

test('GIVEN an input only its cloud refuses WHEN validate --json runs THEN the cloud problem is listed like any other, exit 1', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-json-'));
  fs.mkdirSync(path.join(project, 'environments', 'aws-eu-central-1'), { recursive: true });
  const doc = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'environments', 'aws-eu-central-1', 'environment.json'), 'utf8'));
  fs.writeFileSync(path.join(project, 'environments', 'aws-eu-central-1', 'environment.json'), JSON.stringify({ ...doc, image: 'debian-12' }));
  const result = runEntry('bin/sovereign.js', ['validate', '--json'], project);
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout).errors).toEqual([
    { file: 'environments/aws-eu-central-1/environment.json', pointer: '/image', message: expect.stringContaining('image "debian-12" is not usable on AWS'), allowed: expect.stringContaining('an AMI id') },
  ]);
  const synth = runEntry('bin/sovereign.js', ['synth'], project);
  expect(synth.code).toBe(1);
  expect(synth.stderr).toMatch(/environment\.json#\/image: image "debian-12" is not usable on AWS/);
  expect(synth.stderr).not.toMatch(/^\s+at /m);
  expect(fs.existsSync(path.join(project, 'cdktf.out'))).toBe(false);
  fs.rmSync(project, { recursive: true, force: true });
});

test('each command has its own --help', () => {
  const result = runEntry('bin/sovereign.js', ['plan', '--help'], PROJECT_DIR);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Usage: sovereign plan \[STACK…\]/);
  expect(result.stdout).toMatch(/Exit codes: 0 success, 1 invalid configuration/);
});

test('an unknown option is refused with the allowed ones, exit 2', () => {
  const result = runEntry('bin/sovereign.js', ['plan', '--dry-run'], PROJECT_DIR);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/unknown option --dry-run \(allowed: --output, --tofu, --var-file, --force, --json, --allow-replace, --no-refresh\)/);
});
