import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ArchiveError, BundleInput, buildStateBundle, lockedProviders, readArchiveFile, readStateBundle, readTar, restoreState, sha256, TarEntry, writeTar } from '../../lib/archive';
import { treeHashes } from '../support/state-project';

/** Looks like OpenTofu's encrypted state; the reader checks the shape, not the ciphertext. */
const ENCRYPTED_STATE = Buffer.from(JSON.stringify({ serial: 1, lineage: 'l', meta: { 'key_provider.pbkdf2.main': 'e30=' }, encrypted_data: 'c2VjcmV0', encryption_version: 'v0' }));
const LOCK = Buffer.from(`# This file is maintained automatically by "tofu init".
provider "registry.opentofu.org/hetznercloud/hcloud" {
  version     = "1.68.0"
  constraints = "1.68.0"
  hashes = [
    "h1:abc=",
  ]
}

provider "registry.opentofu.org/hashicorp/random" {
  version     = "3.9.0"
  constraints = "3.9.0"
  hashes = [
    "h1:def=",
  ]
}
`);

function input(overrides: Partial<BundleInput> = {}): BundleInput {
  return {
    stack: 'hetzner-fsn1',
    createdAt: new Date('2026-05-04T03:02:01.000Z'),
    generator: { name: 'sovereign-tofu', version: '0.1.0', gitCommit: 'abc123' },
    opentofuVersion: '1.10.10',
    backend: { type: 'local', path: '../../../state/hetzner-fsn1/terraform.tfstate' },
    state: ENCRYPTED_STATE,
    config: Buffer.from('{"terraform":{}}\n'),
    lockFile: LOCK,
    outputs: { load_balancer_ipv4: { type: 'string', value: '203.0.113.10' } },
    ...overrides,
  };
}

/** Rebuilds an archive after `edit` changed its entries (a tamperer who can write tar.gz). */
function repack(archive: Buffer, edit: (entries: TarEntry[]) => TarEntry[]): Buffer {
  return zlib.gzipSync(writeTar(edit(readTar(zlib.gunzipSync(archive)))));
}

describe('buildStateBundle', () => {
  test('GIVEN the same inputs THEN the same bytes; a different time changes only the manifest', () => {
    const a = buildStateBundle(input());
    expect(buildStateBundle(input()).archive.equals(a.archive)).toBe(true);
    const later = buildStateBundle(input({ createdAt: new Date('2026-05-05T00:00:00.000Z') }));
    expect(later.sha256).not.toBe(a.sha256);
    const entries = (b: Buffer) => readTar(zlib.gunzipSync(b));
    const changed = entries(a.archive).filter((e, i) => !e.data.equals(entries(later.archive)[i].data)).map((e) => e.name);
    expect(changed).toEqual(['hetzner-fsn1/manifest.json']);
  });

  test('THEN the manifest lists every file with sha256 and size, versions from the lock file, and the generator', () => {
    const bundle = buildStateBundle(input());
    expect(bundle.manifest).toEqual({
      format: 'sovereign-state-archive/1',
      stack: 'hetzner-fsn1',
      createdAt: '2026-05-04T03:02:01.000Z',
      generator: { name: 'sovereign-tofu', version: '0.1.0', gitCommit: 'abc123' },
      opentofu: { version: '1.10.10' },
      providers: [
        { source: 'registry.opentofu.org/hashicorp/random', version: '3.9.0' },
        { source: 'registry.opentofu.org/hetznercloud/hcloud', version: '1.68.0' },
      ],
      backend: { type: 'local', path: '../../../state/hetzner-fsn1/terraform.tfstate' },
      files: ['.terraform.lock.hcl', 'cdk.tf.json', 'outputs.json', 'terraform.tfstate'].map((name) => ({
        path: name,
        sha256: sha256(bundle.files.get(name) as Buffer),
        size: (bundle.files.get(name) as Buffer).length,
      })),
    });
    expect(readTar(zlib.gunzipSync(bundle.archive)).map((e) => [e.name, e.mode])).toEqual([
      ['hetzner-fsn1/manifest.json', 0o644],
      ['hetzner-fsn1/.terraform.lock.hcl', 0o644],
      ['hetzner-fsn1/cdk.tf.json', 0o644],
      ['hetzner-fsn1/outputs.json', 0o644],
      ['hetzner-fsn1/terraform.tfstate', 0o600],
    ]);
  });

  test('GIVEN no lock file THEN it is left out and no providers are listed', () => {
    const bundle = buildStateBundle(input({ lockFile: undefined }));
    expect(bundle.manifest.providers).toEqual([]);
    expect(bundle.manifest.files.map((f) => f.path)).toEqual(['cdk.tf.json', 'outputs.json', 'terraform.tfstate']);
    expect(readStateBundle(bundle.archive, 'x').manifest).toEqual(bundle.manifest);
  });

  test('GIVEN plain-text state THEN it refuses to archive it', () => {
    expect(() => buildStateBundle(input({ state: Buffer.from('{"version":4,"resources":[]}') }))).toThrow(/the state of stack "hetzner-fsn1" is not OpenTofu-encrypted state/);
  });

  test('lockedProviders reads every provider block', () => {
    expect(lockedProviders(LOCK.toString())).toHaveLength(2);
    expect(lockedProviders('')).toEqual([]);
  });
});

describe('readStateBundle refuses altered archives', () => {
  const good = buildStateBundle(input()).archive;
  const cases: Array<[string, () => Buffer, RegExp]> = [
    ['a changed state', () => repack(good, (es) => es.map((e) => (e.name.endsWith('.tfstate') ? { ...e, data: Buffer.from(e.data.toString().replace('c2VjcmV0', 'c2VjcmV1')) } : e))), /terraform\.tfstate has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: the archive was altered/],
    ['a longer config', () => repack(good, (es) => es.map((e) => (e.name.endsWith('cdk.tf.json') ? { ...e, data: Buffer.concat([e.data, Buffer.from(' ')]) } : e))), /cdk\.tf\.json has 18 bytes, the manifest says 17/],
    ['a removed lock file', () => repack(good, (es) => es.filter((e) => !e.name.endsWith('.lock.hcl'))), /\.terraform\.lock\.hcl is listed in the manifest but missing from the archive/],
    ['an added file', () => repack(good, (es) => [...es, { name: 'hetzner-fsn1/extra.sh', data: Buffer.from('rm -rf /') }]), /extra\.sh is in the archive but not in the manifest/],
    ['another stack folder', () => repack(good, (es) => [...es, { name: 'dns/terraform.tfstate', data: ENCRYPTED_STATE }]), /expected the files of one stack in one folder/],
    ['a removed manifest', () => repack(good, (es) => es.filter((e) => !e.name.endsWith('manifest.json'))), /no hetzner-fsn1\/manifest\.json/],
    ['an unknown format', () => repack(good, (es) => es.map((e) => (e.name.endsWith('manifest.json') ? { ...e, data: Buffer.from(e.data.toString().replace('archive/1', 'archive/9')) } : e))), /unknown manifest format "sovereign-state-archive\/9"/],
    ['a manifest for another stack', () => repack(good, (es) => es.map((e) => (e.name.endsWith('manifest.json') ? { ...e, data: Buffer.from(e.data.toString().replace('"stack": "hetzner-fsn1"', '"stack": "dns"')) } : e))), /the manifest names stack "dns" but the files are under "hetzner-fsn1\/"/],
    ['a flipped byte in the gzip stream', () => flip(good, Math.floor(good.length / 2)), /not a valid \.tar\.gz|the archive is truncated|corrupt|altered/],
    ['half the bytes', () => good.subarray(0, Math.floor(good.length / 2)), /the archive is truncated \(gzip: unexpected end of file\)/],
    ['all but the last byte', () => good.subarray(0, good.length - 1), /the archive is truncated/],
    ['not gzip at all', () => Buffer.from('{"hello":"world"}'), /not a valid \.tar\.gz \(gzip: incorrect header check\)/],
  ];
  const withManifest = (edit: (m: any) => unknown) => () =>
    repack(good, (es) => {
      const manifest = es.find((e) => e.name.endsWith('manifest.json'))!;
      return es.map((e) => (e === manifest ? { ...e, data: Buffer.from(JSON.stringify(edit(JSON.parse(manifest.data.toString())))) } : e));
    });
  cases.push(
    ['a null backend', withManifest((m) => ({ ...m, backend: null })), /manifest\.json is malformed: backend must be an object/],
    ['an unknown backend type', withManifest((m) => ({ ...m, backend: { type: 'gcs' } })), /backend\.type must be "local" or "s3"/],
    ['a terminal escape in the commit', withManifest((m) => ({ ...m, generator: { ...m.generator, gitCommit: '\u001b]0;pwned\u0007' } })), /generator\.gitCommit contains control characters/],
    ['a number as stack', withManifest((m) => ({ ...m, stack: 42 })), /stack must be a stack name/],
    ['files as an object', withManifest((m) => ({ ...m, files: {} })), /files must be a non-empty array/],
    ['a file entry that is null', withManifest((m) => ({ ...m, files: [null] })), /files\[0\] must be an object/],
    ['a file outside the archive names', withManifest((m) => ({ ...m, files: [{ ...m.files[0], path: '../x' }] })), /files\[0\]\.path must be one of/],
    ['a manifest that is an array', withManifest(() => []), /manifest\.json is not a JSON object/],
    ['a manifest that is null', withManifest(() => null), /manifest\.json is not a JSON object/],
    ['createdAt not a time', withManifest((m) => ({ ...m, createdAt: 'yesterday' })), /createdAt must be an ISO 8601 UTC time/],
  );
  test.each(cases)('%s', (_name, make, message) => {
    const source = 's3://bucket/x.tar.gz';
    expect(() => readStateBundle(make(), source)).toThrow(ArchiveError);
    expect(() => readStateBundle(make(), source)).toThrow(message);
    expect(() => readStateBundle(make(), source)).toThrow(/^s3:\/\/bucket\/x\.tar\.gz: .*; nothing was restored$/s);
  });

  test('GIVEN a tamperer who also rewrites the manifest THEN only a plain-text state is caught (hashes prove integrity, not authorship)', () => {
    const plain = repack(good, (es) => {
      const state = Buffer.from('{"version":4,"resources":[]}');
      return es.map((e) => {
        if (e.name.endsWith('.tfstate')) return { ...e, data: state };
        if (!e.name.endsWith('manifest.json')) return e;
        const manifest = JSON.parse(e.data.toString());
        manifest.files = manifest.files.map((f: { path: string }) => (f.path === 'terraform.tfstate' ? { ...f, sha256: sha256(state), size: state.length } : f));
        return { ...e, data: Buffer.from(JSON.stringify(manifest)) };
      });
    });
    expect(() => readStateBundle(plain, 'x')).toThrow(/terraform\.tfstate is not OpenTofu-encrypted state/);
  });
});

function flip(data: Buffer, at: number): Buffer {
  const copy = Buffer.from(data);
  copy[at] ^= 0xff;
  return copy;
}

describe('restoreState', () => {
  const bundle = buildStateBundle(input());
  let project: string;
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-restore-'));
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  test('GIVEN an empty project THEN it writes state, configuration, lock file, manifest and outputs', () => {
    const messages: string[] = [];
    const result = restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz', onProgress: (m) => messages.push(m) });
    expect(result.files.map((f) => f.status)).toEqual(['written', 'written', 'written', 'written', 'written']);
    expect(fs.readFileSync(path.join(project, 'state/hetzner-fsn1/terraform.tfstate')).equals(ENCRYPTED_STATE)).toBe(true);
    expect(fs.statSync(path.join(project, 'state/hetzner-fsn1/terraform.tfstate')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(project, 'cdktf.out/stacks/hetzner-fsn1/.terraform.lock.hcl')).equals(LOCK)).toBe(true);
    expect(messages[0]).toMatch(/^verified a\.tar\.gz: manifest sovereign-state-archive\/1, 4 files, every sha256 matches \(stack hetzner-fsn1, created 2026-05-04T03:02:01\.000Z, OpenTofu 1\.10\.10, commit abc123\)$/);
  });

  test('GIVEN a different existing state THEN it refuses without --force and writes nothing', () => {
    const state = path.join(project, 'state/hetzner-fsn1/terraform.tfstate');
    fs.mkdirSync(path.dirname(state), { recursive: true });
    fs.writeFileSync(state, 'newer state');
    const before = treeHashes(project);
    expect(() => restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz' })).toThrow(
      /restoring would replace files that differ from the archive: state\/hetzner-fsn1\/terraform\.tfstate; nothing was restored \(pass --force/,
    );
    expect(treeHashes(project)).toEqual(before);
  });

  test('GIVEN --force THEN it replaces the state and keeps the old one as a backup', () => {
    const state = path.join(project, 'state/hetzner-fsn1/terraform.tfstate');
    fs.mkdirSync(path.dirname(state), { recursive: true });
    fs.writeFileSync(state, 'newer state');
    const result = restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz', force: true, now: () => new Date('2026-06-01T10:00:00Z') });
    expect(result.backup).toBe('state/hetzner-fsn1/terraform.tfstate.before-restore-20260601T100000Z');
    expect(fs.readFileSync(path.join(project, result.backup as string), 'utf8')).toBe('newer state');
    expect(fs.readFileSync(state).equals(ENCRYPTED_STATE)).toBe(true);
    expect(result.files[0]).toEqual({ path: 'state/hetzner-fsn1/terraform.tfstate', status: 'replaced' });
  });

  test('GIVEN a tampered or truncated archive THEN nothing is written, even with --force', () => {
    const state = path.join(project, 'state/hetzner-fsn1/terraform.tfstate');
    fs.mkdirSync(path.dirname(state), { recursive: true });
    fs.writeFileSync(state, 'current state');
    const before = treeHashes(project);
    const tampered = repack(bundle.archive, (es) => es.map((e) => (e.name.endsWith('outputs.json') ? { ...e, data: Buffer.from('{}\n') } : e)));
    expect(() => restoreState({ projectDir: project, archive: tampered, source: 't.tar.gz', force: true })).toThrow(/outputs\.json has 3 bytes, the manifest says \d+: the archive was altered; nothing was restored/);
    expect(() => restoreState({ projectDir: project, archive: bundle.archive.subarray(0, 100), source: 't.tar.gz', force: true })).toThrow(/truncated/);
    expect(treeHashes(project)).toEqual(before);
  });

  test('GIVEN --stack naming another stack THEN it refuses', () => {
    expect(() => restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz', stack: 'dns' })).toThrow(/a\.tar\.gz holds stack "hetzner-fsn1", not "dns"; nothing was restored/);
    expect(treeHashes(project)).toEqual({});
  });

  test('GIVEN an archived backend path leading out of the project THEN it refuses', () => {
    const evil = buildStateBundle(input({ backend: { type: 'local', path: '../../../../outside.tfstate' } }));
    expect(() => restoreState({ projectDir: project, archive: evil.archive, source: 'evil.tar.gz' })).toThrow(/the archived backend path "\.\.\/\.\.\/\.\.\/\.\.\/outside\.tfstate" is not the state file of stack "hetzner-fsn1"/);
    expect(treeHashes(project)).toEqual({});
  });

  // Issue 11: the manifest decided where restore-state wrote (inside the project, anywhere).
  test.each([
    ['an environment file', '../../../environments/hetzner-fsn1/environment.json'],
    ['a Git hook', '../../../.git/hooks/post-checkout'],
    ['node_modules', '../../../node_modules/x/index.js'],
    ['sovereign.json', '../../../sovereign.json'],
    ['another stack\'s state', '../../../state/dns/terraform.tfstate'],
  ])('GIVEN a backend path aimed at %s THEN nothing is written anywhere', (_name, evilPath) => {
    fs.mkdirSync(path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
    fs.writeFileSync(path.join(project, 'sovereign.json'), '{}');
    const before = treeHashes(project);
    const evil = buildStateBundle(input({ backend: { type: 'local', path: evilPath } }));
    expect(() => restoreState({ projectDir: project, archive: evil.archive, source: 'evil.tar.gz', force: true })).toThrow(/is not the state file of stack "hetzner-fsn1" \(allowed: state\/hetzner-fsn1\/terraform\.tfstate\); nothing was restored/);
    expect(treeHashes(project)).toEqual(before);
  });

  test('GIVEN the stack configured with its own local state path THEN an archive of that path restores there', () => {
    const dir = path.join(project, 'cdktf.out', 'stacks', 'hetzner-fsn1');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ terraform: { backend: { local: { path: '../../../custom/fsn1.tfstate' } } } }));
    const custom = buildStateBundle(input({ backend: { type: 'local', path: '../../../custom/fsn1.tfstate' } }));
    const result = restoreState({ projectDir: project, archive: custom.archive, source: 'c.tar.gz', force: true });
    expect(result.files[0]).toEqual({ path: 'custom/fsn1.tfstate', status: 'written' });
  });

  test.each([
    ['state/<stack> is a link out of the project', () => fs.symlinkSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-out-')), path.join(project, 'state', 'hetzner-fsn1')), /refusing to restore through the symbolic link state\/hetzner-fsn1 \(to /],
    ['the state file is a link', () => {
      fs.mkdirSync(path.join(project, 'state', 'hetzner-fsn1'));
      fs.symlinkSync('../../environments/x.json', path.join(project, 'state', 'hetzner-fsn1', 'terraform.tfstate'));
    }, /refusing to restore through the symbolic link state\/hetzner-fsn1\/terraform\.tfstate/],
    ['cdktf.out is a link', () => fs.symlinkSync(fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-out-')), path.join(project, 'cdktf.out')), /refusing to restore through the symbolic link cdktf\.out/],
  ])('GIVEN %s THEN it refuses and writes nothing', (_name, arrange, message) => {
    fs.mkdirSync(path.join(project, 'state'), { recursive: true });
    arrange();
    const before = treeHashes(project);
    expect(() => restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz', force: true })).toThrow(message);
    expect(treeHashes(project)).toEqual(before);
  });

  test('GIVEN an archive mark naming another archive THEN it refuses without --force, warns and restores with it', () => {
    fs.mkdirSync(path.join(project, 'state', 'hetzner-fsn1'), { recursive: true });
    fs.writeFileSync(path.join(project, 'state', 'hetzner-fsn1', 'ARCHIVED.json'), JSON.stringify({ stack: 'hetzner-fsn1', url: 's3://b/k', sha256: 'f'.repeat(64) }));
    const before = treeHashes(project);
    expect(() => restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz' })).toThrow(
      new RegExp(`state/hetzner-fsn1/ARCHIVED\\.json names the archive s3://b/k \\(sha256 f{64}\\), but a\\.tar\\.gz has sha256 ${bundle.sha256}; nothing was restored`),
    );
    expect(treeHashes(project)).toEqual(before);
    const messages: string[] = [];
    restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz', force: true, onProgress: (m) => messages.push(m) });
    expect(messages.some((m) => /^warning: .*restoring it because of --force$/.test(m))).toBe(true);
  });

  test('GIVEN an archive mark naming this archive THEN it restores', () => {
    fs.mkdirSync(path.join(project, 'state', 'hetzner-fsn1'), { recursive: true });
    fs.writeFileSync(path.join(project, 'state', 'hetzner-fsn1', 'ARCHIVED.json'), JSON.stringify({ stack: 'hetzner-fsn1', url: 's3://b/k', sha256: bundle.sha256 }));
    expect(restoreState({ projectDir: project, archive: bundle.archive, source: 'a.tar.gz' }).files[0].status).toBe('written');
  });

  test('GIVEN an s3-backend archive THEN the state is restored locally under state/<stack>/', () => {
    const s3 = buildStateBundle(input({ backend: { type: 's3', bucket: 'b', key: 'k/terraform.tfstate', region: 'fsn1' } }));
    expect(restoreState({ projectDir: project, archive: s3.archive, source: 's.tar.gz' }).files[0]).toEqual({ path: 'state/hetzner-fsn1/terraform.tfstate', status: 'written' });
  });
});

describe('readArchiveFile: what restore-state reads from disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-archive-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('GIVEN a FIFO WHEN read THEN refused at once instead of blocking', () => {
    const fifo = path.join(dir, 'a.tar.gz');
    execFileSync('mkfifo', [fifo]);
    expect(() => readArchiveFile(fifo, 'a.tar.gz')).toThrow(/^a\.tar\.gz: not a regular file/);
  });

  test('GIVEN /dev/zero or a directory WHEN read THEN refused before reading', () => {
    expect(() => readArchiveFile('/dev/zero', '/dev/zero')).toThrow(/not a regular file/);
    expect(() => readArchiveFile(dir, 'dir')).toThrow(/not a regular file/);
    expect(() => readArchiveFile(path.join(dir, 'none'), 'none')).toThrow(/^none: no such file$/);
  });

  test('GIVEN a regular archive WHEN read THEN its bytes', () => {
    const archive = buildStateBundle(input()).archive;
    fs.writeFileSync(path.join(dir, 'a.tar.gz'), archive);
    expect(readArchiveFile(path.join(dir, 'a.tar.gz'), 'a.tar.gz').equals(archive)).toBe(true);
  });
});
