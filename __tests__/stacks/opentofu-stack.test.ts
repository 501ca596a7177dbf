import { App, TerraformOutput } from 'cdktf';
import { OpenTofuStack, qualifyProviderSource } from '../../constructs/stacks/opentofu-stack';

describe('qualifyProviderSource', () => {
  test.each([
    ['aws', undefined, 'registry.opentofu.org/hashicorp/aws'],
    ['aws', 'aws', 'registry.opentofu.org/hashicorp/aws'],
    ['hcloud', 'hetznercloud/hcloud', 'registry.opentofu.org/hetznercloud/hcloud'],
    ['google', 'registry.terraform.io/hashicorp/google', 'registry.opentofu.org/hashicorp/google'],
    ['hcloud', 'registry.opentofu.org/hetznercloud/hcloud', 'registry.opentofu.org/hetznercloud/hcloud'],
    ['x', 'mirror.example.com/acme/x', 'mirror.example.com/acme/x'],
  ])('%s / %s → %s', (name, source, expected) => {
    expect(qualifyProviderSource(name, source)).toBe(expected);
  });
});

describe('OpenTofuStack', () => {
  test('writes a local backend with a relative path outside cdktf.out', () => {
    const stack = new OpenTofuStack(new App({ outdir: '/tmp/unused' }), 'demo');
    new TerraformOutput(stack, 'x', { value: 1 });
    expect(stack.toTerraform().terraform.backend).toEqual({ local: { path: '../../../state/demo/terraform.tfstate' } });
  });

  test('encrypts state and plans on every stack, keyed by the sensitive variable state_passphrase (constructs/state)', () => {
    const stack = new OpenTofuStack(new App({ outdir: '/tmp/unused' }), 'demo');
    new TerraformOutput(stack, 'x', { value: 1 });
    const tf = stack.toTerraform();
    expect(tf.terraform.encryption).toMatchObject({ state: { method: 'method.aes_gcm.main', enforced: true }, plan: { method: 'method.aes_gcm.main', enforced: true } });
    expect(tf.variable.state_passphrase).toMatchObject({ sensitive: true });
    expect(stack.state).toEqual({ backend: { type: 'local', path: 'state/demo/terraform.tfstate' }, encryption: { keySource: 'variable' } });
  });

  test('rewrites every required provider to a qualified source and refuses one without a version', () => {
    const stack = new OpenTofuStack(new App({ outdir: '/tmp/unused' }), 'demo');
    stack.addOverride('terraform.required_providers.aws', { source: 'aws', version: '6.25.0' });
    expect(stack.toTerraform().terraform.required_providers.aws).toEqual({ source: 'registry.opentofu.org/hashicorp/aws', version: '6.25.0' });

    stack.addOverride('terraform.required_providers.null', { source: 'hashicorp/null' });
    expect(() => stack.toTerraform()).toThrow(/provider "null" \(registry.opentofu.org\/hashicorp\/null\) has no version/);
  });
});
