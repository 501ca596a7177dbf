/**
 * A strict JSON parser (RFC 8259) for input files. Unlike `JSON.parse` it refuses what a careless
 * or hostile file can carry without a word from the built-in one: duplicate object keys (JSON.parse
 * keeps the last), escaped lone surrogates (`"\ud800"`, not text), and nesting deeper than
 * {@link MAX_JSON_DEPTH} (JSON.parse recurses into a stack overflow somewhere near 10,000 levels, and
 * everything after it walks the tree recursively). It never recurses, never echoes input beyond one
 * character, and names line, column and JSON pointer in every error. Pure, no dependencies.
 */
import { pointerSegment } from './errors';

/** Deepest nesting of objects and arrays an input file may have (the schemas need 8). */
export const MAX_JSON_DEPTH = 64;

/** A syntax problem: where it is and what would have been allowed there. */
export class JsonSyntaxError extends Error {
  constructor(
    public readonly problem: string,
    public readonly line: number,
    public readonly column: number,
    /** JSON pointer of the value at fault for duplicate keys, lone surrogates and depth; "" for syntax errors. */
    public readonly pointer: string,
    public readonly allowed: string,
  ) {
    super(`${problem} at line ${line}, column ${column}`);
    this.name = 'JsonSyntaxError';
  }
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly value: Record<string, unknown> | unknown[];
  readonly pointer: string;
  /** Object keys seen so far, with the offset of their first occurrence. */
  readonly keys: Map<string, number>;
  /** The key whose value is being parsed (objects only). */
  key?: string;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Parses `text`; throws {@link JsonSyntaxError} on anything RFC 8259 does not allow and on the refusals above. */
export function parseStrictJson(text: string): unknown {
  let i = 0;
  const stack: Frame[] = [];

  const fail = (problem: string, at: number, allowed: string, where?: string): never => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new JsonSyntaxError(problem, line, column, where ?? '', allowed);
  };
  /** Pointer of the value being parsed, for the refusals that are not syntax errors. */
  const here = (): string => {
    const frame = stack[stack.length - 1];
    return frame ? childPointer(frame) : '';
  };
  const describe = (at: number): string => {
    if (at >= text.length) return 'end of file';
    const code = text.codePointAt(at) as number;
    return code >= 0x21 && code <= 0x7e ? `"${text[at]}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  };
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++;
  };

  const parseString = (): string => {
    // text[i] === '"'
    const start = i;
    i++;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start, 'a closing "');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(`control character ${describe(i)} inside a string`, i, 'escape it (\\n, \\t, \\u0000…) or remove it');
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text[i + 1];
      if (e === 'u') {
        const unit = hex4(i + 2);
        i += 6;
        if (unit >= 0xd800 && unit <= 0xdbff) {
          const low = text[i] === '\\' && text[i + 1] === 'u' ? hex4(i + 2) : -1;
          if (low < 0xdc00 || low > 0xdfff) fail('\\u escape of a lone high surrogate (not text)', i - 6, 'a surrogate pair, or the character itself', here());
          out += String.fromCharCode(unit, low);
          i += 6;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) {
          fail('\\u escape of a lone low surrogate (not text)', i - 6, 'a surrogate pair, or the character itself', here());
        } else {
          out += String.fromCharCode(unit);
        }
      } else if (e !== undefined && e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
      } else {
        fail(`invalid escape \\${e === undefined ? '' : describe(i + 1)}`, i, '\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
      }
      chunk = i;
    }
  };
  const hex4 = (at: number): number => {
    const digits = text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) fail('invalid \\u escape', at - 2, 'four hexadecimal digits after \\u');
    return parseInt(digits, 16);
  };

  /** Parses a scalar or opens a container; returns [value, opened]. */
  const parseValue = (): [unknown, boolean] => {
    skipWhitespace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, i, `at most ${MAX_JSON_DEPTH} levels of objects and arrays`, here());
      const parent = stack[stack.length - 1];
      const frame: Frame = { kind: c === '{' ? 'object' : 'array', value: c === '{' ? {} : [], pointer: parent ? childPointer(parent) : '', keys: new Map() };
      i++;
      return [frame, true];
    }
    if (c === '"') return [parseString(), false];
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return [value, false];
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && number[0].length > 0) {
      i += number[0].length;
      return [Number(number[0]), false];
    }
    return fail(`unexpected ${describe(i)}`, i, 'a value: object, array, string, number, true, false or null');
  };

  const parseKey = (frame: Frame) => {
    frame.key = undefined;
    skipWhitespace();
    if (text[i] !== '"') fail(`unexpected ${describe(i)}`, i, 'a property name in double quotes', frame.pointer);
    const at = i;
    const key = parseString();
    const first = frame.keys.get(key);
    if (first !== undefined) {
      const before = text.slice(0, first);
      fail(`duplicate key "${printable(key)}" (first at line ${before.split('\n').length})`, at, 'each key once per object', `${frame.pointer}/${pointerSegment(key)}`);
    }
    frame.keys.set(key, at);
    skipWhitespace();
    if (text[i] !== ':') fail(`unexpected ${describe(i)}`, i, `":" after the property name`, `${frame.pointer}/${pointerSegment(key)}`);
    i++;
    frame.key = key;
  };

  /** Stores a finished value in the open container (or returns it at the top). */
  const store = (value: unknown) => {
    const frame = stack[stack.length - 1];
    if (frame.kind === 'array') (frame.value as unknown[]).push(value);
    // An own property even for "__proto__", as JSON.parse does.
    else Object.defineProperty(frame.value, frame.key as string, { value, enumerable: true, writable: true, configurable: true });
  };

  const [root, opened] = parseValue();
  const result: unknown = opened ? (root as Frame).value : root;
  if (opened) stack.push(root as Frame);
  // Each turn: the open container either closes or gets its next element.
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const count = frame.kind === 'array' ? (frame.value as unknown[]).length : frame.keys.size;
    skipWhitespace();
    const close = frame.kind === 'array' ? ']' : '}';
    if (text[i] === close) {
      i++;
      stack.pop();
      continue;
    }
    if (count > 0) {
      if (text[i] !== ',') fail(`unexpected ${describe(i)}`, i, `"," or "${close}"`);
      i++;
      skipWhitespace();
      if (text[i] === close) fail(`trailing comma before "${close}"`, i, 'another element, or no comma');
    }
    if (frame.kind === 'object') parseKey(frame);
    const [value, isFrame] = parseValue();
    if (isFrame) {
      store((value as Frame).value);
      stack.push(value as Frame);
    } else {
      store(value);
    }
  }
  skipWhitespace();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the document`, i, 'one JSON value per file');
  return result;

  function childPointer(frame: Frame): string {
    if (frame.kind === 'array') return `${frame.pointer}/${(frame.value as unknown[]).length}`;
    return frame.key === undefined ? frame.pointer : `${frame.pointer}/${pointerSegment(frame.key)}`;
  }
}

/** A key for a message: printable ASCII as is, anything else as \u escapes, at most 40 characters. */
function printable(key: string): string {
  const safe = key.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > 40 ? `${safe.slice(0, 40)}…` : safe;
}
