/**
 * Reads back the PowerDNS LUA record contents our Lua builder writes (constructs/dns-failover/lua/),
 * for the topology picture: which function, which addresses (flat, in failover groups, or
 * weighted) and which options. A small tolerant parser of the Lua subset the builder emits:
 * calls, tables (positional and `name=value` fields), single-quoted strings with `\\` and `\ddd`
 * escapes, `..` joins, `string.char(n)` and integers. Anything else yields undefined.
 */

/** A Lua value as read here. */
export type LuaValue = string | number | LuaTable | LuaCallValue;

export interface LuaTable {
  readonly kind: 'table';
  /** Positional entries. */
  readonly items: readonly LuaValue[];
  /** `name=value` entries. */
  readonly fields: Readonly<Record<string, LuaValue>>;
}

export interface LuaCallValue {
  readonly kind: 'call';
  readonly fn: string;
  readonly args: readonly LuaValue[];
}

/** A LUA record content split into its record type and the call it makes. */
export interface LuaRecordContent {
  /** `A`, `AAAA`, `CNAME`, … */
  readonly type: string;
  readonly call: LuaCallValue;
}

/** Parses `A "ifportup(…)"`; undefined when the content is not a single call of the supported subset. */
export function parseLuaRecord(content: string): LuaRecordContent | undefined {
  const match = /^\s*([A-Za-z0-9]+)\s+"(.*)"\s*$/s.exec(content);
  if (!match) return undefined;
  const value = parseLua(match[2]);
  return value !== undefined && typeof value === 'object' && value.kind === 'call' ? { type: match[1].toUpperCase(), call: value } : undefined;
}

/** Parses one Lua expression; undefined when it is outside the supported subset. */
export function parseLua(source: string): LuaValue | undefined {
  const tokens = tokenize(source);
  if (!tokens) return undefined;
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];
  const expect = (text: string): boolean => {
    if (peek()?.text !== text) return false;
    position++;
    return true;
  };

  const primary = (): LuaValue | undefined => {
    const token = take();
    if (!token) return undefined;
    if (token.kind === 'string') return token.value;
    if (token.kind === 'number') return Number(token.text);
    if (token.text === '{') return table();
    if (token.kind === 'name') {
      if (!expect('(')) return undefined;
      const args: LuaValue[] = [];
      if (!expect(')')) {
        for (;;) {
          const arg = expression();
          if (arg === undefined) return undefined;
          args.push(arg);
          if (expect(')')) break;
          if (!expect(',')) return undefined;
        }
      }
      if (token.text === 'string.char') {
        return args.length === 1 && typeof args[0] === 'number' ? String.fromCharCode(args[0]) : undefined;
      }
      return { kind: 'call', fn: token.text, args };
    }
    return undefined;
  };

  const expression = (): LuaValue | undefined => {
    let value = primary();
    while (value !== undefined && peek()?.text === '..') {
      take();
      const next = primary();
      if (typeof value !== 'string' || typeof next !== 'string') return undefined;
      value = value + next;
    }
    return value;
  };

  const table = (): LuaTable | undefined => {
    const items: LuaValue[] = [];
    const fields: Record<string, LuaValue> = {};
    while (!expect('}')) {
      const token = peek();
      if (!token) return undefined;
      if (token.kind === 'name' && tokens[position + 1]?.text === '=') {
        position += 2;
        const value = expression();
        if (value === undefined) return undefined;
        fields[token.text] = value;
      } else {
        const value = expression();
        if (value === undefined) return undefined;
        items.push(value);
      }
      if (!expect(',') && !expect(';') && peek()?.text !== '}') return undefined;
    }
    return { kind: 'table', items, fields };
  };

  const result = expression();
  return position === tokens.length ? result : undefined;
}

interface Token {
  readonly kind: 'string' | 'number' | 'name' | 'punct';
  readonly text: string;
  /** Decoded value of a string token. */
  readonly value: string;
}

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) return undefined;
        const d = source[j];
        if (d === "'") break;
        if (d === '\\') {
          const digits = /^\d{1,3}/.exec(source.slice(j + 1));
          if (digits) {
            value += String.fromCharCode(Number(digits[0]));
            j += 1 + digits[0].length;
          } else {
            value += source[j + 1] ?? '';
            j += 2;
          }
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ kind: 'string', text: source.slice(i, j + 1), value });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const text = /^[0-9]+/.exec(source.slice(i))![0];
      tokens.push({ kind: 'number', text, value: text });
      i += text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'name', text, value: text });
      i += text.length;
    } else if (source.startsWith('..', i)) {
      tokens.push({ kind: 'punct', text: '..', value: '..' });
      i += 2;
    } else if ('{}(),;='.includes(c)) {
      tokens.push({ kind: 'punct', text: c, value: c });
      i++;
    } else {
      return undefined;
    }
  }
  return tokens;
}
