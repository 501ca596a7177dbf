import { LocalBackend, S3Backend, TerraformBackend, TerraformStack } from 'cdktf';
import { S3SkipCheck, StateBackendSpec } from '../../lib/config/state-config';

/**
 * How a stack's working directory (`cdktf.out/stacks/<stack>`, where tofu runs) reaches the
 * project root. Local state paths are written relative to it, so `cdk.tf.json` never holds a path
 * of the build machine and state stays outside `cdktf.out`.
 */
export const STACK_DIR_TO_PROJECT_ROOT = '../../..';

/** The s3 backend argument each skip check sets. */
const SKIP_ARGUMENTS: Readonly<Record<S3SkipCheck, string>> = {
  credentialsValidation: 'skipCredentialsValidation',
  regionValidation: 'skipRegionValidation',
  requestingAccountId: 'skipRequestingAccountId',
  metadataApiCheck: 'skipMetadataApiCheck',
  s3Checksum: 'skipS3Checksum',
};

/**
 * Gives `stack` its backend: `local` with a path relative to the stack's working directory, or `s3`
 * with the S3-compatible settings, `use_lockfile` added by override (cdktf 0.21's S3Backend lacks
 * it). Credentials are never written: OpenTofu's s3 backend reads AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY. Cross-stack references get the same settings through cdktf's
 * `terraform_remote_state` data source.
 */
export function configureStateBackend(stack: TerraformStack, spec: StateBackendSpec): TerraformBackend {
  if (spec.type === 'local') {
    return new LocalBackend(stack, { path: `${STACK_DIR_TO_PROJECT_ROOT}/${spec.path}` });
  }
  const skips = Object.fromEntries(spec.skip.map((check) => [SKIP_ARGUMENTS[check], true]));
  const backend = new S3Backend(stack, {
    bucket: spec.bucket,
    key: spec.key,
    region: spec.region,
    ...(spec.endpoint !== undefined ? { endpoints: { s3: spec.endpoint } } : {}),
    ...(spec.usePathStyle ? { usePathStyle: true } : {}),
    ...skips,
  });
  backend.addOverride('use_lockfile', spec.useLockfile);
  return backend;
}
