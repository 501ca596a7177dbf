/**
 * Rules for every string of an input file, keys included, whatever field it is in: checked on the
 * parsed document before the JSON Schema, so a field added to a schema later is covered without a
 * word here. A string must not
 * - carry a credential (a credential-named key, or a known token shape anywhere in the value;
 *   {@link SECRET_PATTERNS}) — the message never repeats the value;
 * - contain `${` or `%{`: every string ends up in cdk.tf.json, where OpenTofu evaluates those as
 *   template expressions (`${nonsensitive(var.hcloud_token)}` in an SSH key comment would put the
 *   token into the plan; `${file("/etc/passwd")}` reads local files). Refusing them at input is the
 *   one mechanism: no construct has to remember to escape, and no field needs them;
 * - contain control characters, Unicode line or paragraph separators, bidirectional controls,
 *   a byte order mark, noncharacters or lone surrogates: YAML (cloud-init reads U+0085 as a line
 *   break), shell scripts, HCL and terminals each give some of them a meaning.
 * Pure, no dependencies besides the pattern list.
 */
import { ConfigError, pointerSegment } from './errors';
import { findSecret } from './secret-patterns';

/** Key names that betray a credential; credentials never belong in an input file. */
const CREDENTIAL_KEY = /(token|secret|password|passphrase|api[_-]?key|access[_-]?key|private[_-]?key|credential)/i;

const CREDENTIAL_HINT = "credentials belong in tofu.tfvars (git-ignored, mode 0600, written by `sovereign init`) or the provider's environment variables";

/** `${` or `%{` (OpenTofu template interpolation and directives). */
const TEMPLATE_SEQUENCE = /[$%]\{/;

/**
 * Characters no input string may hold: C0 and C1 controls and DEL (U+0085 NEXT LINE among them),
 * U+2028/U+2029, bidirectional controls, U+FEFF, noncharacters, lone surrogates.
 */
const SUPPLEMENTARY_NONCHARACTERS = Array.from({ length: 16 }, (_, plane) => `\\u{${(plane + 1).toString(16)}fffe}\\u{${(plane + 1).toString(16)}ffff}`).join('');
const FORBIDDEN = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff\\ufdd0-\\ufdef\\ufffe\\uffff${SUPPLEMENTARY_NONCHARACTERS}\\ud800-\\udfff]`, 'u');

/** Which rule a string breaks, as [problem, allowed], or undefined when it is fine. */
export function stringProblem(text: string): [string, string] | undefined {
  const secret = findSecret(text);
  if (secret) return [`this value looks like a credential (${secret}); it is not repeated here`, CREDENTIAL_HINT];
  const bad = FORBIDDEN.exec(text);
  if (bad) return [`contains ${describeCharacter(bad[0])} at character ${[...text.slice(0, bad.index)].length + 1}`, 'printable text without control characters, line or paragraph separators, bidirectional controls, noncharacters or lone surrogates'];
  if (TEMPLATE_SEQUENCE.test(text)) {
    const sequence = /[$%]\{/.exec(text)?.[0];
    return [`contains "${sequence}", which OpenTofu would evaluate as a template expression`, 'text without "${" and "%{" (input values are literal text)'];
  }
  return undefined;
}

/** Every problem of every string (keys and values) of a parsed document, with its JSON pointer. */
export function inputStringProblems(file: string, document: unknown): ConfigError[] {
  const errors: ConfigError[] = [];
  // Depth-first without recursion (the parser bounds the depth, but this must not rely on it).
  const pending: Array<[unknown, string]> = [[document, '']];
  while (pending.length > 0) {
    const [value, at] = pending.pop() as [unknown, string];
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) errors.push(new ConfigError(file, at, ...problem));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], `${at}/${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let k = entries.length - 1; k >= 0; k--) {
        const [key, child] = entries[k];
        const here = `${at}/${pointerSegment(key)}`;
        const keyProblem = key !== '$schema' && CREDENTIAL_KEY.test(key) ? ([`"${key}" looks like a credential`, CREDENTIAL_HINT] as [string, string]) : stringProblem(key);
        if (keyProblem) {
          // A key at fault is reported alone: its value is probably the credential.
          errors.push(new ConfigError(file, here, ...keyProblem));
          continue;
        }
        pending.push([child, here]);
      }
    }
  }
  return errors.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function describeCharacter(character: string): string {
  const code = character.codePointAt(0) as number;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return `the control character ${hex}${code === 0x85 ? ' (NEXT LINE, a line break to YAML)' : code === 0x0a || code === 0x0d ? ' (a line break)' : ''}`;
  if (code === 0x2028 || code === 0x2029) return `the line break ${hex}`;
  if (code === 0xfeff) return `the byte order mark ${hex}`;
  if (code >= 0xd800 && code <= 0xdfff) return `a lone surrogate ${hex} (not text)`;
  if ((code & 0xfffe) === 0xfffe || (code >= 0xfdd0 && code <= 0xfdef)) return `the noncharacter ${hex}`;
  return `the bidirectional control ${hex}`;
}
