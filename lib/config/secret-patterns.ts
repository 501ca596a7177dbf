/**
 * Shapes of credentials that must never sit in an input file (they would reach Git, the screen and
 * cdk.tf.json). A curated list after the rules of gitleaks and GitHub secret scanning, each with a
 * positive and a negative example in __tests__/config/secret-patterns.test.ts. Matches anywhere in a
 * string (inside a URL, a path, a label), not only whole values. Every pattern runs in linear time
 * (bounded starts, no ambiguous repetition): a 1 MiB string is scanned in milliseconds, tested.
 * Pure, no dependencies.
 */

/** One credential shape. */
export interface SecretPattern {
  /** What it is, for the error message (the value itself is never printed). */
  readonly name: string;
  readonly pattern: RegExp;
  /** Extra test on the match, for shapes too generic for a regex alone (random-looking text). */
  readonly accept?: (match: string) => boolean;
}

/** Parameter names that carry a credential. */
const CREDENTIAL_PARAMETER = /(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|signature|credential|auth)/i;

/** Random-looking: upper and lower case letters and digits, and more than `bits` of Shannon entropy per character. */
function randomLooking(bits: number): (match: string) => boolean {
  return (match) => /[A-Z]/.test(match) && /[a-z]/.test(match) && /\d/.test(match) && shannonEntropy(match) > bits;
}

/** Shannon entropy of `text` in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { name: 'a PEM private key', pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { name: 'an AWS access key id', pattern: /(?<![A-Za-z0-9])(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/ },
  // 40 base64 characters on their own (also a Huawei Cloud secret key); longer runs of base64 or
  // base64url (SSH key bodies, random identifiers) do not match.
  { name: 'an AWS secret access key', pattern: /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=_-])/g, accept: randomLooking(4.2) },
  // Hetzner Cloud API tokens: 64 letters and digits.
  { name: 'a Hetzner Cloud API token', pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9]{64}(?![A-Za-z0-9_-])/g, accept: randomLooking(4.5) },
  { name: 'a GitHub token', pattern: /(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/ },
  { name: 'a GitLab token', pattern: /(?<![A-Za-z0-9_-])(glpat|gldt|glrt|glptt|glft|glsoat|glcbt)-[A-Za-z0-9_-]{20,}/ },
  { name: 'a Slack token', pattern: /(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}/ },
  { name: 'a Slack webhook URL', pattern: /hooks\.slack\.com\/(services|workflows)\/[A-Za-z0-9/_-]{20,}/ },
  { name: 'a JSON Web Token', pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { name: 'a Google API key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/ },
  { name: 'a Google OAuth client secret', pattern: /GOCSPX-[A-Za-z0-9_-]{28}/ },
  { name: 'a Stripe key', pattern: /(?<![A-Za-z0-9])(sk|rk)_(live|test)_[A-Za-z0-9]{16,}/ },
  { name: 'an npm token', pattern: /(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/ },
  { name: 'a PyPI token', pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{16,}/ },
  { name: 'a DigitalOcean token', pattern: /(?<![A-Za-z0-9])do[opr]_v1_[a-f0-9]{64}/ },
  { name: 'an Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/i },
  { name: 'an authorization header', pattern: /\b(bearer|basic)\s+[A-Za-z0-9._~+/-]{16,}=*/i },
  // URL user info with a password: scheme://user:password@host.
  { name: 'a user name and password in a URL', pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#@:]*:[^\s/?#@]*@/ },
  // A credential-named parameter with a value: ?password=…, &X-Amz-Signature=…, ;token=…
  {
    name: 'a credential parameter in a URL or setting',
    pattern: /(?<=^|[?&;#\s])[A-Za-z0-9_.-]+=[^&;\s]+/g,
    accept: (match) => CREDENTIAL_PARAMETER.test(match.slice(0, match.indexOf('='))),
  },
];

/** The name of the first credential shape found in `text`, or undefined. */
export function findSecret(text: string): string | undefined {
  for (const { name, pattern, accept } of SECRET_PATTERNS) {
    if (!accept) {
      if (pattern.test(text)) return name;
      continue;
    }
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) if (accept(match[0])) return name;
  }
  return undefined;
}
