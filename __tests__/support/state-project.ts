/**
 * Test bed for the state tests: moto's S3 server on loopback, a TCP proxy that breaks uploads or
 * corrupts downloads on purpose, and a throw-away project with two small stacks the offline
 * provider mirror can apply (random_password: no cloud needed).
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { App, TerraformOutput } from 'cdktf';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { StateSpec } from '../../lib/config/state-config';
import { Password } from '../../providers/random/password';
import { RandomProvider } from '../../providers/random/provider';
import { PROJECT_DIR, TOFU } from './tools';

export const MOTO_SERVER = path.join(PROJECT_DIR, '.tools', 'bin', 'moto_server');
/** A passphrase for tests only (16+ characters). */
export const PASSPHRASE = 'test-only passphrase, 2026';
/** moto accepts any key pair. */
export const S3_ENV = { AWS_ACCESS_KEY_ID: 'testing-access-key-id', AWS_SECRET_ACCESS_KEY: 'testing-secret-access-key', AWS_REGION: 'us-east-1' };

/** A running moto S3 server on 127.0.0.1. */
export interface Moto {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
  createBucket(name: string): Promise<void>;
}

/** Starts moto_server on 127.0.0.1 and a port the kernel picks; resolves once it answers. */
export async function startMoto(): Promise<Moto> {
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...S3_ENV } });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`moto_server did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto_server exited with ${code}:\n${output}`));
    });
  });
  // Keep draining its log so the pipe never fills up.
  child.stdout?.resume();
  child.stderr?.resume();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    stop: () => stopChild(child),
    createBucket: async (name) => {
      const client = new S3Client({ region: S3_ENV.AWS_REGION, endpoint, forcePathStyle: true, credentials: { accessKeyId: S3_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: S3_ENV.AWS_SECRET_ACCESS_KEY } });
      try {
        await client.send(new CreateBucketCommand({ Bucket: name }));
      } finally {
        client.destroy();
      }
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A TCP proxy in front of moto that misbehaves on purpose:
 * - `cut-upload`: closes the connection once a PUT request has sent `afterBodyBytes` body bytes
 *   (an upload interrupted half-way, every attempt);
 * - `corrupt-download`: flips one byte of the body of every GET response.
 */
export interface FaultyProxy {
  readonly endpoint: string;
  /** PUTs it cut, GETs it corrupted. */
  readonly faults: () => number;
  close(): Promise<void>;
}

export async function startFaultyProxy(targetPort: number, mode: 'cut-upload' | 'corrupt-download', afterBodyBytes = 200): Promise<FaultyProxy> {
  let faults = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    let request = Buffer.alloc(0);
    let isGet = false;
    client.on('data', (chunk: Buffer) => {
      if (mode === 'cut-upload') {
        request = Buffer.concat([request, chunk]);
        const text = request.toString('latin1');
        const headerEnd = text.indexOf('\r\n\r\n');
        if (text.startsWith('PUT ') && headerEnd >= 0 && request.length - headerEnd - 4 >= afterBodyBytes) {
          // Forward part of the body, then drop the connection mid-upload.
          upstream.write(request.subarray(0, headerEnd + 4 + Math.floor(afterBodyBytes / 2)));
          faults++;
          closeBoth();
          return;
        }
        if (!text.startsWith('PUT ') || headerEnd < 0) {
          upstream.write(chunk);
          if (headerEnd >= 0) request = Buffer.alloc(0);
        }
        return;
      }
      isGet = isGet || chunk.toString('latin1').startsWith('GET ');
      upstream.write(chunk);
    });
    let response = Buffer.alloc(0);
    let corrupted = false;
    upstream.on('data', (chunk: Buffer) => {
      if (mode !== 'corrupt-download' || !isGet || corrupted) {
        client.write(chunk);
        return;
      }
      response = Buffer.concat([response, chunk]);
      const headerEnd = response.indexOf('\r\n\r\n');
      if (headerEnd >= 0 && response.length > headerEnd + 4 + 20) {
        response[headerEnd + 4 + 20] ^= 0xff;
        corrupted = true;
        faults++;
        client.write(response);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults: () => faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A temporary project: `<dir>/cdktf.out/stacks/<stack>` and `<dir>/state/<stack>`. */
export interface TestProject {
  readonly dir: string;
  stackDir(stack: string): string;
  /** Runs scripts/tofu in the stack directory; throws with stdout+stderr on failure. */
  tofu(stack: string, args: readonly string[], env?: NodeJS.ProcessEnv): string;
  /** Like tofu() but returns the exit code and output instead of throwing. */
  tofuResult(stack: string, args: readonly string[], env?: NodeJS.ProcessEnv): { code: number; output: string };
  remove(): void;
}

/** Environment for tofu without any passphrase from the caller's environment. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.TF_VAR_state_passphrase;
  delete env.TF_ENCRYPTION;
  return { ...env, ...extra };
}

/**
 * Synthesizes, into a fresh temp project, the stack `vault` (a random_password; outputs its length
 * and, sensitive, its value) and, if asked, `reader`, which reads vault's length through a cdktf
 * cross-stack reference (terraform_remote_state of an encrypted state).
 */
export function createTestProject(options: { readonly vaultState?: StateSpec; readonly withReader?: boolean } = {}): TestProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-state-'));
  try {
    synthTestStacks(dir, options);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const stackDir = (stack: string) => path.join(dir, 'cdktf.out', 'stacks', stack);
  const tofuResult = (stack: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(TOFU, [...args], { cwd: stackDir(stack), env: cleanEnv(env), encoding: 'utf8' });
    return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
  };
  return {
    dir,
    stackDir,
    tofu: (stack, args, env = {}) => {
      const result = tofuResult(stack, args, env);
      if (result.code !== 0) throw new Error(`tofu ${args.join(' ')} failed in ${stackDir(stack)} (exit ${result.code}):\n${result.output}`);
      return result.output;
    },
    tofuResult,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function synthTestStacks(dir: string, options: { readonly vaultState?: StateSpec; readonly withReader?: boolean }): void {
  const app = new App({ outdir: path.join(dir, 'cdktf.out'), context: { excludeStackIdFromLogicalIds: 'true', allowSepCharsInLogicalIds: 'true' } });
  const vault = new OpenTofuStack(app, 'vault', { state: options.vaultState });
  new RandomProvider(vault, 'random', {});
  const password = new Password(vault, 'generated', { length: 40, special: false });
  new TerraformOutput(vault, 'password_length', { value: password.length }).overrideLogicalId('password_length');
  new TerraformOutput(vault, 'password', { value: password.result, sensitive: true }).overrideLogicalId('password');
  if (options.withReader) {
    const reader = new OpenTofuStack(app, 'reader');
    new TerraformOutput(reader, 'vault_password_length', { value: password.length }).overrideLogicalId('vault_password_length');
  }
  app.synth();
}

/** The sha256 (hex) of a file. */
export function fileSha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** sha256 of every regular file under `dir` by relative path, skipping `.terraform/` (provider links). */
export function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && entry.name !== '.terraform') walk(full);
      else if (entry.isFile()) hashes[path.relative(dir, full)] = fileSha256(full);
    }
  };
  walk(dir);
  return hashes;
}
