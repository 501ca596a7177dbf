/**
 * The "handed over" mark: `state/<stack>/HANDED-OVER.json`, next to the archive mark. Written by
 * `sovereign handover` after every manifest validated and was written; from then on the guard of
 * lib/archive/marker.ts (`assertNotArchived`) makes `sovereign plan` refuse the stack unless
 * `--force`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { HANDED_OVER_MARKER, markerPath, writeJsonAtomically } from '../archive/marker';

/** HANDED-OVER.json. */
export interface HandoverMarker {
  readonly stack: string;
  /** When the manifests were written, ISO 8601 UTC. */
  readonly handedOverAt: string;
  /** Where the manifests went, relative to the project. */
  readonly output: string;
  /** Where the state came from: `live` or the archive path / s3:// URL. */
  readonly source: string;
  readonly adopted: number;
  readonly skipped: number;
}

/** `<projectDir>/state/<stack>/HANDED-OVER.json`. */
export function handoverMarkerPath(projectDir: string, stack: string): string {
  return path.join(path.dirname(markerPath(projectDir, stack)), HANDED_OVER_MARKER);
}

/** Writes the mark atomically (temp file + rename). */
export function writeHandoverMarker(projectDir: string, marker: HandoverMarker): string {
  return writeJsonAtomically(handoverMarkerPath(projectDir, marker.stack), marker);
}

/** The stack's mark, or undefined. */
export function readHandoverMarker(projectDir: string, stack: string): HandoverMarker | undefined {
  const file = handoverMarkerPath(projectDir, stack);
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as HandoverMarker;
  } catch {
    return { stack, handedOverAt: 'unknown', output: 'unknown', source: 'unknown', adopted: 0, skipped: 0 };
  }
}
