/**
 * `sovereign restore-state <archive>`: verifies the whole archive in memory (gzip, tar, manifest,
 * every size and sha256, encrypted state) and checks every target before writing anything; then
 * writes each file through a temp file and a rename. A tampered or truncated archive is refused and
 * leaves every file as it was.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ARCHIVE_FILES, ArchiveManifest, readStateBundle } from './bundle';
import { writeFileAtomic } from './archive-state';
import { ArchiveError } from './errors';
import { assertStackName, readArchiveMarker, ArchiveMarker } from './marker';
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
  progress(`verified ${options.source}: manifest ${manifest.format}, ${manifest.files.length} files, every sha256 matches (stack ${manifest.stack}, created ${manifest.createdAt}, OpenTofu ${manifest.opentofu.version}, commit ${manifest.generator.gitCommit})`);

  const stack = manifest.stack;
  assertStackName(stack);
  if (options.stack !== undefined && options.stack !== stack) {
    throw new ArchiveError(`${options.source} holds stack "${stack}", not "${options.stack}"; nothing was restored`);
  }

  const dir = stackDir(projectDir, options.outdir ?? 'cdktf.out', stack);
  const statePath =
    manifest.backend.type === 'local'
      ? path.resolve(dir, manifest.backend.path)
      : path.join(projectDir, 'state', stack, ARCHIVE_FILES.state);
  const restoredDir = path.join(projectDir, 'state', stack, 'restored');
  const targets: Array<{ file: string; data: Buffer; mode: number }> = [
    { file: statePath, data: bundle.files.get(ARCHIVE_FILES.state) as Buffer, mode: 0o600 },
    { file: path.join(dir, CONFIG_FILE), data: bundle.files.get(ARCHIVE_FILES.config) as Buffer, mode: 0o644 },
    ...(bundle.files.has(ARCHIVE_FILES.lockFile) ? [{ file: path.join(dir, LOCK_FILE), data: bundle.files.get(ARCHIVE_FILES.lockFile) as Buffer, mode: 0o644 }] : []),
    { file: path.join(restoredDir, ARCHIVE_FILES.manifest), data: bundle.files.get(ARCHIVE_FILES.manifest) as Buffer, mode: 0o644 },
    { file: path.join(restoredDir, ARCHIVE_FILES.outputs), data: bundle.files.get(ARCHIVE_FILES.outputs) as Buffer, mode: 0o644 },
  ];

  // Every check before the first write.
  const root = path.resolve(projectDir);
  const conflicts: string[] = [];
  const plan = targets.map((target) => {
    const relative = path.relative(root, target.file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new ArchiveError(`${options.source}: the archived backend path "${manifest.backend.type === 'local' ? manifest.backend.path : ''}" points outside the project (${target.file}); nothing was restored`);
    }
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
    backup = path.relative(root, backup);
    progress(`kept the current state as ${backup}`);
  }
  for (const target of plan) {
    if (target.status === 'unchanged') continue;
    writeFileAtomic(target.file, target.data, target.mode);
    progress(`${target.status === 'replaced' ? 'replaced' : 'wrote'} ${target.relative}`);
  }
  const marker = readArchiveMarker(projectDir, stack);
  return { stack, manifest, files: plan.map((t) => ({ path: t.relative, status: t.status })), ...(backup ? { backup } : {}), ...(marker ? { marker } : {}) };
}
