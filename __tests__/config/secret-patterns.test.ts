import { findSecret, SECRET_PATTERNS } from '../../lib/config/secret-patterns';
import { stringProblem } from '../../lib/config/string-rules';

// Made-up credentials of the real shapes (none of them is valid anywhere).
const HETZNER_TOKEN = 'jEheVytlAoFl7F8MqUQ7jAo2hOXASztX6mA1k9Ya3RQ8pRxnDgoZJcTfWbN2KdLs';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('findSecret: every pattern finds its shape, also inside longer text', () => {
  test.each([
    ['a PEM private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['a PEM private key', 'x -----BEGIN PRIVATE KEY----- y'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['an AWS access key id', 'https://bucket.example/AKIAIOSFODNN7EXAMPLE/state'],
    ['an AWS access key id', 'state/ASIAIOSFODNN7EXAMPLE.tfstate'],
    ['an AWS secret access key', AWS_SECRET],
    ['an AWS secret access key', `s3://bucket.example?k:${AWS_SECRET}`],
    ['a Hetzner Cloud API token', HETZNER_TOKEN],
    ['a Hetzner Cloud API token', `ops ${HETZNER_TOKEN}`],
    ['a GitHub token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a GitHub token', 'https://ghs_abcdefghijklmnopqrstuvwxyz0123456789@github.example/x.git'],
    ['a GitHub token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
    ['a GitLab token', 'glpat-abcdefghij0123456789'],
    ['a Slack token', 'xoxb-123456789012-abcdefghijkl'],
    ['a Slack webhook URL', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXX'],
    ['a JSON Web Token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a Google API key', 'AIzaSyA1234567890abcdefghijklmnopqrstuv'],
    ['a Google OAuth client secret', 'GOCSPX-abcdefghijklmnopqrstuvwxyz12'],
    ['a Stripe key', 'sk_live_abcdefghijklmnop1234'],
    ['an npm token', 'npm_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a PyPI token', 'pypi-AgEIcHlwaS5vcmcCJDEyMzQ1Njc4LTEyMzQtMTIzNC0xMjM0LTEyMzQ1Njc4OTAxMgACKlszLCJ'],
    ['a DigitalOcean token', `dop_v1_${'a1'.repeat(32)}`],
    ['an Azure storage account key', `DefaultEndpointsProtocol=https;AccountName=x;AccountKey=${'Ab3+'.repeat(22)}==`],
    ['an authorization header', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz'],
    ['a user name and password in a URL', 'https://user:pass@git.example.test/fleet.git'],
    ['a user name and password in a URL', 's3://admin:@store.example'],
    ['a credential parameter in a URL or setting', 'https://store.example/x?password=hunter2'],
    ['a credential parameter in a URL or setting', 'https://store.example/x?a=1&X-Amz-Signature=abc123'],
    ['a credential parameter in a URL or setting', 'https://store.example/x;api_key=abc'],
    ['a credential parameter in a URL or setting', 'password=hunter2'],
  ])('GIVEN %s (%s) WHEN scanned THEN it is found', (name, text) => {
    expect(findSecret(text)).toBe(name);
  });

  test('every pattern has a case above', () => {
    const source = require('fs').readFileSync(__filename, 'utf8') as string;
    for (const { name } of SECRET_PATTERNS) expect(source).toContain(`['${name}', `);
  });
});

describe('findSecret: what must not be mistaken for a credential', () => {
  test.each([
    ['an SSH public key (long base64 run)', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@example'],
    ['an RSA public key', `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${'Cq3Zx9+/Lm7Pq2Rt'.repeat(20)}= me`],
    ['a git commit sha (40 hex)', '3f786850e387550fdab836ed7e6dc881de23001b'],
    ['a sha256 (64 hex)', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a long path', 'platform/clusters/production/eu/fsn1/apps'],
    ['a Flux URL', 'https://git.sovereign.example/platform/fleet.git'],
    ['an S3 endpoint', 'https://fsn1.your-objectstorage.com'],
    ['a state key', 'sovereign/hetzner-fsn1/terraform.tfstate'],
    ['a GCP image', 'ubuntu-os-cloud/ubuntu-2404-lts-amd64'],
    ['an AMI id', 'ami-0123456789abcdef0'],
    ['an Azure instance type', 'Standard_D2s_v5'],
    ['a user-only URL', 'ssh://git@git.example.test/fleet.git'],
    ['a health check expectation', 'status: ok'],
    ['the word token in a label', 'token-rotation'],
    ['camel-case words of 40 letters', 'ThisIsAVeryLongCamelCaseIdentifierNameXY'],
    ['a random base64url identifier with a 40-character run between - and _', 'kX9-Zr8vN4tB7wY1mC6pD3sF0gH5jK8lQ2xR7eT4uI9o_qL2'],
  ])('GIVEN %s WHEN scanned THEN nothing is found', (_name, text) => {
    expect(findSecret(text)).toBeUndefined();
  });
});

describe('stringProblem never hangs: every rule is linear in the length of the string', () => {
  const N = 1_000_000;
  test.each([
    ['letters', 'a'.repeat(N)],
    ['repeated credential words', 'password'.repeat(N / 8)],
    ['scheme-like runs', 'a://'.repeat(N / 4)],
    ['colons after a scheme', `https://${'a:'.repeat(N / 2)}`],
    ['JWT prefixes', 'eyJ'.repeat(N / 3)],
    ['PEM-like words', `-----BEGIN ${'A '.repeat(N / 2)}`],
    ['parameters without a credential', '&a='.repeat(N / 3)],
    ['base64', 'Ab3+'.repeat(N / 4)],
  ])('GIVEN 1 MB of %s WHEN checked THEN it returns (a quadratic rule would take hours)', (_name, text) => {
    const started = Date.now();
    stringProblem(text);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
