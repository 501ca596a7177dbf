import * as fs from 'fs';
import * as path from 'path';
import environmentSchema from './schemas/environment.schema.json';
import { PoolInput, serverNameProblems } from './address-limits';
import { cidrContains, cidrsOverlap, firstSubnet, formatCidr, Ipv4Cidr, parseCidr } from '../common/cidr';
import { configProblems, ConfigError, ConfigErrors, pointer } from './errors';
import { locateInputFile, readInputFile } from './input-file';
import { lazySchemaValidator, parseValidatedDocument } from './json-document';
import { ClusterSpec, CloudProvider, DnsSpec, EnvironmentSpec, FlannelBackend, K3sComponent, NodePoolSpec, SovereignModel } from './model';
import { parseSovereign, SOVEREIGN_FILE } from './load-sovereign';
import { parseStateConfig, RawStateConfig } from './state-config';
import { INSTANCE_TYPES, KNOWN_REGIONS } from './regions';
import { checkCloudEnvironment } from './clouds';

/** File name of a region environment inside `environments/<provider>-<region>/`. */
export const ENVIRONMENT_FILE = 'environment.json';

const DEFAULT_IMAGE = 'ubuntu-24.04';
const CONTROL_PLANE_POOL = 'control-plane';

/**
 * The platform's K3s settings; environment.schema.json documents the same values as `default`s
 * (a test keeps the two in step).
 */
export const CLUSTER_DEFAULTS: Omit<ClusterSpec, 'flux'> = {
  disable: ['traefik', 'servicelb', 'local-storage'],
  flannelBackend: 'none',
  disableNetworkPolicy: true,
  kubeProxyReplacement: false,
  clusterCidr: '10.42.0.0/16',
  serviceCidr: '10.43.0.0/16',
  encryptAtRest: true,
  embeddedRegistry: false,
  nodeMonitorPeriod: '5s',
  nodeMonitorGracePeriod: '20s',
  defaultWatchCacheSize: 50,
  etcdQuotaBackendBytes: 1073741824,
  maxPods: 50,
};

/** Defaults of the optional Flux settings. */
export const FLUX_DEFAULTS = { branch: 'main', path: './', interval: '1m', username: 'flux' } as const;

const validateEnvironment = lazySchemaValidator(environmentSchema);

/**
 * Loads every `environments/<name>/environment.json` and the optional `sovereign.json` under
 * `projectDir`, validates them and returns the typed model. Throws ConfigErrors listing every problem found (file, JSON pointer, allowed).
 */
export function loadSovereignModel(projectDir: string): SovereignModel {
  const errors: ConfigError[] = [];
  // Every file is checked even after a bad one, so one run reports every problem.
  const collect = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (e) {
      const problems = configProblems(e);
      if (!problems) throw e;
      errors.push(...problems);
      return undefined;
    }
  };
  const environments: EnvironmentSpec[] = [];
  const names = collect(() => environmentFolders(projectDir)) ?? [];
  for (const name of names) {
    const relativeFile = path.posix.join('environments', name, ENVIRONMENT_FILE);
    const environment = collect(() => {
      const located = locateInputFile(projectDir, relativeFile);
      if (located.kind === 'missing') throw missingEnvironmentFile(projectDir, name);
      return parseEnvironment(relativeFile, name, readInputFile(relativeFile, located.realPath));
    });
    if (environment) environments.push(environment);
  }
  if (names.length === 0 && errors.length === 0) {
    errors.push(new ConfigError('environments', '', 'no environment found', `one folder per region, environments/<provider>-<region>/${ENVIRONMENT_FILE}`));
  }
  let dns: DnsSpec | undefined;
  const sovereign = collect(() => locateInputFile(projectDir, SOVEREIGN_FILE));
  if (sovereign?.kind === 'file') {
    dns = collect(() => parseSovereign(SOVEREIGN_FILE, readInputFile(SOVEREIGN_FILE, sovereign.realPath), environments.map((e) => e.name)));
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
  return dns ? { environments, dns } : { environments };
}

/**
 * The environment folders under `environments/`, sorted: every directory, and every symbolic link
 * to a directory inside the project (followed). Hidden entries and plain files (a README) are
 * ignored; a dangling link or one leaving the project is an error, never skipped silently.
 */
function environmentFolders(projectDir: string): string[] {
  const environmentsDir = path.join(projectDir, 'environments');
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(environmentsDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError('environments', '', `cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}`, 'a folder holding one folder per region');
  }
  const errors: ConfigError[] = [];
  const root = fs.realpathSync(projectDir);
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      names.push(entry.name);
      continue;
    }
    if (!entry.isSymbolicLink()) continue;
    const folder = path.posix.join('environments', entry.name);
    let real: string;
    try {
      real = fs.realpathSync(path.join(environmentsDir, entry.name));
    } catch {
      errors.push(new ConfigError(folder, '', 'is a symbolic link to a path that does not exist', `a folder environments/<provider>-<region>/ holding ${ENVIRONMENT_FILE}, or a link to one inside the project`));
      continue;
    }
    const inside = path.relative(root, real);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      errors.push(new ConfigError(folder, '', 'is a symbolic link to a folder outside the project', 'a folder inside the project (move it in, or copy it)'));
      continue;
    }
    if (fs.statSync(real).isDirectory()) names.push(entry.name);
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
  return names.sort();
}

/** The error for an environment folder without environment.json, naming look-alikes it holds. */
function missingEnvironmentFile(projectDir: string, name: string): ConfigError {
  const folder = path.posix.join('environments', name);
  let lookAlikes: string[] = [];
  try {
    lookAlikes = fs.readdirSync(path.join(projectDir, folder)).filter((f) => /^environment\b/i.test(f) && f !== ENVIRONMENT_FILE).sort();
  } catch {
    // unreadable: the message below is still right
  }
  const found = lookAlikes.length > 0 ? ` (found ${lookAlikes.join(', ')}; only ${ENVIRONMENT_FILE} is read)` : '';
  return new ConfigError(folder, '', `has no ${ENVIRONMENT_FILE}${found}`, `${folder}/${ENVIRONMENT_FILE}, or remove the folder`);
}

/**
 * Validates one environment document: JSON syntax, credentials, JSON Schema, then the semantic rules
 * a schema cannot express, then (when those pass) the checks of its cloud (lib/config/clouds/). `name` is the folder name, which must be `<provider>-<region>`.
 */
export function parseEnvironment(file: string, name: string, text: string): EnvironmentSpec {
  const raw = parseValidatedDocument<RawEnvironment>(file, text, validateEnvironment());
  const errors: ConfigError[] = [];
  const provider = raw.provider;

  const regionZones = KNOWN_REGIONS[provider][raw.region];
  if (!regionZones) {
    errors.push(new ConfigError(file, '/region', `unknown ${provider} region "${raw.region}"`, Object.keys(KNOWN_REGIONS[provider]).join(', ')));
  }
  // Several environments may share a region (prod, staging): <provider>-<region>[-<suffix>].
  const expectedName = `${provider}-${raw.region}`;
  if (name !== expectedName && !new RegExp(`^${expectedName}-[a-z0-9]([a-z0-9-]*[a-z0-9])?$`).test(name)) {
    errors.push(new ConfigError(file, '', `folder "${name}" does not match provider and region`, `environments/${expectedName}/ or environments/${expectedName}-<suffix>/`));
  }

  const network = checkCidr(file, '/network/cidr', raw.network.cidr, errors);
  let subnet: Ipv4Cidr | undefined;
  if (raw.network.subnetCidr !== undefined) {
    subnet = checkCidr(file, '/network/subnetCidr', raw.network.subnetCidr, errors);
    if (network && subnet && !cidrContains(network, subnet)) {
      errors.push(new ConfigError(file, '/network/subnetCidr', `${raw.network.subnetCidr} is not inside network ${raw.network.cidr}`, `a range inside ${raw.network.cidr}`));
    }
  } else if (network) {
    subnet = firstSubnet(network, 24);
  }

  const adminCidrs = raw.adminCidrs ?? [];
  const parsedAdmin = adminCidrs.map((cidr, i) => checkCidr(file, pointer('adminCidrs', i), cidr, errors));
  parsedAdmin.forEach((cidr, i) => {
    if (cidr && network && cidrsOverlap(cidr, network)) {
      errors.push(new ConfigError(file, pointer('adminCidrs', i), `${adminCidrs[i]} overlaps the private network ${raw.network.cidr}`, 'public ranges of your operators'));
    }
  });

  if (raw.controlPlane.count % 2 === 0) {
    errors.push(new ConfigError(file, '/controlPlane/count', `server count ${raw.controlPlane.count} is even; etcd needs an odd number for quorum`, '1, 3, 5, …'));
  }

  const pools: Array<{ raw: RawPool; at: string }> = [
    { raw: { ...raw.controlPlane, name: raw.controlPlane.name ?? CONTROL_PLANE_POOL }, at: '/controlPlane' },
    ...(raw.agentPools ?? []).map((p, i) => ({ raw: p, at: pointer('agentPools', i) })),
  ];
  const seen = new Map<string, string>();
  for (const { raw: pool, at } of pools) {
    const poolName = pool.name as string;
    const first = seen.get(poolName);
    if (first !== undefined) {
      errors.push(new ConfigError(file, `${at}/name`, `pool name "${poolName}" is already used at ${first}`, 'a name unique within the environment'));
    }
    seen.set(poolName, at);
    const types = INSTANCE_TYPES[provider];
    if (!types.pattern.test(pool.instanceType)) {
      errors.push(new ConfigError(file, `${at}/instanceType`, `"${pool.instanceType}" is not a ${provider} instance type`, `e.g. ${types.example}`));
    } else if (types.tooSmall.test(pool.instanceType)) {
      errors.push(new ConfigError(file, `${at}/instanceType`, `"${pool.instanceType}" is too small for a K3s node (2 GB of memory or more)`, `e.g. ${types.example}`));
    }
  }
  const poolInputs: PoolInput[] = pools.map(({ raw: pool, at }) => ({ name: pool.name as string, count: pool.count, at, named: at !== '/controlPlane' || raw.controlPlane.name !== undefined }));
  // Hetzner takes the server name as the hostname; GCP checks its names in lib/config/clouds/gcp.ts.
  if (provider === 'hetzner') errors.push(...serverNameProblems(file, name, poolInputs));

  const cluster = parseCluster(file, raw.cluster ?? {}, network, errors);
  const state = parseStateConfig(file, '/state', raw.state, name, errors);

  if (errors.length > 0) throw new ConfigErrors(errors);

  const labels = raw.labels ?? {};
  const toPool = (p: RawPool): NodePoolSpec => ({ name: p.name as string, count: p.count, instanceType: p.instanceType, labels: p.labels ?? {} });
  const environment: EnvironmentSpec = {
    name,
    file,
    provider,
    region: raw.region,
    zones: regionZones as readonly string[],
    network: { cidr: raw.network.cidr, subnetCidr: formatCidr(subnet as Ipv4Cidr) },
    controlPlane: toPool(pools[0].raw),
    agentPools: pools.slice(1).map((p) => toPool(p.raw)),
    image: raw.image ?? DEFAULT_IMAGE,
    sshPublicKeys: raw.sshPublicKeys ?? [],
    adminCidrs,
    labels,
    cluster,
    state,
  };
  // What the environment's cloud adds (lib/config/clouds/<cloud>.ts); it needs the parsed model.
  const cloudErrors = checkCloudEnvironment(environment);
  if (cloudErrors.length > 0) throw new ConfigErrors(cloudErrors);
  return environment;
}

/**
 * The K3s settings with defaults filled in, after the checks a schema cannot express: pod and
 * service networks are valid, disjoint and outside the private network; kube-proxy replacement
 * needs Cilium (flannel backend none); the grace period outlasts the monitor period.
 */
function parseCluster(file: string, raw: RawCluster, network: Ipv4Cidr | undefined, errors: ConfigError[]): ClusterSpec {
  const d = CLUSTER_DEFAULTS;
  const spec: ClusterSpec = {
    disable: raw.disable ?? d.disable,
    flannelBackend: raw.flannelBackend ?? d.flannelBackend,
    disableNetworkPolicy: raw.disableNetworkPolicy ?? d.disableNetworkPolicy,
    kubeProxyReplacement: raw.kubeProxyReplacement ?? d.kubeProxyReplacement,
    clusterCidr: raw.clusterCidr ?? d.clusterCidr,
    serviceCidr: raw.serviceCidr ?? d.serviceCidr,
    encryptAtRest: raw.encryptAtRest ?? d.encryptAtRest,
    embeddedRegistry: raw.embeddedRegistry ?? d.embeddedRegistry,
    nodeMonitorPeriod: raw.controllerManager?.nodeMonitorPeriod ?? d.nodeMonitorPeriod,
    nodeMonitorGracePeriod: raw.controllerManager?.nodeMonitorGracePeriod ?? d.nodeMonitorGracePeriod,
    defaultWatchCacheSize: raw.apiServer?.defaultWatchCacheSize === null ? undefined : (raw.apiServer?.defaultWatchCacheSize ?? d.defaultWatchCacheSize),
    etcdQuotaBackendBytes: raw.etcd?.quotaBackendBytes ?? d.etcdQuotaBackendBytes,
    maxPods: raw.kubelet?.maxPods ?? d.maxPods,
    ...(raw.flux ? { flux: { ...FLUX_DEFAULTS, ...raw.flux } } : {}),
  };

  const pods = checkCidr(file, '/cluster/clusterCidr', spec.clusterCidr, errors);
  const services = checkCidr(file, '/cluster/serviceCidr', spec.serviceCidr, errors);
  for (const [at, text, cidr] of [['/cluster/clusterCidr', spec.clusterCidr, pods], ['/cluster/serviceCidr', spec.serviceCidr, services]] as const) {
    if (cidr && network && cidrsOverlap(cidr, network)) {
      errors.push(new ConfigError(file, at, `${text} overlaps the private network ${formatCidr(network)}`, 'a range outside network.cidr, e.g. 10.42.0.0/16 for pods and 10.43.0.0/16 for services'));
    }
  }
  if (pods && services && cidrsOverlap(pods, services)) {
    errors.push(new ConfigError(file, '/cluster/serviceCidr', `${spec.serviceCidr} overlaps the pod network ${spec.clusterCidr}`, 'disjoint ranges for pods and services'));
  }
  if (spec.kubeProxyReplacement && spec.flannelBackend !== 'none') {
    errors.push(new ConfigError(file, '/cluster/kubeProxyReplacement', `kube-proxy replacement needs Cilium, but flannelBackend is "${spec.flannelBackend}"`, 'kubeProxyReplacement false, or flannelBackend "none"'));
  }
  if (durationMs(spec.nodeMonitorGracePeriod) <= durationMs(spec.nodeMonitorPeriod)) {
    errors.push(new ConfigError(file, '/cluster/controllerManager/nodeMonitorGracePeriod', `grace period ${spec.nodeMonitorGracePeriod} must be longer than nodeMonitorPeriod ${spec.nodeMonitorPeriod}`, 'several monitor periods, e.g. 20s for 5s'));
  }
  return spec;
}

/** Milliseconds of a Go duration the schema admits (`1m30s`, `500ms`). */
function durationMs(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(amount) * units[unit];
  return total;
}

interface RawPool {
  name?: string;
  count: number;
  instanceType: string;
  labels?: Record<string, string>;
}

interface RawCluster {
  disable?: K3sComponent[];
  flannelBackend?: FlannelBackend;
  disableNetworkPolicy?: boolean;
  kubeProxyReplacement?: boolean;
  clusterCidr?: string;
  serviceCidr?: string;
  encryptAtRest?: boolean;
  embeddedRegistry?: boolean;
  controllerManager?: { nodeMonitorPeriod?: string; nodeMonitorGracePeriod?: string };
  apiServer?: { defaultWatchCacheSize?: number | null };
  etcd?: { quotaBackendBytes?: number };
  kubelet?: { maxPods?: number };
  flux?: { url: string; branch?: string; path?: string; interval?: string; username?: string };
}

interface RawEnvironment {
  provider: CloudProvider;
  region: string;
  network: { cidr: string; subnetCidr?: string };
  controlPlane: RawPool;
  agentPools?: RawPool[];
  image?: string;
  sshPublicKeys?: string[];
  adminCidrs?: string[];
  labels?: Record<string, string>;
  cluster?: RawCluster;
  state?: RawStateConfig;
}

function checkCidr(file: string, at: string, text: string, errors: ConfigError[]): Ipv4Cidr | undefined {
  const cidr = parseCidr(text);
  if (!cidr) errors.push(new ConfigError(file, at, `"${text}" is not an IPv4 CIDR with the host bits zero`, 'e.g. 10.0.0.0/16'));
  return cidr;
}

