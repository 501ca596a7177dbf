/**
 * Where PowerDNS cuts a LUA record's text on the wire (255-byte segments), and the layout that
 * keeps every cut between two Lua tokens.
 */

/** PowerDNS cuts text into segments of this many (unescaped) bytes on the wire (segmentDNSText). */
export const WIRE_SEGMENT = 255;
/** Literals up to this many wire bytes (quotes included) are never cut, only moved. */
const MAX_UNSPLIT_LITERAL = 64;

/**
 * Makes every multiple of 255 wire bytes fall between two Lua tokens.
 *
 * On the wire (AXFR, LMDB) a LUA record's text travels as 255-byte segments; the receiver reads
 * them back as `"seg1" "seg2"` and LUARecordContent::getCode joins them with a space (before 5.0,
 * and with lua-records-insert-whitespace=yes) or without. A space inside a token changes the Lua:
 * measured on 4.7.3, a secondary answered 127.0.0.0 for `'127.0.0.2'` split as `'127.0 .0.2'`.
 * Between tokens either join is harmless. So: a token that would straddle a boundary is pushed
 * past it with spaces; a string literal longer than 64 bytes that straddles one is cut there into
 * `'...' .. '...'` (shorter ones, such as every address, are moved whole and stay findable).
 * Text of at most 255 wire bytes is returned unchanged.
 */
export function layoutForWireSegments(lua: string): { text: string; splits: number } {
  let out = '';
  let position = 0; // wire bytes written
  let splits = 0;
  const chunkOf = (offset: number): number => Math.floor(offset / WIRE_SEGMENT);
  const straddles = (length: number): boolean => length > 0 && chunkOf(position) !== chunkOf(position + length - 1);
  const padToBoundary = (): void => {
    const spaces = (chunkOf(position) + 1) * WIRE_SEGMENT - position;
    out += ' '.repeat(spaces);
    position += spaces;
  };
  let i = 0;
  while (i < lua.length) {
    const char = lua[i];
    if (char === "'") {
      // A literal: each unit is the text of one wire byte (a character, an escaped backslash or \ddd).
      const units: string[] = [];
      let j = i + 1;
      while (lua[j] !== "'") {
        const unit = lua[j] === '\\' ? (lua[j + 1] === '\\' ? '\\\\' : lua.slice(j, j + 4)) : lua[j];
        units.push(unit);
        j += unit.length;
      }
      i = j + 1;
      let rest = units;
      // Short literals (addresses, selectors, ...) move whole: callers may look them up verbatim.
      if (rest.length + 2 <= MAX_UNSPLIT_LITERAL && straddles(rest.length + 2)) padToBoundary();
      while (straddles(rest.length + 2)) {
        const room = (chunkOf(position) + 1) * WIRE_SEGMENT - position - 2; // units that fit before the boundary
        if (room < 1) {
          padToBoundary();
          continue;
        }
        out += `'${rest.slice(0, room).join('')}' .. `;
        position += room + 2 + 4;
        rest = rest.slice(room);
        splits++;
      }
      out += `'${rest.join('')}'`;
      position += rest.length + 2;
      continue;
    }
    // Any other token: string.char (kept whole for readability), a name, a number, `..`, or one character.
    const token = /^(?:string\.char|[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\.\.|\s|.)/.exec(lua.slice(i))![0];
    if (token !== ' ' && straddles(token.length)) padToBoundary();
    out += token;
    position += token.length;
    i += token.length;
  }
  return { text: out, splits };
}
