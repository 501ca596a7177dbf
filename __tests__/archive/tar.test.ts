import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArchiveError, readTar, writeTar } from '../../lib/archive';

const ENTRIES = [
  { name: 'stack/manifest.json', data: Buffer.from('{"a":1}\n') },
  { name: 'stack/empty', data: Buffer.alloc(0) },
  { name: 'stack/exactly-512', data: Buffer.alloc(512, 7), mode: 0o600 },
  { name: `stack/${'d'.repeat(90)}/${'f'.repeat(90)}.json`, data: Buffer.from('long name through the ustar prefix') },
];
const hasTar = spawnSync('tar', ['--version']).status === 0;

test('GIVEN regular files THEN they read back identically, modes included, in order', () => {
  const read = readTar(writeTar(ENTRIES));
  expect(read.map((e) => [e.name, e.data.toString('hex'), e.mode])).toEqual(ENTRIES.map((e) => [e.name, e.data.toString('hex'), e.mode ?? 0o644]));
});

test('the same entries always give the same bytes (fixed mtime, owner, order)', () => {
  expect(writeTar(ENTRIES).equals(writeTar(ENTRIES.map((e) => ({ ...e, data: Buffer.from(e.data) }))))).toBe(true);
});

(hasTar ? test : test.skip)('GNU tar lists and extracts what writeTar wrote, and readTar reads what GNU tar wrote', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-tar-'));
  try {
    fs.writeFileSync(path.join(dir, 'ours.tar'), writeTar(ENTRIES));
    const list = spawnSync('tar', ['-tvf', 'ours.tar'], { cwd: dir, encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stderr).toBe('');
    expect(list.stdout).toMatch(/^-rw-r--r-- 0\/0\s+8 1970-01-01 00:00 stack\/manifest\.json$/m);
    fs.mkdirSync(path.join(dir, 'out'));
    expect(spawnSync('tar', ['-xf', '../ours.tar'], { cwd: path.join(dir, 'out') }).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out', ENTRIES[3].name), 'utf8')).toBe('long name through the ustar prefix');

    const theirs = spawnSync('tar', ['--format=ustar', '-cf', '../theirs.tar', 'stack/manifest.json', 'stack/exactly-512'], { cwd: path.join(dir, 'out') });
    expect(theirs.status).toBe(0);
    expect(readTar(fs.readFileSync(path.join(dir, 'theirs.tar'))).map((e) => e.name)).toEqual(['stack/manifest.json', 'stack/exactly-512']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the reader refuses', () => {
  const good = writeTar(ENTRIES);

  test.each([0, 100, 511, 512, 700, good.length - 1024, good.length - 512, good.length - 1])('an archive cut at byte %i', (cut) => {
    expect(() => readTar(good.subarray(0, cut))).toThrow(ArchiveError);
    expect(() => readTar(good.subarray(0, cut))).toThrow(/truncated|corrupt/);
  });

  test('a header whose checksum does not match', () => {
    const bad = Buffer.from(good);
    bad[5] ^= 1; // a byte of the first name
    expect(() => readTar(bad)).toThrow(/tar header checksum mismatch at byte 0/);
  });

  test.each([
    ['../escape', /unsafe name "\.\.\/escape"/],
    ['/etc/passwd', /unsafe name "\/etc\/passwd"/],
    ['a/./b', /unsafe name/],
  ])('the name %s (on write and on read)', (name, message) => {
    expect(() => writeTar([{ name, data: Buffer.from('x') }])).toThrow(message);
    const forged = writeTar([{ name: 'x'.repeat(name.length), data: Buffer.from('x') }]);
    forged.write(name, 0, 'latin1');
    fixChecksum(forged, 0);
    expect(() => readTar(forged)).toThrow(message);
  });

  test('a symbolic link (anything but regular files)', () => {
    const forged = writeTar([{ name: 'stack/link', data: Buffer.alloc(0) }]);
    forged[156] = '2'.charCodeAt(0);
    fixChecksum(forged, 0);
    expect(() => readTar(forged)).toThrow(/"stack\/link", which is not a regular file \(tar type '2'\)/);
  });

  test('the same name twice', () => {
    expect(() => writeTar([ENTRIES[0], ENTRIES[0]])).toThrow(/listed twice/);
  });
});

function fixChecksum(archive: Buffer, offset: number): void {
  const block = archive.subarray(offset, offset + 512);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
}
