import * as fs from 'fs';
import * as path from 'path';
import { buildApp } from '../../main';
import { loadSovereignModel } from '../config/load-environments';

/** What one synth produced. */
export interface SynthResult {
  /** Stack names in manifest order. */
  readonly stacks: readonly string[];
  /** Output directory, as given. */
  readonly outdir: string;
}

/**
 * Validates the configuration, synthesizes into a scratch directory next to `outdir` and only then
 * moves the new files into place, so bad input or a crash leaves the previous output untouched.
 * Files tofu adds to a stack directory (.terraform/, the lock file) are kept.
 */
export function synthesize(projectDir: string, outdir: string): SynthResult {
  const model = loadSovereignModel(projectDir);
  const target = path.resolve(projectDir, outdir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const scratch = fs.mkdtempSync(`${target}.tmp-`);
  try {
    buildApp(model, scratch).synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(scratch, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    const stacks = Object.keys(manifest.stacks);
    removeStaleStacks(target, new Set(stacks));
    for (const stack of stacks) {
      const file = manifest.stacks[stack].synthesizedStackPath;
      // A new stack moves as a whole directory; an existing one keeps tofu's files (.terraform/,
      // the lock file) and gets only its new configuration.
      if (!fs.existsSync(path.join(target, path.dirname(file)))) moveInto(scratch, target, path.dirname(file));
      else moveInto(scratch, target, file);
    }
    moveInto(scratch, target, 'manifest.json');
    return { stacks, outdir };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function moveInto(fromDir: string, toDir: string, relativePath: string): void {
  const destination = path.join(toDir, relativePath);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  fs.renameSync(path.join(fromDir, relativePath), destination);
}

/** Deletes the generated file of stacks that no longer exist; tofu's own files there are left alone. */
function removeStaleStacks(target: string, current: ReadonlySet<string>): void {
  const stacksDir = path.join(target, 'stacks');
  if (!fs.existsSync(stacksDir)) return;
  for (const entry of fs.readdirSync(stacksDir)) {
    if (!current.has(entry)) fs.rmSync(path.join(stacksDir, entry, 'cdk.tf.json'), { force: true });
  }
}
