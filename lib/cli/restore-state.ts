/** `sovereign restore-state <archive.tar.gz | s3://bucket/key> [--stack NAME]`. */
import * as path from 'path';
import { accessKeysFromEnv, ArchiveError, ObjectStore, parseObjectUrl, readArchiveFile, restoreState } from '../archive';
import { parseArgs } from './args';
import { STORE_VALUE_OPTIONS, storeLocation } from './archive-state';
import { info, success } from './output';

export async function restoreStateCommand(args: readonly string[], projectDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['--stack', '--output', ...STORE_VALUE_OPTIONS], ['--path-style', '--force']);
  if (parsed.positional.length !== 1) throw new ArchiveError('restore-state takes exactly one archive: a .tar.gz file or s3://bucket/key');
  const source = parsed.positional[0];
  const archive = await readArchive(source, parsed, projectDir, env);
  info(`read ${source} (${archive.length} bytes)`);
  const result = restoreState({
    projectDir,
    archive,
    source,
    stack: parsed.values['--stack'],
    outdir: parsed.values['--output'] ?? env.CDKTF_OUTDIR ?? 'cdktf.out',
    force: parsed.flags.has('--force'),
    onProgress: info,
  });
  for (const file of result.files.filter((f) => f.status === 'unchanged')) info(`unchanged ${file.path}`);
  if (result.manifest.backend.type === 's3') {
    info(`the stack's backend is ${`s3://${result.manifest.backend.bucket}/${result.manifest.backend.key}`}: the state was restored locally (${result.files[0].path}); upload those bytes there before running tofu`);
  }
  if (result.marker) info(`note: ${result.stack} is still marked archived (${result.marker.url}); plan/apply refuse it without --force`);
  success(`restored ${result.stack} from ${source}`);
  return 0;
}

async function readArchive(source: string, parsed: ReturnType<typeof parseArgs>, projectDir: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const object = parseObjectUrl(source);
  if (!object) {
    return readArchiveFile(path.resolve(projectDir, source), source);
  }
  const store = new ObjectStore(storeLocation(parsed, env, object.bucket), accessKeysFromEnv(env));
  try {
    return await store.get(object.key);
  } finally {
    store.destroy();
  }
}
