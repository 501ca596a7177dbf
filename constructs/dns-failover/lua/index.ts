/**
 * PowerDNS LUA record contents that are correct by construction (the Lua builder).
 *
 * Pure: no cdktf, no files, no environment, no clock. Every public entry point validates its
 * input and throws {@link LuaRecordError} with a message that names the offending input, echoes
 * it and says what is allowed (or which PowerDNS version it needs).
 *
 * What "correct" means here (see shared/notes/powerdns-lua.md and the sources cited below):
 * - The content is `<TYPE> "<lua>"`: upper-case type, one space, the Lua in double quotes. The Lua
 *   never contains a double quote (PowerDNS splits the content on `"`, LUARecordContent::getCode),
 *   a newline or any other control character.
 * - Strings are single-quoted Lua literals: `\\` for a backslash and `\ddd` (always 3 digits) for
 *   every byte that is not printable ASCII (input is encoded as UTF-8 first). The two quote
 *   characters are NOT escaped inside a literal: `'` and `"` are written as `string.char(39)` /
 *   `string.char(34)` joined with `..`. Reason: LUA records are stored and transferred in DNS
 *   wire format by AXFR and by the LMDB backend (dnsrecords.cc `boilerplate_conv(LUA, ...
 *   conv.xfrText(d_code, true))`, DNSPacketWriter::xfrText -> segmentDNSText, which unescapes
 *   `\X` and `\ddd`), and the text read back is re-escaped only for `"`, `\` and non-printable
 *   bytes (txtEscape). So `'it\'s'` reaches a secondary as `'it's'` (a Lua syntax error, SERVFAIL),
 *   and `\034` comes back as `\"`, which getCode splits. Measured on pdns-server 4.7.3: an AXFR
 *   secondary SERVFAILs on `'it\'s'` ("'<eof>' expected near 's'") and answers for
 *   `'it' .. string.char(39) .. 's'`. Everything this module renders is a fixed point of that
 *   text -> wire -> text round trip (the property test checks it).
 * - The text never contains `${` or `%{` (a literal is split between `$`/`%` and `{`): record
 *   contents end up in Terraform JSON, where those sequences start template interpolation.
 * - Option values are strings or integers, never booleans or floats: PowerDNS reads the options
 *   table as map<string,string> (`opts_t` in lua-record.cc); LuaWrapper converts numbers with
 *   lua_tolstring but a boolean fails the whole call (SERVFAIL, measured on 4.7.3), hence
 *   `failOnIncompleteCheck='true'` as upstream's own regression tests write it. A table-valued
 *   option (`headers`) on a server older than 5.1 fails the same way, so version gates matter:
 *   older servers silently ignore unknown *scalar* options but SERVFAIL on table values.
 *
 * Decisions:
 * - Duplicate addresses are rejected everywhere (also across failover groups). Health-checked
 *   weights are offered as `{ weighted }` address lists: the builder itself repeats each address by
 *   its reduced weight in one flat if*up list, and refuses the selectors that ignore repetition
 *   ('all' would answer with duplicates, 'pickclosest' by location).
 * - A `{ groups }` list with a single group is rendered as a flat list (same behaviour in
 *   PowerDNS, and it keeps ifportup usable on 4.7).
 * - URLs are rendered exactly as given; they must be http(s) with a host, without user info or
 *   fragment, and only contain RFC 3986 characters (percent-encode anything else).
 * - Long contents: PowerDNS cuts the text into 255-byte segments on the wire, and servers before
 *   5.0 (or with lua-records-insert-whitespace=yes) put a space at each cut when they read it back.
 *   Rendering therefore places every 255th wire byte between two Lua tokens (spaces before a
 *   token; long literals cut into `'...' .. '...'`), see layoutForWireSegments. Text replaced in
 *   the content after rendering (e.g. a placeholder address swapped for a longer one) shifts the
 *   cuts; records over 255 bytes are then only safe on 5.0+ with the default setting.
 * - The server also limits a `..` chain (LuaJIT: 200 levels) and instructions per record
 *   (lua-records-exec-limit, 1000): at most 32 joins per string and 96 per call are accepted.
 *
 * Files: versions.ts (feature table: which release has which function/option), errors.ts,
 * escaping.ts (Lua string literals), values.ts (addresses, hostnames, URLs), wire.ts (255-byte
 * segments), options.ts (the if*up options table), builders.ts (Lua.* and luaRecordContent).
 * The supported release lines and the default come from lib/config/powerdns-versions.ts.
 */
export { LuaRecordError } from './errors';
export { compareVersions, DEFAULT_PDNS_VERSION, LUA_FEATURES, PDNS_VERSIONS } from './versions';
export type { LuaFeature, LuaFeatureName, PdnsVersion } from './versions';
export type { BackupSelector, CheckOptions, PortCheckOptions, Selector, UrlCheckOptions } from './options';
export { Lua, luaRecordContent, MAX_WEIGHT_SLOTS } from './builders';
export type { AddressList, LuaCall, LuaRecordType, WeightedAddress } from './builders';
export { IPV4_PATTERN } from './values';
export { WIRE_SEGMENT } from './wire';
