/**
 * `sovereign handover <stack>`: read the state through OpenTofu (live, or from an archive made by
 * `archive-state`), build and validate the manifests, write them under `<output>/<stack>/` in one
 * step (a scratch folder renamed into place: on any error the previous output is untouched), then
 * mark the stack handed over.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AccessKeys, ARCHIVE_FILES, ObjectStore, ObjectStoreLocation, readStackFiles, readStateBundle } from '../archive';
import { HandoverError } from './errors';
import { buildHandover, Handover, validateHandover } from './manifests';
import { writeHandoverMarker } from './marker';
import { renderHandover } from './render';
import { readState, StackState, StateReader } from './state';

export interface HandoverRunOptions {
  readonly projectDir: string;
  /** The stack; with an archive, checked against the archive's stack. @default - the archive's stack */
  readonly stack?: string;
  /** Synth output directory, relative to projectDir. @default cdktf.out */
  readonly outdir?: string;
  /** Where `<stack>/` is written, relative to projectDir. @default handover */
  readonly output?: string;
  readonly scope: 'namespaced' | 'cluster';
  /** @default default */
  readonly namespace?: string;
  /** An archive's bytes instead of the live state. @default - the live state */
  readonly archive?: { readonly bytes: Buffer; readonly source: string };
  readonly reader: StateReader;
  /** For s3-backend stacks: access keys of the state bucket. */
  readonly keys?: AccessKeys;
  /** @default - the system clock (only the mark carries a time) */
  readonly now?: () => Date;
  /** Write the HANDED-OVER.json mark (never when nothing was adopted). @default true */
  readonly mark?: boolean;
}

export interface HandoverRunResult {
  readonly stack: string;
  readonly handover: Handover;
  readonly state: StackState;
  /** Absolute folder written. */
  readonly dir: string;
  /** Relative paths written, sorted. */
  readonly files: readonly string[];
  readonly markerFile?: string;
}

export async function runHandover(options: HandoverRunOptions): Promise<HandoverRunResult> {
  const { projectDir } = options;
  let stack: string;
  let input: { state: Buffer; config: Record<string, any>; source: string };
  if (options.archive) {
    const bundle = readStateBundle(options.archive.bytes, options.archive.source);
    stack = bundle.manifest.stack;
    if (options.stack && options.stack !== stack) throw new HandoverError(`${options.archive.source} holds stack "${stack}", not "${options.stack}"`);
    input = {
      state: bundle.files.get(ARCHIVE_FILES.state) as Buffer,
      config: JSON.parse((bundle.files.get(ARCHIVE_FILES.config) as Buffer).toString('utf8')),
      source: options.archive.source,
    };
  } else {
    if (!options.stack) throw new HandoverError('handover needs a stack name (or --archive FILE|s3://…)');
    stack = options.stack;
    const files = readStackFiles(projectDir, options.outdir ?? 'cdktf.out', stack);
    let state: Buffer;
    if (files.localStatePath) {
      if (!fs.existsSync(files.localStatePath)) throw new HandoverError(`stack "${stack}" has no state at ${path.relative(projectDir, files.localStatePath)}: nothing to hand over (was it applied?)`);
      state = fs.readFileSync(files.localStatePath);
    } else if (files.backend.type === 's3' && files.s3) {
      const location: ObjectStoreLocation = { bucket: files.backend.bucket, region: files.s3.region, ...(files.s3.endpoint ? { endpoint: files.s3.endpoint } : {}), forcePathStyle: files.s3.usePathStyle };
      if (!options.keys) throw new HandoverError(`stack "${stack}" keeps its state in s3://${files.backend.bucket}/${files.backend.key}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to read it`);
      const store = new ObjectStore(location, options.keys);
      try {
        state = await store.get(files.backend.key);
      } finally {
        store.destroy();
      }
    } else {
      throw new HandoverError(`stack "${stack}": unsupported backend`);
    }
    input = { state, config: JSON.parse(files.config.toString('utf8')), source: `the state of stack "${stack}"` };
  }

  const state = await readState(input, options.reader);
  const handover = buildHandover(state.resources, input.config, { stack, scope: options.scope, ...(options.namespace ? { namespace: options.namespace } : {}) });
  const problems = validateHandover(handover);
  if (problems.length) {
    throw new HandoverError(`${problems.length} generated manifest problem(s) against the providers' CRDs; nothing was written:\n${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`);
  }
  const rendered = renderHandover(handover);
  const dir = path.resolve(projectDir, options.output ?? 'handover', stack);
  writeTree(dir, rendered);
  // A stack with nothing adopted (the dns stack: PowerDNS only) stays OpenTofu's: no mark.
  const markerFile =
    options.mark === false || handover.adopted.length === 0
      ? undefined
      : writeHandoverMarker(projectDir, {
          stack,
          handedOverAt: (options.now ?? (() => new Date()))().toISOString(),
          output: path.relative(projectDir, dir),
          source: options.archive?.source ?? 'live',
          adopted: handover.adopted.length,
          skipped: handover.skipped.length,
        });
  return { stack, handover, state, dir, files: [...rendered.keys()], ...(markerFile ? { markerFile } : {}) };
}

/** Writes `files` into a sibling scratch folder, then swaps it in for `dir`. */
function writeTree(dir: string, files: ReadonlyMap<string, string>): void {
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(parent, `.${path.basename(dir)}.tmp-`));
  try {
    for (const [file, content] of files) {
      const target = path.join(scratch, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
    const old = fs.existsSync(dir) ? `${scratch}.old` : undefined;
    if (old) fs.renameSync(dir, old);
    fs.renameSync(scratch, dir);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
}
