import { ChildProcess, execFile, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { renderPdnsConfig } from '../../constructs/dns-failover/pdns-config';
import { PROJECT_DIR } from './tools';

/**
 * A throwaway PowerDNS Authoritative Server for integration tests: everything lives in a temp dir
 * (config, SQLite database, control socket, pid file), DNS and the HTTP API listen only on
 * 127.0.0.1 on free high ports, and nothing under /etc/powerdns, /var/run or port 53 is touched.
 */

/** Where Debian's pdns-backend-sqlite3 ships the schema (the first that exists is used). */
const SCHEMA_CANDIDATES = [
  '/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql',
  '/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql',
  '/usr/share/doc/pdns-backend-sqlite3/examples/schema.sqlite3.sql',
];
const TEMPLATE = path.join(PROJECT_DIR, 'templates', 'pdns.conf.hbs');

/**
 * A PowerDNS release of the test bed other than the host's own: a minimal Debian chroot built by
 * `npm run tools -- chroots` (versions.json services.powerdns.releases), linked as .tools/pdns-<line>.
 * Its pdns_server runs through the chroot's own dynamic loader and libraries: unprivileged, with
 * config, database and sockets in a host temp dir, like the host's server.
 */
export interface PdnsRelease {
  /** Release line, e.g. '5.1' (also the powerdnsVersion records are synthesized for). */
  readonly line: string;
  /** The Debian suite it comes from, e.g. 'forky'. */
  readonly suite: string;
  /** The chroot (through the .tools link). */
  readonly root: string;
}

/** Every release of versions.json services.powerdns.releases, oldest first (installed or not). */
export function pdnsReleases(): PdnsRelease[] {
  const versions = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'versions.json'), 'utf8'));
  return Object.entries(versions.services.powerdns.releases as Record<string, string>).map(([line, suite]) => ({
    line,
    suite,
    root: path.join(PROJECT_DIR, '.tools', `pdns-${line}`),
  }));
}

/** True when the release's chroot is built (its marker is written last). */
export function releaseInstalled(release: PdnsRelease): boolean {
  return fs.existsSync(path.join(release.root, '.sovereign-complete'));
}

/** The command prefix that runs a chroot's binary (its ELF interpreter with its library path), and its pdns module dir. */
function chrootRunner(release: PdnsRelease): { prefix: string[]; moduleDir: string; schema: string } {
  const root = fs.realpathSync(release.root);
  const libc = ['x86_64-linux-gnu', 'aarch64-linux-gnu'].find((triplet) => fs.existsSync(path.join(root, 'usr', 'lib', triplet, 'libc.so.6')));
  if (!libc) throw new Error(`${root}: no usr/lib/<triplet>/libc.so.6; rebuild with \`npm run tools -- chroots\``);
  const loader = ['usr/lib64/ld-linux-x86-64.so.2', `usr/lib/${libc}/ld-linux-aarch64.so.1`].map((p) => path.join(root, p)).find((p) => fs.existsSync(p));
  if (!loader) throw new Error(`${root}: no ELF interpreter found`);
  const libraryPath = [`usr/lib/${libc}`, `lib/${libc}`, 'usr/lib'].map((p) => path.join(root, p)).join(':');
  return {
    prefix: [loader, '--library-path', libraryPath],
    moduleDir: path.join(root, 'usr', 'lib', libc, 'pdns'),
    schema: path.join(root, 'usr', 'share', 'pdns-backend-sqlite3', 'schema', 'schema.sqlite3.sql'),
  };
}

/** The pdns_server command (argv prefix) of a release, or of the host's server when none is given. */
export function pdnsServerCommand(release?: PdnsRelease): string[] {
  if (!release) return [toolPath('pdns_server')];
  const runner = chrootRunner(release);
  return [...runner.prefix, path.join(fs.realpathSync(release.root), 'usr', 'sbin', 'pdns_server'), `--module-dir=${runner.moduleDir}`];
}

export interface StartPdnsOptions {
  /** Run this release from its chroot instead of the host's pdns_server. */
  readonly release?: PdnsRelease;
  /** Extra pdns.conf settings appended after the rendered template (e.g. for a primary or a secondary). */
  readonly extraConfig?: readonly string[];
  /** lua-health-checks-interval in seconds (default: pdns-config's DEFAULT_LUA_HEALTH_CHECK_INTERVAL). */
  readonly luaHealthCheckInterval?: number;
  /** lua-health-checks-expire-delay in seconds (default: not set). */
  readonly luaHealthCheckExpireDelay?: number;
  /** Extra command-line settings, e.g. ['--loglevel=6', '--log-dns-queries=yes']. */
  readonly extraArgs?: readonly string[];
  /** How long to wait for the API to answer (default 15000 ms). */
  readonly startTimeoutMs?: number;
  /** Schema file (default: the one shipped by Debian's pdns-backend-sqlite3). */
  readonly schemaPath?: string;
}

export interface DnsAnswer {
  /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED, … as dig prints it. */
  readonly rcode: string;
  /** RDATA of every answer-section record, in the order received. */
  readonly answers: string[];
  /** Answer-section records in full. */
  readonly records: { name: string; ttl: number; type: string; data: string }[];
  /** The ECS option echoed by the server (`192.0.2.0/24/24`), if any. */
  readonly clientSubnet?: string;
  /** dig's output, for failure messages. */
  readonly raw: string;
}

export interface QueryOptions {
  /** EDNS Client Subnet to send (dig `+subnet=`), e.g. `192.0.2.0/24`. */
  readonly subnet?: string;
  /** Query over TCP. */
  readonly tcp?: boolean;
  /** Seconds dig waits for an answer (default 2; one try). */
  readonly timeoutSeconds?: number;
}

export interface ApiResponse {
  readonly status: number;
  /** Parsed JSON body, or the text when it is not JSON, or undefined when empty. */
  readonly body: unknown;
}

export interface PdnsServer {
  readonly dnsPort: number;
  /** Base URL of the webserver, e.g. http://127.0.0.1:40123 (API paths start with /api/v1). */
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Full version reported by the binary, e.g. '4.7.3'. */
  readonly version: string;
  /** The pdns_server command line used. */
  readonly command: readonly string[];
  /** Milliseconds from spawn until the API answered. */
  readonly startupMs: number;
  readonly configDir: string;
  /** Queries the server with dig. */
  query(name: string, type: string, options?: QueryOptions): Promise<DnsAnswer>;
  /** Calls the HTTP API with the key; `path` is below /api/v1 (e.g. `/servers/localhost/zones`). */
  api(method: string, apiPath: string, body?: unknown): Promise<ApiResponse>;
  /** Everything the server wrote to stdout/stderr so far. */
  logs(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

/** A tool from the test bed (.tools/bin) or else from PATH. */
export function toolPath(name: string): string {
  const candidate = path.join(PROJECT_DIR, '.tools', 'bin', name);
  return fs.existsSync(candidate) ? candidate : name;
}

/** The version of the installed pdns_server (or of a release's), e.g. '4.7.3'. */
export function pdnsVersion(release?: PdnsRelease): string {
  const [command, ...args] = pdnsServerCommand(release);
  const result = spawnSync(command, [...args, '--version'], { encoding: 'utf8', timeout: 10_000 });
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const match = /Authoritative Server (\d+\.\d+\.\d+)/.exec(text);
  if (!match) throw new Error(`cannot read the version from pdns_server --version:\n${text}${result.error ? `\n${result.error.message}` : ''}`);
  return match[1];
}

/** A port free for both TCP and UDP on `host`, found by binding port 0 (bounded retries). */
export async function freePort(host = '127.0.0.1', udpToo = true): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, host, () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
    if (!udpToo || (await udpFree(host, port))) return port;
  }
  throw new Error(`no port free for TCP and UDP on ${host} after 20 attempts`);
}

function udpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

function findSchema(explicit?: string): string {
  const found = (explicit ? [explicit] : SCHEMA_CANDIDATES).find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`no PowerDNS SQLite3 schema found (looked at ${(explicit ? [explicit] : SCHEMA_CANDIDATES).join(', ')}); run \`npm run tools -- pdns\``);
  return found;
}

function createDatabase(file: string, schemaPath: string): void {
  const result = spawnSync(toolPath('sqlite3'), ['-bail', file], { input: fs.readFileSync(schemaPath, 'utf8'), encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) {
    throw new Error(`sqlite3 could not create ${file} from ${schemaPath}: ${result.stderr ?? ''}${result.error?.message ?? ''}`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when `promise` settles within `ms`; the timer is cleared either way (no handle left behind). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts pdns_server in the foreground (no daemon, no guardian, no syslog) with the config
 * rendered from templates/pdns.conf.hbs, and resolves once GET /api/v1/servers/localhost answers.
 * On any failure the process is killed and the error carries the server's log.
 */
export async function startPdns(options: StartPdnsOptions = {}): Promise<PdnsServer> {
  const version = pdnsVersion(options.release);
  const schema = findSchema(options.schemaPath ?? (options.release ? chrootRunner(options.release).schema : undefined));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-pdns-'));
  const database = path.join(dir, 'pdns.sqlite3');
  const apiKey = randomBytes(24).toString('hex');
  const lines: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child && child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await settlesWithin(exited, 5000))) {
        child.kill('SIGKILL');
        await settlesWithin(exited, 2000);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    createDatabase(database, schema);
    const [dnsPort, apiPort] = [await freePort(), await freePort('127.0.0.1', false)];
    const config = renderPdnsConfig(fs.readFileSync(TEMPLATE, 'utf8'), {
      targetVersion: version,
      api: { apiKey, address: '127.0.0.1', port: apiPort, allowFrom: ['127.0.0.1/32'] },
      dns: { addresses: ['127.0.0.1'], port: dnsPort },
      sqliteDatabase: database,
      luaHealthCheckInterval: options.luaHealthCheckInterval, // undefined: the renderer's default
      luaHealthCheckExpireDelay: options.luaHealthCheckExpireDelay,
      defaultSoaContent: 'ns1.example.test. hostmaster.example.test. 1 10800 3600 604800 3600',
    });
    fs.writeFileSync(path.join(dir, 'pdns.conf'), [config, ...(options.extraConfig ?? []).map((line) => `${line}\n`)].join(''), { mode: 0o600 });

    const command = [
      ...pdnsServerCommand(options.release),
      `--config-dir=${dir}`, // reads <dir>/pdns.conf and nothing from /etc/powerdns
      `--socket-dir=${dir}`, // control socket and pid file, instead of /var/run/pdns
      '--daemon=no',
      '--guardian=no',
      '--disable-syslog',
      '--write-pid=no',
      '--security-poll-suffix=', // no secpoll lookups (network) from tests
      '--loglevel=5',
      ...(options.extraArgs ?? []),
    ];
    const started = Date.now();
    child = spawn(command[0], command.slice(1), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = child;
    let spawnFailure: Error | undefined;
    exited = new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.once('error', (error) => {
        spawnFailure = error;
        resolve();
      });
    });
    const collect = (chunk: Buffer) => lines.push(chunk.toString('utf8'));
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const deadline = started + (options.startTimeoutMs ?? 15_000);
    for (;;) {
      if (spawnFailure) throw new Error(`could not start ${command[0]}: ${spawnFailure.message}`);
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`pdns_server exited (${proc.exitCode ?? proc.signalCode}) before its API answered`);
      }
      try {
        const response = await fetch(`${apiUrl}/api/v1/servers/localhost`, { headers: { 'X-API-Key': apiKey }, signal: AbortSignal.timeout(1000) });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`pdns_server API did not answer within ${options.startTimeoutMs ?? 15_000} ms`);
      await sleep(50);
    }
    const startupMs = Date.now() - started;

    const api = async (method: string, apiPath: string, body?: unknown): Promise<ApiResponse> => {
      const response = await fetch(`${apiUrl}/api/v1${apiPath}`, {
        method,
        headers: { 'X-API-Key': apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let parsed: unknown = text === '' ? undefined : text;
      try {
        if (text !== '') parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
      return { status: response.status, body: parsed };
    };

    return {
      dnsPort,
      apiUrl,
      apiKey,
      version,
      command,
      startupMs,
      configDir: dir,
      query: (name, type, queryOptions) => queryDns(dnsPort, name, type, queryOptions),
      api,
      logs: () => lines.join(''),
      stop,
    };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- pdns_server log ---\n${lines.join('')}`);
  }
}

/** Queries 127.0.0.1:<port> with dig and parses the status and the answer section. */
export function queryDns(port: number, name: string, type: string, options: QueryOptions = {}): Promise<DnsAnswer> {
  const args = [
    '@127.0.0.1',
    '-p',
    String(port),
    '+noall',
    '+answer',
    '+comments',
    `+time=${options.timeoutSeconds ?? 2}`,
    '+tries=1',
    '+norecurse',
    ...(options.subnet ? [`+subnet=${options.subnet}`] : []),
    ...(options.tcp ? ['+tcp'] : []),
    name,
    type,
  ];
  return new Promise((resolve, reject) => {
    execFile(toolPath('dig'), args, { encoding: 'utf8', timeout: ((options.timeoutSeconds ?? 2) + 5) * 1000 }, (error, stdout, stderr) => {
      const raw = `${stdout}${stderr}`;
      const status = /->>HEADER<<-.*status: ([A-Z]+)/.exec(raw);
      if (!status) {
        reject(new Error(`dig ${args.join(' ')} gave no answer${error ? ` (${error.message})` : ''}:\n${raw}`));
        return;
      }
      const records = raw
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith(';'))
        .map((line) => {
          const [recordName, ttl, , recordType, ...data] = line.trim().split(/\s+/);
          return { name: recordName, ttl: Number(ttl), type: recordType, data: data.join(' ') };
        });
      const subnet = /; CLIENT-SUBNET: (\S+)/.exec(raw);
      resolve({ rcode: status[1], answers: records.map((r) => r.data), records, clientSubnet: subnet?.[1], raw });
    });
  });
}

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];
const QTYPES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, TXT: 16, AAAA: 28 };

/**
 * One UDP query to 127.0.0.1:`port` (or `host`) from this process, without spawning dig: for tests
 * and benchmarks that send hundreds of queries. Decodes the rcode and A/AAAA/other answers
 * (other types as hex). Rejects after `timeoutMs` (default 2000) with no answer.
 */
export function queryUdp(port: number, name: string, type: string, options: { timeoutMs?: number; host?: string } = {}): Promise<DnsAnswer> {
  const host = options.host ?? '127.0.0.1';
  const id = Math.floor(Math.random() * 0x10000);
  const labels = name.replace(/\.$/, '').split('.').map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')]));
  const qtype = QTYPES[type];
  if (qtype === undefined) throw new Error(`queryUdp: unsupported type ${type}`);
  const query = Buffer.concat([Buffer.from([id >> 8, id & 0xff, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]), ...labels, Buffer.from([0, qtype >> 8, qtype & 0xff, 0, 1])]);
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no answer from ${host}:${port} for ${name} ${type} within ${options.timeoutMs ?? 2000} ms`));
    }, options.timeoutMs ?? 2000);
    socket.on('message', (message) => {
      if (message.readUInt16BE(0) !== id) return;
      clearTimeout(timer);
      socket.close();
      try {
        resolve(decodeAnswer(message));
      } catch (e) {
        reject(e);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.send(query, port, host);
  });
}

function decodeAnswer(message: Buffer): DnsAnswer {
  const rcode = RCODES[message[3] & 0x0f] ?? `RCODE${message[3] & 0x0f}`;
  const [qd, an] = [message.readUInt16BE(4), message.readUInt16BE(6)];
  let offset = 12;
  const readName = (): string => {
    const parts: string[] = [];
    let at = offset;
    let jumped = false;
    for (let guard = 0; guard < 128; guard++) {
      const length = message[at];
      if (length === 0) {
        if (!jumped) offset = at + 1;
        return `${parts.join('.')}.`;
      }
      if ((length & 0xc0) === 0xc0) {
        if (!jumped) offset = at + 2;
        jumped = true;
        at = message.readUInt16BE(at) & 0x3fff;
        continue;
      }
      parts.push(message.toString('ascii', at + 1, at + 1 + length));
      at += 1 + length;
    }
    throw new Error('DNS name compression loop');
  };
  for (let i = 0; i < qd; i++) {
    readName();
    offset += 4;
  }
  const records: DnsAnswer['records'] = [];
  for (let i = 0; i < an; i++) {
    const recordName = readName();
    const type = message.readUInt16BE(offset);
    const ttl = message.readUInt32BE(offset + 4);
    const length = message.readUInt16BE(offset + 8);
    const data = message.subarray(offset + 10, offset + 10 + length);
    offset += 10 + length;
    const typeName = Object.keys(QTYPES).find((k) => QTYPES[k] === type) ?? `TYPE${type}`;
    const text = type === 1 ? [...data].join('.') : type === 28 ? ipv6Text(data) : data.toString('hex');
    records.push({ name: recordName, ttl, type: typeName, data: text });
  }
  return { rcode, answers: records.map((r) => r.data), records, raw: `${rcode} ${records.map((r) => `${r.type} ${r.data}`).join(', ')}` };
}

/** RFC 5952 text of 16 address bytes (as dig prints it). */
function ipv6Text(bytes: Buffer): string {
  const words = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return `::ffff:${[...bytes.subarray(12)].join('.')}`; // IPv4-mapped
  let best = [-1, 0];
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best[1] && j - i > 1) best = [i, j - i];
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best[0] < 0) return hex.join(':');
  return `${hex.slice(0, best[0]).join(':')}::${hex.slice(best[0] + best[1]).join(':')}`;
}
