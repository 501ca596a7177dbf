import Ajv from 'ajv';
import { ConfigError } from '../../lib/config/errors';
import { inputStringProblems } from '../../lib/config/string-rules';
import { defaultStateSpec, parseStateConfig, RawStateConfig, S3_SKIP_CHECKS, STATE_JSON_SCHEMA } from '../../lib/config/state-config';

const FILE = 'environments/hetzner-fsn1/environment.json';

function parse(raw: RawStateConfig | undefined, stack = 'hetzner-fsn1') {
  const errors: ConfigError[] = [];
  const spec = parseStateConfig(FILE, '/state', raw, stack, errors);
  return { spec, errors: errors.map((e) => e.message) };
}

const HETZNER: RawStateConfig = { backend: { type: 's3', endpoint: 'https://fsn1.your-objectstorage.com', bucket: 'acme-sovereign-state', region: 'fsn1' } };

describe('parseStateConfig', () => {
  test('GIVEN no state section THEN a local file under state/<stack>/ and the passphrase variable', () => {
    expect(parse(undefined)).toEqual({ spec: defaultStateSpec('hetzner-fsn1'), errors: [] });
    expect(defaultStateSpec('dns')).toEqual({ backend: { type: 'local', path: 'state/dns/terraform.tfstate' }, encryption: { keySource: 'variable' } });
  });

  test('GIVEN an S3-compatible store THEN every AWS-only check is skipped, locking is on and the key is per stack', () => {
    expect(parse(HETZNER)).toEqual({
      spec: {
        backend: { type: 's3', bucket: 'acme-sovereign-state', key: 'hetzner-fsn1/terraform.tfstate', region: 'fsn1', endpoint: 'https://fsn1.your-objectstorage.com', usePathStyle: false, skip: S3_SKIP_CHECKS, useLockfile: true },
        encryption: { keySource: 'variable' },
      },
      errors: [],
    });
  });

  test('GIVEN AWS S3 (no endpoint) THEN no check is skipped; explicit settings win', () => {
    expect(parse({ backend: { type: 's3', bucket: 'acme-state', region: 'eu-central-1' } }).spec.backend).toMatchObject({ skip: [], usePathStyle: false, useLockfile: true });
    const explicit = parse({ backend: { ...HETZNER.backend, key: 'sov/fsn1.tfstate', skip: ['s3Checksum', 'regionValidation'], usePathStyle: true, useLockfile: false } as RawStateConfig['backend'] }, 'x');
    expect(explicit.spec.backend).toMatchObject({ key: 'sov/fsn1.tfstate', skip: ['regionValidation', 's3Checksum'], usePathStyle: true, useLockfile: false });
  });

  test('GIVEN keySource environment THEN it is carried through', () => {
    expect(parse({ encryption: { keySource: 'environment' } }).spec.encryption).toEqual({ keySource: 'environment' });
  });

  test.each([
    [{ backend: { type: 'local', path: '/var/lib/tofu/x.tfstate' } }, /#\/state\/backend\/path: "\/var\/lib\/tofu\/x.tfstate" must be a path inside the project \(allowed: a relative path without ".."/],
    [{ backend: { type: 'local', path: '../elsewhere/x.tfstate' } }, /must be a path inside the project/],
    [{ backend: { ...HETZNER.backend, endpoint: 'http://objects.example.com' } }, /#\/state\/backend\/endpoint: "http:\/\/objects.example.com" sends state and credentials unencrypted \(allowed: an https:\/\/ URL/],
    [{ backend: { ...HETZNER.backend, endpoint: 'https://user:pw@objects.example.com' } }, /the URL carries credentials/],
    [{ backend: { ...HETZNER.backend, key: 'a//b.tfstate' } }, /#\/state\/backend\/key: "a\/\/b.tfstate" has an empty, "." or ".." segment/],
  ] as Array<[RawStateConfig, RegExp]>)('GIVEN %j THEN the error names file, pointer and what is allowed', (raw, message) => {
    const { errors } = parse(raw);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(errors[0].startsWith(`${FILE}#/state/backend/`)).toBe(true);
  });

  test('GIVEN a loopback http endpoint (tests, local MinIO) THEN it is allowed', () => {
    expect(parse({ backend: { ...HETZNER.backend, endpoint: 'http://127.0.0.1:9000/' } as RawStateConfig['backend'] })).toMatchObject({ errors: [], spec: { backend: { endpoint: 'http://127.0.0.1:9000' } } });
  });
});

describe('STATE_JSON_SCHEMA', () => {
  const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(STATE_JSON_SCHEMA);

  test.each([
    ['nothing', {}],
    ['local default', { backend: { type: 'local' } }],
    ['local path', { backend: { type: 'local', path: 'state/x/terraform.tfstate' } }],
    ['Hetzner', HETZNER],
    ['AWS', { backend: { type: 's3', bucket: 'acme-state', key: 'sovereign/hetzner-fsn1/terraform.tfstate', region: 'eu-central-1', useLockfile: true } }],
    ['skips', { backend: { ...HETZNER.backend, skip: ['credentialsValidation', 's3Checksum'], usePathStyle: true } }],
    ['env key', { encryption: { keySource: 'environment' } }],
  ])('accepts %s', (_name, document) => {
    expect(validate(document) ? [] : validate.errors).toEqual([]);
    expect(inputStringProblems(FILE, { state: document })).toEqual([]); // no key looks like a credential
  });

  test.each([
    ['an unknown backend', { backend: { type: 'gcs' } }],
    ['s3 without bucket', { backend: { type: 's3', region: 'fsn1' } }],
    ['s3 keys on a local backend', { backend: { type: 'local', bucket: 'x' } }],
    ['an unknown s3 setting', { backend: { ...HETZNER.backend, accessKey: 'AKIA…' } }],
    ['an unknown skip', { backend: { ...HETZNER.backend, skip: ['everything'] } }],
    ['encryption off', { encryption: { enabled: false } }],
    ['a bucket with capitals', { backend: { ...HETZNER.backend, bucket: 'Acme' } }],
    ['a local path not ending in .tfstate', { backend: { type: 'local', path: 'state/x' } }],
  ])('refuses %s', (_name, document) => {
    expect(validate(document)).toBe(false);
  });
});
