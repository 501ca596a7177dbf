/**
 * Hints are commands: what init prints and what the README quick start shows must be the same
 * command, and it must work when pasted (here with the real OpenTofu and hcloud provider).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { callerPath, parseArgs, tofuBinary } from '../../lib/cli/args';
import { nextStepHint } from '../../lib/cli/init';
import { OFFLINE_ENV } from '../support/planned-state';
import { itWithTool, PROJECT_DIR, TOFU } from '../support/tools';

const SOVEREIGN = path.join(PROJECT_DIR, 'bin', 'sovereign.js');
const README = fs.readFileSync(path.join(PROJECT_DIR, 'README.md'), 'utf8');

/** A pasted `npx sovereign …` line, run with this checkout's bin (what npx resolves to in a clone). */
function paste(line: string, cwd: string) {
  const args = line.trim().split(/\s+/);
  expect(args.slice(0, 2)).toEqual(['npx', 'sovereign']);
  return spawnSync(process.execPath, [SOVEREIGN, ...args.slice(2)], { cwd, encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV, NO_COLOR: '1', SOVEREIGN_TOFU: '' }, timeout: 280_000 });
}

test('GIVEN the README quick start THEN it shows init and the very command init prints next, with the test bed tofu', () => {
  const quickStart = README.slice(README.indexOf('## Quick start'), README.indexOf('\n## ', README.indexOf('## Quick start') + 5));
  expect(quickStart).toContain('npx sovereign init');
  expect(quickStart).toContain(`${nextStepHint('hetzner-fsn1')} --tofu scripts/tofu`);
});

test('GIVEN paths on the command line THEN they resolve against the caller’s directory; a bare tofu is left for PATH', () => {
  const parsed = parseArgs(['--tofu', 'scripts/tofu'], ['--tofu'], []);
  expect(tofuBinary(parsed, {}, '/work/project')).toBe('/work/project/scripts/tofu');
  expect(tofuBinary(parseArgs([], ['--tofu'], []), {}, '/work/project')).toBe('tofu');
  expect(tofuBinary(parseArgs([], ['--tofu'], []), { SOVEREIGN_TOFU: './bin/tofu' }, '/work/project')).toBe('/work/project/bin/tofu');
  expect(callerPath('tofu.tfvars', '/work/project')).toBe('/work/project/tofu.tfvars');
});

test('GIVEN --var-file naming a missing file THEN plan says which file it looked for before running tofu', () => {
  const result = spawnSync(process.execPath, [SOVEREIGN, 'plan', 'hetzner-fsn1', '--var-file', 'no-such.tfvars', '--tofu', '/nonexistent/tofu'], { cwd: PROJECT_DIR, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(`--var-file no-such.tfvars: no such file (looked for ${path.join(PROJECT_DIR, 'no-such.tfvars')})`);
});

describe('GIVEN a new project set up by init --from', () => {
  let project: string;
  let initOutput = '';
  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-hints-'));
    spawnSync('git', ['init', '-q', project]);
    fs.writeFileSync(path.join(project, '.gitignore'), '*.tfvars\n/state/\ncdktf.out/\n');
    fs.mkdirSync(path.join(project, 'scripts'));
    fs.symlinkSync(TOFU, path.join(project, 'scripts', 'tofu'));
    fs.writeFileSync(path.join(project, 'answers.json'), JSON.stringify({ provider: 'hetzner', region: 'hel1', adminCidrs: ['198.51.100.0/24'], credentials: { hcloud_token: 'a'.repeat(64) }, statePassphrase: 'correct-horse-battery-staple' }));
    const init = spawnSync(process.execPath, [SOVEREIGN, 'init', '--from', 'answers.json'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (init.status !== 0) throw new Error(init.stderr);
    initOutput = init.stdout;
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  itWithTool('tofu')('WHEN the printed next step is pasted (with --tofu scripts/tofu, as its second line says) THEN it plans the new stack', () => {
    const hint = /^next: (.+)$/m.exec(initOutput)?.[1];
    expect(hint).toBe(nextStepHint('hetzner-hel1'));
    expect(initOutput).toMatch(/with the test bed's OpenTofu add --tofu scripts\/tofu/);
    const result = paste(`${hint} --tofu scripts/tofu`, project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\[1\/1\] hetzner-hel1: Plan: \d+ to add, 0 to change, 0 to destroy\./);
  }, 300_000);

  itWithTool('tofu')('WHEN the README’s per-stack commands are pasted in the stack directory THEN tofu init and plan read tofu.tfvars', () => {
    const line = README.split('\n').find((l) => l.startsWith('tofu init -var-file='));
    expect(line).toBe('tofu init -var-file=../../../tofu.tfvars && tofu plan -var-file=../../../tofu.tfvars');
    // the README's own offline variant: the test bed's wrapper instead of a tofu on PATH
    const offline = line!.replace(/(^|&& )tofu /g, '$1../../../scripts/tofu ');
    const stackDir = path.join(project, 'cdktf.out', 'stacks', 'hetzner-hel1');
    expect(fs.existsSync(path.join(stackDir, 'cdk.tf.json'))).toBe(true);
    const result = spawnSync('bash', ['-c', offline], { cwd: stackDir, encoding: 'utf8', env: { ...process.env, ...OFFLINE_ENV, TF_IN_AUTOMATION: '1' }, timeout: 280_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
  }, 300_000);
});
