import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportProject } from '../../lib/cli/export';
import { canonicalJson, STACK_FILES } from '../../lib/export/export-tree';
import { hashTree, providersMissingFromMirror, readStack, synthExamples } from '../support/synth';
import { itWithTool, PROJECT_DIR, run } from '../support/tools';
import { expectedHcl2Json } from './hcl-equivalence';
import { catalog, readBack, tempDirWith, tofuFmtDiff, tofuValidate } from './support';
import { xmlProblems } from './xml';

/**
 * `sovereign export` on the shipped examples: the tree, main.tf against main.tf.json (HCL parser
 * and OpenTofu), the READMEs, the picture, and byte-identical re-export.
 */
const started = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-'));
const result = exportProject(PROJECT_DIR, dir);
const exportMs = Date.now() - started;
const { outdir: synthDir } = synthExamples();
const stacks = result.stacks;
const read = (relative: string) => fs.readFileSync(path.join(dir, relative), 'utf8');
const json = (stack: string): any => JSON.parse(read(`${stack}/main.tf.json`));
const cleanup: string[] = [dir, synthDir];
afterAll(() => cleanup.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const itTofu = itWithTool('tofu');

/** Stacks whose providers the test bed's mirror has (versions.json `build: true`), as in tofu-validate.test.ts. */
const validatable = stacks.filter((stack) => providersMissingFromMirror(json(stack)).length === 0);

test('GIVEN the OCI stack THEN its README names the provider environment variable behind each credential variable', () => {
  const readme = read('oci-eu-frankfurt-1/README.md');
  expect(readme).toMatch(/\| `oci_private_key`: .*\| optional; .*`TF_VAR_oci_private_key`; or `OCI_PRIVATE_KEY` \(read by the oci provider when the variable is null\) \|/);
  for (const name of ['oci_tenancy_ocid', 'oci_user_ocid', 'oci_fingerprint', 'oci_private_key_path']) expect(readme).toContain(`| \`${name}\` | \`string\` | no | \`null\` |`);
});

test('writes one folder per stack with its four files, the picture and the index', () => {
  process.stdout.write(`sovereign export of ${stacks.length} stacks (synth included): ${exportMs} ms\n`);
  expect(stacks.length).toBeGreaterThan(1);
  const expected = [...stacks.flatMap((stack) => STACK_FILES.map((file) => `${stack}/${file}`)), 'README.md', 'topology.svg'].sort();
  expect(Object.keys(hashTree(dir)).sort()).toEqual(expected);
  expect(result.guesses).toEqual([]); // every block/attribute decision came from a schema
});

describe.each(stacks.map((s) => [s]))('stack %s', (stack) => {
  test('main.tf.json is the synthesized JSON, keys sorted, two-space indented', () => {
    const synthesized = readStack(synthDir, stack);
    expect(json(stack)).toEqual(synthesized);
    expect(read(`${stack}/main.tf.json`)).toBe(canonicalJson(synthesized));
  });

  test('main.tf read back by the HCL parser means exactly what main.tf.json means', async () => {
    expect(await readBack(read(`${stack}/main.tf`))).toEqual(await expectedHcl2Json(json(stack), catalog()));
  });

  itTofu('tofu fmt -check finds nothing to change in main.tf', () => {
    expect(tofuFmtDiff(path.join(dir, stack, 'main.tf'))).toBe('');
  });

  test('README lists every variable, output, provider and resource type', () => {
    const readme = read(`${stack}/README.md`);
    const tf = json(stack);
    for (const variable of Object.keys(tf.variable ?? {})) expect(readme).toContain(`| \`${variable}\` |`);
    for (const output of Object.keys(tf.output ?? {}).filter((o) => !o.startsWith('cross-stack-output-'))) expect(readme).toContain(`| \`${output}\` |`);
    for (const provider of Object.keys(tf.terraform.required_providers)) expect(readme).toContain(`| \`${provider}\` |`);
    for (const [type, items] of Object.entries(tf.resource ?? {})) expect(readme).toContain(`| \`${type}\` | ${Object.keys(items as object).length} |`);
    for (const [name, variable] of Object.entries<any>(tf.variable ?? {})) {
      if (variable.sensitive) expect(readme).toMatch(new RegExp(`\\| \`${name}\`: .*\\| .*TF_VAR_${name}`));
    }
    expect(readme).toContain('![Topology of the Sovereign](../topology.svg)');
    expect(readme).toContain('TF_ENCRYPTION');
  });

  test('.gitignore keeps state, secrets, plans, caches, the lock file and kubeconfigs out', () => {
    const ignored = read(`${stack}/.gitignore`).split('\n');
    for (const pattern of ['.terraform/', '*.tfstate', '*.tfstate.*', '*.tfvars', '*.tfvars.json', '*.tfplan', '.terraform.lock.hcl', '*.kubeconfig']) expect(ignored).toContain(pattern);
  });
});

describe.each(validatable.map((s) => [s]))('OpenTofu on main.tf alone: stack %s', (stack) => {
  itTofu('init -backend=false and validate -json: valid, no errors, no warnings', () => {
    const only = tempDirWith({ 'main.tf': read(`${stack}/main.tf`) });
    cleanup.push(only);
    const validation = tofuValidate(only);
    process.stdout.write(`tofu validate ${stack}/main.tf: valid=${validation.valid} errors=${validation.error_count} warnings=${validation.warning_count}\n`);
    expect(validation).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });
});

test('the Hetzner stacks are among those validated by OpenTofu', () => {
  expect(stacks.filter((s) => s.startsWith('hetzner-')).every((s) => validatable.includes(s))).toBe(true);
});

describe('topology.svg', () => {
  const svg = read('topology.svg');
  const dns = json('dns');

  test('is well-formed XML with an svg root', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /);
  });

  itWithTool('xmllint')('xmllint accepts it', () => {
    run('xmllint', ['--noout', path.join(dir, 'topology.svg')], dir);
  });

  test('shows every region stack and every DNS record', () => {
    for (const stack of stacks.filter((s) => s !== 'dns')) expect(svg).toContain(`>${stack}</text>`);
    for (const record of Object.values<any>(dns.resource.powerdns_record).filter((r) => r.type !== 'NS')) expect(svg).toContain(`>${record.name}</text>`);
  });

  test('is embedded in the index README, which links every stack', () => {
    const index = read('README.md');
    expect(index).toContain('![Topology of the Sovereign](topology.svg)');
    for (const stack of stacks) expect(index).toContain(`[${stack}](${stack}/README.md)`);
    expect(index).toMatch(/1\. .*\[hetzner-fsn1\].*\n2\. \[dns\]\(dns\/README.md\)/);
  });
});

describe('re-export', () => {
  test('gives byte-identical files and rewrites none', () => {
    const before = hashTree(dir);
    const again = exportProject(PROJECT_DIR, dir);
    expect(again.files.filter((f) => f.written)).toEqual([]);
    expect(hashTree(dir)).toEqual(before);
  });

  test('into another directory gives the same bytes (no paths, dates or random ids inside)', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-other-'));
    cleanup.push(other);
    exportProject(PROJECT_DIR, other);
    expect(hashTree(other)).toEqual(hashTree(dir));
  });
});

describe('sovereign export (CLI)', () => {
  const sovereign = (args: string[], cwd = PROJECT_DIR) =>
    spawnSync(process.execPath, [path.join(PROJECT_DIR, 'bin', 'sovereign.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  test('exports, lists the stacks and says when nothing changed', () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-cli-'));
    cleanup.push(target);
    const first = sovereign(['export', target]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    for (const stack of stacks) expect(first.stdout).toContain(`${target}/${stack}/ (main.tf.json, main.tf, README.md, .gitignore)`);
    expect(first.stdout).toMatch(/exported \d+ stacks to .*: \d+ files written, 0 unchanged/);
    const second = sovereign(['export', target]);
    expect(second.stdout).toMatch(/: 0 files written, \d+ unchanged/);
  });

  test('without a directory: usage, exit 2', () => {
    const result = sovereign(['export']);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Usage: sovereign export <dir> [--json]');
    expect(result.stderr).toMatch(/export takes one target directory and optionally --json \(got: nothing\)/);
  });

  test('--json: one document with the stacks and every file', () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-json-'));
    cleanup.push(target);
    const result = sovereign(['export', target, '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ dir: target, stacks, removed: [], guesses: [] });
    expect(report.files).toContainEqual({ path: 'topology.svg', written: true });
  });

  test('invalid configuration: exit 1 and nothing written', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-bad-'));
    cleanup.push(project);
    fs.cpSync(path.join(PROJECT_DIR, 'environments', 'hetzner-fsn1'), path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
    const file = path.join(project, 'environments', 'hetzner-fsn1', 'environment.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/}\s*$/, ',}'));
    const result = sovereign(['export', 'review'], project);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/environment\.json: invalid JSON/);
    expect(fs.existsSync(path.join(project, 'review'))).toBe(false);
  });
});
