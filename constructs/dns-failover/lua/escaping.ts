/**
 * Lua string literals that survive every way PowerDNS stores and moves a LUA record (see index.ts):
 * single-quoted, `\\` and `\ddd` escapes, quote characters as string.char(), no `${` or `%{`.
 */
import { LuaRecordError } from './errors';

/** Lone UTF-16 surrogates have no UTF-8 encoding: reject them instead of substituting U+FFFD. */
export function checkWellFormed(value: string, what: string): void {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      throw new LuaRecordError(`${what} contains a lone UTF-16 surrogate at index ${i}; only well-formed Unicode text can be encoded as UTF-8`);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw new LuaRecordError(`${what} contains a lone UTF-16 surrogate at index ${i}; only well-formed Unicode text can be encoded as UTF-8`);
    }
  }
}

/** UTF-8 bytes of a well-formed string. */
export function utf8(value: string): number[] {
  const bytes: number[] = [];
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

/**
 * At most this many `..` joins per string. LuaJIT parses a `..` chain recursively and gives up
 * at 200 levels ("chunk has too many syntax levels", measured on 4.7.3 with 200 joins).
 */
const MAX_BREAKS_PER_STRING = 32;
/**
 * At most this many `..` joins in one call, so a record stays well inside the default
 * lua-records-exec-limit of 1000 instructions (4.7.3 ran 300 joins with 150 string.char calls).
 */
export const MAX_CONCATENATIONS_PER_CALL = 96;

const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;

export interface RenderedString {
  readonly lua: string;
  readonly concatenations: number;
}

/**
 * A Lua expression whose value is exactly the UTF-8 bytes of `value`: single-quoted literals
 * (`\\`, `\ddd`) joined by `..` with `string.char(...)` for runs of `'` and `"`.
 */
export function luaString(value: string, what: string): RenderedString {
  checkWellFormed(value, what);
  const pieces: string[] = [];
  let literal = '';
  let inLiteral = false;
  let quotes: number[] = [];
  let previous = -1; // last byte written into the current literal
  const closeLiteral = (): void => {
    if (inLiteral) pieces.push(`'${literal}'`);
    literal = '';
    inLiteral = false;
    previous = -1;
  };
  const closeQuotes = (): void => {
    if (quotes.length > 0) pieces.push(`string.char(${quotes.join(', ')})`);
    quotes = [];
  };
  for (const byte of utf8(value)) {
    if (byte === QUOTE || byte === DOUBLE_QUOTE) {
      closeLiteral();
      quotes.push(byte);
      continue;
    }
    closeQuotes();
    if (byte === OPEN_BRACE && (previous === 0x24 || previous === 0x25)) closeLiteral(); // no `${` / `%{`
    inLiteral = true;
    if (byte === BACKSLASH) literal += '\\\\';
    else if (byte >= 0x20 && byte <= 0x7e) literal += String.fromCharCode(byte);
    else literal += `\\${String(byte).padStart(3, '0')}`;
    previous = byte;
  }
  closeLiteral();
  closeQuotes();
  if (pieces.length === 0) pieces.push("''");
  const breaks = pieces.length - 1;
  if (breaks > MAX_BREAKS_PER_STRING) {
    throw new LuaRecordError(`${what} needs ${breaks} string joins for its quote characters (' and ") and \${ or %{ sequences; at most ${MAX_BREAKS_PER_STRING} keep the record within PowerDNS's Lua limits`);
  }
  return { lua: pieces.join(' .. '), concatenations: breaks };
}
