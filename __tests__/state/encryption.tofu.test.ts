import * as fs from 'fs';
import * as path from 'path';
import { itWithTool } from '../support/tools';
import { createTestProject, PASSPHRASE, TestProject } from '../support/state-project';

/**
 * The proof that state and plan encryption works, with the real OpenTofu binary and the random
 * provider from the offline mirror: after an apply the state on disk holds no plaintext resource
 * data; without the passphrase plan fails with a clear error; with it plan shows no changes; plan
 * files are encrypted; another stack reads the encrypted state through terraform_remote_state.
 */
const itTofu = itWithTool('tofu');
const withPassphrase = { TF_VAR_state_passphrase: PASSPHRASE };

describe('GIVEN stacks with the default state settings (local file, passphrase variable)', () => {
  let project: TestProject;
  let statePath: string;
  beforeAll(() => {
    project = createTestProject({ withReader: true });
    statePath = path.join(project.dir, 'state', 'vault', 'terraform.tfstate');
  });
  afterAll(() => project?.remove());

  itTofu('WHEN applied with the passphrase THEN the state file holds no plaintext resource data', () => {
    project.tofu('vault', ['init', '-input=false', '-no-color'], withPassphrase);
    const started = Date.now();
    project.tofu('vault', ['apply', '-auto-approve', '-input=false', '-no-color'], withPassphrase);
    process.stdout.write(`tofu apply (vault, encrypted local state): ${Date.now() - started} ms\n`);

    const password = project.tofu('vault', ['output', '-raw', 'password'], withPassphrase);
    expect(password).toMatch(/^[A-Za-z0-9]{40}$/);
    const text = fs.readFileSync(statePath, 'utf8');
    const state = JSON.parse(text);
    expect(Object.keys(state).sort()).toEqual(['encrypted_data', 'encryption_version', 'lineage', 'meta', 'serial']);
    expect(Object.keys(state.meta)).toEqual(['key_provider.pbkdf2.main']);
    for (const plaintext of [password, 'random_password', 'resources', 'password_length', '"result"', 'registry.opentofu.org']) {
      expect({ plaintext, found: text.includes(plaintext) }).toEqual({ plaintext, found: false });
    }
  });

  itTofu('WHEN planned without the passphrase THEN tofu fails and names the missing variable', () => {
    const result = project.tofuResult('vault', ['plan', '-input=false', '-no-color']);
    process.stdout.write(`tofu plan without passphrase (exit ${result.code}):\n${result.output.trim().split('\n').slice(0, 8).join('\n')}\n`);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Error: Unable to compute static value/);
    expect(result.output).toMatch(/encryption\.key_provider\.pbkdf2\.main depends on var\.state_passphrase which is\s+not available/);
  });

  itTofu('WHEN planned with a wrong or short passphrase THEN decryption is refused', () => {
    const wrong = project.tofuResult('vault', ['plan', '-input=false', '-no-color'], { TF_VAR_state_passphrase: 'not the passphrase, 2026' });
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(/decryption failed for all provided methods/);
    const short = project.tofuResult('vault', ['plan', '-input=false', '-no-color'], { TF_VAR_state_passphrase: 'too-short' });
    expect(short.code).not.toBe(0);
    expect(short.output).toMatch(/passphrase is too short \(minimum\s+16 characters\)/);
  });

  itTofu('WHEN planned with the passphrase THEN it succeeds with no changes', () => {
    const result = project.tofuResult('vault', ['plan', '-input=false', '-no-color', '-detailed-exitcode'], withPassphrase);
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/No changes\. Your infrastructure matches the configuration\./);
  });

  itTofu('WHEN a plan is saved THEN the plan file is encrypted and unreadable without the passphrase', () => {
    const planFile = path.join(project.stackDir('vault'), 'vault.tfplan');
    project.tofu('vault', ['plan', '-input=false', '-no-color', '-out', planFile], withPassphrase);
    const bytes = fs.readFileSync(planFile);
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('PK'); // a plain plan file is a zip
    expect(bytes.includes(Buffer.from('random_password'))).toBe(false);
    const denied = project.tofuResult('vault', ['show', '-json', '-no-color', planFile]);
    expect(denied.code).not.toBe(0);
    expect(denied.output).toMatch(/var\.state_passphrase/);
    expect(JSON.parse(project.tofu('vault', ['show', '-json', '-no-color', planFile], withPassphrase))).toMatchObject({ format_version: expect.any(String) });
  });

  itTofu('WHEN another stack reads it through terraform_remote_state THEN remote_state_data_sources decrypts it', () => {
    const config = JSON.parse(fs.readFileSync(path.join(project.stackDir('reader'), 'cdk.tf.json'), 'utf8'));
    expect(Object.values(config.data.terraform_remote_state)).toEqual([expect.objectContaining({ backend: 'local', config: { path: '../../../state/vault/terraform.tfstate' } })]);
    expect(config.terraform.encryption.remote_state_data_sources).toEqual({ default: { method: 'method.aes_gcm.main' } });

    project.tofu('reader', ['init', '-input=false', '-no-color'], withPassphrase);
    project.tofu('reader', ['apply', '-auto-approve', '-input=false', '-no-color'], withPassphrase);
    expect(project.tofu('reader', ['output', '-raw', 'vault_password_length'], withPassphrase)).toBe('40');
    expect(JSON.parse(fs.readFileSync(path.join(project.dir, 'state', 'reader', 'terraform.tfstate'), 'utf8'))).toHaveProperty('encrypted_data');
  });
});

describe('GIVEN keySource environment (TF_ENCRYPTION supplies the key provider)', () => {
  let project: TestProject;
  beforeAll(() => {
    project = createTestProject({ vaultState: { backend: { type: 'local', path: 'state/vault/terraform.tfstate' }, encryption: { keySource: 'environment' } } });
  });
  afterAll(() => project?.remove());
  const tfEncryption = { TF_ENCRYPTION: `key_provider "pbkdf2" "main" {\n  passphrase = "${PASSPHRASE}"\n}\n` };

  itTofu('THEN apply and plan work with TF_ENCRYPTION, and without it tofu says the key provider is missing', () => {
    const config = JSON.parse(fs.readFileSync(path.join(project.stackDir('vault'), 'cdk.tf.json'), 'utf8'));
    expect(config.terraform.encryption.key_provider).toBeUndefined();
    expect(config.variable?.state_passphrase).toBeUndefined();

    project.tofu('vault', ['init', '-input=false', '-no-color'], tfEncryption);
    project.tofu('vault', ['apply', '-auto-approve', '-input=false', '-no-color'], tfEncryption);
    expect(JSON.parse(fs.readFileSync(path.join(project.dir, 'state', 'vault', 'terraform.tfstate'), 'utf8'))).toHaveProperty('encrypted_data');
    expect(project.tofuResult('vault', ['plan', '-input=false', '-no-color', '-detailed-exitcode'], tfEncryption)).toMatchObject({ code: 0 });

    const missing = project.tofuResult('vault', ['plan', '-input=false', '-no-color']);
    expect(missing.code).not.toBe(0);
    expect(missing.output).toMatch(/There is no key_provider "pbkdf2" "main" block declared in the encryption\s+block/);
  });
});

describe('GIVEN a stack whose existing state is still plain text', () => {
  let project: TestProject;
  beforeAll(() => {
    project = createTestProject();
  });
  afterAll(() => project?.remove());

  itTofu('THEN tofu refuses it, and the one-off migration in docs/STATE.md encrypts it', () => {
    const configFile = path.join(project.stackDir('vault'), 'cdk.tf.json');
    const generated = fs.readFileSync(configFile, 'utf8');
    const edit = (change: (config: any) => void) => {
      const config = JSON.parse(generated);
      change(config);
      fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
    };
    const statePath = path.join(project.dir, 'state', 'vault', 'terraform.tfstate');

    // Before encryption existed: the same stack without the encryption block.
    edit((config) => {
      delete config.terraform.encryption;
      delete config.variable;
    });
    project.tofu('vault', ['init', '-input=false', '-no-color']);
    project.tofu('vault', ['apply', '-auto-approve', '-input=false', '-no-color']);
    expect(JSON.parse(fs.readFileSync(statePath, 'utf8'))).toHaveProperty('resources');

    fs.writeFileSync(configFile, generated);
    const refused = project.tofuResult('vault', ['plan', '-input=false', '-no-color'], withPassphrase);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/encountered unencrypted payload without unencrypted method\s+configured/);

    // docs/STATE.md "Encrypting an existing plain-text state": one refresh-only apply with a fallback.
    edit((config) => {
      const encryption = config.terraform.encryption;
      encryption.method.unencrypted = { migrate: {} };
      encryption.state.enforced = false;
      encryption.state.fallback = { method: 'method.unencrypted.migrate' };
    });
    project.tofu('vault', ['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color'], withPassphrase);
    fs.writeFileSync(configFile, generated);
    expect(JSON.parse(fs.readFileSync(statePath, 'utf8'))).toHaveProperty('encrypted_data');
    expect(project.tofuResult('vault', ['plan', '-input=false', '-no-color', '-detailed-exitcode'], withPassphrase)).toMatchObject({ code: 0 });
  });
});
