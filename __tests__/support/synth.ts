import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthesize } from '../../lib/cli/synth';
import { mirroredProviderSources } from '../../lib/versions';
import { PROJECT_DIR } from './tools';

/** Synthesizes the shipped example environments into a fresh temp directory and returns it. */
export function synthExamples(): { outdir: string; stacks: readonly string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-synth-'));
  const result = synthesize(PROJECT_DIR, outdir);
  return { outdir, stacks: result.stacks };
}

/** Reads one synthesized stack's Terraform JSON. */
export function readStack(outdir: string, stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

/** sha256 of every file under `dir`, keyed by relative path. */
export function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hashes[path.relative(dir, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return hashes;
}

/** Sources a synthesized stack requires that the test bed's mirror lacks (empty: tofu can init it). */
export function providersMissingFromMirror(tf: { terraform: { required_providers: Record<string, { source: string }> } }): string[] {
  const mirrored = mirroredProviderSources();
  return Object.values(tf.terraform.required_providers).map((p) => p.source).filter((source) => !mirrored.has(source));
}
