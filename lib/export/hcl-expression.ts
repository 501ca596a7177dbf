import { splitTemplate } from './hcl-template';

/**
 * Puts the spaces between the tokens of an HCL expression where `tofu fmt` puts them (a port of
 * `spaceAfterToken` in hclwrite's format.go), so expressions copied from the JSON need no
 * reformatting: cdktf writes e.g. `merge({"a" = 1})`, fmt wants `merge({ "a" = 1 })`. Only the
 * whitespace between tokens changes; the tokens are those of HCL's own scanner (identifiers may
 * contain `-`, numbers their exponent sign, strings their nested templates). Anything this
 * tokenizer does not read with certainty (newlines, comments, heredocs, unknown characters)
 * leaves the text exactly as it was.
 */

type Kind =
  | 'ident'
  | 'number'
  | 'oquote'
  | 'quotedlit'
  | 'cquote'
  | 'interp'
  | 'control'
  | 'seqend'
  | 'obrace'
  | 'cbrace'
  | 'obrack'
  | 'cbrack'
  | 'oparen'
  | 'cparen'
  | 'comma'
  | 'dot'
  | 'ellipsis'
  | 'doublecolon'
  | 'colon'
  | 'question'
  | 'equal'
  | 'fatarrow'
  | 'equalop'
  | 'notequal'
  | 'lt'
  | 'gt'
  | 'lte'
  | 'gte'
  | 'and'
  | 'or'
  | 'bang'
  | 'plus'
  | 'minus'
  | 'star'
  | 'slash'
  | 'percent'
  | 'nil';

interface Token {
  readonly kind: Kind;
  readonly text: string;
}

const NIL: Token = { kind: 'nil', text: '' };

/** Operators and punctuation, longest first. */
const PUNCTUATION: readonly (readonly [string, Kind])[] = [
  ['...', 'ellipsis'],
  ['::', 'doublecolon'],
  ['=>', 'fatarrow'],
  ['==', 'equalop'],
  ['!=', 'notequal'],
  ['<=', 'lte'],
  ['>=', 'gte'],
  ['&&', 'and'],
  ['||', 'or'],
  ['{', 'obrace'],
  ['}', 'cbrace'],
  ['[', 'obrack'],
  [']', 'cbrack'],
  ['(', 'oparen'],
  [')', 'cparen'],
  [',', 'comma'],
  ['.', 'dot'],
  [':', 'colon'],
  ['?', 'question'],
  ['=', 'equal'],
  ['<', 'lt'],
  ['>', 'gt'],
  ['!', 'bang'],
  ['+', 'plus'],
  ['-', 'minus'],
  ['*', 'star'],
  ['/', 'slash'],
  ['%', 'percent'],
];

const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}-]*/u;
const NUMBER = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;

class Unreadable extends Error {}

/**
 * Tokens of an expression starting at `i`, up to (not including) a `}` at depth 0 when `inSequence`
 * (the end of a template sequence), else to the end of the text. Returns the tokens and the index
 * after them.
 */
function expressionTokens(text: string, start: number, inSequence: boolean): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r' || c === '#' || text.startsWith('//', i) || text.startsWith('/*', i) || text.startsWith('<<', i)) throw new Unreadable();
    if (inSequence && depth === 0 && (c === '}' || text.startsWith('~}', i))) return { tokens, end: i };
    if (c === '"') {
      i = quotedTokens(text, i, tokens);
      continue;
    }
    const number = NUMBER.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const ident = IDENT.exec(text.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0] });
      i += ident[0].length;
      continue;
    }
    const punctuation = PUNCTUATION.find(([p]) => text.startsWith(p, i));
    if (!punctuation) throw new Unreadable();
    const [p, kind] = punctuation;
    if (kind === 'obrace' || kind === 'obrack' || kind === 'oparen') depth++;
    if (kind === 'cbrace' || kind === 'cbrack' || kind === 'cparen') depth--;
    tokens.push({ kind, text: p });
    i += p.length;
  }
  if (inSequence) throw new Unreadable();
  return { tokens, end: i };
}

/** A quoted template starting at the `"` at `start`: its tokens are appended; returns the index after it. */
function quotedTokens(text: string, start: number, tokens: Token[]): number {
  tokens.push({ kind: 'oquote', text: '"' });
  let i = start + 1;
  let literal = '';
  const flush = () => {
    if (literal !== '') tokens.push({ kind: 'quotedlit', text: literal });
    literal = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === '\r') throw new Unreadable();
    if (c === '\\') {
      literal += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (text.startsWith('$${', i) || text.startsWith('%%{', i)) {
      literal += text.slice(i, i + 3);
      i += 3;
      continue;
    }
    if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      flush();
      i = sequenceTokens(text, i, tokens);
      continue;
    }
    if (c === '"') {
      flush();
      tokens.push({ kind: 'cquote', text: '"' });
      return i + 1;
    }
    literal += c;
    i++;
  }
  throw new Unreadable();
}

/** A template sequence `${…}` / `%{…}` starting at `start`: tokens appended; returns the index after it. */
function sequenceTokens(text: string, start: number, tokens: Token[]): number {
  const strip = text[start + 2] === '~';
  const open = text.slice(start, start + (strip ? 3 : 2));
  tokens.push({ kind: open[0] === '$' ? 'interp' : 'control', text: open });
  const inner = expressionTokens(text, start + open.length, true);
  tokens.push(...inner.tokens);
  const close = text.startsWith('~}', inner.end) ? '~}' : '}';
  tokens.push({ kind: 'seqend', text: close });
  return inner.end + close.length;
}

function bracketChange(token: Token): number {
  switch (token.kind) {
    case 'obrace':
    case 'obrack':
    case 'oparen':
    case 'control':
    case 'interp':
      return 1;
    case 'cbrace':
    case 'cbrack':
    case 'cparen':
    case 'seqend':
      return -1;
    default:
      return 0;
  }
}

/** hclwrite's spaceAfterToken: whether `subject` (preceded by `before`) is followed by a space before `after`. */
function spaceAfter(subject: Token, before: Token, after: Token): boolean {
  const k = subject.kind;
  const a = after.kind;
  if (a === 'nil') return false;
  if (k === 'ident' && a === 'oparen') return false;
  if ((k === 'ident' && a === 'doublecolon') || (k === 'doublecolon' && a === 'ident')) return false;
  if (k === 'dot' || a === 'dot') return false;
  if (a === 'comma' || a === 'ellipsis') return false;
  if (k === 'comma') return true;
  if (k === 'quotedlit' || k === 'oquote' || a === 'quotedlit' || a === 'cquote') return false;
  if (k === 'ident' && subject.text === 'in' && before.kind === 'ident') return true;
  if (a === 'obrack' && (k === 'ident' || k === 'number' || bracketChange(subject) < 0)) return false;
  if (k === 'bang') return false;
  if (k === 'minus') {
    switch (before.kind) {
      case 'nil':
      case 'oparen':
      case 'obrace':
      case 'obrack':
      case 'equal':
      case 'colon':
      case 'comma':
      case 'question':
      case 'plus':
      case 'star':
      case 'slash':
      case 'percent':
      case 'minus':
      case 'equalop':
      case 'notequal':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
      case 'and':
      case 'or':
      case 'bang':
        return false;
      default:
        return true;
    }
  }
  if (k === 'obrace' || a === 'cbrace') return !(k === 'obrace' && a === 'cbrace');
  if ((k === 'interp' || k === 'control') && a === 'obrace') return true;
  if (k === 'cbrace' && a === 'seqend') return true;
  if (k === 'seqend' && (a === 'interp' || a === 'control')) return false;
  if (bracketChange(subject) > 0) return false;
  if (bracketChange(after) < 0) return false;
  return true;
}

function join(tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    out += token.text;
    const after = tokens[i + 1];
    if (after && spaceAfter(token, tokens[i - 1] ?? NIL, after)) out += ' ';
  });
  return out;
}

/** The expression with fmt's spacing, or undefined when it cannot be read with certainty. */
export function formatExpression(expression: string): string | undefined {
  try {
    const { tokens } = expressionTokens(expression, 0, false);
    return tokens.length === 0 ? undefined : join(tokens);
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
}

/**
 * Template source with every `${…}`/`%{…}` sequence spaced as fmt spaces it; literal text is
 * untouched. A sequence that cannot be read stays as it was.
 */
export function formatTemplateSequences(source: string): string {
  const parts = splitTemplate(source);
  if (!parts) return source;
  return parts
    .map((part) => {
      if (part.kind === 'literal') return part.text;
      try {
        const tokens: Token[] = [];
        const end = sequenceTokens(part.text, 0, tokens);
        return end === part.text.length ? join(tokens) : part.text;
      } catch (e) {
        if (e instanceof Unreadable) return part.text;
        throw e;
      }
    })
    .join('');
}
