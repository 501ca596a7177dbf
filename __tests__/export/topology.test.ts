import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Lua, luaRecordContent } from '../../constructs/dns-failover/lua';
import { exportTree } from '../../lib/export/export-tree';
import { parseLua, parseLuaRecord } from '../../lib/export/lua-reader';
import { readTopology } from '../../lib/export/topology';
import { renderTopologySvg } from '../../lib/export/topology-svg';
import { readStack, synthExamples } from '../support/synth';
import { EMPTY_CATALOG } from './support';
import { xmlProblems } from './xml';

/** The topology read from synthesized stacks, the Lua reader behind it, and the SVG. */

describe('reading LUA records back', () => {
  test.each([
    ['ifportup, failover groups', Lua.ifportup(443, { groups: [['192.0.2.1'], ['192.0.2.2', '192.0.2.3']] }, { selector: 'all', timeout: 2 })],
    ['ifurlup, flat, with stringmatch', Lua.ifurlup('https://app.example/healthz', ['192.0.2.1', '192.0.2.7'], { selector: 'pickclosest', stringmatch: "it's ok" })],
    ['pickwrandom', Lua.pickwrandom([{ address: '192.0.2.1', weight: 70 }, { address: '192.0.2.2', weight: 30 }])],
  ])('what the Lua builder writes: %s', (_name, call) => {
    const content = luaRecordContent('A', call, '4.9');
    const parsed = parseLuaRecord(content);
    expect(parsed?.type).toBe('A');
    expect(parsed?.call.fn).toBe(content.slice(3, content.indexOf('(')));
  });

  test('addresses, groups, weights and options come back as written', () => {
    const failover = parseLuaRecord(luaRecordContent('A', Lua.ifportup(443, { groups: [['192.0.2.1'], ['192.0.2.2']] }, { selector: 'all' }), '4.9'))!;
    expect(failover.call.args[0]).toBe(443);
    expect(failover.call.args[1]).toEqual({ kind: 'table', fields: {}, items: [{ kind: 'table', fields: {}, items: ['192.0.2.1'] }, { kind: 'table', fields: {}, items: ['192.0.2.2'] }] });
    expect(failover.call.args[2]).toMatchObject({ fields: { selector: 'all' } });
    const quoted = parseLuaRecord(luaRecordContent('A', Lua.ifurlup('https://a.example/', ['192.0.2.1'], { stringmatch: `say "it's" ok` }), '4.9'))!;
    expect(quoted.call.args[2]).toMatchObject({ fields: { stringmatch: `say "it's" ok` } });
  });

  test('anything outside the subset is undefined, not a guess', () => {
    expect(parseLua('os.execute("x")')).toBeUndefined();
    expect(parseLua("ifportup(443, {'a'}")).toBeUndefined();
    expect(parseLuaRecord('A 192.0.2.1')).toBeUndefined();
  });
});

describe('the topology of the shipped examples', () => {
  const { outdir, stacks } = synthExamples();
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const topology = readTopology(stacks.map((name) => ({ name, json: readStack(outdir, name) })));

  test('one region per region stack, with cloud, region, load balancer and pools', () => {
    expect(topology.regions.map((r) => r.stack)).toEqual(stacks.filter((s) => s !== 'dns'));
    const fsn1 = topology.regions.find((r) => r.stack === 'hetzner-fsn1')!;
    expect(fsn1).toMatchObject({ cloud: 'Hetzner Cloud', region: 'fsn1', loadBalancer: { kind: 'hcloud lb11', ports: ['tcp/80', 'tcp/443', 'tcp/6443'] } });
    expect(fsn1.pools).toEqual([
      { name: 'control-plane', role: 'server', count: 3, machineTypes: ['cpx31'] },
      { name: 'workers', role: 'agent', count: 2, machineTypes: ['cpx41'] },
    ]);
    expect(topology.regions.map((r) => r.cloud)).toEqual(expect.arrayContaining(['AWS', 'Google Cloud', 'Azure']));
    for (const region of topology.regions) {
      expect(region.region).not.toBe('?');
      expect(region.pools.find((p) => p.role === 'server')?.count).toBeGreaterThan(0);
    }
  });

  test('GIVEN the OCI example THEN its network load balancer, ports and flexible shapes with their sizes are read', () => {
    const oci = topology.regions.find((r) => r.stack === 'oci-eu-frankfurt-1')!;
    expect(oci).toMatchObject({ cloud: 'Oracle Cloud', region: 'eu-frankfurt-1', loadBalancer: { kind: 'OCI network load balancer', ports: ['tcp/80', 'tcp/443', 'tcp/6443'] } });
    expect(oci.pools).toEqual([
      { name: 'control-plane', role: 'server', count: 3, machineTypes: ['VM.Standard.E5.Flex 2 OCPU 16 GB'] },
      { name: 'workers', role: 'agent', count: 3, machineTypes: ['VM.Standard.E5.Flex 4 OCPU 32 GB'] },
    ]);
  });

  test('DNS records with their strategy, check and the regions they send traffic to', () => {
    // A single region with IPv6 has a plain A and a plain AAAA record under one name: the A record is kept here.
    const records = Object.fromEntries(topology.dns!.records.filter((r) => r.type !== 'AAAA').map((r) => [r.name, r]));
    expect(topology.dns).toMatchObject({ stack: 'dns', zones: ['sovereign.example.'], nameservers: ['ns1.sovereign.example.', 'ns2.sovereign.example.'] });
    expect(records['api.sovereign.example.']).toMatchObject({
      strategy: 'failover',
      check: 'TCP 443',
      targets: [expect.objectContaining({ region: 'hetzner-fsn1', group: 1 }), expect.objectContaining({ region: 'hetzner-nbg1', group: 2 })],
    });
    expect(records['portal.sovereign.example.']).toMatchObject({
      strategy: 'active-active',
      check: 'GET https://portal.sovereign.example/healthz expects "ok"',
      targets: [expect.objectContaining({ region: 'hetzner-fsn1' }), expect.objectContaining({ region: 'hetzner-nbg1' })],
    });
    expect(records['www.sovereign.example.']).toMatchObject({
      strategy: 'weighted',
      check: 'GET https://www.sovereign.example/',
      // 70/30 is rendered as each address repeated 7 and 3 times in one health-checked list.
      targets: [expect.objectContaining({ region: 'hetzner-fsn1', weight: 7 }), expect.objectContaining({ region: 'hetzner-nbg1', weight: 3 })],
    });
    expect(topology.dns!.records.filter((r) => r.name === 'git.sovereign.example.').map((r) => r.type).sort()).toEqual(['A', 'AAAA']);
    expect(records['git.sovereign.example.']).toMatchObject({ type: 'A', strategy: 'single', targets: [expect.objectContaining({ region: 'hetzner-fsn1' })] });
  });
});

describe('literal addresses and odd names', () => {
  const region = (name: string, address: string) => ({
    name,
    json: {
      terraform: { backend: { local: { path: `state/${name}` } } },
      provider: { hcloud: [{}] },
      resource: { hcloud_server: { s: { name: `${name}-0`, server_type: 'cx22', location: 'hel1', labels: { pool: 'p<1>', role: 'server' } } } },
      output: { load_balancer_ipv4: { value: address } },
    },
  });
  const dns = {
    name: 'dns',
    json: {
      resource: {
        powerdns_record: {
          a: { name: 'a.example.', type: 'LUA', ttl: 30, zone: 'example.', records: [`A "ifportup(443, {'198.51.100.1', '203.0.113.9'}, {selector='all'})"`] },
          b: { name: 'b&"<x>\'.example.', type: 'A', ttl: 30, zone: 'example.', records: ['198.51.100.1'] },
        },
      },
    },
  };
  const stacks = [region('r&d<1>', '198.51.100.1'), dns];
  const topology = readTopology(stacks);

  test('a literal address maps to the region stack that outputs it; others stay addresses', () => {
    expect(topology.dns!.records[0].targets).toEqual([
      { address: '198.51.100.1', region: 'r&d<1>' },
      { address: '203.0.113.9', region: undefined },
    ]);
  });

  test('the SVG escapes every text, stays well-formed and is the same every time', () => {
    const svg = renderTopologySvg(topology, 'A <title> & "quotes"');
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('&lt;title&gt; &amp; &quot;quotes&quot;');
    expect(svg).toContain('>r&amp;d&lt;1&gt;</text>');
    expect(svg).toContain('>b&amp;&quot;&lt;x&gt;&apos;.example.</text>');
    expect(svg).toContain('>addresses outside these stacks</text>');
    expect(renderTopologySvg(readTopology(stacks), 'A <title> & "quotes"')).toBe(svg);
  });
});

describe('stacks that disappear', () => {
  test('lose the files the export wrote; other files in their folder stay', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-export-stale-'));
    try {
      const stack = (name: string) => ({ name, json: { '//': { metadata: { stackName: name } }, resource: { terraform_data: { x: { input: name } } } } });
      exportTree([stack('old'), stack('kept')], dir, { catalog: EMPTY_CATALOG });
      fs.writeFileSync(path.join(dir, 'old', 'notes.txt'), 'mine');
      const result = exportTree([stack('kept')], dir, { catalog: EMPTY_CATALOG });
      expect(result.removed).toEqual(['old/main.tf.json', 'old/main.tf', 'old/README.md', 'old/.gitignore']);
      expect(fs.readdirSync(path.join(dir, 'old'))).toEqual(['notes.txt']);
      expect(fs.existsSync(path.join(dir, 'kept', 'main.tf'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
