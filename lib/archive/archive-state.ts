/**
 * `sovereign archive-state <stack>`: bundle → upload → download and verify → mark archived.
 * The mark is written last, so an interrupted or failed upload never leaves a stack marked as
 * archived; a single PUT means the object itself appears whole or not at all.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import packageJson from '../../package.json';
import { buildStateBundle, readStateBundle, sha256, StateBundle } from './bundle';
import { ArchiveError } from './errors';
import { ArchiveMarker, assertNotArchived, writeArchiveMarker } from './marker';
import { AccessKeys, ObjectStore, ObjectStoreLocation, ObjectStoreOptions, objectUrl } from './object-store';
import { readStackFiles, StackFiles } from './stack-files';
import { stackOutputs, TofuRunner, tofuVersion } from './tofu';

/** Steps reported through `onProgress`, in order. */
export const ARCHIVE_STEPS = ['check', 'state', 'outputs', 'bundle', 'upload', 'verify', 'mark'] as const;
export type ArchiveStep = (typeof ARCHIVE_STEPS)[number];

export interface ArchiveStateOptions {
  readonly projectDir: string;
  readonly stack: string;
  /** Synth output directory, relative to projectDir. @default cdktf.out */
  readonly outdir?: string;
  /** Where archives go. */
  readonly store: ObjectStoreLocation;
  /** Key prefix; the archive lands at `<prefix>/<stack>/<stack>-<UTC time>-<sha256 12>.tar.gz`. @default sovereign-state-archives */
  readonly prefix?: string;
  /** Access keys for the archive store and, for s3-backend stacks, the state bucket. */
  readonly keys: AccessKeys;
  readonly tofu: TofuRunner;
  /** Re-archive a stack that is already marked archived. @default false */
  readonly force?: boolean;
  /** Also write the archive to this local file. @default - no local copy */
  readonly localCopy?: string;
  /** @default - `git rev-parse HEAD` in projectDir, "unknown" when that fails */
  readonly gitCommit?: string;
  /** @default - the system clock */
  readonly now?: () => Date;
  readonly storeOptions?: ObjectStoreOptions;
  /** Called as each step completes. */
  readonly onProgress?: (step: ArchiveStep, index: number, total: number, message: string) => void;
}

export interface ArchiveStateResult {
  readonly url: string;
  readonly key: string;
  readonly sha256: string;
  readonly size: number;
  readonly markerFile: string;
  readonly bundle: StateBundle;
  /** Milliseconds per step. */
  readonly timings: Readonly<Record<ArchiveStep, number>>;
}

export async function archiveState(options: ArchiveStateOptions): Promise<ArchiveStateResult> {
  const { projectDir, stack } = options;
  const now = options.now ?? (() => new Date());
  const timings = {} as Record<ArchiveStep, number>;
  let started = Date.now();
  const done = (step: ArchiveStep, message: string) => {
    timings[step] = Date.now() - started;
    started = Date.now();
    options.onProgress?.(step, ARCHIVE_STEPS.indexOf(step) + 1, ARCHIVE_STEPS.length, message);
  };

  // A handed-over stack may still be archived (archiving only reads its state).
  const previous = assertNotArchived(projectDir, stack, { force: options.force, allowHandedOver: true });
  const files = readStackFiles(projectDir, options.outdir ?? 'cdktf.out', stack);
  done('check', previous ? `stack ${stack} was archived before (${previous.url}); archiving again (--force)` : `stack ${stack}: not archived yet, configuration in ${path.relative(projectDir, files.dir) || '.'}`);

  const store = new ObjectStore(options.store, options.keys, options.storeOptions);
  try {
    const state = await readState(files, options);
    done('state', `read the encrypted state (${describeBackend(files)}, ${state.length} bytes)`);

    const version = await tofuVersion(options.tofu, files.dir);
    const outputs = await stackOutputs(options.tofu, files.dir);
    done('outputs', `OpenTofu ${version}: ${Object.keys(outputs.plain).length} non-sensitive output(s) kept${outputs.sensitive.length ? `, ${outputs.sensitive.length} sensitive left out (${outputs.sensitive.join(', ')})` : ''}`);

    const createdAt = now();
    const bundle = buildStateBundle({
      stack,
      createdAt,
      generator: { name: packageJson.name, version: packageJson.version, gitCommit: options.gitCommit ?? gitCommit(projectDir) },
      opentofuVersion: version,
      backend: files.backend,
      state,
      config: files.config,
      lockFile: files.lockFile,
      outputs: outputs.plain,
    });
    if (options.localCopy) writeFileAtomic(options.localCopy, bundle.archive);
    done('bundle', `bundled ${bundle.manifest.files.length + 1} files into ${bundle.archive.length} bytes (sha256 ${bundle.sha256})${options.localCopy ? `, copy at ${options.localCopy}` : ''}`);

    const prefix = (options.prefix ?? 'sovereign-state-archives').replace(/^\/+|\/+$/g, '');
    const key = `${prefix ? `${prefix}/` : ''}${stack}/${stack}-${compactUtc(createdAt)}-${bundle.sha256.slice(0, 12)}.tar.gz`;
    const url = objectUrl(options.store.bucket, key);
    await store.put(key, bundle.archive, { sha256: bundle.sha256, stack, 'created-at': bundle.manifest.createdAt });
    done('upload', `uploaded ${url}${options.store.endpoint ? ` (${options.store.endpoint})` : ''}`);

    const downloaded = await store.get(key);
    const downloadedSha = sha256(downloaded);
    if (downloadedSha !== bundle.sha256) {
      throw new ArchiveError(`verification failed: ${url} downloaded as ${downloaded.length} bytes with sha256 ${downloadedSha}, uploaded ${bundle.archive.length} bytes with sha256 ${bundle.sha256}; the stack is NOT marked archived (run archive-state again)`);
    }
    const verified = readStateBundle(downloaded, url);
    done('verify', `downloaded ${url} again: archive sha256 and all ${verified.manifest.files.length} file hashes match`);

    const marker: ArchiveMarker = {
      stack,
      archivedAt: now().toISOString(),
      url,
      ...(options.store.endpoint ? { endpoint: options.store.endpoint } : {}),
      region: options.store.region,
      sha256: bundle.sha256,
      size: bundle.archive.length,
      manifestCreatedAt: bundle.manifest.createdAt,
    };
    const markerFile = writeArchiveMarker(projectDir, marker);
    done('mark', `marked ${stack} archived (${path.relative(projectDir, markerFile)}): plan/apply/destroy now refuse it without --force`);
    return { url, key, sha256: bundle.sha256, size: bundle.archive.length, markerFile, bundle, timings };
  } finally {
    store.destroy();
  }
}

async function readState(files: StackFiles, options: ArchiveStateOptions): Promise<Buffer> {
  if (files.localStatePath) {
    if (!fs.existsSync(files.localStatePath)) throw new ArchiveError(`stack "${files.stack}" has no state at ${path.relative(options.projectDir, files.localStatePath)}: nothing to archive (was it applied?)`);
    return fs.readFileSync(files.localStatePath);
  }
  if (files.backend.type !== 's3' || !files.s3) throw new ArchiveError(`stack "${files.stack}": unsupported backend`);
  // The object as stored (encrypted); `tofu state pull` would hand out the decrypted state.
  const backendStore = new ObjectStore({ bucket: files.backend.bucket, region: files.s3.region, endpoint: files.s3.endpoint, forcePathStyle: files.s3.usePathStyle }, options.keys, options.storeOptions);
  try {
    return await backendStore.get(files.backend.key);
  } finally {
    backendStore.destroy();
  }
}

function describeBackend(files: StackFiles): string {
  return files.backend.type === 'local' ? `local ${files.backend.path}` : `s3 ${objectUrl(files.backend.bucket, files.backend.key)}`;
}

/** `git rev-parse HEAD` in `projectDir`, or "unknown" (no Git, not a repository, no commit). */
export function gitCommit(projectDir: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** 2026-05-04T03:02:01.000Z → 20260504T030201Z. */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Writes via a temp file and rename, so readers never see half a file. */
export function writeFileAtomic(file: string, data: Buffer, mode?: number): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, data, mode !== undefined ? { mode } : {});
  fs.renameSync(temp, file);
}
