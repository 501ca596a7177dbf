/**
 * Property tests for constructs/dns-failover/lua/, with a seeded generator (deterministic).
 *
 * Every accepted string is checked three ways: (1) the record content has exactly the two outer
 * double quotes and no control characters; (2) a Lua parser written here decodes the rendered
 * string expression back to exactly the input's UTF-8 bytes; (3) the expression ends where it
 * should (next token `,` `}` `)` or `]`). Also (4): the Lua means the same after PowerDNS's
 * text -> wire -> text round trip (AXFR, LMDB), with and without whitespace inserted between
 * 255-byte segments, and is unchanged by it when it fits one segment. With LuaJIT installed (the
 * Lua that Debian's pdns-server links), the same expressions are also evaluated by real Lua.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Lua, LuaCall, LuaRecordError, luaRecordContent, LuaRecordType, PDNS_VERSIONS, PdnsVersion, UrlCheckOptions } from '../../constructs/dns-failover/lua';
import { itWithTool, PROJECT_DIR } from '../support/tools';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const FRAGMENTS = [
  "'", '"', '\\', '\n', '\r', '\t', '\u0000', ']]', '[[', '--', '..', '${', '%{', '$', '%', '{', '}', '=', ',', ')', '(', ' ',
  'end', 'return', 'function', 'nil', 'local', 'and', 'or', 'not', 'é', '€', 'ü', '😀', '中文', '\u0001', '\u001f', '\u007f',
  '\u0085', '\u00a0', '\u2028', '\ufeff', '\\010', "\\'", '\\\\', '0', '9', '123', 'a', 'Z', 'ok', 'status', '%20', '%zz', '#',
  '?', '/', '&', '@', '~', '[', ']', '<', '>', '^', '|', '`',
];

function randomString(r: Random): string {
  const parts = r.chance(0.05) ? 40 + r.int(80) : r.int(12);
  let s = '';
  for (let i = 0; i < parts; i++) {
    const roll = r.float();
    if (roll < 0.6) s += r.pick(FRAGMENTS);
    else if (roll < 0.8) s += String.fromCharCode(r.int(0x80));
    else if (roll < 0.95) s += String.fromCodePoint(0x80 + r.int(0xd800 - 0x80));
    else if (roll < 0.995) s += String.fromCodePoint(0x10000 + r.int(0x100000));
    else s += String.fromCharCode(0xd800 + r.int(0x800)); // a lone surrogate, now and then
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Independent oracles (restating the rules, not calling the module)

const utf8 = (s: string): number[] => [...Buffer.from(s, 'utf8')];
const wellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
// eslint-disable-next-line no-control-regex
const FIELD_FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/;
const RFC3986 = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;

/** Joins a string needs: one between each run of quote bytes and other bytes, and inside `${`/`%{`. */
function joinsNeeded(s: string): number {
  const bytes = utf8(s);
  let pieces = 0;
  let previous: 'quote' | 'text' | undefined;
  let last = -1;
  for (const b of bytes) {
    const kind = b === 0x27 || b === 0x22 ? 'quote' : 'text';
    if (kind !== previous || (kind === 'text' && b === 0x7b && (last === 0x24 || last === 0x25))) pieces++;
    previous = kind;
    last = kind === 'text' ? b : -1;
  }
  return Math.max(pieces - 1, 0);
}

// ---------------------------------------------------------------------------------------------
// A parser for the Lua this module writes: calls, tables, integers, and string expressions made
// of single-quoted literals (\\, \', \ddd) and string.char(...) joined with `..`.

type LuaValue =
  | { readonly t: 'str'; readonly bytes: number[] }
  | { readonly t: 'num'; readonly value: number }
  | { readonly t: 'table'; readonly items: { key?: LuaValue; value: LuaValue }[] }
  | { readonly t: 'call'; readonly name: string; readonly args: LuaValue[] };

class LuaSubsetParser {
  private pos = 0;
  /** For every string expression: the character that follows it. */
  readonly followers: string[] = [];

  constructor(private readonly src: string) {}

  static parse(src: string): { call: Extract<LuaValue, { t: 'call' }>; followers: string[] } {
    const parser = new LuaSubsetParser(src);
    const call = parser.call();
    parser.ws();
    if (parser.pos !== src.length) parser.fail('trailing text');
    return { call, followers: parser.followers };
  }

  private fail(what: string): never {
    throw new Error(`Lua parse error (${what}) at ${this.pos}: ${this.src.slice(Math.max(0, this.pos - 20), this.pos)}|${this.src.slice(this.pos, this.pos + 20)}`);
  }

  ws(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private expect(text: string): void {
    this.ws();
    if (!this.src.startsWith(text, this.pos)) this.fail(`expected ${text}`);
    this.pos += text.length;
  }

  private name(): string {
    this.ws();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos));
    if (!match) this.fail('expected a name');
    this.pos += match[0].length;
    return match[0];
  }

  call(): Extract<LuaValue, { t: 'call' }> {
    const name = this.name();
    this.expect('(');
    const args: LuaValue[] = [];
    this.ws();
    if (this.src[this.pos] !== ')') {
      for (;;) {
        args.push(this.value());
        this.ws();
        if (this.src[this.pos] === ',') this.pos++;
        else break;
      }
    }
    this.expect(')');
    return { t: 'call', name, args };
  }

  private value(): LuaValue {
    this.ws();
    const c = this.src[this.pos];
    if (c === '{') return this.table();
    if (c !== undefined && /[0-9]/.test(c)) {
      const digits = /^[0-9]+/.exec(this.src.slice(this.pos))![0];
      this.pos += digits.length;
      return { t: 'num', value: Number(digits) };
    }
    return this.stringExpr();
  }

  private table(): LuaValue {
    this.expect('{');
    const items: { key?: LuaValue; value: LuaValue }[] = [];
    this.ws();
    if (this.src[this.pos] === '}') {
      this.pos++;
      return { t: 'table', items };
    }
    for (;;) {
      this.ws();
      if (this.src[this.pos] === '[') {
        this.pos++;
        const key = this.stringExpr();
        this.expect(']');
        this.expect('=');
        items.push({ key, value: this.value() });
      } else if (/^[A-Za-z_][A-Za-z0-9_]* *=/.test(this.src.slice(this.pos)) && !this.src.slice(this.pos).startsWith('string.char')) {
        const key = this.name();
        this.expect('=');
        items.push({ key: { t: 'str', bytes: utf8(key) }, value: this.value() });
      } else {
        items.push({ value: this.value() });
      }
      this.ws();
      if (this.src[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}');
      return { t: 'table', items };
    }
  }

  private stringExpr(): LuaValue {
    const bytes = this.term();
    for (;;) {
      const save = this.pos;
      this.ws();
      if (this.src.startsWith('..', this.pos)) {
        this.pos += 2;
        bytes.push(...this.term());
      } else {
        this.pos = save;
        break;
      }
    }
    const save = this.pos;
    this.ws();
    this.followers.push(this.src[this.pos] ?? '<end>');
    this.pos = save;
    return { t: 'str', bytes };
  }

  private term(): number[] {
    this.ws();
    if (this.src[this.pos] === "'") return this.literal();
    if (this.src.startsWith('string.char', this.pos)) {
      this.pos += 'string.char'.length;
      this.expect('(');
      const bytes: number[] = [];
      for (;;) {
        this.ws();
        const digits = /^[0-9]+/.exec(this.src.slice(this.pos));
        if (!digits) this.fail('expected a byte');
        this.pos += digits[0].length;
        const byte = Number(digits[0]);
        if (byte > 255) this.fail('byte over 255');
        bytes.push(byte);
        this.ws();
        if (this.src[this.pos] === ',') this.pos++;
        else break;
      }
      this.expect(')');
      return bytes;
    }
    return this.fail('expected a string');
  }

  private literal(): number[] {
    const bytes: number[] = [];
    this.pos++; // opening quote
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('unterminated literal');
      if (c === "'") {
        this.pos++;
        return bytes;
      }
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '\\' || next === "'") {
          bytes.push(next.charCodeAt(0));
          this.pos += 2;
        } else if (next !== undefined && /[0-9]/.test(next)) {
          const digits = /^[0-9]{1,3}/.exec(this.src.slice(this.pos + 1))![0]; // Lua reads up to 3 digits
          if (Number(digits) > 255) this.fail('escape over 255');
          bytes.push(Number(digits));
          this.pos += 1 + digits.length;
        } else {
          this.fail(`unexpected escape \\${next}`);
        }
        continue;
      }
      const code = c.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) this.fail(`raw byte ${code} in a literal`);
      bytes.push(code);
      this.pos++;
    }
  }
}

function field(table: LuaValue | undefined, key: string): LuaValue | undefined {
  if (table?.t !== 'table') return undefined;
  const wanted = Buffer.from(key, 'utf8').toString('hex');
  return table.items.find((item) => item.key?.t === 'str' && Buffer.from(item.key.bytes).toString('hex') === wanted)?.value;
}

function bytesOf(value: LuaValue | undefined): number[] {
  if (value?.t !== 'str') throw new Error(`expected a string value, got ${JSON.stringify(value)}`);
  return value.bytes;
}

// ---------------------------------------------------------------------------------------------
// PowerDNS text -> wire -> text, as dnsrecords.cc (LUA: xfrType + xfrText), DNSPacketWriter::xfrText
// (segmentDNSText: unescape, 255-byte segments), PacketReader::getText (txtEscape) and
// LUARecordContent::getCode (split on ", join with or without a space) do it.

function wireBytes(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      const digits = /^[0-9]{3}/.exec(text.slice(i + 1));
      if (digits) {
        bytes.push(Number(digits[0]));
        i += 3;
      } else {
        bytes.push(text.charCodeAt(i + 1));
        i += 1;
      }
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return bytes;
}

function txtEscape(bytes: readonly number[]): string {
  return bytes
    .map((b) => (b >= 127 || b < 32 ? `\\${String(b).padStart(3, '0')}` : b === 0x22 || b === 0x5c ? `\\${String.fromCharCode(b)}` : String.fromCharCode(b)))
    .join('');
}

/** The Lua a server runs after the record went through the wire (AXFR secondary, LMDB). */
function afterWire(lua: string, insertWhitespace: boolean): { code: string; segments: number } {
  const bytes = wireBytes(lua);
  const chunks: number[][] = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.slice(i, i + 255));
  const dCode = chunks.map((chunk) => `"${txtEscape(chunk)}"`).join(' ');
  const parts = dCode.split('"').filter((part) => part !== ''); // stringtok drops empty tokens
  const code = insertWhitespace ? parts.map((part) => `${part} `).join('') : parts.filter((part) => part !== ' ').join('');
  return { code, segments: chunks.length };
}

// ---------------------------------------------------------------------------------------------
// The checks every accepted content must pass

/** Lua expressions (rendered, and after the wire both ways) collected for the LuaJIT cross-check. */
const corpus: string[] = [];
const CORPUS_LIMIT = 4000;

/** A plain assertion: the hot loops below run ~30000 times, where jest's expect() is slow. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

function sameBytes(actual: readonly number[], expected: readonly number[], what: string): void {
  check(Buffer.compare(Buffer.from(actual), Buffer.from(expected)) === 0, () => `${what}: decoded ${Buffer.from(actual).toString('hex')}, expected ${Buffer.from(expected).toString('hex')}`);
}

function checkContent(type: LuaRecordType, content: string, call: LuaCall): Extract<LuaValue, { t: 'call' }> {
  const where = (): string => JSON.stringify(content);
  // (1) exactly the two outer double quotes; no newline, CR or other control character
  check(content.startsWith(`${type} "`) && content.endsWith('"'), () => `not "${type} \"...\"": ${where()}`);
  check(content.split('"').length === 3, () => `a double quote inside the Lua: ${where()}`);
  // eslint-disable-next-line no-control-regex
  check(!/[\x00-\x1f\x7f]/.test(content), () => `a control character: ${where()}`);
  check(!/\$\{|%\{/.test(content), () => `a Terraform template sequence: ${where()}`);
  const lua = content.slice(type.length + 2, -1);
  check(lua === call.render(), () => `content is not the rendered call: ${where()}`);
  // (2) the parser decodes it; (3) every string expression ends before , } ) or ]
  const { call: parsed, followers } = LuaSubsetParser.parse(lua);
  check(parsed.name === call.functionName, () => `calls ${parsed.name}: ${where()}`);
  check(followers.every((f) => [',', '}', ')', ']'].includes(f)), () => `a string is followed by ${JSON.stringify(followers)}: ${where()}`);
  // (4) same meaning after the wire, with or without whitespace between segments
  const withSpaces = afterWire(lua, true);
  const without = afterWire(lua, false);
  if (withSpaces.segments === 1) check(without.code === lua, () => `changed by the wire round trip: ${JSON.stringify(without.code)} from ${where()}`);
  const meaning = JSON.stringify(parsed);
  check(JSON.stringify(LuaSubsetParser.parse(withSpaces.code).call) === meaning, () => `means something else after the wire (spaces): ${JSON.stringify(withSpaces.code)}`);
  check(JSON.stringify(LuaSubsetParser.parse(without.code).call) === meaning, () => `means something else after the wire: ${JSON.stringify(without.code)}`);
  if (corpus.length < CORPUS_LIMIT) corpus.push(lua, withSpaces.code, without.code);
  return parsed;
}

/** Builds, expecting acceptance exactly when `accepted` says so; returns the call if built. */
function attempt(build: () => LuaCall, accepted: boolean, label: string, input: string): LuaCall | undefined {
  try {
    const call = build();
    if (!accepted) throw new Error(`${label} accepted ${JSON.stringify(input)}, which the rules reject`);
    return call;
  } catch (e) {
    if (!(e instanceof LuaRecordError)) throw e;
    if (accepted) throw new Error(`${label} rejected ${JSON.stringify(input)}: ${e.message}`);
    return undefined;
  }
}

const URL = 'https://app.example.org/healthz';
const STRINGS = 5200;

describe('every string the builder accepts round-trips exactly (seeded, deterministic)', () => {
  const r = new Random(0x5eed1);
  const inputs = Array.from({ length: STRINGS }, () => randomString(r));
  const counts = { stringmatch: 0, useragent: 0, header: 0, rawPath: 0, encodedPath: 0, rejected: 0 };

  test(`${STRINGS} random strings as stringmatch, useragent, header value and URL path`, () => {
    for (const s of inputs) {
      const fits = wellFormed(s) && joinsNeeded(s) <= 32;

      // stringmatch: any non-empty text without NUL
      const stringmatchCall = attempt(() => Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch: s }), fits && s.length > 0 && !s.includes('\u0000'), 'stringmatch', s);
      if (stringmatchCall) {
        const parsed = checkContent('A', luaRecordContent('A', stringmatchCall, '5.1'), stringmatchCall);
        sameBytes(bytesOf(field(parsed.args[2], 'stringmatch')), utf8(s), `stringmatch ${JSON.stringify(s)}`);
        counts.stringmatch++;
      } else counts.rejected++;

      // useragent and a header value: HTTP field values (no control characters except tab)
      const fieldOk = fits && s.length > 0 && !FIELD_FORBIDDEN.test(s);
      const useragentCall = attempt(() => Lua.ifurlup(URL, ['192.0.2.1'], { useragent: s }), fieldOk, 'useragent', s);
      if (useragentCall) {
        const parsed = checkContent('A', luaRecordContent('A', useragentCall, '5.1'), useragentCall);
        sameBytes(bytesOf(field(parsed.args[2], 'useragent')), utf8(s), `useragent ${JSON.stringify(s)}`);
        counts.useragent++;
      } else counts.rejected++;
      const headerCall = attempt(() => Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X-Test': s } }), fieldOk, 'header value', s);
      if (headerCall) {
        const parsed = checkContent('A', luaRecordContent('A', headerCall, '5.1'), headerCall);
        sameBytes(bytesOf(field(field(parsed.args[2], 'headers'), 'X-Test')), utf8(s), `header value ${JSON.stringify(s)}`);
        counts.header++;
      } else counts.rejected++;

      // URL path as given: accepted only if it is made of RFC 3986 characters
      const rawUrl = `https://app.example.org/${s}`;
      const rawCall = attempt(() => Lua.ifurlup(rawUrl, ['192.0.2.1']), wellFormed(s) && RFC3986.test(s) && joinsNeeded(rawUrl) <= 32, 'url', rawUrl);
      if (rawCall) {
        const parsed = checkContent('A', luaRecordContent('A', rawCall, '4.7'), rawCall);
        sameBytes(bytesOf(parsed.args[0]), utf8(rawUrl), `url ${JSON.stringify(rawUrl)}`);
        counts.rawPath++;
      } else counts.rejected++;

      // URL path percent-encoded (keeps ' ( ) * ! ~): always a valid URL
      if (wellFormed(s)) {
        const encodedUrl = `https://app.example.org/${encodeURIComponent(s)}?q=${encodeURIComponent(s)}`;
        const encodedCall = attempt(() => Lua.ifurlup(encodedUrl, ['192.0.2.1']), joinsNeeded(encodedUrl) <= 32, 'encoded url', encodedUrl);
        if (encodedCall) {
          const parsed = checkContent('A', luaRecordContent('A', encodedCall, '4.7'), encodedCall);
          sameBytes(bytesOf(parsed.args[0]), utf8(encodedUrl), `url ${JSON.stringify(encodedUrl)}`);
          counts.encodedPath++;
        } else counts.rejected++;
      }
    }
    const accepted = counts.stringmatch + counts.useragent + counts.header + counts.rawPath + counts.encodedPath;
    expect(accepted).toBeGreaterThanOrEqual(5000);
    expect(counts.stringmatch).toBeGreaterThanOrEqual(4000);
    expect(counts.useragent).toBeGreaterThanOrEqual(1000);
    expect(counts.rawPath).toBeGreaterThanOrEqual(500);
    expect(counts.rejected).toBeGreaterThanOrEqual(1000);
  });

  test('the generator covers the hard cases', () => {
    const all = inputs.join('');
    for (const hard of ["'", '"', '\\', '\n', '\r', '\u0000', ']]', '--', '..', '${', '%{', 'end', '€', '😀', '\u0001']) {
      expect({ hard, present: all.includes(hard) }).toEqual({ hard, present: true });
    }
    expect(inputs.some((s) => !wellFormed(s))).toBe(true);
    expect(inputs.some((s) => utf8(s).length > 255)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Random builder calls: whatever is accepted is safe

function randomIPv4(r: Random): string {
  return Array.from({ length: 4 }, () => r.int(256)).join('.');
}

function randomIPv6(r: Random): string {
  const words = Array.from({ length: 8 }, () => (r.chance(0.4) ? 0 : r.int(0x10000)).toString(16));
  if (r.chance(0.5)) {
    const start = r.int(7);
    const length = 1 + r.int(8 - start - 1);
    const head = words.slice(0, start).join(':');
    const tail = words.slice(start + length).join(':');
    return `${head}::${tail}`;
  }
  return words.map((w) => (r.chance(0.3) ? w.toUpperCase() : w)).join(':');
}

function randomHostname(r: Random): string {
  const labels = Array.from({ length: 1 + r.int(4) }, () => r.pick(['www', 'eu', 'us-east', 'a', 'x1', 'app', '_srv', 'b-2']));
  return `${labels.join('.')}.${r.pick(['org', 'example', 'test'])}${r.chance(0.5) ? '.' : ''}`;
}

function randomValue(r: Random, family: 'IPv4' | 'IPv6' | 'hostname'): string {
  if (r.chance(0.04)) return randomString(r);
  return family === 'IPv4' ? randomIPv4(r) : family === 'IPv6' ? randomIPv6(r) : randomHostname(r);
}

function randomOptions(r: Random, url: boolean): UrlCheckOptions {
  const options: Record<string, unknown> = {};
  const maybe = (key: string, make: () => unknown): void => {
    if (r.chance(0.25)) options[key] = make();
  };
  const int = (): number => r.pick([0, 1, 2, 5, 30, 404, 2147483647, -1, 1.5, 65536]);
  maybe('selector', () => r.pick(['random', 'all', 'hashed', 'pickclosest', 'first']));
  maybe('backupSelector', () => r.pick(['random', 'all', 'hashed', 'pickclosest', 'empty', 'none']));
  maybe('timeout', int);
  maybe('interval', int);
  maybe('minimumFailures', int);
  maybe('failOnIncompleteCheck', () => r.pick([true, false]));
  maybe('source', () => r.pick([randomIPv4(r), randomIPv6(r), 'localhost']));
  if (url) {
    maybe('stringmatch', () => randomString(r));
    maybe('useragent', () => randomString(r));
    maybe('byteslimit', int);
    maybe('httpcode', () => r.pick([200, 204, 301, 404, 99, 600]));
    maybe('headers', () => (r.chance(0.8) ? { 'X-Test': randomString(r), Authorization: randomString(r) } : { 'Bad Name': 'x' }));
  }
  return options as UrlCheckOptions;
}

describe('random builder calls', () => {
  test('3000 seeded calls: rejections are LuaRecordErrors, accepted contents are safe and parse', () => {
    const r = new Random(0xd15ea5e);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 3000; i++) {
      const family = r.pick(['IPv4', 'IPv6', 'hostname'] as const);
      const values = Array.from({ length: 1 + r.int(5) }, () => randomValue(r, family));
      const fn = r.pick(['ifportup', 'ifurlup', 'pickclosest', 'pickrandom', 'pickhashed', 'pickwrandom', 'pickwhashed', 'all'] as const);
      const targets = r.chance(0.4) ? { groups: [values.slice(0, 1 + r.int(values.length)), values.slice(1)].filter((g) => g.length > 0 || r.chance(0.2)) } : values;
      let call: LuaCall;
      try {
        switch (fn) {
          case 'ifportup':
            call = Lua.ifportup(r.pick([443, 53, 0, 65535]), targets, randomOptions(r, false));
            break;
          case 'ifurlup':
            call = Lua.ifurlup(r.pick([URL, "http://[2001:db8::1]:8080/it's", 'https://a.example/?q=%20', 'ftp://x/']), targets, randomOptions(r, true));
            break;
          case 'pickwrandom':
          case 'pickwhashed':
            call = Lua[fn](values.map((address) => ({ address, weight: r.pick([1, 2, 10, 0, 1000]) })));
            break;
          default:
            call = Lua[fn](values);
        }
      } catch (e) {
        if (!(e instanceof LuaRecordError)) throw e;
        rejected++;
        continue;
      }
      // Every plain value stays one literal, even in long contents (callers look addresses up verbatim)
      for (const value of values) {
        if (/^[A-Za-z0-9.:_-]+$/.test(value)) check(call.render().includes(`'${value}'`), () => `${JSON.stringify(value)} is not one literal in ${call.render()}`);
      }
      for (const type of ['A', 'AAAA', 'CNAME'] as const) {
        const target = r.pick(PDNS_VERSIONS) as PdnsVersion;
        let content: string;
        try {
          content = luaRecordContent(type, call, target);
        } catch (e) {
          if (!(e instanceof LuaRecordError)) throw e;
          continue;
        }
        checkContent(type, content, call);
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(500);
    expect(rejected).toBeGreaterThanOrEqual(300);
  });
});

// ---------------------------------------------------------------------------------------------
// Real Lua: LuaJIT (what Debian's pdns-server 4.7.3 links) parses and evaluates every expression

function serialize(value: LuaValue): string {
  const hex = (bytes: readonly number[]): string => Buffer.from(bytes).toString('hex');
  switch (value.t) {
    case 'str':
      return `s${hex(value.bytes)}`;
    case 'num':
      return `n${value.value}`;
    case 'call':
      return serialize({ t: 'table', items: [{ value: { t: 'str', bytes: utf8(value.name) } }, ...value.args.map((arg) => ({ value: arg }))] });
    case 'table': {
      let index = 0;
      const items = value.items.map((item) => `${item.key ? serialize(item.key) : `n${++index}`}=${serialize(item.value)}`);
      return `{${items.sort().join(',')}}`;
    }
  }
}

const LUA_EVALUATOR = [
  'local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", string.byte(c)) end)) end',
  'local ser',
  'ser = function(v)',
  '  local t = type(v)',
  '  if t == "string" then return "s" .. hex(v) end',
  '  if t == "number" then return "n" .. string.format("%d", v) end',
  '  if t == "table" then',
  '    local items = {}',
  '    for k, x in pairs(v) do items[#items + 1] = ser(k) .. "=" .. ser(x) end',
  '    table.sort(items)',
  '    return "{" .. table.concat(items, ",") .. "}"',
  '  end',
  '  return "?" .. t',
  'end',
  'for _, name in ipairs({"ifportup", "ifurlup", "pickclosest", "pickrandom", "pickhashed", "pickwrandom", "pickwhashed", "all"}) do',
  '  _G[name] = function(...) return {name, ...} end',
  'end',
  'for line in io.lines(arg[1]) do',
  '  local chunk, err = loadstring("return " .. line)',
  '  if not chunk then print("ERROR " .. err) else',
  '    local ok, result = pcall(chunk)',
  '    if ok then print(ser(result)) else print("ERROR " .. tostring(result)) end',
  '  end',
  'end',
].join('\n');

function luajitBinary(): string {
  const local = path.join(PROJECT_DIR, '.tools', 'bin', 'luajit');
  return fs.existsSync(local) ? local : 'luajit';
}

describe('LuaJIT agrees', () => {
  itWithTool('luajit')('parses and evaluates every collected expression to the values the parser read', () => {
    // GIVEN the expressions collected above (rendered, and after the wire both ways) plus fixed ones
    const fixed = [
      Lua.ifurlup(URL, { groups: [['192.0.2.1', '192.0.2.2'], ['198.51.100.1']] }, { selector: 'all', stringmatch: `it's "ok" \\ \n €` }).render(),
      Lua.ifportup(443, ['2001:db8::1'], { failOnIncompleteCheck: true, interval: 5, backupSelector: 'empty' }).render(),
      Lua.pickwhashed([{ address: 'eu.example.org.', weight: 3 }, { address: 'us.example.org.', weight: 1 }]).render(),
      Lua.ifurlup(URL, { groups: [Array.from({ length: 30 }, (_, i) => `198.51.100.${i + 1}`), ['192.0.2.1']] }, { stringmatch: "'".repeat(20) + 'x'.repeat(400), headers: { 'X-A': '"'.repeat(5) } }).render(),
    ];
    const lines = [...fixed, ...corpus];
    expect(lines.length).toBeGreaterThan(1000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lua-records-'));
    try {
      fs.writeFileSync(path.join(dir, 'evaluate.lua'), LUA_EVALUATOR);
      fs.writeFileSync(path.join(dir, 'expressions.txt'), `${lines.join('\n')}\n`);
      // WHEN LuaJIT evaluates them with stub functions that return their arguments
      const output = execFileSync(luajitBinary(), [path.join(dir, 'evaluate.lua'), path.join(dir, 'expressions.txt')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const results = output.split('\n').slice(0, -1);
      // THEN every line compiles and yields exactly what the TypeScript parser decoded
      expect(results).toHaveLength(lines.length);
      const mismatches = lines
        .map((line, i) => ({ line, lua: results[i], expected: serialize(LuaSubsetParser.parse(line).call) }))
        .filter(({ lua, expected }) => lua !== expected)
        .slice(0, 3);
      expect(mismatches).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
