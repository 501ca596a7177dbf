import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hashTree, synthExamples } from '../support/synth';
import { PROJECT_DIR } from '../support/tools';

test('`cdktf synth` (the cdktf CLI running cdktf.json\'s app) writes the same files as npm run synth', () => {
  const cliOut = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-cdktf-cli-'));
  const ours = synthExamples();
  try {
    const result = spawnSync(path.join(PROJECT_DIR, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', cliOut], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: 'true', CI: 'true' },
      timeout: 120_000,
    });
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(hashTree(cliOut)).toEqual(hashTree(ours.outdir));
  } finally {
    fs.rmSync(cliOut, { recursive: true, force: true });
    fs.rmSync(ours.outdir, { recursive: true, force: true });
  }
}, 150_000);
