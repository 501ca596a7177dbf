/**
 * HCL string templates: reading the template syntax inside Terraform JSON strings and writing it
 * back as HCL quoted strings or heredocs, so that the HCL means exactly what the JSON meant.
 *
 * In Terraform JSON a string in an expression position *is* a template: `${…}` interpolates,
 * `%{…}` is a directive, `$${` and `%%{` are the escapes for literal `${` and `%{`, and a
 * backslash is an ordinary character (JSON has already decoded its own escapes). HCL quoted
 * strings use the same template syntax plus backslash escapes; heredocs use the same template
 * syntax without backslash escapes. So the template source passes through unchanged and only the
 * literal text between sequences is escaped for the quoted form.
 *
 * The escaping itself (no template parsing) lives in lib/common/hcl-escape.ts, which constructs use too.
 */
import { escapeQuotedLiteral } from '../common/hcl-escape';

/** A piece of a template: literal text (escapes `$${`/`%%{` kept as written) or a whole `${…}`/`%{…}` sequence. */
export interface TemplatePart {
  readonly kind: 'literal' | 'sequence';
  /** The source text, exactly as it appears in the JSON string. */
  readonly text: string;
}

/**
 * Splits template source into literal text and sequences. Returns undefined when a sequence is
 * not closed (OpenTofu would reject the JSON too); callers then treat the string as plain text.
 */
export function splitTemplate(source: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('$${', i) || source.startsWith('%%{', i)) {
      literal += source.slice(i, i + 3);
      i += 3;
      continue;
    }
    if (source.startsWith('${', i) || source.startsWith('%{', i)) {
      const end = sequenceEnd(source, i + 2);
      if (end === undefined) return undefined;
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push({ kind: 'sequence', text: source.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    literal += source[i];
    i++;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return parts;
}

/**
 * Index of the `}` closing the sequence whose expression starts at `start`, skipping nested
 * brackets, quoted strings (with their own nested templates) and comments.
 */
function sequenceEnd(source: string, start: number): number | undefined {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    const c = source[i];
    if (c === '"') {
      const after = quotedEnd(source, i + 1);
      if (after === undefined) return undefined;
      i = after;
      continue;
    }
    if (c === '#' || source.startsWith('//', i)) {
      const newline = source.indexOf('\n', i);
      if (newline < 0) return undefined;
      i = newline + 1;
      continue;
    }
    if (source.startsWith('/*', i)) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      i = close + 2;
      continue;
    }
    if (source.startsWith('<<', i)) return undefined; // heredoc inside an expression: not supported
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return undefined;
}

/** Index just after the `"` closing a quoted template that starts at `start` (after its opening quote). */
function quotedEnd(source: string, start: number): number | undefined {
  let i = start;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i + 1;
    if (source.startsWith('$${', i) || source.startsWith('%%{', i)) {
      i += 3;
      continue;
    }
    if (source.startsWith('${', i) || source.startsWith('%{', i)) {
      const end = sequenceEnd(source, i + 2);
      if (end === undefined) return undefined;
      i = end + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

/**
 * The expression of a template that is exactly one interpolation (`"${expr}"`, no strip markers),
 * else undefined. Such a template yields the expression's value unchanged (not converted to a
 * string), so `expr` written bare means the same.
 */
export function soleInterpolation(source: string): string | undefined {
  const parts = splitTemplate(source);
  if (!parts || parts.length !== 1 || parts[0].kind !== 'sequence') return undefined;
  const text = parts[0].text;
  if (!text.startsWith('${') || text.startsWith('${~') || text.endsWith('~}')) return undefined;
  const expression = text.slice(2, -1).trim();
  return expression === '' ? undefined : expression;
}

/**
 * An HCL quoted string for template source: literal parts escaped, sequences verbatim. A string
 * whose sequences cannot be read is quoted as it is, escaping only what a quoted string must.
 */
export function quoteTemplate(source: string): string {
  const parts = splitTemplate(source) ?? [{ kind: 'literal' as const, text: source }];
  return `"${parts.map((part) => (part.kind === 'literal' ? escapeQuotedLiteral(part.text) : part.text)).join('')}"`;
}

/**
 * The template as a heredoc (`<<EOT` … `EOT`), or undefined when a heredoc cannot hold it
 * exactly: it must end with a newline (a heredoc always does), contain more than one line, and
 * have no carriage returns or other control characters except tab (a heredoc has no escapes).
 */
export function heredocTemplate(source: string): string | undefined {
  if (!source.endsWith('\n') || source.indexOf('\n') === source.length - 1) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(source)) return undefined;
  if (splitTemplate(source) === undefined) return undefined;
  const lines = source.slice(0, -1).split('\n');
  let marker = 'EOT';
  for (let n = 1; lines.some((line) => line.trim() === marker); n++) marker = `EOT${n}`;
  return `<<${marker}\n${lines.join('\n')}\n${marker}`;
}
