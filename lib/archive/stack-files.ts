/** Finding a synthesized stack's files: its configuration, lock file and where its state lives. */
import * as fs from 'fs';
import * as path from 'path';
import { ArchivedBackend } from './bundle';
import { ArchiveError } from './errors';
import { assertStackName } from './marker';

/** cdk.tf.json. */
export const CONFIG_FILE = 'cdk.tf.json';
/** OpenTofu's provider lock file. */
export const LOCK_FILE = '.terraform.lock.hcl';

/** A stack's synthesized working directory and what its configuration says about state. */
export interface StackFiles {
  readonly stack: string;
  /** `<projectDir>/<outdir>/stacks/<stack>`. */
  readonly dir: string;
  readonly config: Buffer;
  readonly lockFile?: Buffer;
  readonly backend: ArchivedBackend;
  /** For a local backend: the state file, absolute. */
  readonly localStatePath?: string;
  /** For an s3 backend: what the client needs besides the bucket and key. */
  readonly s3?: { readonly region: string; readonly endpoint?: string; readonly usePathStyle: boolean };
}

/** `<projectDir>/<outdir>/stacks/<stack>`. */
export function stackDir(projectDir: string, outdir: string, stack: string): string {
  assertStackName(stack);
  return path.resolve(projectDir, outdir, 'stacks', stack);
}

/** Reads the stack's cdk.tf.json (and lock file); throws ArchiveError when it was never synthesized. */
export function readStackFiles(projectDir: string, outdir: string, stack: string): StackFiles {
  const dir = stackDir(projectDir, outdir, stack);
  const configFile = path.join(dir, CONFIG_FILE);
  if (!fs.existsSync(configFile)) {
    throw new ArchiveError(`stack "${stack}" has no ${path.relative(projectDir, configFile)}: run \`sovereign synth\` (and tofu apply) first`);
  }
  const config = fs.readFileSync(configFile);
  const lockPath = path.join(dir, LOCK_FILE);
  const lockFile = fs.existsSync(lockPath) ? fs.readFileSync(lockPath) : undefined;
  const backends = (JSON.parse(config.toString('utf8')) as { terraform?: { backend?: Record<string, Record<string, unknown>> } }).terraform?.backend ?? {};
  const [type, settings] = Object.entries(backends)[0] ?? [];
  if (type === 'local' && typeof settings?.path === 'string') {
    return { stack, dir, config, lockFile, backend: { type: 'local', path: settings.path }, localStatePath: path.resolve(dir, settings.path) };
  }
  if (type === 's3' && typeof settings?.bucket === 'string' && typeof settings.key === 'string') {
    const endpoint = (settings.endpoints as { s3?: string } | undefined)?.s3 ?? (settings.endpoint as string | undefined);
    const region = typeof settings.region === 'string' ? settings.region : 'us-east-1';
    return {
      stack,
      dir,
      config,
      lockFile,
      backend: { type: 's3', bucket: settings.bucket, key: settings.key, region, ...(endpoint ? { endpoint } : {}) },
      s3: { region, ...(endpoint ? { endpoint } : {}), usePathStyle: settings.use_path_style === true || settings.force_path_style === true },
    };
  }
  throw new ArchiveError(`stack "${stack}": backend ${type ?? '(none)'} in ${CONFIG_FILE} is not supported for archiving (local with a path, or s3)`);
}
