/**
 * Writes HCL text laid out the way `tofu fmt` lays it out, so a rendered file is already
 * formatted (hclwrite's format.go: two spaces per nesting level; the `=` of consecutive one-line
 * attributes aligned, a chain being broken by any line that is not such an attribute, e.g. a
 * block header, a closing brace, a comment, a blank line or the first line of a multi-line
 * value; `{}` for empty braces; a heredoc attribute counts as one line).
 */
import { quoteLiteral } from '../common/hcl-escape';

/** An HCL expression ready to lay out. */
export type HclExpr =
  /** One-line source text: a literal, a quoted string or a bare expression. */
  | { readonly kind: 'raw'; readonly text: string }
  /** A heredoc: `<<EOT` … `EOT`, as one string with newlines. */
  | { readonly kind: 'heredoc'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly HclExpr[] }
  /** Object constructor; keys are already HCL key source (identifier or quoted string). */
  | { readonly kind: 'object'; readonly items: readonly (readonly [string, HclExpr])[] };

type Line =
  | { readonly kind: 'text'; readonly indent: number; readonly text: string }
  | { readonly kind: 'assign'; readonly indent: number; readonly key: string; readonly value: string }
  | { readonly kind: 'blank' };

/** Lists whose one-line form would be longer than this are written one item per line. */
const MAX_INLINE_LIST = 80;

export class HclWriter {
  private readonly lines: Line[] = [];

  /** A comment line per entry (`# …`); newlines inside an entry become separate comment lines. */
  public comment(indent: number, text: string): void {
    for (const line of text.split('\n')) {
      this.lines.push({ kind: 'text', indent, text: line.trim() === '' ? '#' : `# ${line.trimEnd()}` });
    }
  }

  /** One blank line, never two in a row and never at the start of a body. */
  public blank(): void {
    const last = this.lines[this.lines.length - 1];
    if (last === undefined || last.kind === 'blank') return;
    if (last.kind === 'text' && last.text.endsWith('{')) return;
    this.lines.push({ kind: 'blank' });
  }

  /** Opens a block: `type "label" … {`. */
  public openBlock(indent: number, type: string, labels: readonly string[]): void {
    this.lines.push({ kind: 'text', indent, text: `${[type, ...labels.map(quoteLabel)].join(' ')} {` });
  }

  /** Closes a block; an empty body collapses to `type "label" {}`. */
  public closeBlock(indent: number): void {
    this.closeBrace(indent, '}');
  }

  /** `key = value`, laid out on as many lines as the value needs. */
  public attribute(indent: number, key: string, value: HclExpr): void {
    const inline = inlineForm(value);
    if (inline !== undefined) {
      this.lines.push({ kind: 'assign', indent, key, value: inline });
      return;
    }
    this.multiLine(indent, `${key} = `, value, '');
  }

  /** The formatted file: LF line endings, one trailing newline. */
  public toString(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1].kind === 'blank') this.lines.pop();
    const out: string[] = [];
    let i = 0;
    while (i < this.lines.length) {
      const line = this.lines[i];
      if (line.kind !== 'assign') {
        out.push(line.kind === 'blank' ? '' : `${'  '.repeat(line.indent)}${line.text}`);
        i++;
        continue;
      }
      let end = i;
      while (end < this.lines.length && this.lines[end].kind === 'assign') end++;
      const chain = this.lines.slice(i, end) as Extract<Line, { kind: 'assign' }>[];
      const width = Math.max(...chain.map((l) => 2 * l.indent + l.key.length));
      for (const l of chain) out.push(`${'  '.repeat(l.indent)}${l.key}${' '.repeat(width - 2 * l.indent - l.key.length)} = ${l.value}`);
      i = end;
    }
    return `${out.join('\n')}\n`;
  }

  private multiLine(indent: number, prefix: string, value: HclExpr, suffix: string): void {
    if (value.kind === 'list') {
      this.lines.push({ kind: 'text', indent, text: `${prefix}[` });
      for (const item of value.items) {
        const inline = inlineForm(item);
        if (inline !== undefined) this.lines.push({ kind: 'text', indent: indent + 1, text: `${inline},` });
        else this.multiLine(indent + 1, '', item, ',');
      }
      this.closeBrace(indent, `]${suffix}`);
      return;
    }
    if (value.kind === 'object') {
      this.lines.push({ kind: 'text', indent, text: `${prefix}{` });
      for (const [key, item] of value.items) this.attribute(indent + 1, key, item);
      this.closeBrace(indent, `}${suffix}`);
      return;
    }
    // A heredoc inside a list (the only place a non-inline raw/heredoc can reach here) is written
    // as its own item; the caller avoids this by quoting strings inside lists.
    this.lines.push({ kind: 'text', indent, text: `${prefix}${value.text}${suffix}` });
  }

  private closeBrace(indent: number, text: string): void {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1].kind === 'blank') this.lines.pop();
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined && last.kind === 'text' && last.indent === indent && /[{[]$/.test(last.text) && text.length <= 2) {
      // Empty body or collection: `x {}` / `x = []`.
      this.lines[this.lines.length - 1] = { kind: 'text', indent, text: `${last.text}${text}` };
      return;
    }
    this.lines.push({ kind: 'text', indent, text });
  }
}

/** The one-line source of a value, or undefined when it needs several lines. */
function inlineForm(value: HclExpr): string | undefined {
  switch (value.kind) {
    case 'raw':
      return value.text;
    case 'heredoc':
      return value.text;
    case 'object':
      return value.items.length === 0 ? '{}' : undefined;
    case 'list': {
      if (value.items.length === 0) return '[]';
      const items = value.items.map((item) => (item.kind === 'raw' ? item.text : undefined));
      if (items.some((item) => item === undefined)) return undefined;
      const text = `[${items.join(', ')}]`;
      return text.length <= MAX_INLINE_LIST ? text : undefined;
    }
  }
}

/** A block label: always a quoted string. */
function quoteLabel(label: string): string {
  return quoteLiteral(label);
}
