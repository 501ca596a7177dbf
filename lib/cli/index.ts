import * as path from 'path';
import { parseArgs } from './args';
import { info, reportError, success } from './output';
import { synthesize } from './synth';
import { loadSovereignModel } from '../config/load-environments';

const USAGE = `Usage: sovereign <command> [options]

Commands:
  init [--from FILE] [--force] [--yes]
                         ask for provider, region, sizes and credentials (each answer checked as
                         given, secrets hidden, a summary to confirm unless --yes); write
                         environments/<provider>-<region>/environment.json and tofu.tfvars (mode 0600,
                         refused unless Git ignores it). --from FILE: the answers as JSON, for scripts
  synth [--output DIR] [--json]
                         validate environments/ and sovereign.json, write cdktf.out/stacks/<stack>/cdk.tf.json
  validate [--json]      validate environments/ and sovereign.json only; writes nothing
  plan [STACK…] [--var-file F] [--tofu PATH] [--output DIR] [--allow-replace] [--no-refresh] [--force]
       [--json]
                         synthesize, then tofu init + plan every stack (or the named ones) in
                         dependency order (dns after the regions); refuses archived stacks, and
                         plans that would replace or destroy a server unless --allow-replace;
                         --no-refresh plans against the state without asking the cloud
  replace-node <stack> <pool>/<index> (--kubeconfig FILE | --no-wait) [--var-file F] [--tofu PATH]
               [--timeout SECONDS] [--kubectl PATH] [--output DIR] [--no-refresh] [--yes] [--force]
                         roll a changed user data (K3s setting, version, template) out to one server:
                         check the other servers are Ready, drain and delete the node, tofu apply
                         -replace for that server only, wait until the new node is Ready
  export <dir> [--json]  validate, synthesize and write a review tree: per stack main.tf.json, main.tf
                         (HCL), README.md and .gitignore, plus topology.svg and an index README
                         (docs/EXPORT.md); unchanged input gives byte-identical files
  archive-state <stack> [--bucket B] [--prefix P] [--endpoint URL] [--region R] [--path-style]
                [--output DIR] [--save FILE] [--tofu PATH] [--force]
                         bundle the stack's encrypted state, configuration, lock file, non-sensitive
                         outputs and a manifest into a .tar.gz, upload it to S3, download it again
                         and verify every hash, then mark the stack archived (docs/STATE.md)
  restore-state <archive.tar.gz | s3://bucket/key> [--stack NAME] [--output DIR] [--force]
                         verify an archive completely, then restore its state and configuration
  handover <stack> [--archive FILE|s3://bucket/key] [--output DIR] [--namespace NS | --scope cluster]
           [--tofu PATH] [--var-file F] [--endpoint URL] [--region R] [--path-style] [--no-mark] [--json]
                         Crossplane manifests that adopt the stack's cloud resources: phase-1 (Observe),
                         phase-2 (full management), Secret templates and a README under DIR/<stack>/
                         (default handover/); every manifest validated against the providers' CRDs;
                         marks the stack handed over (docs/HANDOVER.md)
  doctor [--json]        what is installed, what is missing, and how to get it (exit 3 if missing)
  help                   show this text

Exit codes: 0 success, 1 invalid configuration (file, JSON pointer and allowed values are printed),
2 any other failure (a refused plan too), 3 doctor found something missing, 130 init cancelled.`;

/** Runs one `sovereign` command and resolves to its exit code. The only place that prints. */
export async function runCli(argv: readonly string[], projectDir: string = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  if (command && !command.startsWith('-') && (rest.includes('--help') || rest.includes('-h'))) {
    const help = commandHelp(command);
    info(help ?? USAGE);
    return help ? 0 : 2;
  }
  const json = rest.includes('--json');
  try {
    switch (command) {
      case 'synth': {
        // The cdktf CLI passes its output directory in CDKTF_OUTDIR.
        const outdir = parseArgs(rest, ['--output'], ['--json']).values['--output'] ?? process.env.CDKTF_OUTDIR ?? 'cdktf.out';
        const result = synthesize(projectDir, outdir);
        const shown = path.isAbsolute(result.outdir) ? path.relative(projectDir, result.outdir) || '.' : result.outdir;
        const files = result.stacks.map((stack) => `${shown}/stacks/${stack}/cdk.tf.json`);
        if (json) {
          info(JSON.stringify({ stacks: result.stacks.map((stack, i) => ({ stack, file: files[i] })) }, null, 2));
          return 0;
        }
        for (const file of files) success(file);
        info(`synthesized ${result.stacks.length} stack${result.stacks.length === 1 ? '' : 's'}`);
        return 0;
      }
      case 'validate': {
        parseArgs(rest, [], ['--json']);
        const model = loadSovereignModel(projectDir);
        if (json) {
          info(JSON.stringify({ valid: true, environments: model.environments.map((e) => e.file), dns: model.dns ? model.dns.file : null }, null, 2));
          return 0;
        }
        for (const environment of model.environments) success(`${environment.file}`);
        if (model.dns) success(model.dns.file);
        return 0;
      }
      case 'init':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return await (require('./init') as typeof import('./init')).initCommand(rest, projectDir);
      case 'doctor':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return (require('./doctor') as typeof import('./doctor')).doctorCommand(rest, projectDir);
      case 'plan':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return await (require('./plan') as typeof import('./plan')).planCommand(rest, projectDir, process.env);
      case 'replace-node': {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { replaceNodeCommand } = require('./replace-node') as typeof import('./replace-node');
        return await replaceNodeCommand(rest, projectDir, process.env, process.stdin.isTTY ? confirmOnTerminal : undefined);
      }
      case 'export':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return (require('./export') as typeof import('./export')).runExportCommand(rest, projectDir);
      case 'archive-state':
        // Loaded on demand (require, as in main.ts): synth and validate never load the S3 client.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return await (require('./archive-state') as typeof import('./archive-state')).archiveStateCommand(rest, projectDir, process.env);
      case 'restore-state':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return await (require('./restore-state') as typeof import('./restore-state')).restoreStateCommand(rest, projectDir, process.env);
      case 'handover':
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return await (require('./handover') as typeof import('./handover')).handoverCommand(rest, projectDir, process.env);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        info(USAGE);
        return command === undefined ? 1 : 0;
      default:
        info(USAGE);
        return reportError(new Error(`unknown command "${command}"`));
    }
  } catch (error) {
    return reportError(error, json);
  }
}

/** The usage block of one command (its line and the indented lines under it), or undefined. */
export function commandHelp(command: string): string | undefined {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^  ${command}( |$)`).test(line));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && /^ {4,}/.test(lines[end])) end++;
  return `Usage: sovereign ${lines.slice(start, end).map((l) => l.trim()).join('\n  ')}\n\n${USAGE.slice(USAGE.indexOf('Exit codes'))}`;
}

/** A yes/no question on the terminal (the prompt library loads only when a command asks). */
async function confirmOnTerminal(message: string): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { confirm } = require('@inquirer/prompts') as typeof import('@inquirer/prompts');
  try {
    return await confirm({ message, default: false });
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError') return false; // Ctrl-C: the same as "no"
    throw error;
  }
}
