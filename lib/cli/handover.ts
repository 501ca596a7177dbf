/**
 * `sovereign handover <stack> [--archive FILE|s3://bucket/key] [--output DIR] [--namespace NS |
 * --scope cluster] [--tofu PATH] [--var-file F] [--json]`: Crossplane manifests that adopt what
 * OpenTofu built (docs/HANDOVER.md).
 */
import * as fs from 'fs';
import * as path from 'path';
import { accessKeysFromEnv, ObjectStore, parseObjectUrl } from '../archive';
import { HandoverError, runHandover } from '../handover';
import { parseArgs, ParsedArgs, tofuBinary, UsageError } from './args';
import { STORE_VALUE_OPTIONS, storeLocation } from './archive-state';
import { TFVARS_FILE } from './init';
import { info, success } from './output';

export async function handoverCommand(args: readonly string[], projectDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, ['--archive', '--output', '--namespace', '--scope', '--tofu', '--var-file', ...STORE_VALUE_OPTIONS], ['--json', '--path-style', '--no-mark']);
  const json = parsed.flags.has('--json');
  if (parsed.positional.length > 1) throw new UsageError(`handover takes one stack name, got ${parsed.positional.join(' ')}`);
  const stack = parsed.positional[0];
  if (!stack && !parsed.values['--archive']) throw new UsageError('handover needs a stack name, e.g. sovereign handover hetzner-fsn1 (or --archive FILE|s3://bucket/key)');
  const scopeFlag = parsed.values['--scope'] ?? 'namespaced';
  if (scopeFlag !== 'namespaced' && scopeFlag !== 'cluster') throw new UsageError(`--scope "${scopeFlag}" is not a scope (allowed: namespaced, cluster)`);
  if (scopeFlag === 'cluster' && parsed.values['--namespace']) throw new UsageError('--namespace applies to namespaced kinds only; drop it with --scope cluster');
  const namespace = parsed.values['--namespace'];
  if (namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) throw new UsageError(`--namespace "${namespace}" is not a Kubernetes namespace name (allowed: lowercase letters, digits and inner dashes, at most 63)`);

  const defaultVarFile = path.join(projectDir, TFVARS_FILE);
  const varFile = parsed.values['--var-file'] ? path.resolve(projectDir, parsed.values['--var-file']) : (!env.TF_VAR_state_passphrase && fs.existsSync(defaultVarFile) ? defaultVarFile : undefined);
  const archive = parsed.values['--archive'] ? await readArchive(parsed.values['--archive'], parsed, projectDir, env) : undefined;
  const hasKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const result = await runHandover({
    projectDir,
    ...(stack ? { stack } : {}),
    outdir: env.CDKTF_OUTDIR ?? 'cdktf.out',
    output: parsed.values['--output'] ?? 'handover',
    scope: scopeFlag,
    ...(namespace ? { namespace } : {}),
    ...(archive ? { archive } : {}),
    reader: { binary: tofuBinary(parsed, env), env, ...(varFile ? { varFile } : {}) },
    ...(hasKeys ? { keys: accessKeysFromEnv(env) } : {}),
    mark: !parsed.flags.has('--no-mark'),
  });
  const shown = path.relative(projectDir, result.dir) || '.';
  const h = result.handover;
  if (json) {
    info(
      JSON.stringify(
        {
          stack: result.stack,
          output: shown,
          readWith: result.state.via,
          scope: h.scope,
          namespace: h.namespace ?? null,
          adopted: h.adopted.map((a) => ({ address: a.address, apiVersion: a.target.apiVersion, kind: a.target.kind, name: a.name, externalName: a.externalName, phase2Policies: a.phase2Policies })),
          skipped: h.skipped,
          secrets: h.secrets.map((s) => s.name),
          files: result.files,
          marker: result.markerFile ? path.relative(projectDir, result.markerFile) : null,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  info(`read the state of ${result.stack} with ${result.state.via}${result.state.showProblem ? ` (tofu show -json: ${result.state.showProblem})` : ''}`);
  for (const file of result.files) success(`${shown}/${file}`);
  info(`${h.adopted.length} managed resource(s) in phase-1 (Observe) and phase-2 (full management), validated against the providers' CRDs; ${h.skipped.length} resource(s) not adoptable (see README.md)`);
  if (result.markerFile) info(`marked ${result.stack} handed over (${path.relative(projectDir, result.markerFile)}): sovereign plan refuses it without --force`);
  return 0;
}

async function readArchive(source: string, parsed: ParsedArgs, projectDir: string, env: NodeJS.ProcessEnv): Promise<{ bytes: Buffer; source: string }> {
  const object = parseObjectUrl(source);
  if (!object) {
    const file = path.resolve(projectDir, source);
    if (!fs.existsSync(file)) throw new HandoverError(`${source}: no such file`);
    return { bytes: fs.readFileSync(file), source };
  }
  const store = new ObjectStore(storeLocation(parsed, env, object.bucket), accessKeysFromEnv(env));
  try {
    return { bytes: await store.get(object.key), source };
  } finally {
    store.destroy();
  }
}
