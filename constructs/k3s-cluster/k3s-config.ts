import { ClusterSpec, NodePoolSpec } from '../../lib/config/model';
import { YamlValue } from './yaml';

/**
 * The K3s configuration, as plain objects (pure, no cdktf). One function per file a node gets:
 *
 * - `/etc/rancher/k3s/config.yaml`: this node only (name, address, how it joins);
 * - `/etc/rancher/k3s/config.yaml.d/10-cluster.yaml`: the keys every server must share, or the
 *   keys every agent shares; byte-identical across the role, built from one function;
 * - `/etc/rancher/k3s/config.yaml.d/20-pool.yaml`: what the node's pool adds (labels).
 *
 * K3s reads config.yaml first, then the drop-ins in name order; a key in a later file replaces the
 * earlier value (unless it ends in `+`), so no key appears in two of these files.
 */

/** One K3s config file: flag names without `--`; list values are repeated flags. */
export type K3sConfig = Readonly<Record<string, YamlValue>>;

/** The supervisor and API port every server listens on. */
export const K3S_API_PORT = 6443;

/** Node label naming the pool (kubelets may set labels outside kubernetes.io/k8s.io prefixes). */
export const POOL_LABEL = 'sovereign-tofu.dev/pool';

/**
 * Kubernetes minor versions whose kube-apiserver still parses `--default-watch-cache-size`.
 * The flag exists since 1.9 (PR #52112); watch caches size themselves since 1.19 (kubernetes#90058,
 * PR #91260/#91818), the flag is marked deprecated since 1.24 (PR #109201, "watch caches are sized
 * automatically and this flag will be removed in a future version") and its value has been
 * ignored ever since; 1.35 drops the option field and keeps the flag as a documented no-op
 * (PR #134151). No release up to 1.35 refuses it; later minors are not verified, so the flag is
 * left out for them rather than risk an API server that does not start.
 */
export const DEFAULT_WATCH_CACHE_SIZE_MINORS = { first: 9, last: 35 } as const;

/** Whether the K3s release (`v1.33.13+k3s1`) runs a kube-apiserver that accepts default-watch-cache-size. */
export function acceptsDefaultWatchCacheSize(k3sVersion: string): boolean {
  const match = /^v1\.(\d+)\.\d+\+k3s\d+$/.exec(k3sVersion);
  if (!match) throw new Error(`K3s version "${k3sVersion}" is not of the form v1.<minor>.<patch>+k3s<n>`);
  const minor = Number(match[1]);
  return minor >= DEFAULT_WATCH_CACHE_SIZE_MINORS.first && minor <= DEFAULT_WATCH_CACHE_SIZE_MINORS.last;
}

/** Keys that must be identical on every server; K3s refuses a joining server that differs in them. */
export const SERVER_WIDE_KEYS = [
  'disable',
  'flannel-backend',
  'disable-network-policy',
  'disable-kube-proxy',
  'cluster-cidr',
  'service-cidr',
  'secrets-encryption',
  'embedded-registry',
] as const;

/**
 * Everything the servers share, from one source: the platform's choices (what K3s leaves out,
 * networks, encryption) and the tuned flags of the control-plane components. `tlsSans` are the
 * load balancer's addresses (tokens allowed), so the API certificate is valid through it.
 */
export function serverWideConfig(cluster: ClusterSpec, k3sVersion: string, tlsSans: readonly string[]): K3sConfig {
  const apiserverArgs = cluster.defaultWatchCacheSize !== undefined && acceptsDefaultWatchCacheSize(k3sVersion)
    ? [`default-watch-cache-size=${cluster.defaultWatchCacheSize}`]
    : [];
  return {
    disable: [...cluster.disable],
    'flannel-backend': cluster.flannelBackend,
    'disable-network-policy': cluster.disableNetworkPolicy,
    'disable-kube-proxy': cluster.kubeProxyReplacement,
    'cluster-cidr': cluster.clusterCidr,
    'service-cidr': cluster.serviceCidr,
    'secrets-encryption': cluster.encryptAtRest,
    'embedded-registry': cluster.embeddedRegistry,
    'tls-san': [...tlsSans],
    'write-kubeconfig-mode': '0600',
    'kube-controller-manager-arg': [
      `node-monitor-period=${cluster.nodeMonitorPeriod}`,
      `node-monitor-grace-period=${cluster.nodeMonitorGracePeriod}`,
    ],
    ...(apiserverArgs.length > 0 ? { 'kube-apiserver-arg': apiserverArgs } : {}),
    // K3s writes etcd-arg into etcd's YAML config, where the quota is an integer of bytes.
    'etcd-arg': [`quota-backend-bytes=${cluster.etcdQuotaBackendBytes}`],
    ...kubeletConfig(cluster),
  };
}

/** What every agent shares: the kubelet flags (the same values the servers get). */
export function agentWideConfig(cluster: ClusterSpec): K3sConfig {
  return kubeletConfig(cluster);
}

function kubeletConfig(cluster: ClusterSpec): K3sConfig {
  return { 'kubelet-arg': [`max-pods=${cluster.maxPods}`] };
}

/** How one node identifies itself and joins. */
export interface NodeConfigProps {
  readonly role: 'server' | 'agent';
  /** Node name (the server's name at the cloud). */
  readonly name: string;
  /** The node's static private IP: K3s advertises and binds cluster traffic to it. */
  readonly privateIp: string;
  /** Private IP of the first server; undefined for the first server itself, which runs cluster-init. */
  readonly joinAddress?: string;
  /** The cluster token (a token resolving to the generated password, or a placeholder). */
  readonly token: string;
}

/** `/etc/rancher/k3s/config.yaml`: the first server initialises etcd, every other node joins it. */
export function nodeConfig(props: NodeConfigProps): K3sConfig {
  if (props.role === 'agent' && props.joinAddress === undefined) throw new Error(`agent ${props.name} needs a server to join`);
  return {
    'node-name': props.name,
    'node-ip': props.privateIp,
    ...(props.joinAddress === undefined ? { 'cluster-init': true } : { server: joinUrl(props.joinAddress) }),
    token: props.token,
  };
}

/** The URL joining nodes use: the first server's private address, never the load balancer. */
export function joinUrl(address: string): string {
  return `https://${address}:${K3S_API_PORT}`;
}

/** `config.yaml.d/20-pool.yaml`: the pool's node labels (its own name and the environment's labels). */
export function poolConfig(pool: NodePoolSpec): K3sConfig {
  return {
    'node-label': [`${POOL_LABEL}=${pool.name}`, ...Object.entries(pool.labels).map(([key, value]) => `${key}=${value}`)],
  };
}
