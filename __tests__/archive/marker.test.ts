import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArchiveMarker, assertNotArchived, markerPath, readArchiveMarker, StackArchivedError, writeArchiveMarker } from '../../lib/archive';

const MARKER: ArchiveMarker = {
  stack: 'hetzner-fsn1',
  archivedAt: '2026-05-04T03:02:05.000Z',
  url: 's3://archives/sovereign/hetzner-fsn1/hetzner-fsn1-20260504T030201Z-0123456789ab.tar.gz',
  endpoint: 'https://fsn1.your-objectstorage.com',
  region: 'fsn1',
  sha256: '0123456789ab'.padEnd(64, '0'),
  size: 2744,
  manifestCreatedAt: '2026-05-04T03:02:01.000Z',
};

let project: string;
beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-marker-'));
});
afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

test('GIVEN a stack that was never archived THEN the guard lets it through', () => {
  expect(assertNotArchived(project, 'hetzner-fsn1')).toBeUndefined();
});

test('GIVEN an archived stack THEN the guard refuses it, naming the archive and how to override', () => {
  const file = writeArchiveMarker(project, MARKER);
  expect(file).toBe(path.join(project, 'state', 'hetzner-fsn1', 'ARCHIVED.json'));
  expect(readArchiveMarker(project, 'hetzner-fsn1')).toEqual(MARKER);
  expect(() => assertNotArchived(project, 'hetzner-fsn1')).toThrow(StackArchivedError);
  expect(() => assertNotArchived(project, 'hetzner-fsn1')).toThrow(
    'stack "hetzner-fsn1" was archived on 2026-05-04T03:02:05.000Z to s3://archives/sovereign/hetzner-fsn1/hetzner-fsn1-20260504T030201Z-0123456789ab.tar.gz (sha256 0123456789ab0000000000000000000000000000000000000000000000000000): Crossplane owns it now, so OpenTofu must not apply or destroy it. Pass --force only if you have taken it back from Crossplane (state/hetzner-fsn1/ARCHIVED.json).',
  );
  expect(assertNotArchived(project, 'hetzner-fsn1', { force: true })).toEqual(MARKER);
  expect(assertNotArchived(project, 'hetzner-nbg1')).toBeUndefined();
});

test('GIVEN an unreadable mark THEN the stack still counts as archived (fail closed)', () => {
  fs.mkdirSync(path.dirname(markerPath(project, 'dns')), { recursive: true });
  fs.writeFileSync(markerPath(project, 'dns'), '{ half a');
  expect(() => assertNotArchived(project, 'dns')).toThrow(/stack "dns" was archived on unknown/);
});

test.each(['../etc', 'Hetzner', 'a/b', '', '-x'])('GIVEN the stack name %j THEN it is refused before touching paths', (stack) => {
  expect(() => assertNotArchived(project, stack)).toThrow(/is not a stack name \(allowed: lowercase letters, digits and inner dashes/);
});
