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
 * Validates the configuration, synthesizes into a scratch directory next to `outdir`, and replaces
 * the whole tree at once: bad input, a crash or a kill at any moment leaves either the previous
 * output or the new one, never a mix. Files tofu adds to a stack directory (.terraform/, the lock
 * file) and anything else that is not generated are carried into the new tree (hard links, so the
 * old tree stays intact until the swap). The swap is two renames (old tree aside, new tree in);
 * a run interrupted between them is rolled back by the next one, which also removes the scratch
 * and old trees that killed runs left behind.
 */
export function synthesize(projectDir: string, outdir: string): SynthResult {
  const model = loadSovereignModel(projectDir);
  const target = path.resolve(projectDir, outdir);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  recoverLeftovers(target);
  const scratch = fs.mkdtempSync(`${target}${SCRATCH_INFIX}${process.pid}-`);
  let swapped = false;
  try {
    buildApp(model, scratch).synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(scratch, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    const stacks = Object.keys(manifest.stacks);
    if (fs.existsSync(target)) carryOver(target, scratch, '');
    swapInto(scratch, target);
    swapped = true;
    return { stacks, outdir };
  } finally {
    if (!swapped) removeTree(scratch);
  }
}

/** `<outdir>.tmp-<pid>-<random>`: a tree being synthesized. */
const SCRATCH_INFIX = '.tmp-';
/** `<outdir>.old-<pid>-<random>`: the previous tree during the swap. */
const OLD_INFIX = '.old-';

/** Generated files, relative to the output tree: never carried over from the old tree. */
function isGenerated(relative: string): boolean {
  return relative === 'manifest.json' || /^stacks\/[^/]+\/cdk\.tf\.json$/.test(relative);
}

/**
 * Links everything of `fromRoot` that is not generated and that the new tree does not have into
 * `toRoot`: tofu's .terraform/ and lock files, a removed stack's leftovers, files users put there.
 */
function carryOver(fromRoot: string, toRoot: string, relative: string): void {
  for (const entry of fs.readdirSync(path.join(fromRoot, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (isGenerated(rel)) continue;
    const from = path.join(fromRoot, rel);
    const to = path.join(toRoot, rel);
    const existing = lstatOrUndefined(to);
    if (entry.isDirectory()) {
      if (existing && !existing.isDirectory()) continue; // the new tree wins
      if (!existing) fs.mkdirSync(to, { mode: fs.statSync(from).mode & 0o7777 });
      carryOver(fromRoot, toRoot, rel);
    } else if (!existing) {
      if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
      else linkOrCopy(from, to);
    }
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
    fs.chmodSync(to, fs.statSync(from).mode & 0o7777);
  }
}

/** Replaces `target` by `scratch`: the old tree goes aside, the new one in, the old one away. */
function swapInto(scratch: string, target: string): void {
  if (!fs.existsSync(target)) {
    fs.renameSync(scratch, target);
    return;
  }
  const old = `${target}${OLD_INFIX}${path.basename(scratch).split(SCRATCH_INFIX).pop()}`;
  fs.renameSync(target, old);
  try {
    fs.renameSync(scratch, target);
  } catch (e) {
    fs.renameSync(old, target);
    throw e;
  }
  removeTree(old);
}

/**
 * Cleans up after runs that were killed: scratch trees of dead processes are removed; an old tree
 * of a dead process is put back when the output is missing (killed between the two renames of the
 * swap), else removed. Trees of processes still running are left to them.
 */
function recoverLeftovers(target: string): void {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const leftovers = fs.readdirSync(dir).filter((name) => name.startsWith(`${base}${SCRATCH_INFIX}`) || name.startsWith(`${base}${OLD_INFIX}`));
  for (const name of leftovers.sort()) {
    const pid = Number(/^\.(?:tmp|old)-(\d+)-/.exec(name.slice(base.length))?.[1]);
    if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    const full = path.join(dir, name);
    if (name.startsWith(`${base}${OLD_INFIX}`) && !fs.existsSync(target)) fs.renameSync(full, target);
    else removeTree(full);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a tree, making read-only directories in it writable first; a failure leaves it for the next run. */
function removeTree(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    try {
      makeWritable(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // left behind: recoverLeftovers tries again next time
    }
  }
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) makeWritable(path.join(dir, entry.name));
  }
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}
