import {
  compareVersions,
  DEFAULT_PDNS_VERSION,
  Lua,
  LUA_FEATURES,
  LuaCall,
  LuaRecordError,
  luaRecordContent,
  PDNS_VERSIONS,
  PdnsVersion,
  UrlCheckOptions,
} from '../../constructs/dns-failover/lua';

const URL = 'https://app.example.org/healthz';

/** Runs `build` and expects a LuaRecordError whose message matches `message`. */
function expectRejection(build: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    build();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(LuaRecordError);
  expect((thrown as Error).message).toMatch(message);
}

/** The stringmatch option as rendered (the Lua between `stringmatch=` and the closing `})`). */
function renderedStringmatch(stringmatch: string): string {
  const lua = Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch }).render();
  const prefix = `ifurlup('${URL}', {'192.0.2.1'}, {stringmatch=`;
  expect(lua.startsWith(prefix) && lua.endsWith('})')).toBe(true);
  return lua.slice(prefix.length, -2);
}

describe('luaRecordContent renders each function as the PowerDNS docs write it', () => {
  test('ifportup with a flat list and no options', () => {
    // GIVEN two web servers WHEN checked on port 443 THEN the call lists both, no options table
    expect(luaRecordContent('A', Lua.ifportup(443, ['192.0.2.1', '192.0.2.2']))).toBe(
      `A "ifportup(443, {'192.0.2.1', '192.0.2.2'})"`,
    );
  });

  test('ifportup with every port option, in the fixed option order', () => {
    const call = Lua.ifportup(443, ['192.0.2.1', '192.0.2.2'], {
      failOnIncompleteCheck: true,
      minimumFailures: 3,
      interval: 10,
      timeout: 1,
      source: '192.0.2.53',
      backupSelector: 'all',
      selector: 'all',
    });
    expect(luaRecordContent('A', call, '5.0')).toBe(
      `A "ifportup(443, {'192.0.2.1', '192.0.2.2'}, {selector='all', backupSelector='all', source='192.0.2.53', timeout=1, interval=10, minimumFailures=3, failOnIncompleteCheck='true'})"`,
    );
  });

  test('ifportup with failover groups (4.8+)', () => {
    const call = Lua.ifportup(443, { groups: [['192.0.2.1', '192.0.2.2'], ['198.51.100.1']] }, { selector: 'all' });
    expect(luaRecordContent('A', call, '4.8')).toBe(
      `A "ifportup(443, {{'192.0.2.1', '192.0.2.2'}, {'198.51.100.1'}}, {selector='all'})"`,
    );
  });

  test('a single failover group is rendered as a flat list, so it works on 4.7', () => {
    const call = Lua.ifportup(53, { groups: [['192.0.2.1', '192.0.2.2']] });
    expect(call.minimumVersion).toBe('4.7');
    expect(luaRecordContent('A', call, '4.7')).toBe(`A "ifportup(53, {'192.0.2.1', '192.0.2.2'})"`);
  });

  test('ifurlup with failover groups and options (the docs example shape)', () => {
    const call = Lua.ifurlup(URL, { groups: [['192.0.2.1', '192.0.2.2'], ['198.51.100.1']] }, { selector: 'all', stringmatch: 'ok' });
    expect(luaRecordContent('A', call)).toBe(
      `A "ifurlup('https://app.example.org/healthz', {{'192.0.2.1', '192.0.2.2'}, {'198.51.100.1'}}, {selector='all', stringmatch='ok'})"`,
    );
  });

  test('ifurlup with a flat list and no options', () => {
    expect(luaRecordContent('A', Lua.ifurlup(URL, ['192.0.2.1']))).toBe(`A "ifurlup('https://app.example.org/healthz', {'192.0.2.1'})"`);
  });

  test('ifurlup for AAAA', () => {
    const call = Lua.ifurlup('http://[2001:db8::53]:8080/ready?probe=dns', ['2001:db8::1', '2001:db8::2'], { selector: 'hashed' });
    expect(luaRecordContent('AAAA', call)).toBe(
      `AAAA "ifurlup('http://[2001:db8::53]:8080/ready?probe=dns', {'2001:db8::1', '2001:db8::2'}, {selector='hashed'})"`,
    );
  });

  test('ifurlup with every numeric and selector option (5.1): integers bare, booleans as strings', () => {
    const call = Lua.ifurlup('http://a.example/', ['192.0.2.1'], {
      httpcode: 204,
      byteslimit: 4096,
      failOnIncompleteCheck: false,
      minimumFailures: 2,
      interval: 15,
      timeout: 3,
      source: '192.0.2.53',
      backupSelector: 'empty',
      selector: 'pickclosest',
    });
    expect(call.minimumVersion).toBe('5.1');
    expect(luaRecordContent('A', call, '5.1')).toBe(
      `A "ifurlup('http://a.example/', {'192.0.2.1'}, {selector='pickclosest', backupSelector='empty', source='192.0.2.53', timeout=3, interval=15, minimumFailures=2, failOnIncompleteCheck='false', byteslimit=4096, httpcode=204})"`,
    );
  });

  test('ifurlup with the text options (5.1): headers as a table in name order', () => {
    const call = Lua.ifurlup(URL, ['192.0.2.1'], {
      headers: { 'X-Probe': 'dns', Authorization: 'Bearer abc' },
      useragent: 'probe/1',
      stringmatch: '"status":"ok"',
    });
    expect(luaRecordContent('A', call, '5.1')).toBe(
      `A "ifurlup('https://app.example.org/healthz', {'192.0.2.1'}, {stringmatch=string.char(34) .. 'status' .. string.char(34) .. ':' .. string.char(34) .. 'ok' .. string.char(34), useragent='probe/1', headers={['Authorization']='Bearer abc', ['X-Probe']='dns'}})"`,
    );
  });

  test('pickclosest', () => {
    expect(luaRecordContent('A', Lua.pickclosest(['192.0.2.1', '198.51.100.1']))).toBe(`A "pickclosest({'192.0.2.1', '198.51.100.1'})"`);
  });

  test('pickrandom with addresses and with CNAME targets', () => {
    expect(luaRecordContent('A', Lua.pickrandom(['192.0.2.1', '192.0.2.2']))).toBe(`A "pickrandom({'192.0.2.1', '192.0.2.2'})"`);
    expect(luaRecordContent('CNAME', Lua.pickrandom(['eu.example.org.', 'us.example.org.']))).toBe(
      `CNAME "pickrandom({'eu.example.org.', 'us.example.org.'})"`,
    );
  });

  test('pickhashed', () => {
    expect(luaRecordContent('AAAA', Lua.pickhashed(['2001:db8::1', '2001:db8::2']))).toBe(`AAAA "pickhashed({'2001:db8::1', '2001:db8::2'})"`);
  });

  test('pickwrandom and pickwhashed as {weight, value} pairs (the docs example)', () => {
    const weighted = [
      { address: '192.0.2.1', weight: 15 },
      { address: '198.51.100.5', weight: 100 },
    ];
    expect(luaRecordContent('A', Lua.pickwrandom(weighted))).toBe(`A "pickwrandom({{15, '192.0.2.1'}, {100, '198.51.100.5'}})"`);
    expect(luaRecordContent('A', Lua.pickwhashed(weighted))).toBe(`A "pickwhashed({{15, '192.0.2.1'}, {100, '198.51.100.5'}})"`);
    expect(luaRecordContent('CNAME', Lua.pickwhashed([{ address: 'eu.example.org', weight: 1 }, { address: 'us.example.org', weight: 3 }]))).toBe(
      `CNAME "pickwhashed({{1, 'eu.example.org'}, {3, 'us.example.org'}})"`,
    );
  });

  test('all, and all with one CNAME target', () => {
    expect(luaRecordContent('A', Lua.all(['192.0.2.1', '192.0.2.2']))).toBe(`A "all({'192.0.2.1', '192.0.2.2'})"`);
    expect(luaRecordContent('CNAME', Lua.all(['www.example.org.']))).toBe(`CNAME "all({'www.example.org.'})"`);
  });

  test('addresses are rendered exactly as written', () => {
    expect(luaRecordContent('AAAA', Lua.pickrandom(['2001:DB8::A', '::ffff:192.0.2.1']))).toBe(`AAAA "pickrandom({'2001:DB8::A', '::ffff:192.0.2.1'})"`);
  });

  test('functionName names the PowerDNS function', () => {
    expect(Lua.ifportup(1, ['192.0.2.1']).functionName).toBe('ifportup');
    expect(Lua.pickwhashed([{ address: '192.0.2.1', weight: 1 }]).functionName).toBe('pickwhashed');
  });
});

describe('strings are single-quoted literals that survive PowerDNS text and wire forms', () => {
  test.each<[string, string, string]>([
    ['plain text stays readable', 'ok', `'ok'`],
    ['a single quote becomes string.char(39)', "it's", `'it' .. string.char(39) .. 's'`],
    ['double quotes become string.char(34)', '"up"', `string.char(34) .. 'up' .. string.char(34)`],
    ['a run of quotes is one string.char call', `a'"b`, `'a' .. string.char(39, 34) .. 'b'`],
    ['only quotes', "'", 'string.char(39)'],
    ['a backslash is doubled', 'a\\b', `'a\\\\b'`],
    ['control characters become 3-digit decimal escapes', 'line1\nline2\r\t', `'line1\\010line2\\013\\009'`],
    ['an escape is always 3 digits, so a following digit stays separate', 'x\n1', `'x\\0101'`],
    ['DEL is escaped', 'a\u007fb', `'a\\127b'`],
    ['non-ASCII is escaped byte by byte as UTF-8', '€ ü 😀', `'\\226\\130\\172 \\195\\188 \\240\\159\\152\\128'`],
    ['${ and %{ are split so Terraform never sees a template', '${x} %{y} $x{', `'$' .. '{x} %' .. '{y} $x{'`],
    ['Lua syntax inside a string is just text', ']] -- .. end [[', `']] -- .. end [['`],
  ])('%s', (_name, input, rendered) => {
    expect(renderedStringmatch(input)).toBe(rendered);
  });

  test('quotes in a URL and a header value use string.char too', () => {
    const call = Lua.ifurlup("https://app.example.org/it's%20ok", ['192.0.2.1'], { headers: { 'If-None-Match': '"v1"' } });
    expect(luaRecordContent('A', call, '5.1')).toBe(
      `A "ifurlup('https://app.example.org/it' .. string.char(39) .. 's%20ok', {'192.0.2.1'}, {headers={['If-None-Match']=string.char(34) .. 'v1' .. string.char(34)}})"`,
    );
  });

  test('the rendered content never contains a double quote inside the Lua', () => {
    const content = luaRecordContent('A', Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch: `"'"\\"`, useragent: 'a"b' }));
    expect(content.match(/"/g)).toHaveLength(2);
    expect(content.startsWith('A "')).toBe(true);
    expect(content.endsWith('"')).toBe(true);
  });
});

describe('long contents are laid out for 255-byte wire segments', () => {
  /** Offsets where one Lua token ends and the next begins (no escapes in these examples). */
  function tokenEdges(lua: string): Set<number> {
    const edges = new Set<number>([0]);
    const token = /'[^']*'|[A-Za-z_][A-Za-z0-9_]*|[0-9]+|\.\.| |./gy;
    let match: RegExpExecArray | null;
    while ((match = token.exec(lua)) !== null && match[0] !== '') edges.add(token.lastIndex);
    return edges;
  }

  test('every multiple of 255 unescaped bytes falls between two Lua tokens', () => {
    // GIVEN a call whose Lua is several wire segments long
    const addresses = Array.from({ length: 40 }, (_, i) => `198.51.100.${i + 1}`);
    const lua = Lua.ifurlup(URL, { groups: [addresses.slice(0, 20), addresses.slice(20)] }, { stringmatch: 'x'.repeat(600) }).render();
    expect(lua.length).toBeGreaterThan(3 * 255);
    // WHEN cut every 255 bytes (no escapes here, so text bytes are wire bytes)
    const edges = tokenEdges(lua);
    const cutsInsideTokens = [];
    for (let offset = 255; offset < lua.length; offset += 255) {
      if (!edges.has(offset)) cutsInsideTokens.push(`${offset}: ${lua.slice(offset - 10, offset)}|${lua.slice(offset, offset + 10)}`);
    }
    // THEN no cut falls inside a literal, a name or a number
    expect(cutsInsideTokens).toEqual([]);
    // AND the long string was cut into joined literals that still spell 600 x's
    expect([...lua.matchAll(/'(x+)'/g)].map((m) => m[1]).join('')).toBe('x'.repeat(600));
    // AND short literals such as addresses were moved whole, never cut
    for (const address of addresses) expect(lua).toContain(`'${address}'`);
  });

  test('content of at most 255 bytes is left as is', () => {
    const call = Lua.pickrandom(Array.from({ length: 15 }, (_, i) => `192.0.2.${i + 1}`));
    expect(call.render().length).toBeLessThanOrEqual(255);
    expect(call.render()).toBe(`pickrandom({${Array.from({ length: 15 }, (_, i) => `'192.0.2.${i + 1}'`).join(', ')}})`);
  });
});

describe('invalid input is rejected with a message naming it', () => {
  test.each<[string, () => unknown, RegExp]>([
    ['port 0', () => Lua.ifportup(0, ['192.0.2.1']), /ifportup: port must be an integer from 1 to 65535; received 0/],
    ['port 65536', () => Lua.ifportup(65536, ['192.0.2.1']), /port must be an integer from 1 to 65535; received 65536/],
    ['a fractional port', () => Lua.ifportup(44.5, ['192.0.2.1']), /port must be an integer .* received 44.5/],
    ['port NaN', () => Lua.ifportup(NaN, ['192.0.2.1']), /received NaN/],
    ['an empty address list', () => Lua.ifportup(443, []), /ifportup: addresses must not be empty/],
    ['no groups', () => Lua.ifurlup(URL, { groups: [] }), /ifurlup: addresses.groups must not be empty/],
    ['an empty group', () => Lua.ifurlup(URL, { groups: [['192.0.2.1'], []] }), /addresses.groups\[1\] must not be empty/],
    ['addresses of the wrong shape', () => Lua.ifurlup(URL, '192.0.2.1' as unknown as string[]), /addresses must be an array of addresses or \{ groups/],
    ['a duplicate address', () => Lua.pickrandom(['192.0.2.1', '192.0.2.2', '192.0.2.1']), /addresses\[2\] "192.0.2.1" duplicates addresses\[0\]; every address may appear once/],
    ['an address in two groups', () => Lua.ifurlup(URL, { groups: [['192.0.2.1'], ['192.0.2.1']] }), /addresses.groups\[1\]\[0\] "192.0.2.1" duplicates addresses.groups\[0\]\[0\]/],
    ['one IPv6 address written two ways', () => Lua.pickrandom(['2001:db8::1', '2001:DB8:0:0::1']), /"2001:DB8:0:0::1" duplicates addresses\[0\]/],
    ['mixed address families', () => Lua.pickrandom(['192.0.2.1', '2001:db8::1']), /addresses\[1\] "2001:db8::1" is an IPv6 address but addresses\[0\] is an IPv4 address/],
    ['a hostname for a health check', () => Lua.ifportup(443, ['app.example.org']), /ifportup: addresses\[0\] "app.example.org" is not an IPv4 address \(192.0.2.1\) or an IPv6 address/],
    ['a hostname for pickclosest', () => Lua.pickclosest(['app.example.org']), /pickclosest: addresses\[0\] "app.example.org" is not an IPv4 address/],
    ['a non-string address', () => Lua.pickrandom([42 as unknown as string]), /pickrandom: addresses\[0\] must be a string; received 42/],
    ['weights of zero', () => Lua.pickwrandom([{ address: '192.0.2.1', weight: 0 }]), /pickwrandom: weighted\[0\].weight must be an integer from 1 to 2147483647; received 0/],
    ['negative weights', () => Lua.pickwhashed([{ address: '192.0.2.1', weight: -1 }]), /weighted\[0\].weight must be an integer .* received -1/],
    ['fractional weights', () => Lua.pickwhashed([{ address: '192.0.2.1', weight: 1.5 }]), /received 1.5/],
    ['weights over an int', () => Lua.pickwrandom([{ address: '192.0.2.1', weight: 2 ** 31 - 1 }, { address: '192.0.2.2', weight: 1 }]), /weights add up to more than 2147483647 at weighted\[1\]/],
    ['no weighted entries', () => Lua.pickwrandom([]), /pickwrandom: weighted must not be empty/],
    ['a weighted duplicate', () => Lua.pickwrandom([{ address: '192.0.2.1', weight: 1 }, { address: '192.0.2.1', weight: 2 }]), /duplicates weighted\[0\].address; every address may appear once \(add the weights up instead\)/],
    ['a weighted entry that is not an object', () => Lua.pickwrandom([null as unknown as { address: string; weight: number }]), /weighted\[0\] must be an object \{ address, weight \}; received null/],
    ['a non-http URL', () => Lua.ifurlup('ftp://app.example.org/', ['192.0.2.1']), /ifurlup: url "ftp:\/\/app.example.org\/" must start with http:\/\/ or https:\/\//],
    ['a URL without host', () => Lua.ifurlup('https:///healthz', ['192.0.2.1']), /must have a host/],
    ['a URL with user info', () => Lua.ifurlup('https://user:pw@app.example.org/', ['192.0.2.1']), /must not contain user info/],
    ['a URL with a fragment', () => Lua.ifurlup('https://app.example.org/#top', ['192.0.2.1']), /must not contain a fragment/],
    ['a URL with a space', () => Lua.ifurlup('https://app.example.org/a b', ['192.0.2.1']), /contains " ", which a URL may not contain unencoded; percent-encode it/],
    ['a URL with a double quote', () => Lua.ifurlup('https://app.example.org/a"b', ['192.0.2.1']), /contains "\\""/],
    ['a URL with a raw non-ASCII character', () => Lua.ifurlup('https://app.example.org/é', ['192.0.2.1']), /contains "é"/],
    ['a URL with a broken percent escape', () => Lua.ifurlup('https://app.example.org/%zz', ['192.0.2.1']), /contains "%"/],
    ['a URL with port 0', () => Lua.ifurlup('https://app.example.org:0/', ['192.0.2.1']), /has port 0; allowed: 1 to 65535/],
    ['a URL with an invalid host', () => Lua.ifurlup('https://exa mple.org/', ['192.0.2.1']), /has an invalid host "exa mple.org"/],
    ['a URL with a broken IPv6 host', () => Lua.ifurlup('https://[2001:db8:::1]/', ['192.0.2.1']), /has an invalid host "\[2001:db8:::1\]"/],
    ['an unknown selector', () => Lua.ifportup(443, ['192.0.2.1'], { selector: 'first' as 'all' }), /ifportup: options.selector "first" is not one of random, all, hashed, pickclosest/],
    ['an unknown backupSelector', () => Lua.ifurlup(URL, ['192.0.2.1'], { backupSelector: 'none' as 'all' }), /options.backupSelector "none" is not one of random, all, hashed, pickclosest, empty/],
    ['timeout 0', () => Lua.ifportup(443, ['192.0.2.1'], { timeout: 0 }), /ifportup: options.timeout must be an integer from 1 to 2147483647 \(seconds\); received 0/],
    ['a fractional timeout', () => Lua.ifportup(443, ['192.0.2.1'], { timeout: 1.5 }), /options.timeout .* received 1.5/],
    ['an infinite timeout', () => Lua.ifportup(443, ['192.0.2.1'], { timeout: Infinity }), /options.timeout .* received Infinity/],
    ['a timeout given as text', () => Lua.ifportup(443, ['192.0.2.1'], { timeout: '2' as unknown as number }), /options.timeout .* received "2"/],
    ['interval 0', () => Lua.ifurlup(URL, ['192.0.2.1'], { interval: 0 }), /options.interval must be an integer from 1/],
    ['minimumFailures 0', () => Lua.ifurlup(URL, ['192.0.2.1'], { minimumFailures: 0 }), /options.minimumFailures must be an integer from 1 to 2147483647; received 0/],
    ['a negative byteslimit', () => Lua.ifurlup(URL, ['192.0.2.1'], { byteslimit: -1 }), /options.byteslimit must be an integer from 0 to 2147483647 \(bytes, 0 = no limit\); received -1/],
    ['a byteslimit over an int', () => Lua.ifurlup(URL, ['192.0.2.1'], { byteslimit: 2 ** 31 }), /options.byteslimit .* received 2147483648/],
    ['httpcode 99', () => Lua.ifurlup(URL, ['192.0.2.1'], { httpcode: 99 }), /options.httpcode must be an integer from 100 to 599; received 99/],
    ['httpcode 600', () => Lua.ifurlup(URL, ['192.0.2.1'], { httpcode: 600 }), /options.httpcode .* received 600/],
    ['failOnIncompleteCheck as text', () => Lua.ifurlup(URL, ['192.0.2.1'], { failOnIncompleteCheck: 'true' as unknown as boolean }), /options.failOnIncompleteCheck must be true or false; received "true"/],
    ['a source that is not an IP', () => Lua.ifportup(443, ['192.0.2.1'], { source: 'localhost' }), /options.source "localhost" is not an IPv4 or IPv6 address/],
    ['a source of the other family', () => Lua.ifportup(443, ['192.0.2.1'], { source: '2001:db8::53' }), /options.source "2001:db8::53" is an IPv6 address but the addresses checked are IPv4/],
    ['an empty stringmatch', () => Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch: '' }), /options.stringmatch must be a non-empty string; received ""/],
    ['a NUL in stringmatch', () => Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch: 'a\u0000b' }), /options.stringmatch "a\\u0000b" contains a NUL character/],
    ['a useragent with CR LF (header injection)', () => Lua.ifurlup(URL, ['192.0.2.1'], { useragent: 'a\r\nX-Evil: 1' }), /options.useragent "a\\r\\nX-Evil: 1" contains control character U\+000D at index 1; HTTP header values allow tab/],
    ['an empty useragent', () => Lua.ifurlup(URL, ['192.0.2.1'], { useragent: '' }), /options.useragent must be a non-empty string/],
    ['no headers', () => Lua.ifurlup(URL, ['192.0.2.1'], { headers: {} }), /options.headers must not be empty; leave it out instead/],
    ['a header name with a space', () => Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X Bad': 'v' } }), /header name "X Bad" must match/],
    ['header names that differ only in case', () => Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X-A': '1', 'x-a': '2' } }), /header names "X-A" and "x-a" differ only in case/],
    ['a header value with a newline', () => Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X-A': 'a\nb' } }), /options.headers\["X-A"\] "a\\nb" contains control character U\+000A/],
    ['an empty header value', () => Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X-A': '' } }), /options.headers\["X-A"\] must be a non-empty string/],
    ['a URL option on ifportup', () => Lua.ifportup(443, ['192.0.2.1'], { stringmatch: 'ok' } as never), /ifportup: unknown option "stringmatch"; allowed: selector, backupSelector, source, timeout, interval, minimumFailures, failOnIncompleteCheck/],
    ['options that are not an object', () => Lua.ifportup(443, ['192.0.2.1'], 'all' as never), /ifportup: options must be an object; received "all"/],
    ['a lone surrogate', () => Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch: 'ab\ud800' }), /options.stringmatch contains a lone UTF-16 surrogate at index 2/],
    ['too many quote runs in one string', () => Lua.ifurlup(URL, ['192.0.2.1'], { stringmatch: "a'".repeat(17) }), /options.stringmatch needs 33 string joins .* at most 32/],
    [
      'too many quote runs in one call',
      () => Lua.ifurlup("https://app.example.org/a'b", ['192.0.2.1'], { stringmatch: `${"a'".repeat(16)}a`, useragent: `${'a"'.repeat(16)}a`, headers: { 'X-A': `${"a'".repeat(16)}a` } }),
      /ifurlup: its strings need 98 string joins in total .* at most 96/,
    ],
  ])('%s', (_name, build, message) => {
    expectRejection(build, message);
  });

  test.each(['256.0.0.1', '192.0.2.01', '192.0.2', '192.0.2.1 ', ' 192.0.2.1', '192.0.2.1/32', '2001:db8:::1', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '2001:db8::g', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '::ffff:1.2.3', '1:2:3:4:5:6:7:8::', ''])(
    'rejects the malformed IP literal %j',
    (address) => {
      expectRejection(() => Lua.ifportup(443, [address]), /is not an IPv4 address \(192.0.2.1\) or an IPv6 address \(2001:db8::1\)/);
    },
  );

  test.each(['::', '::1', '1::', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:192.0.2.1', '1:2:3:4:5:6:7::', 'FE80::A:b:C'])('accepts the IPv6 literal %j', (address) => {
    expect(Lua.ifportup(443, [address]).render()).toBe(`ifportup(443, {'${address}'})`);
  });

  test.each(['exa mple.org', '-a.example.org', 'a-.example.org', 'a..example.org', `${'x'.repeat(64)}.org`, '192.0.2.300', 'example.org..', "it's.example.org"])(
    'rejects the malformed hostname %j',
    (name) => {
      expectRejection(() => Lua.pickrandom([name]), /is not an IPv4 address \(192.0.2.1\), an IPv6 address \(2001:db8::1\) or a hostname \(www.example.org\)/);
    },
  );
});

describe('record type and values must agree', () => {
  test.each<[string, () => string, RegExp]>([
    ['A with IPv6 addresses', () => luaRecordContent('A', Lua.pickrandom(['2001:db8::1'])), /A record needs IPv4 addresses, but pickrandom\(\) was given IPv6 addresses$/],
    ['AAAA with IPv4 addresses', () => luaRecordContent('AAAA', Lua.ifportup(443, ['192.0.2.1'])), /AAAA record needs IPv6 addresses, but ifportup\(\) was given IPv4 addresses/],
    ['A with hostnames', () => luaRecordContent('A', Lua.pickrandom(['www.example.org'])), /A record needs IPv4 addresses, but pickrandom\(\) was given hostnames/],
    ['CNAME with addresses', () => luaRecordContent('CNAME', Lua.pickrandom(['192.0.2.1'])), /CNAME record needs hostnames, but pickrandom\(\) was given IPv4 addresses$/],
    ['CNAME with a health check', () => luaRecordContent('CNAME', Lua.ifurlup(URL, ['192.0.2.1'])), /CNAME record needs hostnames, but ifurlup\(\) was given IPv4 addresses; ifurlup\(\) works on IP addresses only/],
    ['CNAME with several targets from all()', () => luaRecordContent('CNAME', Lua.all(['a.example.org', 'b.example.org'])), /CNAME record must have exactly one target, but all\(\) returns several/],
    ['a lower-case type', () => luaRecordContent('a' as 'A', Lua.pickrandom(['192.0.2.1'])), /record type "a" is not supported; allowed: A, AAAA, CNAME \(upper case\)/],
    ['TXT', () => luaRecordContent('TXT' as 'A', Lua.pickrandom(['192.0.2.1'])), /record type "TXT" is not supported/],
    ['a call not made by Lua', () => luaRecordContent('A', { functionName: 'pickrandom', minimumVersion: '4.7', render: () => "pickrandom({'192.0.2.1'})" }), /call must be built with Lua/],
    ['an unknown target version', () => luaRecordContent('A', Lua.pickrandom(['192.0.2.1']), '4.6' as PdnsVersion), /target "4.6" is not a supported PowerDNS version; allowed: 4.7, 4.8, 4.9, 5.0, 5.1/],
  ])('%s', (_name, build, message) => {
    expectRejection(build, message);
  });
});

describe('version gates', () => {
  const earlier = (version: PdnsVersion): PdnsVersion | undefined => PDNS_VERSIONS[PDNS_VERSIONS.indexOf(version) - 1];

  test.each<[string, () => LuaCall, PdnsVersion, RegExp]>([
    ['ifportup with groups', () => Lua.ifportup(443, { groups: [['192.0.2.1'], ['192.0.2.2']] }), '4.8', /^ifportup with address groups needs PowerDNS 4.8 or later; target is 4.7$/],
    ['ifurlup with groups', () => Lua.ifurlup(URL, { groups: [['192.0.2.1'], ['192.0.2.2']] }), '4.7', /never/],
    ['byteslimit', () => Lua.ifurlup(URL, ['192.0.2.1'], { byteslimit: 1024 }), '4.8', /^ifurlup option byteslimit needs PowerDNS 4.8 or later; target is 4.7$/],
    ['interval on ifportup', () => Lua.ifportup(443, ['192.0.2.1'], { interval: 10 }), '5.0', /^ifportup option interval needs PowerDNS 5.0 or later; target is 4.9$/],
    ['minimumFailures on ifurlup', () => Lua.ifurlup(URL, ['192.0.2.1'], { minimumFailures: 2 }), '5.0', /^ifurlup option minimumFailures needs PowerDNS 5.0 or later; target is 4.9$/],
    ['failOnIncompleteCheck', () => Lua.ifportup(443, ['192.0.2.1'], { failOnIncompleteCheck: true }), '5.0', /^ifportup option failOnIncompleteCheck needs PowerDNS 5.0 or later; target is 4.9$/],
    ['failOnIncompleteCheck false', () => Lua.ifurlup(URL, ['192.0.2.1'], { failOnIncompleteCheck: false }), '5.0', /option failOnIncompleteCheck needs PowerDNS 5.0/],
    ['httpcode', () => Lua.ifurlup(URL, ['192.0.2.1'], { httpcode: 204 }), '5.0', /^ifurlup option httpcode needs PowerDNS 5.0 or later; target is 4.9$/],
    ['headers', () => Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X-A': 'b' } }), '5.1', /^ifurlup option headers needs PowerDNS 5.1 or later; target is 5.0$/],
    ["backupSelector 'empty'", () => Lua.ifportup(443, ['192.0.2.1'], { backupSelector: 'empty' }), '5.1', /^ifportup option backupSelector='empty' needs PowerDNS 5.1 or later; target is 5.0$/],
    ['pickhashed', () => Lua.pickhashed(['192.0.2.1']), '4.7', /never/],
    ['all', () => Lua.all(['192.0.2.1']), '4.7', /never/],
    ['pickrandom', () => Lua.pickrandom(['192.0.2.1']), '4.7', /never/],
    ['pickclosest', () => Lua.pickclosest(['192.0.2.1']), '4.7', /never/],
    ['pickwrandom', () => Lua.pickwrandom([{ address: '192.0.2.1', weight: 1 }]), '4.7', /never/],
    ['pickwhashed', () => Lua.pickwhashed([{ address: '192.0.2.1', weight: 1 }]), '4.7', /never/],
    ['timeout, source, selectors, stringmatch, useragent', () => Lua.ifurlup(URL, ['192.0.2.1'], { timeout: 1, source: '192.0.2.9', selector: 'all', backupSelector: 'all', stringmatch: 'ok', useragent: 'x' }), '4.7', /never/],
  ])('%s needs %s', (_name, build, needed, message) => {
    const call = build();
    // GIVEN the call WHEN asked THEN it reports the version it needs
    expect(call.minimumVersion).toBe(needed);
    // AND it renders for that version and every later one
    for (const version of PDNS_VERSIONS.filter((v) => compareVersions(v, needed) >= 0)) {
      expect(luaRecordContent('A', call, version)).toBe(`A "${call.render()}"`);
    }
    // AND it is refused for every earlier one, naming the function/option and the version
    for (const version of PDNS_VERSIONS.filter((v) => compareVersions(v, needed) < 0)) {
      expectRejection(() => luaRecordContent('A', call, version), /needs PowerDNS \d\.\d or later; target is/);
    }
    // AND the message for the version just before names what needs what
    const before = earlier(needed);
    if (before) expectRejection(() => luaRecordContent('A', call, before), message);
  });

  test('every missing feature is listed, in option order', () => {
    const call = Lua.ifurlup(URL, ['192.0.2.1'], { headers: { 'X-A': 'b' }, interval: 5, byteslimit: 10 });
    expectRejection(
      () => luaRecordContent('A', call, '4.7'),
      /^ifurlup option interval needs PowerDNS 5.0 or later; ifurlup option byteslimit needs PowerDNS 4.8 or later; ifurlup option headers needs PowerDNS 5.1 or later; target is 4.7$/,
    );
  });

  test(`without a target the default ${DEFAULT_PDNS_VERSION} is assumed`, () => {
    expect(DEFAULT_PDNS_VERSION).toBe('4.9');
    expect(luaRecordContent('A', Lua.ifurlup(URL, ['192.0.2.1'], { byteslimit: 10 }))).toContain('byteslimit=10');
    expectRejection(() => luaRecordContent('A', Lua.ifurlup(URL, ['192.0.2.1'], { httpcode: 204 })), /target is 4.9$/);
  });

  test('CNAME targets in pick functions count as 4.7 (strings instead of addresses, PR #11588)', () => {
    expect(Lua.pickwrandom([{ address: 'a.example.org', weight: 1 }]).minimumVersion).toBe('4.7');
  });

  test('the feature table cites a source and a parsable first version for every row', () => {
    for (const [name, feature] of Object.entries(LUA_FEATURES)) {
      expect({ name, ok: /^\d+\.\d+$/.test(feature.firstVersion) && feature.source.length > 10 }).toEqual({ name, ok: true });
    }
  });
});

describe('compareVersions', () => {
  test('orders release lines numerically', () => {
    expect(compareVersions('5.0', '4.9')).toBeGreaterThan(0);
    expect(compareVersions('4.8', '4.9')).toBeLessThan(0);
    expect(compareVersions('5.1', '5.1')).toBe(0);
    expect([...PDNS_VERSIONS].sort(compareVersions)).toEqual(PDNS_VERSIONS);
    expect(PDNS_VERSIONS).toContain(DEFAULT_PDNS_VERSION);
  });

  test('rejects unknown versions', () => {
    expectRejection(() => compareVersions('4.10' as PdnsVersion, '4.9'), /version "4.10" is not a supported PowerDNS version/);
  });
});

describe('LuaRecordError', () => {
  test('is an Error named LuaRecordError', () => {
    const error = new LuaRecordError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LuaRecordError');
  });

  test('the options interfaces accept the documented shapes', () => {
    // Compile-time check (npx tsc): UrlCheckOptions takes every documented option.
    const options: UrlCheckOptions = { selector: 'random', backupSelector: 'empty', timeout: 2, source: '192.0.2.1', interval: 5, minimumFailures: 1, failOnIncompleteCheck: false, stringmatch: 'ok', useragent: 'ua', byteslimit: 0, httpcode: 200, headers: { A: 'b' } };
    expect(Object.keys(options)).toHaveLength(12);
  });
});

describe('health-checked weights: { weighted } address lists', () => {
  test('GIVEN weights THEN each address is repeated by its weight divided by the greatest common divisor, in one flat list', () => {
    const call = Lua.ifurlup('https://www.example.org/', { weighted: [{ address: '192.0.2.1', weight: 50 }, { address: '192.0.2.2', weight: 25 }, { address: '192.0.2.3', weight: 25 }] }, { selector: 'random' });
    expect(luaRecordContent('A', call, '4.7')).toBe(`A "ifurlup('https://www.example.org/', {'192.0.2.1', '192.0.2.1', '192.0.2.2', '192.0.2.3'}, {selector='random'})"`);
    expect(luaRecordContent('AAAA', Lua.ifportup(443, { weighted: [{ address: '2001:db8::1', weight: 3 }] }), '4.7')).toBe(`AAAA "ifportup(443, {'2001:db8::1'})"`);
  });

  test('GIVEN a selector that ignores repetition, a repeated address, too many entries or a bad weight THEN it is refused naming the input', () => {
    const two = [{ address: '192.0.2.1', weight: 1 }, { address: '192.0.2.2', weight: 1 }];
    expectRejection(() => Lua.ifportup(443, { weighted: two }, { selector: 'all' }), /^ifportup: options\.selector "all" ignores weights .*use 'random' or 'hashed'$/);
    expectRejection(() => Lua.ifportup(443, { weighted: two }, { backupSelector: 'pickclosest' }), /^ifportup: options\.backupSelector "pickclosest" ignores weights/);
    expectRejection(() => Lua.ifportup(443, { weighted: [two[0], { ...two[0], weight: 2 }] }), /^ifportup: addresses\.weighted\[1\]\.address "192\.0\.2\.1" duplicates addresses\.weighted\[0\]\.address/);
    expectRejection(() => Lua.ifportup(443, { weighted: [{ address: '192.0.2.1', weight: 99 }, { address: '192.0.2.2', weight: 2 }] }), /^ifportup: addresses\.weighted: the weights 99\/2 reduce to 99\/2, 101 list entries; at most 100/);
    expectRejection(() => Lua.ifportup(443, { weighted: [{ address: '192.0.2.1', weight: 0 }] }), /^ifportup: addresses\.weighted\[0\]\.weight must be an integer from 1/);
    expectRejection(() => Lua.ifportup(443, { weighted: [] }), /^ifportup: addresses\.weighted must be a non-empty array/);
  });
});
