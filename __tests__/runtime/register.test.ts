import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_DIR } from '../support/tools';

const REGISTER = path.join(PROJECT_DIR, 'lib', 'runtime', 'register.js');
const runTs = (file: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--require', REGISTER, file], { encoding: 'utf8', env: { ...process.env, ...env } });

test('runs TypeScript, and a changed file is transpiled again (the cache is keyed by content)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-register-'));
  const file = path.join(dir, 'hello.ts');
  try {
    fs.writeFileSync(file, "const greeting: string = 'one';\nconsole.log(greeting);\n");
    expect(runTs(file).stdout).toBe('one\n');
    expect(runTs(file).stdout).toBe('one\n');
    fs.writeFileSync(file, "const greeting: string = 'two';\nconsole.log(greeting);\n");
    expect(runTs(file).stdout).toBe('two\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('source maps are off unless SOVEREIGN_SOURCE_MAPS=1 (cdktf maps a stack trace per token)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-register-'));
  const file = path.join(dir, 'maps.ts');
  try {
    fs.writeFileSync(file, 'console.log(String(process.sourceMapsEnabled));\n');
    expect(runTs(file).stdout).toBe('false\n');
    expect(runTs(file, { SOVEREIGN_SOURCE_MAPS: '1' }).stdout).toBe('true\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
