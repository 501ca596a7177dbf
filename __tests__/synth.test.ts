import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROVIDER_PINS } from '../lib/versions';
import { hashTree, readStack, synthExamples } from './support/synth';
import { PROJECT_DIR } from './support/tools';

const { outdir, stacks } = synthExamples();
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('one stack per environment folder, plus dns when sovereign.json configures it', () => {
  const folders = fs.readdirSync(path.join(PROJECT_DIR, 'environments')).filter((d) => fs.existsSync(path.join(PROJECT_DIR, 'environments', d, 'environment.json')));
  const hasDns = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'sovereign.json'), 'utf8')).dns !== undefined;
  expect([...stacks].sort()).toEqual([...folders, ...(hasDns ? ['dns'] : [])].sort());
  for (const stack of stacks) expect(fs.existsSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'))).toBe(true);
});

describe.each(stacks.map((s) => [s]))('stack %s', (stack) => {
  const tf = readStack(outdir, stack);

  test('every provider source is fully qualified for OpenTofu, with a version', () => {
    const providers = Object.values(tf.terraform.required_providers) as Array<{ source: string; version: string }>;
    expect(providers.length).toBeGreaterThan(0);
    for (const p of providers) {
      expect(p.source).toMatch(/^registry\.opentofu\.org\/[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  test('provider versions are the ones pinned in versions.json', () => {
    const pinned = PROVIDER_PINS;
    for (const [name, requirement] of Object.entries(tf.terraform.required_providers) as Array<[string, { source: string; version: string }]>) {
      expect({ name, ...requirement }).toEqual({ name, source: pinned[name]?.source, version: pinned[name]?.version });
    }
  });

  test('has an explicit backend with a relative path', () => {
    const backends = Object.values(tf.terraform.backend ?? {}) as Array<{ path?: string }>;
    expect(backends).toHaveLength(1);
    if (backends[0].path !== undefined) expect(path.isAbsolute(backends[0].path)).toBe(false);
  });
});

test('no absolute paths, user or machine names in any generated file', () => {
  // Names shorter than 5 characters (a host called "vm", the user "root") would match ordinary
  // words and construct paths; for those the home directory check below stands in.
  const forbidden = [PROJECT_DIR, os.tmpdir(), os.homedir(), os.hostname(), os.userInfo().username].filter((s) => s.length >= 5);
  for (const file of Object.keys(hashTree(outdir))) {
    const text = fs.readFileSync(path.join(outdir, file), 'utf8');
    for (const needle of forbidden) expect({ file, found: text.includes(needle) ? needle : undefined }).toEqual({ file, found: undefined });
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/);
  }
});

test('synthesizing twice gives byte-identical files', () => {
  const second = synthExamples();
  try {
    expect(hashTree(second.outdir)).toEqual(hashTree(outdir));
  } finally {
    fs.rmSync(second.outdir, { recursive: true, force: true });
  }
});

test('snapshots of the example stacks', () => {
  for (const stack of stacks) expect(readStack(outdir, stack)).toMatchSnapshot(stack);
});
