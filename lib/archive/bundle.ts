/**
 * The state archive: one gzip'd tar holding, under `<stack>/`, the encrypted state, the
 * synthesized configuration, the provider lock file, the non-sensitive outputs and a manifest with
 * the sha256 and size of every other file. Building is deterministic: the same inputs give the
 * same bytes, except for the manifest's `createdAt`. Reading verifies everything before returning.
 */
import * as crypto from 'crypto';
import * as zlib from 'zlib';
import { ArchiveError } from './errors';
import { readTar, TarEntry, writeTar } from './tar';

/** Format tag in every manifest; a reader refuses others. */
export const ARCHIVE_FORMAT = 'sovereign-state-archive/1';

/** File names inside the archive's `<stack>/` folder. */
export const ARCHIVE_FILES = {
  manifest: 'manifest.json',
  state: 'terraform.tfstate',
  config: 'cdk.tf.json',
  lockFile: '.terraform.lock.hcl',
  outputs: 'outputs.json',
} as const;

/** A decompressed archive larger than this is refused (a gzip bomb, or not a state archive). */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** Where the archived state lived (never credentials). */
export type ArchivedBackend =
  | { readonly type: 'local'; readonly path: string }
  | { readonly type: 's3'; readonly bucket: string; readonly key: string; readonly region?: string; readonly endpoint?: string };

/** A provider pinned by the lock file. */
export interface LockedProvider {
  readonly source: string;
  readonly version: string;
}

/** One archived file, as the manifest lists it. */
export interface ManifestFile {
  /** Name inside the stack folder, e.g. `terraform.tfstate`. */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** manifest.json. */
export interface ArchiveManifest {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly stack: string;
  /** When the archive was made, ISO 8601 UTC (the only field that differs between equal archives). */
  readonly createdAt: string;
  readonly generator: { readonly name: string; readonly version: string; readonly gitCommit: string };
  readonly opentofu: { readonly version: string };
  readonly providers: readonly LockedProvider[];
  readonly backend: ArchivedBackend;
  readonly files: readonly ManifestFile[];
}

/** What goes into an archive. */
export interface BundleInput {
  readonly stack: string;
  readonly createdAt: Date;
  readonly generator: ArchiveManifest['generator'];
  readonly opentofuVersion: string;
  readonly backend: ArchivedBackend;
  /** The state exactly as the backend stores it (encrypted). */
  readonly state: Buffer;
  /** cdk.tf.json. */
  readonly config: Buffer;
  /** .terraform.lock.hcl, when the stack has one. */
  readonly lockFile?: Buffer;
  /** Non-sensitive outputs, by name. */
  readonly outputs: Readonly<Record<string, { readonly type: unknown; readonly value: unknown }>>;
}

/** A built or verified archive. */
export interface StateBundle {
  readonly manifest: ArchiveManifest;
  /** Archived files by name (manifest.json included). */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The .tar.gz bytes. */
  readonly archive: Buffer;
  /** sha256 of `archive`, hex. */
  readonly sha256: string;
}

export function sha256(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Builds the archive; refuses a state that is not OpenTofu-encrypted. */
export function buildStateBundle(input: BundleInput): StateBundle {
  assertEncryptedState(input.state, `the state of stack "${input.stack}"`);
  const content = new Map<string, Buffer>();
  content.set(ARCHIVE_FILES.state, input.state);
  content.set(ARCHIVE_FILES.config, input.config);
  if (input.lockFile) content.set(ARCHIVE_FILES.lockFile, input.lockFile);
  const outputs = Object.fromEntries(Object.keys(input.outputs).sort().map((name) => [name, input.outputs[name]]));
  content.set(ARCHIVE_FILES.outputs, Buffer.from(`${JSON.stringify(outputs, null, 2)}\n`));

  const names = [...content.keys()].sort();
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    stack: input.stack,
    createdAt: input.createdAt.toISOString(),
    generator: input.generator,
    opentofu: { version: input.opentofuVersion },
    providers: input.lockFile ? lockedProviders(input.lockFile.toString('utf8')) : [],
    backend: input.backend,
    files: names.map((name) => ({ path: name, sha256: sha256(content.get(name) as Buffer), size: (content.get(name) as Buffer).length })),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const entries: TarEntry[] = [
    { name: `${input.stack}/${ARCHIVE_FILES.manifest}`, data: manifestBytes },
    ...names.map((name) => ({ name: `${input.stack}/${name}`, data: content.get(name) as Buffer, mode: name === ARCHIVE_FILES.state ? 0o600 : 0o644 })),
  ];
  // zlib writes MTIME 0 into the gzip header: equal tar bytes give equal .tar.gz bytes.
  const archive = zlib.gzipSync(writeTar(entries), { level: 9 });
  const files = new Map([[ARCHIVE_FILES.manifest, manifestBytes], ...content]);
  return { manifest, files, archive, sha256: sha256(archive) };
}

/**
 * Unpacks and verifies an archive in memory: gzip and tar intact, one stack folder with a
 * manifest of the known format, every listed file present with its size and sha256, nothing
 * unlisted, the state encrypted. Throws ArchiveError naming the first problem; `source` names the
 * archive in messages.
 */
export function readStateBundle(archive: Buffer, source: string): StateBundle {
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(archive, { maxOutputLength: MAX_UNPACKED_BYTES });
  } catch (e) {
    const reason = (e as Error).message;
    const truncated = /unexpected end of file/i.test(reason);
    throw new ArchiveError(`${source}: ${truncated ? 'the archive is truncated' : 'not a valid .tar.gz'} (gzip: ${reason}); nothing was restored`);
  }
  let entries: TarEntry[];
  try {
    entries = readTar(tar);
  } catch (e) {
    throw new ArchiveError(`${source}: ${(e as Error).message}; nothing was restored`);
  }
  const fail = (problem: string): never => {
    throw new ArchiveError(`${source}: ${problem}; nothing was restored`);
  };
  const folders = new Set(entries.map((e) => e.name.split('/')[0]));
  if (folders.size !== 1 || entries.some((e) => e.name.split('/').length !== 2)) fail(`expected the files of one stack in one folder, found ${entries.map((e) => e.name).join(', ') || 'no files'}`);
  const stack = [...folders][0];
  const files = new Map(entries.map((e) => [e.name.slice(stack.length + 1), e.data]));
  const manifestBytes = files.get(ARCHIVE_FILES.manifest) ?? fail(`no ${stack}/${ARCHIVE_FILES.manifest}`);
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as ArchiveManifest;
  } catch (e) {
    return fail(`${ARCHIVE_FILES.manifest} is not JSON (${(e as Error).message})`);
  }
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return fail(`${ARCHIVE_FILES.manifest} is not a JSON object`);
  if (manifest.format !== ARCHIVE_FORMAT) fail(`unknown manifest format ${printable(JSON.stringify(manifest.format) ?? 'undefined')} (this tool reads ${ARCHIVE_FORMAT})`);
  const malformed = manifestProblem(manifest as unknown as Record<string, unknown>);
  if (malformed) fail(`${ARCHIVE_FILES.manifest} is malformed: ${malformed}`);
  if (manifest.stack !== stack) fail(`the manifest names stack "${manifest.stack}" but the files are under "${printable(stack)}/"`);
  const listed = new Set<string>();
  for (const file of manifest.files) {
    const data = files.get(file.path) ?? fail(`${file.path} is listed in the manifest but missing from the archive`);
    listed.add(file.path);
    if (data.length !== file.size) fail(`${file.path} has ${data.length} bytes, the manifest says ${file.size}: the archive was altered`);
    const actual = sha256(data);
    if (actual !== file.sha256) fail(`${file.path} has sha256 ${actual}, the manifest says ${file.sha256}: the archive was altered`);
  }
  for (const name of files.keys()) {
    if (name !== ARCHIVE_FILES.manifest && !listed.has(name)) fail(`${name} is in the archive but not in the manifest`);
  }
  for (const required of [ARCHIVE_FILES.state, ARCHIVE_FILES.config, ARCHIVE_FILES.outputs]) {
    if (!listed.has(required)) fail(`the manifest does not list ${required}`);
  }
  try {
    assertEncryptedState(files.get(ARCHIVE_FILES.state) as Buffer, ARCHIVE_FILES.state);
  } catch (e) {
    fail((e as Error).message);
  }
  return { manifest, files, archive, sha256: sha256(archive) };
}

/** Characters a manifest string may not hold: controls (terminal escapes), DEL, C1, bidi controls, line separators. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `text` safe to print: unprintable characters as \u escapes, at most 200 characters. */
export function printable(text: string): string {
  const safe = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}

const STACK_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ARCHIVED_NAMES = new Set<string>(Object.values(ARCHIVE_FILES).filter((n) => n !== ARCHIVE_FILES.manifest));

/**
 * What is wrong with a parsed manifest's shape, or undefined: every field the reader and
 * restore-state use must have its type, strings must be printable (they are shown on the
 * terminal), file names must be the archive's own.
 */
export function manifestProblem(manifest: Record<string, unknown>): string | undefined {
  const text = (value: unknown, field: string, max = 1024): string | undefined => {
    if (typeof value !== 'string' || value.length === 0) return `${field} must be a non-empty string`;
    if (value.length > max) return `${field} is longer than ${max} characters`;
    UNPRINTABLE.lastIndex = 0;
    if (UNPRINTABLE.test(value)) return `${field} contains control characters`;
    return undefined;
  };
  const object = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (typeof manifest.stack !== 'string' || !STACK_NAME.test(manifest.stack)) return 'stack must be a stack name (lowercase letters, digits, inner dashes)';
  if (typeof manifest.createdAt !== 'string' || !ISO_TIME.test(manifest.createdAt)) return 'createdAt must be an ISO 8601 UTC time';
  if (!object(manifest.generator)) return 'generator must be an object';
  for (const field of ['name', 'version', 'gitCommit']) {
    const problem = text(manifest.generator[field], `generator.${field}`, 200);
    if (problem) return problem;
  }
  if (!object(manifest.opentofu)) return 'opentofu must be an object';
  const version = text(manifest.opentofu.version, 'opentofu.version', 200);
  if (version) return version;
  if (!Array.isArray(manifest.providers)) return 'providers must be an array';
  for (const [i, provider] of manifest.providers.entries()) {
    if (!object(provider)) return `providers[${i}] must be an object`;
    const problem = text(provider.source, `providers[${i}].source`, 200) ?? text(provider.version, `providers[${i}].version`, 200);
    if (problem) return problem;
  }
  const backend = manifest.backend;
  if (!object(backend)) return 'backend must be an object';
  if (backend.type === 'local') {
    const problem = text(backend.path, 'backend.path');
    if (problem) return problem;
  } else if (backend.type === 's3') {
    for (const field of ['bucket', 'key']) {
      const problem = text(backend[field], `backend.${field}`);
      if (problem) return problem;
    }
    for (const field of ['region', 'endpoint']) {
      const problem = backend[field] === undefined ? undefined : text(backend[field], `backend.${field}`);
      if (problem) return problem;
    }
  } else {
    return 'backend.type must be "local" or "s3"';
  }
  if (!Array.isArray(manifest.files) || manifest.files.length === 0) return 'files must be a non-empty array';
  for (const [i, file] of manifest.files.entries()) {
    if (!object(file)) return `files[${i}] must be an object`;
    if (typeof file.path !== 'string' || !ARCHIVED_NAMES.has(file.path)) return `files[${i}].path must be one of ${[...ARCHIVED_NAMES].join(', ')}`;
    if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) return `files[${i}].sha256 must be 64 hexadecimal digits`;
    if (!Number.isSafeInteger(file.size) || (file.size as number) < 0) return `files[${i}].size must be a non-negative integer`;
  }
  return undefined;
}

/** Throws unless `state` is an OpenTofu-encrypted state document. */
export function assertEncryptedState(state: Buffer, what: string): void {
  let parsed: { encrypted_data?: unknown; meta?: unknown } | undefined;
  try {
    parsed = JSON.parse(state.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (typeof parsed?.encrypted_data !== 'string' || typeof parsed.meta !== 'object') {
    throw new ArchiveError(`${what} is not OpenTofu-encrypted state (no encrypted_data); refusing to archive or restore plain-text state (docs/STATE.md: migrate it first)`);
  }
}

/** Providers and versions from a `.terraform.lock.hcl`, sorted by source. */
export function lockedProviders(lockFile: string): LockedProvider[] {
  const providers: LockedProvider[] = [];
  for (const match of lockFile.matchAll(/provider\s+"([^"]+)"\s*\{([^}]*)\}/g)) {
    const version = /^\s*version\s*=\s*"([^"]+)"/m.exec(match[2]);
    if (version) providers.push({ source: match[1], version: version[1] });
  }
  return providers.sort((a, b) => a.source.localeCompare(b.source));
}
