/**
 * The `state` section of an input file: where OpenTofu keeps a stack's state and where the
 * encryption key comes from. Parsed here into the typed {@link StateSpec} that OpenTofuStack
 * (constructs/stacks) and constructs/state turn into `terraform.backend` and `terraform.encryption`.
 *
 * Credentials never appear here: the S3 backend and `sovereign archive-state` read
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, the encryption passphrase comes from the sensitive
 * variable `state_passphrase` (TF_VAR_state_passphrase) or from TF_ENCRYPTION. docs/STATE.md.
 */
import { ConfigError } from './errors';

/** Checks of the AWS S3 API that S3-compatible stores (Hetzner Object Storage, MinIO…) cannot pass. */
export type S3SkipCheck = 'credentialsValidation' | 'regionValidation' | 'requestingAccountId' | 'metadataApiCheck' | 's3Checksum';

/** Every {@link S3SkipCheck}, in the order the backend block lists them. */
export const S3_SKIP_CHECKS: readonly S3SkipCheck[] = ['credentialsValidation', 'regionValidation', 'requestingAccountId', 'metadataApiCheck', 's3Checksum'];

/** State in a file on the machine that runs OpenTofu (OpenTofu's `local` backend). */
export interface LocalStateBackendSpec {
  readonly type: 'local';
  /** The state file, relative to the project root (never absolute). Default `state/<stack>/terraform.tfstate`. */
  readonly path: string;
}

/** State in an S3 bucket: AWS S3 or any S3-compatible store (OpenTofu's `s3` backend). */
export interface S3StateBackendSpec {
  readonly type: 's3';
  /** Bucket name. */
  readonly bucket: string;
  /** Object key of the state. Default `<stack>/terraform.tfstate`. */
  readonly key: string;
  /** Region name the store expects (an AWS region, or the store's location, e.g. `fsn1`). */
  readonly region: string;
  /** S3 API URL of an S3-compatible store; undefined means AWS S3. */
  readonly endpoint?: string;
  /** Path-style URLs (`https://host/bucket/key`) instead of virtual-hosted ones. Default false. */
  readonly usePathStyle: boolean;
  /** AWS-only checks to skip. Default: all of them with an `endpoint`, none on AWS. */
  readonly skip: readonly S3SkipCheck[];
  /** OpenTofu's native S3 locking (a `<key>.tflock` object; OpenTofu 1.10+). Default true. */
  readonly useLockfile: boolean;
}

export type StateBackendSpec = LocalStateBackendSpec | S3StateBackendSpec;

/**
 * Where the pbkdf2 passphrase comes from.
 * - `variable`: the sensitive variable `state_passphrase` (TF_VAR_state_passphrase, `-var`, or the
 *   interactive prompt); TF_ENCRYPTION may still add to or override the configuration.
 * - `environment`: the configuration names the method but declares no key provider; TF_ENCRYPTION
 *   must supply `key_provider "pbkdf2" "main" { passphrase = "…" }` (or any key provider under
 *   that name, e.g. a KMS one).
 */
export type EncryptionKeySource = 'variable' | 'environment';

export interface StateEncryptionSpec {
  /** Default `variable`. */
  readonly keySource: EncryptionKeySource;
}

/** A stack's state settings, defaults filled in. Encryption cannot be switched off. */
export interface StateSpec {
  readonly backend: StateBackendSpec;
  readonly encryption: StateEncryptionSpec;
}

/** The state section as written in an input file (schema-valid). */
export interface RawStateConfig {
  backend?: RawStateBackend;
  encryption?: { keySource?: EncryptionKeySource };
}

export type RawStateBackend =
  | { type: 'local'; path?: string }
  | { type: 's3'; bucket: string; key?: string; region: string; endpoint?: string; usePathStyle?: boolean; skip?: S3SkipCheck[]; useLockfile?: boolean };

/** Default local state file of a stack, relative to the project root. */
export function defaultLocalStatePath(stack: string): string {
  return `state/${stack}/terraform.tfstate`;
}

/** Default object key of a stack's state in an S3 bucket. */
export function defaultStateKey(stack: string): string {
  return `${stack}/terraform.tfstate`;
}

/** What a stack gets without a `state` section: a local file and a passphrase variable. */
export function defaultStateSpec(stack: string): StateSpec {
  return { backend: { type: 'local', path: defaultLocalStatePath(stack) }, encryption: { keySource: 'variable' } };
}

/**
 * The JSON Schema of the `state` section (draft-07, compiles under the loader's ajv strict options).
 * The same object belongs under `properties.state` of environment.schema.json (and of
 * sovereign.schema.json for the dns stack); keep the copies equal with a test.
 */
export const STATE_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description:
    "Where OpenTofu keeps this stack's state and where its encryption key comes from (docs/STATE.md). Default: the local file state/<stack>/terraform.tfstate, encrypted (pbkdf2 + AES-GCM) with the passphrase in variable state_passphrase. Credentials never go here: the S3 backend reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
  properties: {
    backend: {
      type: 'object',
      description: 'local (default) or s3 (AWS S3 or an S3-compatible store such as Hetzner Object Storage).',
      required: ['type'],
      properties: {
        type: { enum: ['local', 's3'], description: 'Backend kind.' },
      },
      if: { properties: { type: { const: 's3' } } },
      then: {
        additionalProperties: false,
        required: ['type', 'bucket', 'region'],
        properties: {
          type: { const: 's3' },
          bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$', description: 'Bucket name (S3 naming rules).' },
          key: { type: 'string', minLength: 1, maxLength: 1024, pattern: '^[^/].*[^/]$', description: 'Object key of the state. Default: <stack>/terraform.tfstate.' },
          region: { type: 'string', pattern: '^[a-z0-9-]+$', description: "An AWS region, or the store's location name (e.g. fsn1 on Hetzner)." },
          endpoint: { type: 'string', pattern: '^https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(/([A-Za-z0-9._~!$&()*+,;=:/-]|%[0-9A-Fa-f]{2})*)?$', description: 'S3 API URL of an S3-compatible store, e.g. https://fsn1.your-objectstorage.com: ASCII only (RFC 3986), no user info, query or fragment. Absent: AWS S3. http:// only for loopback addresses.' },
          usePathStyle: { type: 'boolean', default: false, description: 'Path-style URLs (https://host/bucket/key). Default: false.' },
          skip: {
            type: 'array',
            uniqueItems: true,
            items: { enum: ['credentialsValidation', 'regionValidation', 'requestingAccountId', 'metadataApiCheck', 's3Checksum'] },
            description: 'AWS-only checks to skip (skip_credentials_validation, skip_region_validation, skip_requesting_account_id, skip_metadata_api_check, skip_s3_checksum). Default: all of them with an endpoint, none on AWS.',
          },
          useLockfile: { type: 'boolean', default: true, description: 'Native S3 state locking (use_lockfile, OpenTofu 1.10+). Default: true.' },
        },
      },
      else: {
        additionalProperties: false,
        properties: {
          type: { const: 'local' },
          path: { type: 'string', minLength: 1, pattern: '\\.tfstate$', description: 'State file relative to the project root. Default: state/<stack>/terraform.tfstate.' },
        },
      },
    },
    encryption: {
      type: 'object',
      additionalProperties: false,
      description: 'State and plan encryption is always on (pbkdf2 + AES-GCM, enforced). This only chooses where the key comes from.',
      properties: {
        keySource: {
          enum: ['variable', 'environment'],
          default: 'variable',
          description: 'variable: the sensitive variable state_passphrase (TF_VAR_state_passphrase, 16+ characters). environment: TF_ENCRYPTION supplies key_provider "pbkdf2" "main". Default: variable.',
        },
      },
    },
  },
} as const;

/**
 * The typed state settings of `stack` from its schema-valid `state` section (`raw`, undefined when
 * absent), after the checks a schema cannot express. Problems are appended to `errors` (file, JSON
 * pointer `at` + …, what is allowed); the result is then meaningless.
 */
export function parseStateConfig(file: string, at: string, raw: RawStateConfig | undefined, stack: string, errors: ConfigError[]): StateSpec {
  const encryption: StateEncryptionSpec = { keySource: raw?.encryption?.keySource ?? 'variable' };
  const backend = raw?.backend;
  if (!backend || backend.type === 'local') {
    const statePath = backend?.path ?? defaultLocalStatePath(stack);
    if (statePath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(statePath) || statePath.split(/[\\/]/).includes('..')) {
      errors.push(new ConfigError(file, `${at}/backend/path`, `"${statePath}" must be a path inside the project`, 'a relative path without "..", e.g. state/<stack>/terraform.tfstate'));
    }
    return { backend: { type: 'local', path: statePath.replace(/\\/g, '/') }, encryption };
  }

  const endpoint = backend.endpoint?.replace(/\/+$/, '');
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      errors.push(new ConfigError(file, `${at}/backend/endpoint`, `"${backend.endpoint}" is not a URL`, 'e.g. https://fsn1.your-objectstorage.com'));
    }
    if (url && url.protocol === 'http:' && !isLoopback(url.hostname)) {
      errors.push(new ConfigError(file, `${at}/backend/endpoint`, `"${backend.endpoint}" sends state and credentials unencrypted`, 'an https:// URL (http:// only for 127.0.0.1, ::1 or localhost)'));
    }
    if (url && (url.username || url.password)) {
      errors.push(new ConfigError(file, `${at}/backend/endpoint`, 'the URL carries credentials', 'a URL without user:password@; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY'));
    }
  }
  const key = backend.key ?? defaultStateKey(stack);
  if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    errors.push(new ConfigError(file, `${at}/backend/key`, `"${key}" has an empty, "." or ".." segment`, 'segments separated by single slashes, e.g. sovereign/<stack>/terraform.tfstate'));
  }
  return {
    backend: {
      type: 's3',
      bucket: backend.bucket,
      key,
      region: backend.region,
      ...(endpoint !== undefined ? { endpoint } : {}),
      usePathStyle: backend.usePathStyle ?? false,
      skip: backend.skip ? S3_SKIP_CHECKS.filter((c) => backend.skip?.includes(c)) : endpoint !== undefined ? S3_SKIP_CHECKS : [],
      useLockfile: backend.useLockfile ?? true,
    },
    encryption,
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
