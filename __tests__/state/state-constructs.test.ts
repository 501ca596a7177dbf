import { App, TerraformOutput } from 'cdktf';
import { configureStateBackend, ENCRYPTION_METHOD, stateEncryptionBlock, STATE_PASSPHRASE_VARIABLE } from '../../constructs/state';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { S3_SKIP_CHECKS, StateSpec } from '../../lib/config/state-config';
import { Password } from '../../providers/random/password';
import { RandomProvider } from '../../providers/random/provider';

function synth(state?: StateSpec) {
  const stack = new OpenTofuStack(new App({ outdir: '/tmp/unused' }), 'demo', state ? { state } : {});
  new TerraformOutput(stack, 'x', { value: 1 });
  return stack.toTerraform();
}

const ENCRYPTION = {
  key_provider: { pbkdf2: { main: { passphrase: '${var.state_passphrase}' } } },
  method: { aes_gcm: { main: { keys: '${key_provider.pbkdf2.main}' } } },
  state: { method: 'method.aes_gcm.main', enforced: true },
  plan: { method: 'method.aes_gcm.main', enforced: true },
  remote_state_data_sources: { default: { method: 'method.aes_gcm.main' } },
};

describe('state encryption', () => {
  test('GIVEN the default THEN state and plans are encrypted and enforced, keyed by the sensitive variable state_passphrase', () => {
    const tf = synth();
    expect(tf.terraform.encryption).toEqual(ENCRYPTION);
    expect(tf.variable[STATE_PASSPHRASE_VARIABLE]).toEqual({ type: 'string', sensitive: true, nullable: false, description: expect.stringMatching(/16\+ characters.*TF_VAR_state_passphrase/) });
    expect(tf.variable[STATE_PASSPHRASE_VARIABLE]).not.toHaveProperty('default');
  });

  test('GIVEN keySource environment THEN no key provider and no variable: TF_ENCRYPTION must supply key_provider.pbkdf2.main', () => {
    const tf = synth({ backend: { type: 'local', path: 'state/demo/terraform.tfstate' }, encryption: { keySource: 'environment' } });
    const { key_provider: _omitted, ...rest } = ENCRYPTION;
    expect(tf.terraform.encryption).toEqual(rest);
    expect(tf.variable?.[STATE_PASSPHRASE_VARIABLE]).toBeUndefined();
  });

  test('method references are bare traversals, keys an expression (OpenTofu JSON syntax)', () => {
    const block = stateEncryptionBlock({ keySource: 'variable' }) as typeof ENCRYPTION;
    expect(block.state.method).toBe(ENCRYPTION_METHOD);
    expect(block.state.method).not.toMatch(/\$\{/);
    expect(block.method.aes_gcm.main.keys).toBe('${key_provider.pbkdf2.main}');
  });
});

describe('state backend', () => {
  test('GIVEN a local path relative to the project THEN it is written relative to the stack directory', () => {
    expect(synth({ backend: { type: 'local', path: 'state/custom/demo.tfstate' }, encryption: { keySource: 'variable' } }).terraform.backend).toEqual({ local: { path: '../../../state/custom/demo.tfstate' } });
  });

  test('GIVEN Hetzner Object Storage THEN endpoints.s3, every skip flag and use_lockfile, and no credentials', () => {
    const tf = synth({
      backend: { type: 's3', bucket: 'acme-state', key: 'demo/terraform.tfstate', region: 'fsn1', endpoint: 'https://fsn1.your-objectstorage.com', usePathStyle: false, skip: S3_SKIP_CHECKS, useLockfile: true },
      encryption: { keySource: 'variable' },
    });
    expect(tf.terraform.backend).toEqual({
      s3: {
        bucket: 'acme-state',
        key: 'demo/terraform.tfstate',
        region: 'fsn1',
        endpoints: { s3: 'https://fsn1.your-objectstorage.com' },
        skip_credentials_validation: true,
        skip_region_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_s3_checksum: true,
        use_lockfile: true,
      },
    });
    expect(JSON.stringify(tf)).not.toMatch(/access_key|secret_key|AWS_/);
  });

  test('GIVEN AWS S3 THEN only bucket, key, region and use_lockfile', () => {
    const tf = synth({ backend: { type: 's3', bucket: 'acme-state', key: 'demo/terraform.tfstate', region: 'eu-central-1', usePathStyle: false, skip: [], useLockfile: true }, encryption: { keySource: 'variable' } });
    expect(tf.terraform.backend).toEqual({ s3: { bucket: 'acme-state', key: 'demo/terraform.tfstate', region: 'eu-central-1', use_lockfile: true } });
  });

  test('GIVEN path style and a cross-stack reader THEN the remote state data source carries the same settings', () => {
    const app = new App({ outdir: '/tmp/unused' });
    const state: StateSpec = { backend: { type: 's3', bucket: 'b1', key: 'a/terraform.tfstate', region: 'fsn1', endpoint: 'https://fsn1.your-objectstorage.com', usePathStyle: true, skip: ['s3Checksum'], useLockfile: true }, encryption: { keySource: 'variable' } };
    const producer = new OpenTofuStack(app, 'producer', { state });
    new RandomProvider(producer, 'random', {});
    const password = new Password(producer, 'p', { length: 20 });
    const reader = new OpenTofuStack(app, 'reader');
    new TerraformOutput(reader, 'copy', { value: password.length });
    app.synth();
    const remote = Object.values(reader.toTerraform().data.terraform_remote_state)[0];
    expect(remote).toMatchObject({ backend: 's3', config: { bucket: 'b1', key: 'a/terraform.tfstate', region: 'fsn1', endpoints: { s3: 'https://fsn1.your-objectstorage.com' }, use_path_style: true, skip_s3_checksum: true } });
    expect(reader.toTerraform().terraform.encryption.remote_state_data_sources).toEqual({ default: { method: 'method.aes_gcm.main' } });
  });

  test('a second backend on one stack is refused', () => {
    const stack = new OpenTofuStack(new App({ outdir: '/tmp/unused' }), 'other', { state: { backend: { type: 'local', path: 'state/other/terraform.tfstate' }, encryption: { keySource: 'variable' } } });
    expect(() => configureStateBackend(stack, { type: 'local', path: 'x.tfstate' })).toThrow();
  });
});
