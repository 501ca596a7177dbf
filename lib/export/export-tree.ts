import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../templates';
import { SchemaCatalog } from './block-schema';
import { renderHcl } from './hcl-renderer';
import { indexReadmeContext, stackReadmeContext, StackFacts } from './readme';
import { readTopology, stateReads } from './topology';
import { renderTopologySvg } from './topology-svg';

/**
 * Writes the review tree of `sovereign export`:
 *
 *     <dir>/README.md            index of the stacks, apply order, the topology picture
 *     <dir>/topology.svg         regions, load balancers, node pools, DNS records and placement
 *     <dir>/<stack>/main.tf.json the synthesized configuration (keys sorted, 2-space indent)
 *     <dir>/<stack>/main.tf      the same configuration in HCL (hcl-renderer.ts)
 *     <dir>/<stack>/README.md    inputs, outputs, secrets, providers, resources by type
 *     <dir>/<stack>/.gitignore   state, tfvars, plans, .terraform/, lock file, kubeconfigs
 *
 * Deterministic: the same stacks give byte-identical files (no dates, no absolute paths, no
 * random ids). A file whose content is unchanged is not rewritten. Folders of stacks that no
 * longer exist lose the four files written here (anything else in them is left alone).
 */

/** A synthesized stack: its name and its Terraform JSON. */
export interface SynthesizedStack {
  readonly name: string;
  readonly json: object;
}

export interface ExportTreeOptions {
  /** Block/attribute knowledge for the HCL renderer. */
  readonly catalog: SchemaCatalog;
  /**
   * Title of the index README and the picture.
   * @default 'Sovereign'
   */
  readonly title?: string;
}

export interface ExportedFile {
  /** Path relative to the export directory, with `/` separators. */
  readonly path: string;
  /** False when the file already had this content and was left alone. */
  readonly written: boolean;
}

export interface ExportTreeResult {
  /** Stack names, in the order given. */
  readonly stacks: readonly string[];
  readonly files: readonly ExportedFile[];
  /** Files of stacks that no longer exist, removed (relative paths). */
  readonly removed: readonly string[];
  /** Block/attribute decisions made by the fallback rule, as `<stack>: <address> <member> → <decision>`. */
  readonly guesses: readonly string[];
}

/** The files written per stack folder. */
export const STACK_FILES = ['main.tf.json', 'main.tf', 'README.md', '.gitignore'] as const;

/** What the per-stack .gitignore keeps out of Git, with the reason for each entry. */
export const STACK_GITIGNORE = `# Written by \`sovereign export\`: what OpenTofu creates here stays out of Git.

# Provider plugins and module caches of \`tofu init\`.
.terraform/

# State and its backups: resource attributes, often secrets.
*.tfstate
*.tfstate.*

# Variable files hold secret values (tokens, keys).
*.tfvars
*.tfvars.json

# Saved plans hold every planned value, secrets included.
*.tfplan
*.plan

# Crash logs can contain configuration and secret values.
crash.log
crash.*.log

# The lock file. One made with the offline provider mirror of the test bed records hashes of local
# builds, not of the registry's packages: committed, it makes every \`tofu init\` against the
# registry fail its checksum check. To lock providers, create the file against the registry on
# purpose (\`tofu providers lock -platform=linux_amd64 -platform=darwin_arm64 …\`) and add it with
# \`git add -f .terraform.lock.hcl\`.
.terraform.lock.hcl

# The kubeconfig_command output writes <stack>.kubeconfig here: cluster-admin credentials.
*.kubeconfig

# CLI configuration can carry registry credentials.
.terraformrc
terraform.rc
`;

/** Writes the review tree for `stacks` into `dir` (created when missing). */
export function exportTree(stacks: readonly SynthesizedStack[], dir: string, options: ExportTreeOptions): ExportTreeResult {
  const title = options.title ?? 'Sovereign';
  const template = loadTemplate('export-README.md.hbs');
  const topology = readTopology(stacks);
  const reads = stateReads(stacks);
  const files: ExportedFile[] = [];
  const write = (relative: string, content: string) => files.push({ path: relative, written: writeIfChanged(path.join(dir, relative), content) });

  fs.mkdirSync(dir, { recursive: true });
  const removed = removeStaleStacks(dir, new Set(stacks.map((s) => s.name)));
  const facts: StackFacts[] = [];
  const guesses: string[] = [];
  for (const stack of stacks) {
    const hcl = renderHcl(stack.json, {
      catalog: options.catalog,
      header: [
        `Stack ${stack.name}, written by \`sovereign export\` from main.tf.json (same configuration, in HCL, for review).`,
        'Do not edit: change the configuration or the TypeScript and export again.',
      ],
    });
    const stackGuesses = hcl.guesses.map((g) => `${g.address} ${g.member} → ${g.decision}`);
    guesses.push(...stackGuesses.map((g) => `${stack.name}: ${g}`));
    const fact: StackFacts = { name: stack.name, json: stack.json, readsFrom: reads.get(stack.name) ?? [], guesses: stackGuesses };
    facts.push(fact);
    write(`${stack.name}/main.tf.json`, canonicalJson(stack.json));
    write(`${stack.name}/main.tf`, hcl.text);
    write(`${stack.name}/README.md`, tidyMarkdown(template(stackReadmeContext(fact, topology))));
    write(`${stack.name}/.gitignore`, STACK_GITIGNORE);
  }
  write('topology.svg', renderTopologySvg(topology, `${title}: topology`));
  write('README.md', tidyMarkdown(template(indexReadmeContext(facts, topology, `${title}: exported stacks`))));
  return { stacks: stacks.map((s) => s.name), files, removed, guesses };
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level and two-space indentation,
 * ending in a newline: the same value always gives the same bytes.
 */
export function canonicalJson(value: unknown): string {
  const write = (v: unknown, indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(v)) return v.length === 0 ? '[]' : `[\n${v.map((item) => `${inner}${write(item, inner)}`).join(',\n')}\n${indent}]`;
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      if (keys.length === 0) return '{}';
      return `{\n${keys.map((key) => `${inner}${JSON.stringify(key)}: ${write((v as Record<string, unknown>)[key], inner)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  return `${write(value, '')}\n`;
}

/** Collapses runs of blank lines the template leaves and ends the file with one newline. */
function tidyMarkdown(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function writeIfChanged(file: string, content: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
  return true;
}

/**
 * Removes the files this exporter writes from folders of stacks that are gone: a folder counts as
 * an exported stack when its main.tf.json says (cdktf metadata) that it is that stack.
 */
function removeStaleStacks(dir: string, current: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || current.has(entry.name)) continue;
    const json = path.join(dir, entry.name, 'main.tf.json');
    if (!fs.existsSync(json)) continue;
    let stackName: unknown;
    try {
      stackName = (JSON.parse(fs.readFileSync(json, 'utf8')) as { '//'?: { metadata?: { stackName?: unknown } } })['//']?.metadata?.stackName;
    } catch {
      continue;
    }
    if (stackName !== entry.name) continue;
    for (const file of STACK_FILES) {
      const full = path.join(dir, entry.name, file);
      if (fs.existsSync(full)) {
        fs.rmSync(full);
        removed.push(`${entry.name}/${file}`);
      }
    }
    if (fs.readdirSync(path.join(dir, entry.name)).length === 0) fs.rmdirSync(path.join(dir, entry.name));
  }
  return removed;
}
