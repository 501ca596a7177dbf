import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadProjectSchemaCatalog } from '../export/block-schema';
import { exportTree, ExportTreeResult, SynthesizedStack } from '../export/export-tree';
import { parseArgs } from './args';
import { info, success } from './output';
import { synthesize } from './synth';

/** The sovereign-tofu package (provider schemas, versions.json, cdktf bindings), not the user's project. */
const PACKAGE_DIR = path.resolve(__dirname, '..', '..');

/** Usage of `sovereign export`. */
export const EXPORT_USAGE = `Usage: sovereign export <dir> [--json]

Validates environments/ and sovereign.json, synthesizes every stack (as \`sovereign synth\` does, into
a scratch directory) and writes a review tree into <dir>:
  <dir>/README.md             index of the stacks, apply order, topology picture
  <dir>/topology.svg          regions, load balancers, node pools, DNS records and their placement
  <dir>/<stack>/main.tf.json  the synthesized configuration
  <dir>/<stack>/main.tf       the same configuration in HCL (for review; see docs/EXPORT.md)
  <dir>/<stack>/README.md     inputs, outputs, secrets and where they come from, resources by type
  <dir>/<stack>/.gitignore    state, *.tfvars, plans, .terraform/, lock file, kubeconfigs
Unchanged input gives byte-identical files; cdktf.out is not touched.`;

/**
 * Validates and synthesizes the project (lib/cli/synth.ts) into a scratch directory, then writes
 * the review tree into `targetDir` (relative to `projectDir`). Throws what synthesize throws
 * (ConfigErrors for bad input: nothing is written then).
 */
export function exportProject(projectDir: string, targetDir: string): ExportTreeResult {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-'));
  try {
    const outdir = path.join(scratch, 'out');
    const result = synthesize(projectDir, outdir);
    const stacks: SynthesizedStack[] = result.stacks.map((name) => ({
      name,
      json: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as object,
    }));
    return exportTree(stacks, path.resolve(projectDir, targetDir), { catalog: loadProjectSchemaCatalog(PACKAGE_DIR) });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `sovereign export <dir> [--json]`: runs the export and prints what was written (with `--json`,
 * one JSON document: target, stacks, files with `written`, removed files, fallback guesses).
 * Returns the exit code; errors are thrown for the caller to report.
 */
export function runExportCommand(args: readonly string[], projectDir: string): number {
  if (args.includes('--help') || args.includes('-h')) {
    info(EXPORT_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, [], ['--json']);
  const json = parsed.flags.has('--json');
  const positional = parsed.positional;
  if (positional.length !== 1) {
    if (!json) info(EXPORT_USAGE);
    throw new Error(`export takes one target directory and optionally --json (got: ${args.length === 0 ? 'nothing' : args.join(' ')})`);
  }
  const target = positional[0];
  const started = Date.now();
  const result = exportProject(projectDir, target);
  const relative = path.relative(projectDir, path.resolve(projectDir, target)) || '.';
  const shown = relative.startsWith('..') ? path.resolve(projectDir, target) : relative;
  const written = result.files.filter((f) => f.written).length;
  if (json) {
    info(JSON.stringify({ dir: shown, stacks: result.stacks, files: result.files, removed: result.removed, guesses: result.guesses }, null, 2));
    return 0;
  }
  for (const stack of result.stacks) {
    const stackFiles = result.files.filter((f) => f.path.startsWith(`${stack}/`));
    const changed = stackFiles.filter((f) => f.written).length;
    success(`${shown}/${stack}/ (${stackFiles.map((f) => path.posix.basename(f.path)).join(', ')}${changed === 0 ? '; unchanged' : ''})`);
  }
  for (const file of result.files.filter((f) => !f.path.includes('/'))) success(`${shown}/${file.path}${file.written ? '' : ' (unchanged)'}`);
  for (const file of result.removed) info(`removed ${shown}/${file} (stack no longer exists)`);
  for (const guess of result.guesses) info(`warning: no schema for ${guess} (fallback rule; check with tofu validate)`);
  info(
    `exported ${result.stacks.length} stack${result.stacks.length === 1 ? '' : 's'} to ${shown}: ${written} file${written === 1 ? '' : 's'} written, ${result.files.length - written} unchanged (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return 0;
}
