/**
 * DNS benchmark: `npm run bench:dns [-- --trials N] [--seconds S] [--json]` (with --json, use `npm run --silent`).
 *
 * On every PowerDNS release of the test bed (versions.json services.powerdns.releases: 4.9 and 5.1,
 * chroots from `npm run tools -- chroots`), side by side in one run, with the pdns.conf our
 * renderer writes by default (templates/pdns.conf.hbs: enable-lua-records=shared, the default
 * lua-health-checks-interval) and records synthesized by our dns stack for that release:
 *   (a) failover detection: a region's HTTP and TCP listeners on 127.0.0.3 are stopped; the time
 *       until answers exclude it is measured for an ifportup and an ifurlup record at once (UDP
 *       queries every 50 ms; "excluded" = 3 answers in a row without it), then the region is
 *       restarted and the next trial waits until both records include it again. p50/p95 over N
 *       trials (default 20).
 *   (b) queries per second with dnsperf (Debian's load generator) for each record kind we emit —
 *       active-active (ifurlup, selector all), failover (ifportup groups), weighted (ifportup over
 *       repeated addresses), single (plain A) — against a plain A record on the same server:
 *       S seconds each (default 5), 10 clients, loopback only.
 * Targets (issue 16): detection p95 ≤ 2 s; every LUA kind ≥ 50 % of the plain-A qps.
 * Exit code 1 if a target fails, 2 if the setup fails (a missing chroot or dnsperf included).
 * All traffic goes to 127.0.0.0/8; every server and listener is stopped at the end.
 */
import { App } from 'cdktf';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { applyDnsStack } from '../__tests__/support/pdns-apply';
import { freePort, PdnsRelease, pdnsReleases, PdnsServer, queryUdp, releaseInstalled, startPdns, toolPath } from '../__tests__/support/pdns';
import { DnsStack } from '../constructs/stacks/dns-stack';
import { DEFAULT_LUA_HEALTH_CHECK_INTERVAL } from '../constructs/dns-failover/pdns-config';
import { parseSovereign } from '../lib/config/load-sovereign';

const ZONE = 'bench.test.';
const REGIONS: Record<string, string> = { 'bench-r2': '127.0.0.2', 'bench-r3': '127.0.0.3' };
const [R2, R3] = Object.values(REGIONS);
const TARGET_P95_MS = 2000;
const TARGET_QPS_SHARE = 0.5;
const KINDS = [
  ['plain A (reference)', 'plain'],
  ['single (plain A)', 'git'],
  ['active-active (ifurlup)', 'portal'],
  ['failover (ifportup groups)', 'api'],
  ['weighted (ifportup, repeated)', 'www'],
] as const;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 1000) throw new Error(`--${name} must be an integer from 1 to 1000`);
  return value;
};
const TRIALS = option('trials', 20);
const SECONDS = Math.min(option('seconds', 5), 30);
const JSON_OUTPUT = args.includes('--json');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fqdn = (host: string) => `${host}.${ZONE}`;
const say = (line: string) => {
  if (!JSON_OUTPUT) process.stdout.write(`${line}\n`);
};

function synth(line: string, httpPort: number, tcpPort: number): any {
  const doc = {
    dns: {
      zone: ZONE,
      nameservers: [`ns1.${ZONE}`],
      powerdnsVersion: line,
      endpoints: REGIONS,
      applications: [
        { name: 'portal', placement: { strategy: 'active-active', regions: Object.keys(REGIONS) }, healthCheck: { type: 'http', scheme: 'http', port: httpPort, path: '/healthz' } },
        { name: 'api', placement: { strategy: 'failover', groups: [['bench-r3'], ['bench-r2']] }, healthCheck: { type: 'tcp', port: tcpPort } },
        { name: 'www', placement: { strategy: 'weighted', weights: { 'bench-r2': 70, 'bench-r3': 30 } }, healthCheck: { type: 'tcp', port: tcpPort } },
        { name: 'git', placement: { strategy: 'single', region: 'bench-r2' } },
      ],
    },
  };
  const dns = parseSovereign('sovereign.json', JSON.stringify(doc), Object.keys(REGIONS))!;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-bench-dns-'));
  try {
    const app = new App({ outdir, context: { excludeStackIdFromLogicalIds: 'true', allowSepCharsInLogicalIds: 'true' } });
    new DnsStack(app, 'dns', { dns, regionAddresses: dns.endpoints });
    app.synth();
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'dns', 'cdk.tf.json'), 'utf8'));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

class Region {
  private servers: net.Server[] = [];
  constructor(readonly address: string) {}
  async start(httpPort: number, tcpPort: number): Promise<void> {
    const listen = (server: net.Server, port: number) =>
      new Promise<net.Server>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, this.address, () => resolve(server));
      });
    const web = http.createServer((_request, response) => {
      response.writeHead(200, { Connection: 'close' });
      response.end('ok');
    });
    this.servers = [await listen(web, httpPort), await listen(net.createServer((socket) => socket.destroy()), tcpPort)];
  }
  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => (s.close(() => resolve()), s instanceof http.Server && s.closeAllConnections()))));
    this.servers = [];
  }
}

/** ms from `from` until `name` answers without/with R3 three times in a row (bounded: 30 s). */
async function settle(server: PdnsServer, name: string, withR3: boolean, from: number): Promise<number> {
  let streak = 0;
  let first = 0;
  while (Date.now() - from < 30_000) {
    const sent = Date.now();
    const answer = await queryUdp(server.dnsPort, fqdn(name), 'A', { timeoutMs: 1000 }).catch(() => undefined);
    const has = answer?.rcode === 'NOERROR' && answer.answers.includes(R3);
    const lacks = answer?.rcode === 'NOERROR' && answer.answers.length > 0 && !answer.answers.includes(R3);
    if (withR3 ? has : lacks) {
      if (streak++ === 0) first = sent - from;
      if (streak >= 3) return first;
    } else streak = 0;
    await sleep(50);
  }
  throw new Error(`${fqdn(name)} did not ${withR3 ? 'include' : 'exclude'} ${R3} within 30 s`);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function dnsperf(server: PdnsServer, name: string, dir: string): number {
  const file = path.join(dir, `${name}.queries`);
  fs.writeFileSync(file, `${fqdn(name)} A\n`);
  const result = spawnSync(toolPath('dnsperf'), ['-s', '127.0.0.1', '-p', String(server.dnsPort), '-d', file, '-l', String(SECONDS), '-c', '10', '-t', '2'], { encoding: 'utf8', timeout: (SECONDS + 30) * 1000 });
  const qps = /Queries per second:\s+([\d.]+)/.exec(result.stdout ?? '');
  const lost = /Queries lost:\s+(\d+)/.exec(result.stdout ?? '');
  if (result.status !== 0 || !qps) throw new Error(`dnsperf failed for ${name}: ${result.stdout}${result.stderr}${result.error?.message ?? ''}`);
  if (lost && Number(lost[1]) > 0) say(`  (dnsperf lost ${lost[1]} queries for ${name})`);
  return Number(qps[1]);
}

interface ReleaseResult {
  readonly release: string;
  readonly version: string;
  readonly interval: number;
  readonly detection: Record<'ifportup' | 'ifurlup', { p50: number; p95: number; max: number; trials: number }>;
  readonly qps: Record<string, number>;
}

async function benchRelease(release: PdnsRelease): Promise<ReleaseResult> {
  const regions = Object.values(REGIONS).map((address) => new Region(address));
  const [httpPort, tcpPort] = [await freePort(R2, false), await freePort(R2, false)];
  const server = await startPdns({ release });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-bench-dnsperf-'));
  try {
    for (const region of regions) await region.start(httpPort, tcpPort);
    const tf = synth(release.line, httpPort, tcpPort);
    tf.resource.powerdns_record.plain = { zone: ZONE, name: fqdn('plain'), type: 'A', ttl: 30, records: [R2] };
    await applyDnsStack(tf, server);
    say(`PowerDNS ${server.version}: records for ${release.line}, lua-health-checks-interval ${DEFAULT_LUA_HEALTH_CHECK_INTERVAL} s (our default), check timeout 2 s`);
    // Start the checks and wait until both records include R3.
    await Promise.all(['portal', 'www'].map((name) => settle(server, name, true, Date.now())));
    const times = { ifportup: [] as number[], ifurlup: [] as number[] };
    for (let trial = 0; trial < TRIALS; trial++) {
      await sleep(Math.floor(Math.random() * 1000)); // a random phase against the check cycle
      const down = Date.now();
      await regions[1].stop();
      const [port, url] = await Promise.all([settle(server, 'www', false, down), settle(server, 'portal', false, down)]);
      times.ifportup.push(port);
      times.ifurlup.push(url);
      await regions[1].start(httpPort, tcpPort);
      const up = Date.now();
      await Promise.all([settle(server, 'www', true, up), settle(server, 'portal', true, up)]);
    }
    const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), trials: values.length });
    const qps: Record<string, number> = {};
    for (const [label, name] of KINDS) {
      qps[label] = dnsperf(server, name, dir);
      say(`  qps ${label}: ${qps[label].toFixed(0)}`);
    }
    return { release: release.line, version: server.version, interval: DEFAULT_LUA_HEALTH_CHECK_INTERVAL, detection: { ifportup: stats(times.ifportup), ifurlup: stats(times.ifurlup) }, qps };
  } finally {
    await Promise.all(regions.map((r) => r.stop()));
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (!fs.existsSync(toolPath('dnsperf')) && spawnSync('sh', ['-c', 'command -v dnsperf']).status !== 0) {
    process.stderr.write('bench:dns needs dnsperf: run `npm run tools -- chroots`\n');
    return 2;
  }
  const releases = pdnsReleases();
  const missing = releases.filter((r) => !releaseInstalled(r));
  if (missing.length > 0) {
    process.stderr.write(`bench:dns needs the PowerDNS chroots of ${missing.map((r) => r.line).join(', ')}: run \`npm run tools -- chroots\`\n`);
    return 2;
  }
  const results: ReleaseResult[] = [];
  for (const release of releases) results.push(await benchRelease(release));

  const failures: string[] = [];
  const header = ['', ...results.map((r) => `PowerDNS ${r.version}`)];
  const rows: string[][] = [];
  for (const kind of ['ifportup', 'ifurlup'] as const) {
    rows.push([`detection ${kind} p50 / p95 / max (${TRIALS} trials)`, ...results.map((r) => `${r.detection[kind].p50} / ${r.detection[kind].p95} / ${r.detection[kind].max} ms`)]);
    for (const r of results) if (r.detection[kind].p95 > TARGET_P95_MS) failures.push(`PowerDNS ${r.version}: ${kind} detection p95 ${r.detection[kind].p95} ms > ${TARGET_P95_MS} ms`);
  }
  const table2: string[][] = [];
  for (const [label] of KINDS) {
    table2.push([`qps ${label}`, ...results.map((r) => `${r.qps[label].toFixed(0)} (${((100 * r.qps[label]) / r.qps['plain A (reference)']).toFixed(0)} %)`)]);
    for (const r of results) if (r.qps[label] < TARGET_QPS_SHARE * r.qps['plain A (reference)']) failures.push(`PowerDNS ${r.version}: ${label} ${r.qps[label].toFixed(0)} qps < ${TARGET_QPS_SHARE * 100} % of plain A`);
  }
  if (JSON_OUTPUT) {
    process.stdout.write(`${JSON.stringify({ trials: TRIALS, seconds: SECONDS, results, failures }, null, 2)}\n`);
  } else {
    const print = (table: string[][]) => {
      const widths = header.map((_, c) => Math.max(...[header, ...table].map((row) => row[c].length)));
      for (const row of [header, ...table]) say(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
      say('');
    };
    say(`\n(a) failover detection: listener stopped → answers exclude it (target p95 ≤ ${TARGET_P95_MS} ms; lua-health-checks-interval ${results[0]?.interval} s)`);
    print(rows);
    say(`(b) queries per second, dnsperf ${SECONDS} s × 10 clients on loopback, enable-lua-records=shared (target ≥ ${TARGET_QPS_SHARE * 100} % of plain A)`);
    print(table2);
    say(failures.length === 0 ? 'all targets met' : `targets missed:\n  ${failures.join('\n  ')}`);
  }
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`bench:dns failed: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
