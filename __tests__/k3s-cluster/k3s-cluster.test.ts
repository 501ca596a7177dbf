import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { parse, parseAllDocuments } from 'yaml';
import { ConfigError } from '../../lib/config/errors';
import { GITEA_TOKEN_MAX_LENGTH, INSTALL_SCRIPT_PATH, K3S_PATHS, K3S_TOKEN_LENGTH, K3sCluster } from '../../constructs/k3s-cluster/k3s-cluster';
import { loadK3sTemplates } from '../../lib/templates';
import { POOL_LABEL, SERVER_WIDE_KEYS } from '../../constructs/k3s-cluster/k3s-config';
import { HcloudVmPlatform } from '../../constructs/provider-vm/hcloud';
import { AWS_USER_DATA_LIMIT } from '../../constructs/provider-vm/aws';
import { AZURE_USER_DATA_LIMIT } from '../../constructs/provider-vm/azure';
import { GCP_USER_DATA_LIMIT } from '../../constructs/provider-vm/gcp';
import { HCLOUD_USER_DATA_LIMIT } from '../../constructs/provider-vm/hcloud';
import { OCI_USER_DATA_LIMIT } from '../../constructs/provider-vm/oci';
import { HUAWEICLOUD_USER_DATA_LIMIT } from '../../constructs/provider-vm/huaweicloud';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { K3S_RELEASES } from '../../lib/versions';
import { toolPath } from '../support/pdns';
import { itWithTool } from '../support/tools';
import { buildRegions, BuiltRegion, cloudConfig, environmentWith, exampleEnvironments, writtenFile } from './support';

const regions = buildRegions(exampleEnvironments());
const everyServer = regions.flatMap((region) => region.rendered.map((rendered) => ({ region, rendered })));
const cases = everyServer.map(({ rendered }) => [rendered.server.name, rendered] as const);
const k3sFiles = (text: string, role: 'server' | 'agent') => ({
  node: parse(writtenFile(text, K3S_PATHS.config)!.content),
  shared: parse(writtenFile(text, `${K3S_PATHS.dropIns}/10-cluster.yaml`)!.content),
  pool: parse(writtenFile(text, `${K3S_PATHS.dropIns}/20-pool.yaml`)!.content),
  role,
});
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-k3s-user-data-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('every server of every example environment gets user data', () => {
  for (const region of regions) {
    const env = region.environment;
    expect(region.rendered.map((r) => r.server.name)).toHaveLength(env.controlPlane.count + env.agentPools.reduce((n, p) => n + p.count, 0));
  }
  // Measured sizes, for the report: bytes as the server receives them / bytes the cloud counts.
  process.stdout.write(`${everyServer.map(({ rendered: r }) => `${r.server.name}: ${r.size.bytes} B, counted ${r.size.countedBytes} B of ${r.size.limit.maxBytes} (${r.size.limit.encoding})`).join('\n')}\n`);
});

describe('cloud-init', () => {
  const itCloudInit = itWithTool('cloud-init');
  test.each(cases)('%s: a #cloud-config document with the K3s files and one runcmd', (_name, rendered) => {
    expect(rendered.text.startsWith('#cloud-config\n')).toBe(true);
    const doc = cloudConfig(rendered.text);
    expect(doc.runcmd).toEqual([['/bin/bash', INSTALL_SCRIPT_PATH]]);
    // The platform's boot commands, verbatim, or no bootcmd section at all.
    expect((doc as { bootcmd?: unknown }).bootcmd).toEqual(rendered.server.bootCommands);
    const paths = doc.write_files.map((f) => f.path);
    expect(paths.slice(0, 3)).toEqual([K3S_PATHS.config, `${K3S_PATHS.dropIns}/10-cluster.yaml`, `${K3S_PATHS.dropIns}/20-pool.yaml`]);
    expect(paths[paths.length - 1]).toBe(INSTALL_SCRIPT_PATH);
    for (const file of doc.write_files) expect(file.permissions).toBe(file.path === INSTALL_SCRIPT_PATH ? '0700' : '0600');
  });

  itCloudInit.each(cases)('%s: `cloud-init schema` accepts it', (name, rendered) => {
    const file = path.join(scratch, `${name}.yaml`);
    fs.writeFileSync(file, rendered.text);
    const result = spawnSync(toolPath('cloud-init'), ['schema', '--config-file', file], { encoding: 'utf8' });
    expect({ status: result.status, output: `${result.stdout}${result.stderr}`.trim() }).toEqual({ status: 0, output: `Valid cloud-config: ${file}` });
  });
});

describe('shell scripts', () => {
  const itShellcheck = itWithTool('shellcheck');
  itShellcheck.each(cases)('%s: every script passes shellcheck with all optional checks, zero findings', (name, rendered) => {
    const scripts = cloudConfig(rendered.text).write_files.filter((f) => f.path.endsWith('.sh'));
    expect(scripts.map((s) => s.path)).toEqual([INSTALL_SCRIPT_PATH]);
    for (const script of scripts) {
      const file = path.join(scratch, `${name}-${path.basename(script.path)}`);
      fs.writeFileSync(file, script.content);
      const result = spawnSync(toolPath('shellcheck'), ['--enable=all', '--severity=style', '--format=gcc', file], { encoding: 'utf8' });
      expect({ status: result.status, findings: result.stdout.trim() }).toEqual({ status: 0, findings: '' });
    }
  });

  const withBootCommands = cases.filter(([, rendered]) => rendered.server.bootCommands !== undefined);
  test('the OCI example servers carry boot commands (the other clouds none)', () => {
    expect([...new Set(withBootCommands.map(([name]) => name.split('-')[0]))]).toEqual(['oci']);
  });

  itShellcheck.each(withBootCommands)('%s: the bootcmd section passes shellcheck as the POSIX sh script cloud-init runs', (name, rendered) => {
    const commands = (cloudConfig(rendered.text) as { bootcmd?: string[] }).bootcmd ?? [];
    expect(commands.length).toBeGreaterThan(0);
    const file = path.join(scratch, `${name}-bootcmd.sh`);
    fs.writeFileSync(file, `#!/bin/sh\n${commands.join('\n')}\n`);
    const result = spawnSync(toolPath('shellcheck'), ['--enable=all', '--severity=style', '--shell=sh', '--format=gcc', file], { encoding: 'utf8' });
    expect({ status: result.status, findings: result.stdout.trim() }).toEqual({ status: 0, findings: '' });
  });

  test.each(cases)('%s: the script installs the pinned K3s for its role and joins the first server', (_name, rendered) => {
    const script = writtenFile(rendered.text, INSTALL_SCRIPT_PATH)!.content;
    const version = K3S_RELEASES.k3s.version;
    const value = (name: string) => new RegExp(`^readonly ${name}='?([^'\\n]*)'?$`, 'm').exec(script)?.[1];
    expect(value('K3S_VERSION')).toBe(version);
    expect(value('K3S_ROLE')).toBe(rendered.server.role);
    expect(value('K3S_SERVICE')).toBe(rendered.server.role === 'server' ? 'k3s' : 'k3s-agent');
    expect(value('RELEASE_URL')).toBe(`https://github.com/k3s-io/k3s/releases/download/${encodeURIComponent(version)}`);
    expect(value('INSTALLER_URL')).toBe(`https://raw.githubusercontent.com/k3s-io/k3s/${encodeURIComponent(version)}/install.sh`);
    const first = rendered.server.controlPlanePrivateIps[0];
    expect(value('JOIN_URL')).toBe(rendered.server.privateIp === first ? '' : `https://${first}:6443`);
    expect(script).toContain('INSTALL_K3S_VERSION="${K3S_VERSION}"');
    expect(script).toContain('INSTALL_K3S_EXEC="${K3S_ROLE}"');
    expect(script).not.toMatch(/\|\s*(ba)?sh\b/);
  });
});

describe('K3s configuration', () => {
  test.each(cases)('%s: config.yaml identifies the node and says how it joins', (_name, rendered) => {
    const { server } = rendered;
    const { node } = k3sFiles(rendered.text, server.role);
    const first = server.controlPlanePrivateIps[0];
    const join = server.privateIp === first ? { 'cluster-init': true } : { server: `https://${first}:6443` };
    expect(node).toEqual({ 'node-name': server.name, 'node-ip': server.privateIp, ...join, token: expect.stringMatching(new RegExp(`^@@K3S_TOKEN@@~{${K3S_TOKEN_LENGTH - 13}}$`)) });
  });

  test.each(regions.map((r) => [r.environment.name, r] as const))('%s: server-wide keys, key by key, byte-identical on every server', (_name, region: BuiltRegion) => {
    const cluster = region.environment.cluster;
    const servers = region.rendered.filter((r) => r.server.role === 'server');
    expect(servers).toHaveLength(region.environment.controlPlane.count);
    const texts = servers.map((r) => writtenFile(r.text, `${K3S_PATHS.dropIns}/10-cluster.yaml`)!.content);
    expect(new Set(texts).size).toBe(1);
    const shared = parse(texts[0]);
    expect(shared).toEqual({
      disable: ['traefik', 'servicelb', 'local-storage'],
      'flannel-backend': 'none',
      'disable-network-policy': true,
      'disable-kube-proxy': cluster.kubeProxyReplacement,
      'cluster-cidr': '10.42.0.0/16',
      'service-cidr': '10.43.0.0/16',
      'secrets-encryption': true,
      'embedded-registry': false,
      'tls-san': expect.any(Array),
      'write-kubeconfig-mode': '0600',
      'kube-controller-manager-arg': ['node-monitor-period=5s', 'node-monitor-grace-period=20s'],
      'kube-apiserver-arg': ['default-watch-cache-size=50'],
      'etcd-arg': ['quota-backend-bytes=1073741824'],
      'kubelet-arg': [`max-pods=${cluster.maxPods}`],
    });
    for (const key of SERVER_WIDE_KEYS) expect(shared).toHaveProperty([key]);
    // The quota is an integer of bytes, as etcd's YAML config needs it.
    expect(shared['etcd-arg'][0]).toMatch(/^quota-backend-bytes=\d+$/);
    // Each server-wide key appears in that one file only.
    for (const r of servers) {
      const { node, pool } = k3sFiles(r.text, 'server');
      for (const key of Object.keys(shared)) expect([key, key in node || key in pool]).toEqual([key, false]);
    }
  });

  test.each(regions.map((r) => [r.environment.name, r] as const))('%s: the certificate names every load balancer address', (_name, region: BuiltRegion) => {
    const server = region.rendered.find((r) => r.server.role === 'server')!;
    const sans: string[] = parse(writtenFile(server.text, `${K3S_PATHS.dropIns}/10-cluster.yaml`)!.content)['tls-san'];
    expect(sans).toHaveLength(region.stack.platform.apiAddresses.length);
    // Addresses known at synth are literal; the others are placeholders of their longest form.
    region.stack.platform.apiAddresses.forEach((address, i) => {
      expect(sans[i].length).toBe(/^[0-9.]+$/.test(address.value) ? address.value.length : address.maxLength);
    });
  });

  test.each(cases)('%s: agents share only the kubelet flags; every node gets its pool label', (_name, rendered) => {
    const { shared, pool } = k3sFiles(rendered.text, rendered.server.role);
    if (rendered.server.role === 'agent') expect(Object.keys(shared)).toEqual(['kubelet-arg']);
    expect(pool['node-label'][0]).toBe(`${POOL_LABEL}=${rendered.server.pool}`);
  });

  test('pool labels from the environment become node labels', () => {
    const env = environmentWith('hetzner-nbg1', {});
    const [region] = buildRegions([env]);
    const worker = region.rendered.find((r) => r.server.pool === 'workers')!;
    expect(parse(writtenFile(worker.text, `${K3S_PATHS.dropIns}/20-pool.yaml`)!.content)).toEqual({ 'node-label': [`${POOL_LABEL}=workers`, 'tier=general'] });
  });

  test('overrides from the environment reach the flags', () => {
    const env = environmentWith('hetzner-fsn1', {
      cluster: {
        disable: ['traefik', 'metrics-server'],
        encryptAtRest: false,
        embeddedRegistry: true,
        clusterCidr: '10.100.0.0/16',
        serviceCidr: '10.101.0.0/16',
        controllerManager: { nodeMonitorPeriod: '5s', nodeMonitorGracePeriod: '40s' },
        apiServer: { defaultWatchCacheSize: null },
        etcd: { quotaBackendBytes: 2147483648 },
        kubelet: { maxPods: 110 },
      },
    });
    const [region] = buildRegions([env]);
    const server = region.rendered.find((r) => r.server.role === 'server')!;
    const shared = parse(writtenFile(server.text, `${K3S_PATHS.dropIns}/10-cluster.yaml`)!.content);
    expect(shared).toMatchObject({
      disable: ['traefik', 'metrics-server'],
      'secrets-encryption': false,
      'embedded-registry': true,
      'cluster-cidr': '10.100.0.0/16',
      'service-cidr': '10.101.0.0/16',
      'kube-controller-manager-arg': ['node-monitor-period=5s', 'node-monitor-grace-period=40s'],
      'etcd-arg': ['quota-backend-bytes=2147483648'],
      'kubelet-arg': ['max-pods=110'],
    });
    expect(shared).not.toHaveProperty(['kube-apiserver-arg']);
    // Without Flux settings there are no Flux manifests and no gitea_token variable.
    expect(writtenFile(server.text, `${K3S_PATHS.manifests}/flux.yaml`)).toBeUndefined();
    expect(region.tf.variable?.gitea_token).toBeUndefined();
  });
});

describe('manifests K3s applies at start (servers only)', () => {
  const manifests = (text: string, name: string) => {
    const file = writtenFile(text, `${K3S_PATHS.manifests}/${name}`);
    return file && parseAllDocuments(file.content).map((d) => d.toJS());
  };

  test.each(cases)('%s: Cilium as a bootstrap HelmChart; Flux controllers, credentials and sync', (_name, rendered) => {
    const env = regions.find((r) => r.rendered.includes(rendered))!.environment;
    if (rendered.server.role === 'agent') {
      expect(cloudConfig(rendered.text).write_files.filter((f) => f.path.startsWith(K3S_PATHS.manifests))).toEqual([]);
      return;
    }
    const [cilium] = manifests(rendered.text, 'cilium.yaml')!;
    expect(cilium).toMatchObject({ apiVersion: 'helm.cattle.io/v1', kind: 'HelmChart', metadata: { name: 'cilium', namespace: 'kube-system' } });
    expect(cilium.spec).toMatchObject({ repo: K3S_RELEASES.cilium.repo, chart: 'cilium', version: K3S_RELEASES.cilium.version, targetNamespace: 'kube-system', bootstrap: true });
    const values = parse(cilium.spec.valuesContent);
    expect(values.operator.tolerations).toContainEqual({ key: 'node.cloudprovider.kubernetes.io/uninitialized', operator: 'Exists' });
    expect(values.kubeProxyReplacement).toBe(env.cluster.kubeProxyReplacement);
    if (env.cluster.kubeProxyReplacement) expect(values).toMatchObject({ k8sServiceHost: '127.0.0.1', k8sServicePort: 6444 });
    else expect(values).not.toHaveProperty('k8sServiceHost');

    const flux = env.cluster.flux!;
    const [namespace, chart, secret] = manifests(rendered.text, 'flux.yaml')!;
    expect(namespace).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'flux-system' } });
    expect(chart.spec).toMatchObject({ repo: K3S_RELEASES.flux.repo, chart: 'flux2', version: K3S_RELEASES.flux.version, targetNamespace: 'flux-system', bootstrap: false });
    expect(secret.stringData).toEqual({ username: 'flux', password: expect.stringMatching(new RegExp(`^@@GITEA_TOKEN@@~{${GITEA_TOKEN_MAX_LENGTH - 15}}$`)) });
    const [source, kustomization] = manifests(rendered.text, 'flux-sync.yaml')!;
    expect(source).toMatchObject({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', spec: { url: flux.url, ref: { branch: 'main' }, secretRef: { name: secret.metadata.name } } });
    expect(kustomization).toMatchObject({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', spec: { path: flux.path, sourceRef: { kind: 'GitRepository', name: source.metadata.name } } });
  });
});

describe('secrets and references in the OpenTofu output', () => {
  const userDataOf = (region: BuiltRegion): string[] => {
    const tf = region.tf;
    switch (region.environment.provider) {
      case 'hetzner':
        return Object.values(tf.resource.hcloud_server).map((s: any) => s.user_data);
      case 'gcp':
        return Object.values(tf.resource.google_compute_instance).map((s: any) => s.metadata['user-data']);
      case 'huaweicloud':
        return Object.values(tf.resource.huaweicloud_compute_instance).map((s: any) => s.user_data);
      case 'aws':
      case 'azure':
      case 'oci':
        return Object.values(tf.locals as Record<string, string>);
    }
  };

  test.each(regions.map((r) => [r.environment.name, r] as const))('%s: no placeholder survives; the token and the Gitea token are references', (_name, region: BuiltRegion) => {
    const tokenId = Object.keys(region.tf.resource.random_password)[0];
    expect(region.tf.resource.random_password[tokenId]).toMatchObject({ length: K3S_TOKEN_LENGTH, special: false });
    expect(region.tf.variable.gitea_token).toMatchObject({ sensitive: true, type: 'string' });
    const texts = userDataOf(region);
    expect(texts).toHaveLength(region.rendered.length);
    for (const text of texts) {
      expect(text).not.toContain('@@');
      expect(text).toContain(`token: "\${random_password.${tokenId}.result}"`);
      // Literal shell expansions are escaped for OpenTofu.
      expect(text).toContain('"$${K3S_VERSION}"');
      expect(text.replace(/\$\$\{/g, '').replace(/\$\{(random_password|var|hcloud_load_balancer|google_compute_address|aws_lb|aws_eip|azurerm_public_ip|oci_core_public_ip|huaweicloud_vpc_eip)\.[^}]+\}/g, '')).not.toMatch(/\$\{|%\{/);
    }
  });

  test('AWS, Azure and OCI pass user data gzip-compressed', () => {
    const gzipped = { aws: 'aws_instance', azure: 'azurerm_linux_virtual_machine', oci: 'oci_core_instance' } as const;
    const checked = regions.filter((r) => r.environment.provider in gzipped);
    expect(new Set(checked.map((r) => r.environment.provider))).toEqual(new Set(Object.keys(gzipped)));
    for (const region of checked) {
      const servers = region.tf.resource[gzipped[region.environment.provider as keyof typeof gzipped]];
      for (const server of Object.values(servers) as any[]) {
        expect(server.user_data_base64 ?? server.custom_data ?? server.metadata.user_data).toMatch(/^\$\{base64gzip\(local\.[^)]+\)\}$/);
      }
    }
  });
});

/** Each cloud's user-data limit, as its platform states it. */
const USER_DATA_LIMITS = { hetzner: HCLOUD_USER_DATA_LIMIT, aws: AWS_USER_DATA_LIMIT, azure: AZURE_USER_DATA_LIMIT, gcp: GCP_USER_DATA_LIMIT, oci: OCI_USER_DATA_LIMIT, huaweicloud: HUAWEICLOUD_USER_DATA_LIMIT } as const;

describe('user-data limits', () => {
  /** Pool labels whose node-label lines alone exceed `bytes` (each line is about 75 bytes). */
  const heavyLabels = (bytes: number) => Object.fromEntries(Array.from({ length: Math.ceil(bytes / 60) }, (_, i) => [`label-${i}`, `${'v'.repeat(55)}${i}`]));

  test.each([
    ['hetzner-fsn1', 'plain', 32 * 1024],
    ['gcp-europe-west3', 'plain', 256 * 1024],
    ['huaweicloud-eu-west-101', 'plain', 32 * 1024],
  ] as const)('%s: %s text above %d bytes is refused, naming file, pool and size', (name, _encoding, limit) => {
    const env = environmentWith(name, { agentPools: [{ name: 'big', count: 1, instanceType: name.startsWith('gcp') ? 'e2-standard-4' : name.startsWith('huaweicloud') ? 's6.xlarge.2' : 'cpx41', labels: heavyLabels(limit) }] });
    let error: unknown;
    try {
      buildRegions([env]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.file).toBe(`environments/${name}/environment.json`);
    expect(configError.pointer).toBe('/agentPools/0');
    expect(configError.message).toMatch(new RegExp(`user data of ${name}-big-0 \\(pool "big"\\) is \\d+ bytes; ${env.provider} accepts at most ${USER_DATA_LIMITS[env.provider].documented.replace(/[()]/g, '\\$&')}`));
  });

  test('AWS counts the gzip size: 16 KB of text fits, 16 KB of incompressible text does not', () => {
    // Repetitive labels compress well: far more than 16 KB of text passes.
    const compressible = environmentWith('aws-eu-central-1', { agentPools: [{ name: 'big', count: 1, instanceType: 'm6i.xlarge', labels: heavyLabels(40_000) }] });
    const [region] = buildRegions([compressible]);
    const big = region.rendered.find((r) => r.server.pool === 'big')!;
    expect(big.size.bytes).toBeGreaterThan(USER_DATA_LIMITS.aws.maxBytes);
    expect(big.size.countedBytes).toBeLessThanOrEqual(USER_DATA_LIMITS.aws.maxBytes);

    // Random label values do not compress: refused with the compressed size in the message.
    const random = (i: number) => `a${createHash('sha512').update(String(i)).digest('base64url').slice(0, 58)}a`;
    const labels = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`l${i}`, random(i)]));
    const incompressible = environmentWith('aws-eu-central-1', { agentPools: [{ name: 'big', count: 1, instanceType: 'm6i.xlarge', labels }] });
    expect(() => buildRegions([incompressible])).toThrow(/user data of aws-eu-central-1-big-0 \(pool "big"\) is \d+ bytes gzip-compressed \(\d+ bytes uncompressed\); aws accepts at most 16 KB/);
  });

  test('OCI counts the gzip size against what its 32,000 bytes of metadata leave for user data', () => {
    const random = (i: number) => `a${createHash('sha512').update(`oci${i}`).digest('base64url').slice(0, 58)}a`;
    const labels = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`l${i}`, random(i)]));
    const env = environmentWith('oci-eu-frankfurt-1', { agentPools: [{ name: 'big', count: 1, instanceType: 'VM.Standard.E5.Flex', labels }] });
    expect(() => buildRegions([env])).toThrow(/environment\.json#\/agentPools\/0: user data of oci-eu-frankfurt-1-big-0 \(pool "big"\) is \d+ bytes gzip-compressed \(\d+ bytes uncompressed\); oci accepts at most 32,000 bytes of instance metadata/);
    // The example fits with room to spare.
    const [region] = buildRegions([environmentWith('oci-eu-frankfurt-1')]);
    for (const { size } of region.rendered) expect(size.countedBytes).toBeLessThan(OCI_USER_DATA_LIMIT.maxBytes / 2);
  });

  test('the control-plane pool is named by its pointer', () => {
    const env = environmentWith('hetzner-fsn1', { controlPlane: { count: 1, instanceType: 'cpx31', labels: heavyLabels(33_000) } });
    expect(() => buildRegions([env])).toThrow(/environment\.json#\/controlPlane: user data of hetzner-fsn1-control-plane-0 \(pool "control-plane"\)/);
  });
});

describe('the install script on a machine (downloads faked, nothing installed)', () => {
  const itBash = itWithTool('bash');
  const script = writtenFile(everyServer.find(({ rendered }) => rendered.server.role === 'agent')!.rendered.text, INSTALL_SCRIPT_PATH)!.content
    .replace(/^readonly MAX_ATTEMPTS=\d+$/m, 'readonly MAX_ATTEMPTS=2');
  /** Runs the script with a fake `curl` that writes `files` (by URL suffix) or fails. */
  const runWith = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(scratch, 'run-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'files.json'), JSON.stringify(files));
    fs.writeFileSync(
      path.join(dir, 'bin', 'curl'),
      `#!/usr/bin/env node
const args = process.argv.slice(2), url = args[args.length - 1], out = args[args.indexOf('--output') + 1];
const files = require(${JSON.stringify(path.join(dir, 'files.json'))});
const match = Object.keys(files).find((suffix) => url.endsWith(suffix));
if (!match || args.indexOf('--output') < 0) { process.stderr.write('curl: (6) Could not resolve host\\n'); process.exit(6); }
require('fs').writeFileSync(out, files[match]);
`,
      { mode: 0o755 },
    );
    fs.writeFileSync(path.join(dir, 'install-k3s.sh'), script);
    const started = Date.now();
    const result = spawnSync('bash', [path.join(dir, 'install-k3s.sh')], { encoding: 'utf8', env: { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` }, timeout: 60_000 });
    return { ...result, seconds: (Date.now() - started) / 1000 };
  };

  itBash('gives up after the bounded retries when downloads fail', () => {
    const result = runWith({});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/attempt 1\/2 failed; next in 2s: download/);
    expect(result.stderr).toMatch(/giving up after 2 attempts/);
    expect(result.seconds).toBeLessThan(30);
  });

  itBash('refuses a binary that does not match the release checksums', () => {
    const result = runWith({ 'sha256sum-amd64.txt': `${'0'.repeat(64)}  k3s\n`, 'sha256sum-arm64.txt': `${'0'.repeat(64)}  k3s-arm64\n`, '/k3s': 'not k3s', '/k3s-arm64': 'not k3s' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ERROR: k3s(-arm64)? does not match sha256sum-(amd|arm)64\.txt of v1\.33/);
  });
});

test('the K3s version is pinned to a release, never a channel', () => {
  expect(K3S_RELEASES.k3s.version).toMatch(/^v1\.33\.\d+\+k3s\d+$/);
  expect(execFileSync('node', ['-e', 'process.stdout.write(require("./versions.json").k3s.version)'], { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8' })).toBe(K3S_RELEASES.k3s.version);
});

describe('region stack outputs', () => {
  test.each(regions.map((r) => [r.environment.name, r] as const))('%s: kubeconfig_command fetches the kubeconfig over SSH, holds no secret', (_name, region: BuiltRegion) => {
    const output = region.tf.output.kubeconfig_command;
    const ssh = region.stack.platform.firstServerSsh;
    expect(output.value).toMatch(new RegExp(`^\\(umask 077 && ssh ${ssh.user}@\\S+ sudo cat /etc/rancher/k3s/k3s\\.yaml \\| sed 's#https://127\\.0\\.0\\.1:6443#https://\\S+:6443#' > ${region.environment.name}\\.kubeconfig\\)`));
    expect(output.value).not.toMatch(/random_password|var\.gitea_token/);
    expect(output.sensitive).toBeUndefined();
    expect(output.description).toMatch(ssh.private ? /inside the private network/ : /adminCidrs/);
    expect(region.tf.output.api_endpoint.value).toMatch(/^https:\/\/\$\{.+\}:6443$/);
  });
});

test('a platform without bootstrap gives its servers no user data', () => {
  // The provider-vm tests build platforms alone; the user data comes only from K3sCluster.
  const stack = new OpenTofuStack(new App({ outdir: scratch }), 'hetzner-fsn1');
  new HcloudVmPlatform(stack, 'vm', { environment: environmentWith('hetzner-fsn1', {}) });
  for (const server of Object.values(stack.toTerraform().resource.hcloud_server) as any[]) expect(server.user_data).toBeUndefined();
});

test('GIVEN boot commands that are not one printable line each WHEN rendered THEN K3sCluster refuses them before they reach cloud-init', () => {
  const environment = environmentWith('oci-eu-frankfurt-1', {});
  const cluster = new K3sCluster(new OpenTofuStack(new App({ outdir: scratch }), 'oci-eu-frankfurt-1'), 'k3s', { environment, releases: K3S_RELEASES, templates: loadK3sTemplates() });
  const server = { pool: 'control-plane', role: 'server' as const, index: 0, name: 'oci-eu-frankfurt-1-control-plane-0', privateIp: '10.70.1.10', zone: 'AD-1', controlPlanePrivateIps: ['10.70.1.10'], apiAddresses: [] };
  for (const command of ['echo one\necho two', '  ', 'echo \u00e9']) {
    expect(() => cluster.userData({ ...server, bootCommands: [command] }, OCI_USER_DATA_LIMIT)).toThrow(/must be one non-empty line of printable ASCII/);
  }
  const text = cluster.userData({ ...server, bootCommands: ['echo "a b"'] }, OCI_USER_DATA_LIMIT);
  expect((parse(text) as { bootcmd: string[] }).bootcmd).toEqual(['echo "a b"']);
});
