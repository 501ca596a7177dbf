/**
 * replace-node's cluster side with the real kubectl, talking to a stand-in Kubernetes API on
 * loopback (a small HTTP server serving discovery and Node objects, whose Ready condition the test
 * changes). Proves the kubectl calls and how their answers are read; it is not a K3s cluster.
 */
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Kubectl, NodeTarget, nodeReady } from '../../lib/cli/replace-node';
import { itWithTool } from '../support/tools';

/** Node name → Ready (absent: the node is not registered). */
const nodes = new Map<string, boolean>();
const node = (name: string, ready: boolean) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });

let server: http.Server;
let kubeconfig: string;
let dir: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = (req.url ?? '').split('?')[0];
    if (url === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
    if (url === '/apis') return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
    if (url === '/api/v1') return send(200, { kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: ['get', 'list', 'delete'] }] });
    if (url === '/api/v1/nodes') return send(200, { kind: 'NodeList', apiVersion: 'v1', metadata: {}, items: [...nodes].map(([n, r]) => node(n, r)) });
    const name = /^\/api\/v1\/nodes\/([^/]+)$/.exec(url)?.[1];
    if (name && nodes.has(name)) return send(200, node(name, nodes.get(name)!));
    return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `nodes "${name}" not found` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-kube-'));
  kubeconfig = path.join(dir, 'kubeconfig.yaml');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fs.writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters: [{name: t, cluster: {server: "${url}"}}]\nusers: [{name: t, user: {}}]\ncontexts: [{name: t, context: {cluster: t, user: t}}]\ncurrent-context: t\n`);
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => nodes.clear());

const target = (name: string, role: 'server' | 'agent' = 'server'): NodeTarget => ({ id: name, address: `hcloud_server.${name}`, name, role });
const servers = [target('cp-0'), target('cp-1'), target('cp-2'), target('w-0', 'agent')];
const kubectl = () => new Kubectl('kubectl', kubeconfig, { ...process.env, KUBECONFIG: '' });

itWithTool('kubectl')('GIVEN another K3s server not Ready THEN replacing a server is refused, naming it', async () => {
  nodes.set('cp-0', true).set('cp-1', false).set('cp-2', true).set('w-0', false);
  await expect(kubectl().assertQuorumWithout(servers[2], servers)).rejects.toThrow(/refusing to replace cp-2: other K3s servers are not Ready \(cp-1\)/);
  nodes.delete('cp-1');
  await expect(kubectl().assertQuorumWithout(servers[0], servers)).rejects.toThrow(/not Ready \(cp-1\)/);
});

itWithTool('kubectl')('GIVEN every other server Ready THEN a server may go; an agent never needs the check', async () => {
  nodes.set('cp-0', true).set('cp-1', true).set('cp-2', false);
  await expect(kubectl().assertQuorumWithout(servers[2], servers)).resolves.toBeUndefined();
  nodes.set('cp-1', false);
  await expect(kubectl().assertQuorumWithout(servers[3], servers)).resolves.toBeUndefined();
});

itWithTool('kubectl')('GIVEN a replaced node THEN waitReady waits until it is registered and Ready', async () => {
  setTimeout(() => nodes.set('cp-1', false), 1500);
  setTimeout(() => nodes.set('cp-1', true), 3500);
  const started = Date.now();
  await expect(kubectl().waitReady('cp-1', 30, 1)).resolves.toBeGreaterThanOrEqual(3);
  expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
}, 40_000);

itWithTool('kubectl')('GIVEN a node that never becomes Ready THEN waitReady gives up at the deadline with the last answer', async () => {
  nodes.set('cp-1', false);
  await expect(kubectl().waitReady('cp-1', 3, 1)).rejects.toThrow(/cp-1 did not become Ready within 3 s \(last answer: not Ready\); do not replace another server before it is/);
  nodes.delete('cp-1');
  await expect(kubectl().waitReady('cp-1', 2, 1)).rejects.toThrow(/last answer: .*not found/);
}, 40_000);

test('nodeReady reads the Ready condition only', () => {
  expect(nodeReady(JSON.stringify(node('a', true)))).toBe(true);
  expect(nodeReady(JSON.stringify(node('a', false)))).toBe(false);
  expect(nodeReady(JSON.stringify({ status: { conditions: [{ type: 'MemoryPressure', status: 'True' }] } }))).toBe(false);
  expect(nodeReady('{}')).toBe(false);
});
