/**
 * A minimal POSIX ustar writer and a strict reader, for regular files only: enough for state
 * archives, small enough to audit, and deterministic (fixed order, mtime, owner and modes), so the
 * same files always give the same bytes. GNU tar and bsdtar read what it writes.
 *
 * The reader trusts nothing: it checks every header checksum, refuses anything but regular files,
 * absolute or `..` names and duplicates, and requires the end-of-archive marker, so a truncated or
 * altered archive is refused rather than half read.
 */
import { ArchiveError } from './errors';

const BLOCK = 512;

/** One regular file in an archive. */
export interface TarEntry {
  /** Relative path with `/` separators, at most 255 bytes (ustar prefix + name). */
  readonly name: string;
  readonly data: Buffer;
  /** Permission bits. @default 0o644 */
  readonly mode?: number;
}

/** The archive bytes (uncompressed) of `entries`, in the order given. */
export function writeTar(entries: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new ArchiveError(`tar: "${entry.name}" is listed twice`);
    seen.add(entry.name);
    blocks.push(header(entry));
    blocks.push(entry.data);
    const padding = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (padding > 0) blocks.push(Buffer.alloc(padding));
  }
  blocks.push(Buffer.alloc(2 * BLOCK)); // end of archive
  return Buffer.concat(blocks);
}

/** The regular files of an archive `writeTar` (or any ustar/GNU tar of regular files) made. */
export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (;;) {
    if (offset + BLOCK > archive.length) throw new ArchiveError('the archive is truncated: its tar data ends before the end-of-archive marker');
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((b) => b === 0)) {
      const next = archive.subarray(offset + BLOCK, offset + 2 * BLOCK);
      if (next.length < BLOCK || !next.every((b) => b === 0)) throw new ArchiveError('the archive is truncated or corrupt: incomplete end-of-archive marker');
      return entries;
    }
    const stored = readOctal(block, 148, 8, 'checksum');
    if (stored !== checksum(block)) throw new ArchiveError(`the archive is corrupt: tar header checksum mismatch at byte ${offset}`);
    if (block.subarray(257, 262).toString('latin1') !== 'ustar') throw new ArchiveError(`the archive is not a ustar archive (header at byte ${offset})`);
    const type = String.fromCharCode(block[156]);
    const name = joinName(cString(block, 345, 155), cString(block, 0, 100));
    if (type !== '0' && type !== '\0') throw new ArchiveError(`the archive holds "${name}", which is not a regular file (tar type '${type}'); state archives hold regular files only`);
    checkName(name);
    if (seen.has(name)) throw new ArchiveError(`the archive holds "${name}" twice`);
    seen.add(name);
    const size = readOctal(block, 124, 12, 'size');
    const start = offset + BLOCK;
    if (start + size > archive.length) throw new ArchiveError(`the archive is truncated: "${name}" should have ${size} bytes, ${Math.max(0, archive.length - start)} are there`);
    entries.push({ name, data: Buffer.from(archive.subarray(start, start + size)), mode: readOctal(block, 100, 8, 'mode') & 0o7777 });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}

function header(entry: TarEntry): Buffer {
  const block = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(entry.name, 'utf8');
  let name = entry.name;
  let prefix = '';
  if (nameBytes.length > 100) {
    const cut = entry.name.lastIndexOf('/', 155);
    prefix = entry.name.slice(0, cut);
    name = entry.name.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(name) > 100) throw new ArchiveError(`tar: name too long for ustar: "${entry.name}"`);
  }
  block.write(name, 0, 100, 'utf8');
  writeOctal(block, 100, 8, entry.mode ?? 0o644);
  writeOctal(block, 108, 8, 0); // uid
  writeOctal(block, 116, 8, 0); // gid
  writeOctal(block, 124, 12, entry.data.length);
  writeOctal(block, 136, 12, 0); // mtime: fixed, so equal files give equal archives
  block[156] = '0'.charCodeAt(0);
  block.write('ustar\u000000', 257, 8, 'latin1');
  block.write(prefix, 345, 155, 'utf8');
  const sum = checksum(block);
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
  return block;
}

/** Header checksum: the sum of all bytes, the checksum field counted as spaces. */
function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum;
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'latin1');
}

function readOctal(block: Buffer, offset: number, length: number, field: string): number {
  const text = block.subarray(offset, offset + length).toString('latin1').replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (!/^[0-7]+$/.test(text)) throw new ArchiveError(`the archive is corrupt: tar header field ${field} is "${text}"`);
  return parseInt(text, 8);
}

function cString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function joinName(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

function checkName(name: string): void {
  const segments = name.split('/');
  if (name === '' || name.startsWith('/') || name.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new ArchiveError(`the archive holds the unsafe name "${name}"; only relative paths without "." or ".." are allowed`);
  }
}
