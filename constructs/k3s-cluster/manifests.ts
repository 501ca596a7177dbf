import { FluxSpec } from '../../lib/config/model';
import { HelmChartRelease } from '../../lib/versions';
import { toYaml, YamlValue } from './yaml';

/**
 * The Kubernetes manifests K3s applies from `/var/lib/rancher/k3s/server/manifests` on every
 * server, as plain objects (pure, no cdktf). K3s's deploy controller applies each file as one set
 * and retries a file that fails every 15 seconds, so objects whose CRDs arrive later (Flux's) live in
 * a file of their own. File names must be RFC 1123 (no `_`): the part before the first dot names
 * the K3s Addon that tracks the file.
 */

/** The address and port of the API on every node: K3s's local load balancer (agents) or API server (servers). */
export const LOCAL_API = { host: '127.0.0.1', port: 6444 } as const;

/** Taints the Cilium operator tolerates while nodes come up. */
export const CILIUM_OPERATOR_TOLERATIONS: readonly YamlValue[] = [
  // Set by the kubelet when an external cloud-controller-manager is to initialise the node.
  { key: 'node.cloudprovider.kubernetes.io/uninitialized', operator: 'Exists' },
  // Every node is NotReady until Cilium runs.
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
  { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
];

/** Settings of the Cilium installation. */
export interface CiliumProps {
  readonly chart: HelmChartRelease;
  /** Cilium replaces kube-proxy; it then talks to the API through {@link LOCAL_API}. */
  readonly kubeProxyReplacement: boolean;
  /** Cilium operator replicas (at most the number of nodes). */
  readonly operatorReplicas: number;
}

/**
 * Cilium as a K3s HelmChart with `bootstrap: true`: the install job runs on the host network before
 * any CNI exists. Pod addresses come from the node's podCIDR (K3s allocates them from cluster-cidr);
 * pods reach other nodes through VXLAN tunnels (UDP 8472, open between nodes in provider-vm).
 */
export function ciliumHelmChart(props: CiliumProps): YamlValue {
  const values: YamlValue = {
    ipam: { mode: 'kubernetes' },
    k8s: { requireIPv4PodCIDR: true },
    routingMode: 'tunnel',
    tunnelProtocol: 'vxlan',
    kubeProxyReplacement: props.kubeProxyReplacement,
    // Without kube-proxy nothing serves the kubernetes Service yet: Cilium needs a node-local address.
    ...(props.kubeProxyReplacement ? { k8sServiceHost: LOCAL_API.host, k8sServicePort: LOCAL_API.port } : {}),
    operator: { replicas: props.operatorReplicas, tolerations: [...CILIUM_OPERATOR_TOLERATIONS] },
  };
  return helmChart('cilium', 'kube-system', props.chart, { bootstrap: true, values });
}

/** Namespace Flux runs in and its objects live in. */
export const FLUX_NAMESPACE = 'flux-system';
/** Name of the Flux GitRepository, Kustomization and credentials Secret. */
export const FLUX_SOURCE_NAME = 'platform';

/** What the Flux manifests need. */
export interface FluxProps {
  readonly chart: HelmChartRelease;
  readonly flux: FluxSpec;
  /** The Gitea access token: a token resolving to the sensitive variable, or a placeholder. */
  readonly token: string;
}

/**
 * `flux.yaml`: the flux-system namespace, the Flux controllers (the community Helm chart, installed
 * by K3s once Cilium gives pods a network) and the Secret with the repository credentials.
 */
export function fluxInstallManifests(props: FluxProps): YamlValue[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: FLUX_NAMESPACE } },
    helmChart('flux2', FLUX_NAMESPACE, props.chart, { bootstrap: false }),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${FLUX_SOURCE_NAME}-git-credentials`, namespace: FLUX_NAMESPACE },
      type: 'Opaque',
      stringData: { username: props.flux.username, password: props.token },
    },
  ];
}

/**
 * `flux-sync.yaml`: the GitRepository and the Kustomization that make Flux reconcile the cluster
 * from the platform's repository. K3s retries the file until Flux's CRDs exist.
 */
export function fluxSyncManifests(props: FluxProps): YamlValue[] {
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: FLUX_SOURCE_NAME, namespace: FLUX_NAMESPACE },
      spec: {
        interval: props.flux.interval,
        url: props.flux.url,
        ref: { branch: props.flux.branch },
        secretRef: { name: `${FLUX_SOURCE_NAME}-git-credentials` },
      },
    },
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: FLUX_SOURCE_NAME, namespace: FLUX_NAMESPACE },
      spec: {
        interval: '10m',
        retryInterval: '1m',
        sourceRef: { kind: 'GitRepository', name: FLUX_SOURCE_NAME },
        path: props.flux.path,
        prune: true,
      },
    },
  ];
}

/** Several manifests as one multi-document YAML file. */
export function manifestFile(objects: readonly YamlValue[]): string {
  return objects.map((object) => `---\n${toYaml(object)}`).join('');
}

function helmChart(name: string, targetNamespace: string, chart: HelmChartRelease, options: { bootstrap: boolean; values?: YamlValue }): YamlValue {
  return {
    apiVersion: 'helm.cattle.io/v1',
    kind: 'HelmChart',
    metadata: { name, namespace: 'kube-system' },
    spec: {
      repo: chart.repo,
      chart: chart.chart,
      version: chart.version,
      targetNamespace,
      bootstrap: options.bootstrap,
      ...(options.values === undefined ? {} : { valuesContent: toYaml(options.values) }),
    },
  };
}
