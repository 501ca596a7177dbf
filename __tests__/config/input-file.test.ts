import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeUtf8, firstInvalidUtf8, locateInputFile, MAX_INPUT_BYTES, readInputFile } from '../../lib/config/input-file';
import { problemsOf } from '../support/config';

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-input-'));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

/** Locates and reads `relative` inside the project; the problems it raised (none → []). */
function problems(relative: string): string[] {
  return problemsOf(() => {
    const located = locateInputFile(project, relative);
    if (located.kind === 'file') readInputFile(relative, located.realPath);
  }).map((e) => e.message);
}

describe('readInputFile: what is at the path', () => {
  test('GIVEN a regular file WHEN read THEN its text (a byte order mark dropped)', () => {
    fs.writeFileSync(path.join(project, 'a.json'), '\ufeff{"a": "é"}');
    const located = locateInputFile(project, 'a.json');
    expect(located.kind).toBe('file');
    expect(readInputFile('a.json', (located as { realPath: string }).realPath)).toBe('{"a": "é"}');
  });

  test('GIVEN nothing at the path WHEN located THEN missing, no error', () => {
    expect(locateInputFile(project, 'none.json')).toEqual({ kind: 'missing' });
  });

  test('GIVEN a directory WHEN read THEN refused by name', () => {
    fs.mkdirSync(path.join(project, 'dir.json'));
    expect(problems('dir.json')).toEqual(['dir.json: is a directory, not a regular file (allowed: a regular JSON file)']);
  });

  test('GIVEN a FIFO without a writer WHEN read THEN refused at once instead of hanging', () => {
    execFileSync('mkfifo', [path.join(project, 'fifo.json')]);
    const started = Date.now();
    expect(problems('fifo.json')).toEqual(['fifo.json: is a named pipe (FIFO), not a regular file (allowed: a regular JSON file)']);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('GIVEN a character device (/dev/zero) WHEN read THEN refused before reading', () => {
    expect(problemsOf(() => readInputFile('zero.json', '/dev/zero')).map((e) => e.message)).toEqual(['zero.json: is a character device, not a regular file (allowed: a regular JSON file)']);
  });

  test('GIVEN a symlink to /dev/zero WHEN located THEN refused as leaving the project', () => {
    fs.symlinkSync('/dev/zero', path.join(project, 'zero.json'));
    expect(problems('zero.json')).toEqual(['zero.json: resolves (through a symbolic link) to a file outside the project (allowed: a regular file, or a link to one inside the project)']);
  });

  test('GIVEN a dangling symlink WHEN located THEN refused, naming the target', () => {
    fs.symlinkSync('gone.json', path.join(project, 'a.json'));
    expect(problems('a.json')).toEqual(['a.json: is a symbolic link to "gone.json" that does not exist (allowed: a regular file, or a link to one inside the project)']);
  });

  test('GIVEN a symlink to a file inside the project WHEN read THEN followed', () => {
    fs.writeFileSync(path.join(project, 'real.json'), '{}');
    fs.symlinkSync('real.json', path.join(project, 'a.json'));
    expect(problems('a.json')).toEqual([]);
  });

  test(`GIVEN a file over ${MAX_INPUT_BYTES} bytes WHEN read THEN refused without parsing it`, () => {
    fs.writeFileSync(path.join(project, 'big.json'), Buffer.alloc(5 * 1024 * 1024, 0x5b)); // 5 MB of "["
    const started = Date.now();
    expect(problems('big.json')).toEqual([`big.json: is larger than ${MAX_INPUT_BYTES} bytes (5242880 bytes) (allowed: an input file of at most ${MAX_INPUT_BYTES} bytes (1 MiB))`]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('decodeUtf8', () => {
  test.each([
    ['a stray continuation byte', Buffer.from('{"a":\n "x\x80"}', 'latin1'), 2, 4],
    ['an overlong encoding', Buffer.concat([Buffer.from('["'), Buffer.from([0xc0, 0xaf]), Buffer.from('"]')]), 1, 3],
    ['an encoded surrogate (CESU-8)', Buffer.concat([Buffer.from('["'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]')]), 1, 3],
    ['a truncated sequence', Buffer.concat([Buffer.from('["é'), Buffer.from([0xe2, 0x82])]), 1, 4],
    ['latin-1 text', Buffer.from('{"image": "café"}', 'latin1'), 1, 15],
  ])('GIVEN %s WHEN decoded THEN refused at its line and column', (_name, bytes, line, column) => {
    const [error] = problemsOf(() => decodeUtf8('x.json', bytes));
    expect(error.message).toMatch(new RegExp(`^x\\.json: invalid UTF-8 at line ${line}, column ${column} \\(byte \\d+: 0x[0-9a-f]{2}\\) \\(allowed: a file saved as UTF-8\\)$`));
  });

  test('GIVEN valid UTF-8 of every length WHEN checked THEN no invalid byte', () => {
    const bytes = Buffer.from('a é € 😀');
    expect(firstInvalidUtf8(bytes)).toBe(bytes.length);
  });
});
