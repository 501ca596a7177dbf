/**
 * `sovereign archive-state <stack>` and the archive-bucket settings it shares with `restore-state`.
 * Settings come from flags, else SOVEREIGN_ARCHIVE_* environment variables; credentials only from
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
 */
import { accessKeysFromEnv, archiveState, ArchiveError, ObjectStoreLocation, tofuRunner } from '../archive';
import { parseArgs, ParsedArgs, tofuBinary } from './args';
import { info, success } from './output';

/** The archive bucket from flags, else SOVEREIGN_ARCHIVE_* (bucket optional for restore from s3:// URLs). */
export function storeLocation(args: ParsedArgs, env: NodeJS.ProcessEnv, bucket: string | undefined): ObjectStoreLocation {
  if (!bucket) throw new ArchiveError('no archive bucket: pass --bucket NAME or set SOVEREIGN_ARCHIVE_BUCKET');
  const endpoint = args.values['--endpoint'] ?? env.SOVEREIGN_ARCHIVE_ENDPOINT;
  return {
    bucket,
    region: args.values['--region'] ?? env.SOVEREIGN_ARCHIVE_REGION ?? env.AWS_REGION ?? 'us-east-1',
    ...(endpoint ? { endpoint: endpoint.replace(/\/+$/, '') } : {}),
    forcePathStyle: args.flags.has('--path-style') || env.SOVEREIGN_ARCHIVE_PATH_STYLE === 'true',
  };
}

export const STORE_VALUE_OPTIONS = ['--endpoint', '--region'] as const;

export async function archiveStateCommand(args: readonly string[], projectDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['--bucket', '--prefix', ...STORE_VALUE_OPTIONS, '--output', '--save', '--tofu'], ['--path-style', '--force']);
  if (parsed.positional.length !== 1) throw new ArchiveError('archive-state takes exactly one stack name, e.g. sovereign archive-state hetzner-fsn1');
  const stack = parsed.positional[0];
  const store = storeLocation(parsed, env, parsed.values['--bucket'] ?? env.SOVEREIGN_ARCHIVE_BUCKET);
  const result = await archiveState({
    projectDir,
    stack,
    outdir: parsed.values['--output'] ?? env.CDKTF_OUTDIR ?? 'cdktf.out',
    store,
    prefix: parsed.values['--prefix'] ?? env.SOVEREIGN_ARCHIVE_PREFIX,
    keys: accessKeysFromEnv(env),
    tofu: tofuRunner(tofuBinary(parsed, env), env),
    force: parsed.flags.has('--force'),
    localCopy: parsed.values['--save'],
    // CI builds from an export without .git can still name the commit.
    ...(env.SOVEREIGN_GIT_COMMIT ? { gitCommit: env.SOVEREIGN_GIT_COMMIT } : {}),
    onProgress: (_step, index, total, message) => info(`[${index}/${total}] ${message}`),
  });
  success(`${stack} archived to ${result.url} (${result.size} bytes, sha256 ${result.sha256})`);
  return 0;
}
