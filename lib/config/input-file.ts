/**
 * Reading an input file (environment.json, sovereign.json) without trusting what is at the path:
 * only a regular file inside the project, at most {@link MAX_INPUT_BYTES}, valid UTF-8. A FIFO is
 * opened non-blocking and refused (it would hang a plain read), a device (`/dev/zero`) or directory
 * is refused before reading, a file that grows while it is read is cut off at the bound. Every
 * refusal is a ConfigError naming the file.
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from './errors';

/** Largest input file accepted: 1 MiB (the shipped examples are under 2 KB). */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Where an input file really is, or why it cannot be used. */
export type InputFileStatus = { readonly kind: 'missing' } | { readonly kind: 'file'; readonly realPath: string };

/**
 * Resolves `relativeFile` (posix, relative to `projectDir`): missing when nothing is there at
 * all; a ConfigError for a dangling symlink or a link leaving the project.
 */
export function locateInputFile(projectDir: string, relativeFile: string): InputFileStatus {
  const absolute = path.join(projectDir, relativeFile);
  let linkTarget: string | undefined;
  try {
    if (fs.lstatSync(absolute).isSymbolicLink()) linkTarget = fs.readlinkSync(absolute);
  } catch (e) {
    if (isCode(e, 'ENOENT') || isCode(e, 'ENOTDIR')) return { kind: 'missing' };
    throw unreadable(relativeFile, e);
  }
  let realPath: string;
  try {
    realPath = fs.realpathSync(absolute);
  } catch (e) {
    if (isCode(e, 'ENOENT')) {
      throw new ConfigError(relativeFile, '', `is a symbolic link to ${linkTarget ? `"${printablePath(linkTarget)}"` : 'a path'} that does not exist`, 'a regular file, or a link to one inside the project');
    }
    throw unreadable(relativeFile, e);
  }
  const root = fs.realpathSync(projectDir);
  const inside = path.relative(root, realPath);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ConfigError(relativeFile, '', 'resolves (through a symbolic link) to a file outside the project', 'a regular file, or a link to one inside the project');
  }
  return { kind: 'file', realPath };
}

/** Reads a located input file as text; see the module comment for what is refused. */
export function readInputFile(relativeFile: string, realPath: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting for one.
    fd = fs.openSync(realPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    throw unreadable(relativeFile, e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      throw new ConfigError(relativeFile, '', `is ${fileKind(stat)}, not a regular file`, 'a regular JSON file');
    }
    if (stat.size > MAX_INPUT_BYTES) throw tooLarge(relativeFile, stat.size);
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_INPUT_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw tooLarge(relativeFile, length);
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return decodeUtf8(relativeFile, buffer.subarray(0, length));
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw unreadable(relativeFile, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** The text of UTF-8 bytes (a leading byte order mark dropped); a ConfigError at the first invalid byte. */
export function decodeUtf8(relativeFile: string, bytes: Buffer): string {
  if (!isUtf8(bytes)) {
    const at = Math.min(firstInvalidUtf8(bytes), bytes.length - 1);
    const before = bytes.subarray(0, at).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new ConfigError(relativeFile, '', `invalid UTF-8 at line ${line}, column ${column} (byte ${at}: 0x${bytes[at].toString(16).padStart(2, '0')})`, 'a file saved as UTF-8');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

function tooLarge(relativeFile: string, size: number): ConfigError {
  return new ConfigError(relativeFile, '', `is larger than ${MAX_INPUT_BYTES} bytes (${size === MAX_INPUT_BYTES + 1 ? 'at least ' : ''}${size} bytes)`, `an input file of at most ${MAX_INPUT_BYTES} bytes (1 MiB)`);
}

function unreadable(relativeFile: string, e: unknown): ConfigError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory', ELOOP: 'too many symbolic links', EIO: 'input/output error' };
  return new ConfigError(relativeFile, '', `cannot be read: ${reason[code ?? ''] ?? code ?? 'unknown error'}`, 'a regular JSON file the current user can read');
}

function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function printablePath(text: string): string {
  const safe = text.replace(/[^\x20-\x7e]/g, '?');
  return safe.length > 80 ? `${safe.slice(0, 80)}…` : safe;
}

function isCode(e: unknown, code: string): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === code;
}
