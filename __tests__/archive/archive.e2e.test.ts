import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ARCHIVE_STEPS, archiveState, buildStateBundle, ArchiveStateOptions, assertNotArchived, markerPath, ObjectStore, readStateBundle, restoreState, StackArchivedError, tofuRunner } from '../../lib/archive';
import { runCli } from '../../lib/cli';
import packageJson from '../../package.json';
import { itWithTool, TOFU } from '../support/tools';
import { cleanEnv, createTestProject, fileSha256, treeHashes, Moto, PASSPHRASE, S3_ENV, startFaultyProxy, startMoto, TestProject } from '../support/state-project';

/**
 * The whole lifecycle with real programs: OpenTofu applies an encrypted stack, archive-state
 * bundles it, uploads it to moto's S3 server on loopback, downloads and verifies it, marks the
 * stack archived; restore-state brings back byte-identical files that OpenTofu plans against with
 * no changes. Uploads cut half-way and corrupted downloads never leave a stack marked archived.
 */
const itBoth = toolsOrSkip();
function toolsOrSkip(): jest.It {
  const tofu = itWithTool('tofu');
  const moto = itWithTool('moto_server');
  return tofu === it && moto === it ? it : it.skip;
}

const BUCKET = 'sovereign-archives';
const withPassphrase = { TF_VAR_state_passphrase: PASSPHRASE };
const keys = { accessKeyId: S3_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: S3_ENV.AWS_SECRET_ACCESS_KEY };

let moto: Moto | undefined;
let project: TestProject;
const scratch: string[] = [];
beforeAll(async () => {
  project = createTestProject();
  if (itBoth === it) {
    moto = await startMoto();
    await moto.createBucket(BUCKET);
    project.tofu('vault', ['init', '-input=false', '-no-color'], withPassphrase);
    project.tofu('vault', ['apply', '-auto-approve', '-input=false', '-no-color'], withPassphrase);
  }
}, 120_000);
afterAll(async () => {
  await moto?.stop();
  project?.remove();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<ArchiveStateOptions> = {}): ArchiveStateOptions {
  return {
    projectDir: project.dir,
    stack: 'vault',
    store: { bucket: BUCKET, region: 'us-east-1', endpoint: moto?.endpoint, forcePathStyle: true },
    prefix: 'sovereign',
    keys,
    tofu: tofuRunner(TOFU, cleanEnv(withPassphrase)),
    gitCommit: '0123456789abcdef0123456789abcdef01234567',
    ...overrides,
  };
}

function store(endpoint = moto?.endpoint): ObjectStore {
  return new ObjectStore({ bucket: BUCKET, region: 'us-east-1', endpoint, forcePathStyle: true }, keys);
}

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sovereign-${name}-`));
  scratch.push(dir);
  return dir;
}

describe('archive-state and restore-state against moto S3 and real tofu', () => {
  itBoth('WHEN an upload is cut half-way THEN archive-state fails and nothing is marked archived', async () => {
    const proxy = await startFaultyProxy(moto!.port, 'cut-upload');
    try {
      const failed = archiveState(options({ store: { bucket: BUCKET, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true }, storeOptions: { maxAttempts: 2, requestTimeoutMs: 5_000 } }));
      failed.catch((e: Error) => process.stdout.write(`interrupted upload: ${e.message}\n`));
      await expect(failed).rejects.toThrow(
        /s3:\/\/sovereign-archives\/sovereign\/vault\/vault-\d{8}T\d{6}Z-[0-9a-f]{12}\.tar\.gz at http:\/\/127\.0\.0\.1:\d+: .*(socket hang up|ECONNRESET|EPIPE|aborted)/i,
      );
      expect(proxy.faults()).toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
    }
    expect(fs.existsSync(markerPath(project.dir, 'vault'))).toBe(false);
    expect(() => assertNotArchived(project.dir, 'vault')).not.toThrow();
    const s3 = store();
    try {
      expect(await s3.list('sovereign/')).toEqual([]); // not even a partial object
    } finally {
      s3.destroy();
    }
  });

  itBoth('WHEN the downloaded copy differs THEN verification fails and nothing is marked archived', async () => {
    const proxy = await startFaultyProxy(moto!.port, 'corrupt-download');
    try {
      await expect(archiveState(options({ store: { bucket: BUCKET, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true } }))).rejects.toThrow(
        /verification failed: .* downloaded as \d+ bytes with sha256 [0-9a-f]{64}, uploaded \d+ bytes with sha256 [0-9a-f]{64}; the stack is NOT marked archived/,
      );
      expect(proxy.faults()).toBe(1);
    } finally {
      await proxy.close();
    }
    expect(fs.existsSync(markerPath(project.dir, 'vault'))).toBe(false);
    const s3 = store();
    try {
      await Promise.all((await s3.list('sovereign/')).map((key) => s3.delete(key)));
    } finally {
      s3.destroy();
    }
  });

  itBoth('WHEN archived through the CLI THEN every step is reported, the archive verifies, and the stack is marked archived', async () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const saved = { ...process.env };
    Object.assign(process.env, S3_ENV, withPassphrase, { SOVEREIGN_ARCHIVE_BUCKET: BUCKET, SOVEREIGN_ARCHIVE_ENDPOINT: moto!.endpoint, SOVEREIGN_ARCHIVE_PATH_STYLE: 'true', SOVEREIGN_TOFU: TOFU, SOVEREIGN_GIT_COMMIT: '0123456789abcdef0123456789abcdef01234567' });
    const localCopy = path.join(tempDir('copy'), 'vault.tar.gz');
    let code: number;
    const started = Date.now();
    try {
      code = await runCli(['archive-state', 'vault', '--prefix', 'sovereign', '--save', localCopy], project.dir);
    } finally {
      process.env = saved;
      write.mockRestore();
    }
    const elapsed = Date.now() - started;
    process.stdout.write(`${lines.join('')}archive-state took ${elapsed} ms; archive ${fs.statSync(localCopy).size} bytes\n`);
    expect(code).toBe(0);
    const progress = lines.filter((l) => /^\[\d\/7\] /.test(l));
    expect(progress.map((l) => l.slice(0, 5))).toEqual(ARCHIVE_STEPS.map((_, i) => `[${i + 1}/7]`));
    expect(lines.join('')).toMatch(/✔ vault archived to s3:\/\/sovereign-archives\/sovereign\/vault\/vault-\d{8}T\d{6}Z-[0-9a-f]{12}\.tar\.gz \(\d+ bytes, sha256 [0-9a-f]{64}\)/);

    // The mark names the verified object; the guard now refuses the stack.
    const marker = JSON.parse(fs.readFileSync(markerPath(project.dir, 'vault'), 'utf8'));
    expect(marker).toMatchObject({ stack: 'vault', url: expect.stringMatching(/^s3:\/\/sovereign-archives\/sovereign\/vault\//), sha256: fileSha256(localCopy), size: fs.statSync(localCopy).size, endpoint: moto!.endpoint });
    expect(() => assertNotArchived(project.dir, 'vault')).toThrow(StackArchivedError);
    expect(() => assertNotArchived(project.dir, 'vault')).toThrow(/stack "vault" was archived on .* Crossplane owns it now.*Pass --force/);
    expect(assertNotArchived(project.dir, 'vault', { force: true })).toMatchObject({ url: marker.url });
    await expect(archiveState(options())).rejects.toThrow(/stack "vault" was archived on/);

    // What is in the bucket is what was built, and it verifies on its own.
    const s3 = store();
    let downloaded: Buffer;
    try {
      const key = marker.url.replace(`s3://${BUCKET}/`, '');
      expect(await s3.list('sovereign/')).toEqual([key]);
      downloaded = await s3.get(key);
    } finally {
      s3.destroy();
    }
    expect(downloaded.equals(fs.readFileSync(localCopy))).toBe(true);
    const bundle = readStateBundle(downloaded, marker.url);
    const stateFile = path.join(project.dir, 'state', 'vault', 'terraform.tfstate');
    expect(bundle.manifest).toMatchObject({
      format: 'sovereign-state-archive/1',
      stack: 'vault',
      generator: { name: packageJson.name, version: packageJson.version, gitCommit: '0123456789abcdef0123456789abcdef01234567' },
      opentofu: { version: '1.10.10' },
      providers: [{ source: 'registry.opentofu.org/hashicorp/random', version: '3.9.0' }],
      backend: { type: 'local', path: '../../../state/vault/terraform.tfstate' },
    });
    expect(bundle.manifest.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(bundle.manifest.files.map((f) => f.path)).toEqual(['.terraform.lock.hcl', 'cdk.tf.json', 'outputs.json', 'terraform.tfstate']);
    expect(bundle.manifest.files.find((f) => f.path === 'terraform.tfstate')?.sha256).toBe(fileSha256(stateFile));
    expect(JSON.parse((bundle.files.get('outputs.json') as Buffer).toString())).toEqual({ password_length: { type: 'number', value: 40 } });
    const password = project.tofu('vault', ['output', '-raw', 'password'], withPassphrase);
    expect(zlib.gunzipSync(downloaded).includes(Buffer.from(password))).toBe(false);

    // Restore into an empty project: identical bytes, and OpenTofu finds nothing to change.
    const fresh = tempDir('restore');
    const result = restoreState({ projectDir: fresh, archive: downloaded, source: marker.url });
    expect(result.files).toEqual([
      { path: 'state/vault/terraform.tfstate', status: 'written' },
      { path: 'cdktf.out/stacks/vault/cdk.tf.json', status: 'written' },
      { path: 'cdktf.out/stacks/vault/.terraform.lock.hcl', status: 'written' },
      { path: 'state/vault/restored/manifest.json', status: 'written' },
      { path: 'state/vault/restored/outputs.json', status: 'written' },
    ]);
    for (const [restored, original] of [
      ['state/vault/terraform.tfstate', stateFile],
      ['cdktf.out/stacks/vault/cdk.tf.json', path.join(project.stackDir('vault'), 'cdk.tf.json')],
      ['cdktf.out/stacks/vault/.terraform.lock.hcl', path.join(project.stackDir('vault'), '.terraform.lock.hcl')],
    ]) {
      expect({ restored, sha256: fileSha256(path.join(fresh, restored)) }).toEqual({ restored, sha256: fileSha256(original) });
    }
    const freshStack = path.join(fresh, 'cdktf.out', 'stacks', 'vault');
    const tofu = tofuRunner(TOFU, cleanEnv(withPassphrase));
    await tofu(['init', '-input=false', '-no-color'], freshStack);
    expect(await tofu(['plan', '-input=false', '-no-color', '-detailed-exitcode'], freshStack)).toMatch(/No changes\./);

    // Restoring the same archive again changes nothing; through the CLI, from the S3 URL.
    const before = treeHashes(fresh);
    const saved2 = { ...process.env };
    Object.assign(process.env, S3_ENV, { SOVEREIGN_ARCHIVE_ENDPOINT: moto!.endpoint, SOVEREIGN_ARCHIVE_PATH_STYLE: 'true' });
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['restore-state', marker.url, '--stack', 'vault'], fresh)).toBe(0);
    } finally {
      process.env = saved2;
      out.mockRestore();
    }
    expect(treeHashes(fresh)).toEqual(before);
  });

  itBoth('WHEN a real archive is truncated or tampered with THEN restore-state refuses it and overwrites nothing', async () => {
    const good = buildStateBundle({
      stack: 'vault',
      createdAt: new Date(),
      generator: { name: packageJson.name, version: packageJson.version, gitCommit: 'unknown' },
      opentofuVersion: '1.10.10',
      backend: { type: 'local', path: '../../../state/vault/terraform.tfstate' },
      state: fs.readFileSync(path.join(project.dir, 'state', 'vault', 'terraform.tfstate')),
      config: fs.readFileSync(path.join(project.stackDir('vault'), 'cdk.tf.json')),
      outputs: {},
    }).archive;
    const target = tempDir('tampered');
    fs.mkdirSync(path.join(target, 'state', 'vault'), { recursive: true });
    fs.writeFileSync(path.join(target, 'state', 'vault', 'terraform.tfstate'), 'the state that must survive');
    const before = treeHashes(target);

    const truncated = path.join(target, 'truncated.tar.gz');
    fs.writeFileSync(truncated, good.subarray(0, Math.floor(good.length * 0.6)));
    const tar = zlib.gunzipSync(good);
    const stateAt = tar.indexOf(Buffer.from('"encrypted_data":"')) + 30;
    tar[stateAt] = tar[stateAt] === 0x41 ? 0x42 : 0x41; // one base64 character of the ciphertext
    const tampered = path.join(target, 'tampered.tar.gz');
    fs.writeFileSync(tampered, zlib.gzipSync(tar));
    const beforeWithArchives = treeHashes(target);

    const errors: string[] = [];
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['restore-state', 'truncated.tar.gz', '--force'], target)).toBe(2);
      expect(await runCli(['restore-state', 'tampered.tar.gz', '--force'], target)).toBe(2);
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
    process.stdout.write(`restore-state errors:\n${errors.join('')}`);
    expect(errors[0]).toMatch(/truncated\.tar\.gz: the archive is truncated \(gzip: unexpected end of file\); nothing was restored/);
    expect(errors[1]).toMatch(/tampered\.tar\.gz: terraform\.tfstate has sha256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}: the archive was altered; nothing was restored/);
    expect(treeHashes(target)).toEqual(beforeWithArchives);
    expect(Object.keys(before).length).toBe(1);
  });
});

describe('the s3 backend against moto with real tofu', () => {
  let s3Project: TestProject | undefined;
  afterAll(() => s3Project?.remove());

  itBoth('GIVEN an S3-compatible backend with use_lockfile THEN tofu stores encrypted state there, honours the lock, and archive-state reads the object as stored', async () => {
    await moto!.createBucket('tfstate');
    s3Project = createTestProject({
      vaultState: {
        backend: { type: 's3', bucket: 'tfstate', key: 'sovereign/vault/terraform.tfstate', region: 'us-east-1', endpoint: moto!.endpoint, usePathStyle: true, skip: ['credentialsValidation', 'regionValidation', 'requestingAccountId', 'metadataApiCheck', 's3Checksum'], useLockfile: true },
        encryption: { keySource: 'variable' },
      },
    });
    const env = { ...S3_ENV, ...withPassphrase };
    s3Project.tofu('vault', ['init', '-input=false', '-no-color'], env);
    const started = Date.now();
    s3Project.tofu('vault', ['apply', '-auto-approve', '-input=false', '-no-color'], env);
    process.stdout.write(`tofu apply (vault, encrypted state in moto S3): ${Date.now() - started} ms\n`);

    const backend = new ObjectStore({ bucket: 'tfstate', region: 'us-east-1', endpoint: moto!.endpoint, forcePathStyle: true }, keys);
    try {
      expect(await backend.list('sovereign/')).toEqual(['sovereign/vault/terraform.tfstate']);
      const state = await backend.get('sovereign/vault/terraform.tfstate');
      expect(JSON.parse(state.toString())).toHaveProperty('encrypted_data');
      expect(state.includes(Buffer.from('random_password'))).toBe(false);

      // Someone else holds the lock: tofu must refuse to plan.
      await backend.put('sovereign/vault/terraform.tfstate.tflock', Buffer.from(JSON.stringify({ ID: 'held-by-test', Operation: 'OperationTypeApply', Who: 'test', Version: '1.10.10', Created: new Date().toISOString(), Path: 'tfstate/sovereign/vault/terraform.tfstate' })));
      const locked = s3Project.tofuResult('vault', ['plan', '-input=false', '-no-color', '-lock-timeout=0s'], env);
      expect(locked.code).not.toBe(0);
      expect(locked.output).toMatch(/Error acquiring the state lock/);
      await backend.delete('sovereign/vault/terraform.tfstate.tflock');
      expect(s3Project.tofuResult('vault', ['plan', '-input=false', '-no-color', '-detailed-exitcode'], env)).toMatchObject({ code: 0 });

      const result = await archiveState({ ...options(), projectDir: s3Project.dir, prefix: 's3-backend', tofu: tofuRunner(TOFU, cleanEnv(env)) });
      process.stdout.write(`archive-state (s3 backend) step timings ms: ${JSON.stringify(result.timings)}; archive ${result.size} bytes\n`);
      expect(result.bundle.manifest.backend).toEqual({ type: 's3', bucket: 'tfstate', key: 'sovereign/vault/terraform.tfstate', region: 'us-east-1', endpoint: moto!.endpoint });
      expect((result.bundle.files.get('terraform.tfstate') as Buffer).equals(state)).toBe(true);
    } finally {
      backend.destroy();
    }
  });
});
