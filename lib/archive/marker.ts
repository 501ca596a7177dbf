/**
 * The "archived" mark: `state/<stack>/ARCHIVED.json`, next to the default local state. Written by
 * `sovereign archive-state` only after the uploaded archive was downloaded again and verified;
 * from then on Crossplane owns the stack and our tooling refuses to apply or destroy it
 * ({@link assertNotArchived}) unless forced.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ArchiveError, StackArchivedError } from './errors';

/** File name of the mark inside `state/<stack>/`. */
export const ARCHIVED_MARKER = 'ARCHIVED.json';

/**
 * File name of the "handed over" mark inside `state/<stack>/`, written by `sovereign handover`
 * (lib/handover/marker.ts) once Crossplane manifests for the stack exist; the same guard refuses it.
 */
export const HANDED_OVER_MARKER = 'HANDED-OVER.json';

/** Stack names are folder names: no separators, no dots. */
const STACK_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** ARCHIVED.json. */
export interface ArchiveMarker {
  readonly stack: string;
  /** When the archive was verified, ISO 8601 UTC. */
  readonly archivedAt: string;
  /** `s3://bucket/key`. */
  readonly url: string;
  /** S3 API URL of the store; absent for AWS S3. */
  readonly endpoint?: string;
  readonly region: string;
  /** sha256 of the .tar.gz, hex. */
  readonly sha256: string;
  readonly size: number;
  /** The manifest's createdAt, to match marker and archive. */
  readonly manifestCreatedAt: string;
}

/** Throws unless `stack` is a plain stack name (it becomes part of paths). */
export function assertStackName(stack: string): void {
  if (!STACK_NAME.test(stack)) {
    throw new ArchiveError(`"${stack}" is not a stack name (allowed: lowercase letters, digits and inner dashes, e.g. hetzner-fsn1 or dns)`);
  }
}

/** `<projectDir>/state/<stack>/ARCHIVED.json`. */
export function markerPath(projectDir: string, stack: string): string {
  assertStackName(stack);
  return path.join(projectDir, 'state', stack, ARCHIVED_MARKER);
}

/** The stack's mark, or undefined when it is not archived. */
export function readArchiveMarker(projectDir: string, stack: string): ArchiveMarker | undefined {
  const file = markerPath(projectDir, stack);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const marker = JSON.parse(text) as ArchiveMarker | null;
    if (marker !== null && typeof marker === 'object' && typeof marker.sha256 === 'string') return marker;
  } catch {
    // unreadable: below
  }
  // A mark that cannot be read (or is not an object) still marks the stack: failing closed is the safe side.
  return { stack, archivedAt: 'unknown', url: 'unknown', region: 'unknown', sha256: 'unknown', size: 0, manifestCreatedAt: 'unknown' };
}

/** Writes the mark atomically (temp file + rename): it is there whole or not at all. */
export function writeArchiveMarker(projectDir: string, marker: ArchiveMarker): string {
  return writeJsonAtomically(markerPath(projectDir, marker.stack), marker);
}

/** Writes `value` as indented JSON to `file` through a temp file and a rename; returns `file`. */
export function writeJsonAtomically(file: string, value: unknown): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(temp, file);
  return file;
}

/**
 * The guard every command that changes a stack (`sovereign plan/apply/destroy`) calls first.
 * Throws StackArchivedError when the stack is archived or handed over to Crossplane, unless `force`
 * (`allowHandedOver`: only the archive mark counts, for archive-state, which only reads the state);
 * returns the archive mark (if any) so a forced caller can say what it is overriding.
 */
export function assertNotArchived(projectDir: string, stack: string, options: { readonly force?: boolean; readonly allowHandedOver?: boolean } = {}): ArchiveMarker | undefined {
  const handedOver = path.join(path.dirname(markerPath(projectDir, stack)), HANDED_OVER_MARKER);
  if (!options.force && !options.allowHandedOver && fs.existsSync(handedOver)) {
    throw new StackArchivedError(
      stack,
      `stack "${stack}" was handed over to Crossplane (${path.join('state', stack, HANDED_OVER_MARKER)}): Crossplane owns it now, so OpenTofu must not apply or destroy it. Pass --force only if you have taken it back from Crossplane (see the hand-over README, "Rolling back").`,
    );
  }
  const marker = readArchiveMarker(projectDir, stack);
  if (marker && !options.force) {
    throw new StackArchivedError(
      stack,
      `stack "${stack}" was archived on ${marker.archivedAt} to ${marker.url} (sha256 ${marker.sha256}): Crossplane owns it now, so OpenTofu must not apply or destroy it. Pass --force only if you have taken it back from Crossplane (${path.join('state', stack, ARCHIVED_MARKER)}).`,
    );
  }
  return marker;
}
