import * as net from 'net';
import { DnsAnswer, freePort, PdnsServer, startPdns } from '../support/pdns';
import { itWithTool } from '../support/tools';

/**
 * The real PowerDNS (Debian's pdns_server, from `npm run tools -- pdns`) configured from
 * templates/pdns.conf.hbs serves an ifportup LUA record: a target whose port refuses connections
 * leaves the answer once health checks settle, and comes back once it listens again.
 */
const itPdns = itWithTool('pdns_server');

const ZONE = 'example.test.';
/** Short interval so the test is quick; ifportup's own timeout is 2 s by default. */
const INTERVAL_S = 2;
const CHECK_TIMEOUT_S = 2;
const SETTLE_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Opens a TCP listener on host:port that accepts and drops connections (what ifportup checks). */
function listen(host: string, port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Queries until `done` holds for 3 answers in a row (answers are random among healthy targets
 * only when selector is not 'all'; three in a row guards against a lucky single answer).
 * Returns the time from `started` (default: the call) until the first of those answers, and the last answer.
 */
async function until(server: PdnsServer, name: string, done: (a: DnsAnswer) => boolean, timeoutMs: number, started = Date.now()): Promise<{ ms: number; last: DnsAnswer; history: string[] }> {
  const history: string[] = [];
  let streak = 0;
  let firstOk = 0;
  let last: DnsAnswer | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await server.query(name, 'A');
    history.push(`${Date.now() - started}ms ${last.rcode} ${[...last.answers].sort().join(',')}`);
    if (done(last)) {
      if (streak === 0) firstOk = Date.now() - started;
      if (++streak >= 3) return { ms: firstOk, last, history };
    } else {
      streak = 0;
    }
    await sleep(100);
  }
  throw new Error(`${name} did not settle within ${timeoutMs} ms; answers:\n${history.slice(-20).join('\n')}`);
}

describe('PowerDNS with the rendered pdns.conf (integration)', () => {
  let server: PdnsServer | undefined;
  const listeners: net.Server[] = [];

  afterAll(async () => {
    await Promise.all(listeners.map((l) => (l.listening ? close(l) : Promise.resolve())));
    await server?.stop();
  });

  itPdns('serves a health-checked ifportup LUA record and a plain A record', async () => {
    // GIVEN a server from the harness and a zone created through the HTTP API
    server = await startPdns({ luaHealthCheckInterval: INTERVAL_S });
    process.stdout.write(`pdns_server ${server.version} up in ${server.startupMs} ms: ${server.command.join(' ')}\n`);

    const zone = await server.api('POST', '/servers/localhost/zones', {
      name: ZONE,
      kind: 'Native',
      nameservers: [`ns1.${ZONE}`],
      rrsets: [{ name: ZONE, type: 'SOA', ttl: 3600, records: [{ content: `ns1.${ZONE} hostmaster.${ZONE} 1 10800 3600 604800 3600`, disabled: false }] }],
    });
    expect(zone.status).toBe(201);

    // AND a port that listens on 127.0.0.2 but not on 127.0.0.3
    const port = await freePort('127.0.0.2', false);
    listeners.push(await listen('127.0.0.2', port));
    const lua = `A "ifportup(${port}, {'127.0.0.2', '127.0.0.3'}, {selector='all'})"`;

    // WHEN the LUA record and plain records are added
    const patch = await server.api('PATCH', `/servers/localhost/zones/${ZONE}`, {
      rrsets: [
        { name: `app.${ZONE}`, type: 'LUA', ttl: 5, changetype: 'REPLACE', records: [{ content: lua, disabled: false }] },
        { name: `www.${ZONE}`, type: 'A', ttl: 300, changetype: 'REPLACE', records: [{ content: '192.0.2.10', disabled: false }] },
        { name: `ns1.${ZONE}`, type: 'A', ttl: 300, changetype: 'REPLACE', records: [{ content: '192.0.2.53', disabled: false }] },
      ],
    });
    expect(patch).toMatchObject({ status: 204 });

    // THEN the plain record answers, and an unknown name is NXDOMAIN
    const www = await server.query(`www.${ZONE}`, 'A');
    expect(www).toMatchObject({ rcode: 'NOERROR', answers: ['192.0.2.10'] });
    expect((await server.query(`nope.${ZONE}`, 'A')).rcode).toBe('NXDOMAIN');

    // AND the LUA record settles on the healthy target only
    const firstQueried = Date.now();
    const first = await server.query(`app.${ZONE}`, 'A');
    expect(first.rcode).toBe('NOERROR');
    const downGone = await until(server, `app.${ZONE}`, (a) => a.rcode === 'NOERROR' && a.answers.join() === '127.0.0.2', SETTLE_MS, firstQueried);
    expect(downGone.last.answers).toContain('127.0.0.2');
    expect(downGone.last.answers).not.toContain('127.0.0.3');

    // WHEN 127.0.0.3 starts listening THEN it joins the answer within interval + timeout + 2 s
    const recoveryBound = (INTERVAL_S + CHECK_TIMEOUT_S + 2) * 1000;
    const third = await listen('127.0.0.3', port);
    listeners.push(third);
    const recovery = await until(server, `app.${ZONE}`, (a) => a.rcode === 'NOERROR' && [...a.answers].sort().join() === '127.0.0.2,127.0.0.3', recoveryBound + 3000);
    expect(recovery.ms).toBeLessThanOrEqual(recoveryBound);

    // WHEN 127.0.0.3 stops listening again THEN it leaves the answer within the same bound
    await close(third);
    const failover = await until(server, `app.${ZONE}`, (a) => a.rcode === 'NOERROR' && a.answers.join() === '127.0.0.2', recoveryBound + 3000);
    expect(failover.ms).toBeLessThanOrEqual(recoveryBound);

    process.stdout.write(
      [
        `LUA ifportup timings (interval ${INTERVAL_S} s, timeout ${CHECK_TIMEOUT_S} s):`,
        `  first query answered ${first.rcode} [${first.answers.join(', ')}] (checks not run yet: backupSelector)`,
        `  down target gone from answers ${downGone.ms} ms after the first query (${downGone.history.length} queries)`,
        `  recovered target back after ${recovery.ms} ms (bound ${recoveryBound} ms)`,
        `  failed target gone after ${failover.ms} ms (bound ${recoveryBound} ms)`,
        '',
      ].join('\n'),
    );
  }, 90_000);
});
