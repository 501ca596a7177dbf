/**
 * `sovereign restore-state <archive>`: verifies the whole archive in memory (gzip, tar, manifest,
 * every size and sha256, encrypted state) and checks every target before writing anything; then
 * writes each file through a temp file and a rename. A tampered or truncated archive is refused and
 * leaves every file as it was. Files go only to the stack's own places (its state file, its
 * cdktf.out stack directory, state/<stack>/restored/), never through a symbolic link; when the
 * stack carries an archive mark (state/<stack>/ARCHIVED.json), the archive must be the one it names.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ARCHIVE_FILES, ArchiveManifest, printable, readStateBundle } from './bundle';
import { writeFileAtomic } from './archive-state';
import { ArchiveError } from './errors';
import { ARCHIVED_MARKER, assertStackName, readArchiveMarker, ArchiveMarker } from './marker';
import { CONFIG_FILE, LOCK_FILE, stackDir } from './stack-files';

export interface RestoreStateOptions {
  readonly projectDir: string;
  /** The .tar.gz bytes. */
  readonly archive: Buffer;
  /** Where the bytes came from (a path or s3:// URL), for messages. */
  readonly source: string;
  /** Restore only if the archive holds this stack. @default - the stack the archive holds */
  readonly stack?: string;
  /** Synth output directory, relative to projectDir. @default cdktf.out */
  readonly outdir?: string;
  /** Replace files whose content differs (the old state is kept as `<state>.before-restore-<time>`). @default false */
  readonly force?: boolean;
  /** @default - the system clock */
  readonly now?: () => Date;
  readonly onProgress?: (message: string) => void;
}

/** One file restore-state writes or found already identical. */
export interface RestoredFile {
  /** Relative to projectDir. */
  readonly path: string;
  readonly status: 'written' | 'unchanged' | 'replaced';
}

export interface RestoreStateResult {
  readonly stack: string;
  readonly manifest: ArchiveManifest;
  readonly files: readonly RestoredFile[];
  /** Backup of a replaced state file, relative to projectDir. */
  readonly backup?: string;
  /** The stack's archive mark, if it has one (restoring does not remove it). */
  readonly marker?: ArchiveMarker;
}

export function restoreState(options: RestoreStateOptions): RestoreStateResult {
  const { projectDir } = options;
  const progress = options.onProgress ?? (() => undefined);
  const bundle = readStateBundle(options.archive, options.source);
  const manifest = bundle.manifest;
  progress(printable(`verified ${options.source}: manifest ${manifest.format}, ${manifest.files.length} files, every sha256 matches (stack ${manifest.stack}, created ${manifest.createdAt}, OpenTofu ${manifest.opentofu.version}, commit ${manifest.generator.gitCommit})`));

  const stack = manifest.stack;
  assertStackName(stack);
  if (options.stack !== undefined && options.stack !== stack) {
    throw new ArchiveError(`${options.source} holds stack "${stack}", not "${options.stack}"; nothing was restored`);
  }

  const dir = stackDir(projectDir, options.outdir ?? 'cdktf.out', stack);
  const root = fs.realpathSync(projectDir);
  const statePath = restoredStatePath(projectDir, dir, stack, manifest, options.source);
  const restoredDir = path.join(projectDir, 'state', stack, 'restored');

  const marker = readArchiveMarker(projectDir, stack);
  if (marker && marker.sha256 !== bundle.sha256) {
    const mismatch = `${path.join('state', stack, ARCHIVED_MARKER)} names the archive ${printable(String(marker.url))} (sha256 ${printable(String(marker.sha256))}), but ${options.source} has sha256 ${bundle.sha256}`;
    if (!options.force) throw new ArchiveError(`${mismatch}; nothing was restored (restore the archive the mark names, or pass --force to restore this one anyway)`);
    progress(`warning: ${mismatch}; restoring it because of --force`);
  }
  const targets: Array<{ file: string; data: Buffer; mode: number }> = [
    { file: statePath, data: bundle.files.get(ARCHIVE_FILES.state) as Buffer, mode: 0o600 },
    { file: path.join(dir, CONFIG_FILE), data: bundle.files.get(ARCHIVE_FILES.config) as Buffer, mode: 0o644 },
    ...(bundle.files.has(ARCHIVE_FILES.lockFile) ? [{ file: path.join(dir, LOCK_FILE), data: bundle.files.get(ARCHIVE_FILES.lockFile) as Buffer, mode: 0o644 }] : []),
    { file: path.join(restoredDir, ARCHIVE_FILES.manifest), data: bundle.files.get(ARCHIVE_FILES.manifest) as Buffer, mode: 0o644 },
    { file: path.join(restoredDir, ARCHIVE_FILES.outputs), data: bundle.files.get(ARCHIVE_FILES.outputs) as Buffer, mode: 0o644 },
  ];

  // Every check before the first write.
  const conflicts: string[] = [];
  const plan = targets.map((target) => {
    const relative = path.relative(path.resolve(projectDir), target.file);
    assertNoLinkOnTheWay(root, relative, options.source);
    const existing = fs.existsSync(target.file) ? fs.readFileSync(target.file) : undefined;
    const status: RestoredFile['status'] = existing === undefined ? 'written' : existing.equals(target.data) ? 'unchanged' : 'replaced';
    if (status === 'replaced') conflicts.push(relative);
    return { ...target, relative, status };
  });
  if (conflicts.length > 0 && !options.force) {
    throw new ArchiveError(`restoring would replace files that differ from the archive: ${conflicts.join(', ')}; nothing was restored (pass --force to replace them; the current state is kept as a backup)`);
  }

  let backup: string | undefined;
  const stateTarget = plan[0];
  if (stateTarget.status === 'replaced') {
    const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    backup = `${stateTarget.file}.before-restore-${stamp}`;
    fs.copyFileSync(stateTarget.file, backup, fs.constants.COPYFILE_EXCL);
    backup = path.relative(path.resolve(projectDir), backup);
    progress(`kept the current state as ${backup}`);
  }
  for (const target of plan) {
    if (target.status === 'unchanged') continue;
    writeFileAtomic(target.file, target.data, target.mode);
    progress(`${target.status === 'replaced' ? 'replaced' : 'wrote'} ${target.relative}`);
  }
  return { stack, manifest, files: plan.map((t) => ({ path: t.relative, status: t.status })), ...(backup ? { backup } : {}), ...(marker ? { marker } : {}) };
}

/**
 * Where the archived state goes: its own local backend path, which must be the stack's state
 * file (the default state/<stack>/terraform.tfstate, or the local path in the stack's current
 * cdk.tf.json); an s3 state is restored to the default place.
 */
function restoredStatePath(projectDir: string, dir: string, stack: string, manifest: ArchiveManifest, source: string): string {
  const defaultPath = path.join(path.resolve(projectDir), 'state', stack, ARCHIVE_FILES.state);
  if (manifest.backend.type !== 'local') return defaultPath;
  const allowed = new Set([defaultPath]);
  const configured = configuredLocalStatePath(dir);
  if (configured) allowed.add(configured);
  const requested = path.resolve(dir, manifest.backend.path);
  if (!allowed.has(requested)) {
    throw new ArchiveError(
      `${source}: the archived backend path "${printable(manifest.backend.path)}" is not the state file of stack "${stack}" (allowed: ${[...allowed].map((p) => path.relative(path.resolve(projectDir), p)).join(' or ')}); nothing was restored`,
    );
  }
  return requested;
}

/** The local backend path of the stack's synthesized cdk.tf.json, absolute, if it has one. */
function configuredLocalStatePath(dir: string): string | undefined {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, CONFIG_FILE), 'utf8')) as { terraform?: { backend?: { local?: { path?: unknown } } } };
    const local = config.terraform?.backend?.local?.path;
    return typeof local === 'string' ? path.resolve(dir, local) : undefined;
  } catch {
    return undefined;
  }
}

/** Throws unless every existing component of `relative` below `root` is a real directory (or, last, a regular file). */
function assertNoLinkOnTheWay(root: string, relative: string, source: string): void {
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ArchiveError(`${source}: ${printable(relative)} is outside the project; nothing was restored`);
  }
  const parts = relative.split(path.sep);
  let current = root;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return; // the rest does not exist yet and will be created as real directories
    }
    const shown = parts.slice(0, i + 1).join('/');
    if (stat.isSymbolicLink()) throw new ArchiveError(`refusing to restore through the symbolic link ${printable(shown)} (to ${printable(fs.readlinkSync(current))}); nothing was restored`);
    const last = i === parts.length - 1;
    if (last ? !stat.isFile() : !stat.isDirectory()) throw new ArchiveError(`${printable(shown)} is not a ${last ? 'regular file' : 'directory'}; nothing was restored`);
  }
}

/** Largest archive file restore-state reads (its unpacked content is bounded at 512 MiB too). */
export const MAX_ARCHIVE_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads an archive file named on the command line: a regular file only (a FIFO would block the
 * read forever, a device never ends), at most {@link MAX_ARCHIVE_FILE_BYTES}.
 */
export function readArchiveFile(file: string, shown: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ArchiveError(`${printable(shown)}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'unknown error'})`}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ArchiveError(`${printable(shown)}: not a regular file (a .tar.gz file or s3://bucket/key)`);
    if (stat.size > MAX_ARCHIVE_FILE_BYTES) throw new ArchiveError(`${printable(shown)}: ${stat.size} bytes is larger than a state archive can be (at most ${MAX_ARCHIVE_FILE_BYTES} bytes)`);
    const buffer = Buffer.alloc(stat.size);
    let length = 0;
    while (length < buffer.length) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}
