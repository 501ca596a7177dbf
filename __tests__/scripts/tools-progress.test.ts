/**
 * scripts/tools.sh's progress helper, run by bash from the real script (everything but its last
 * line, `main "$@"`, sourced into a scratch project with its own cache): what a long step prints
 * while it runs and when it ends, and the one-line summary.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_DIR } from '../support/tools';

function withToolsLibrary(script: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-tools-'));
  try {
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.mkdirSync(path.join(dir, '.tools', 'bin'), { recursive: true });
    fs.symlinkSync('/bin/true', path.join(dir, '.tools', 'bin', 'tofu'));
    fs.copyFileSync(path.join(PROJECT_DIR, 'versions.json'), path.join(dir, 'versions.json'));
    const source = fs.readFileSync(path.join(PROJECT_DIR, 'scripts', 'tools.sh'), 'utf8').trimEnd().split('\n');
    expect(source[source.length - 1]).toBe('main "$@"');
    fs.writeFileSync(path.join(dir, 'scripts', 'tools-lib.sh'), `${source.slice(0, -1).join('\n')}\n`);
    return spawnSync('bash', ['-c', `source scripts/tools-lib.sh\n${script}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, SOVEREIGN_TOOLS_CACHE: path.join(dir, 'cache'), PROGRESS_EVERY: '1' },
      timeout: 30_000,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('GIVEN a long step THEN it prints what runs, a line per tick while it runs, and how long it took; the summary names it', () => {
  const result = withToolsLibrary('start="$(clock_us)"\nprogress "building provider demo 1.0.0" sleep 2.3\nprogress_summary "$start"');
  expect(result.status).toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines[0]).toBe('[tools] ▸ building provider demo 1.0.0…');
  expect(lines.filter((l) => /^\[tools\] {3}… building provider demo 1\.0\.0: [12]\.\ds so far$/.test(l)).length).toBeGreaterThanOrEqual(1);
  expect(lines[lines.length - 1]).toMatch(/^\[tools\] ✔ building provider demo 1\.0\.0: 2\.\ds$/);
  expect(result.stdout).toMatch(/^\[tools\] done in 2\.\ds: 1 tools in \.tools\/bin; this run: building provider demo 1\.0\.0 \(2\.\ds\)\n$/);
});

test('GIVEN a failing step with a log file THEN its output goes to the log, the failure and its time are shown, the exit code is kept', () => {
  const result = withToolsLibrary('mkdir -p "$CACHE"\nprogress --log "$CACHE/step.log" "pip install demo==1" bash -c "echo noisy; exit 3" || echo "rc=$?"\ncat "$CACHE/step.log"\nprogress_summary "$(clock_us)"');
  expect(result.stderr).toMatch(/^\[tools\] ▸ pip install demo==1…\n\[tools\] ✘ pip install demo==1: failed after 0\.\ds\n$/);
  expect(result.stdout).toMatch(/^rc=3\nnoisy\n\[tools\] done in 0\.\ds: 1 tools in \.tools\/bin; this run: nothing \(all cached\)\n$/);
});
