/**
 * Escaping for HCL/OpenTofu string templates, shared by the config writer (init), the export and
 * the constructs (user data). Pure; imports nothing.
 */

/** Text that must stay literal in a template position: `${` → `$${`, `%{` → `%%{`. */
export function escapeTemplateSequences(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

/** An HCL quoted string holding `text` literally (for labels and keys without template sequences). */
export function quoteLiteral(text: string): string {
  return `"${escapeQuotedLiteral(text)}"`;
}

/** Escapes literal template text for an HCL quoted string (backslash escapes; template sequences untouched). */
export function escapeQuotedLiteral(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}
