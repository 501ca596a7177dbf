import { ConfigError } from '../../lib/config/errors';
import { CLUSTER_DEFAULTS, FLUX_DEFAULTS, parseEnvironment } from '../../lib/config/load-environments';
import environmentSchema from '../../lib/config/schemas/environment.schema.json';
import { problemsOf } from '../support/config';

/** The `cluster` section of environment.json: defaults, overrides and the errors of docs/ERRORS.md. */
const FILE = 'environments/hetzner-fsn1/environment.json';
const VALID = {
  provider: 'hetzner',
  region: 'fsn1',
  network: { cidr: '10.10.0.0/16', subnetCidr: '10.10.1.0/24' },
  controlPlane: { count: 3, instanceType: 'cpx31' },
};
const parse = (cluster: unknown) => parseEnvironment(FILE, 'hetzner-fsn1', JSON.stringify({ ...VALID, cluster }));

function errorsFor(cluster: unknown): ConfigError[] {
  return problemsOf(() => parse(cluster));
}

describe('cluster settings', () => {
  test('GIVEN no cluster section THEN every platform default applies and there is no Flux', () => {
    const env = parseEnvironment(FILE, 'hetzner-fsn1', JSON.stringify(VALID));
    expect(env.cluster).toEqual({
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
    });
  });

  test('the schema documents the same defaults the config layer applies', () => {
    const cluster = environmentSchema.properties.cluster.properties as Record<string, any>;
    expect({
      disable: cluster.disable.default,
      flannelBackend: cluster.flannelBackend.default,
      disableNetworkPolicy: cluster.disableNetworkPolicy.default,
      kubeProxyReplacement: cluster.kubeProxyReplacement.default,
      clusterCidr: cluster.clusterCidr.default,
      serviceCidr: cluster.serviceCidr.default,
      encryptAtRest: cluster.encryptAtRest.default,
      embeddedRegistry: cluster.embeddedRegistry.default,
      nodeMonitorPeriod: cluster.controllerManager.properties.nodeMonitorPeriod.default,
      nodeMonitorGracePeriod: cluster.controllerManager.properties.nodeMonitorGracePeriod.default,
      defaultWatchCacheSize: cluster.apiServer.properties.defaultWatchCacheSize.default,
      etcdQuotaBackendBytes: cluster.etcd.properties.quotaBackendBytes.default,
      maxPods: cluster.kubelet.properties.maxPods.default,
    }).toEqual(CLUSTER_DEFAULTS);
    const flux = cluster.flux.properties;
    expect({ branch: flux.branch.default, path: flux.path.default, interval: flux.interval.default, username: flux.username.default }).toEqual(FLUX_DEFAULTS);
  });

  test('GIVEN overrides THEN they replace the defaults one by one', () => {
    const env = parse({
      kubeProxyReplacement: true,
      controllerManager: { nodeMonitorGracePeriod: '50s' },
      apiServer: { defaultWatchCacheSize: null },
      etcd: { quotaBackendBytes: 2147483648 },
      flux: { url: 'https://git.example.test/platform/fleet.git' },
    });
    expect(env.cluster).toMatchObject({ kubeProxyReplacement: true, nodeMonitorPeriod: '5s', nodeMonitorGracePeriod: '50s', etcdQuotaBackendBytes: 2147483648 });
    expect(env.cluster.defaultWatchCacheSize).toBeUndefined();
    expect(env.cluster.flux).toEqual({ url: 'https://git.example.test/platform/fleet.git', ...FLUX_DEFAULTS });
  });
});

// The cluster rows of docs/ERRORS.md: every row is one case here.
describe('cluster settings: the error table', () => {
  const cases: Array<[string, unknown, RegExp, string]> = [
    ['pod network overlapping the private network', { clusterCidr: '10.10.0.0/17' }, /10\.10\.0\.0\/17 overlaps the private network 10\.10\.0\.0\/16/, '/cluster/clusterCidr'],
    ['service network overlapping the pod network', { serviceCidr: '10.42.128.0/17' }, /10\.42\.128\.0\/17 overlaps the pod network 10\.42\.0\.0\/16/, '/cluster/serviceCidr'],
    ['bad pod network', { clusterCidr: '10.42.0.1/16' }, /not an IPv4 CIDR with the host bits zero/, '/cluster/clusterCidr'],
    ['kube-proxy replacement without Cilium', { kubeProxyReplacement: true, flannelBackend: 'vxlan' }, /kube-proxy replacement needs Cilium, but flannelBackend is "vxlan"/, '/cluster/kubeProxyReplacement'],
    ['grace period not longer than the monitor period', { controllerManager: { nodeMonitorPeriod: '30s', nodeMonitorGracePeriod: '20s' } }, /grace period 20s must be longer than nodeMonitorPeriod 30s/, '/cluster/controllerManager/nodeMonitorGracePeriod'],
    ['etcd quota not an integer of bytes', { etcd: { quotaBackendBytes: '1GB' } }, /must be integer/, '/cluster/etcd/quotaBackendBytes'],
    ['unknown component to disable', { disable: ['coredns'] }, /must be one of the listed values.*traefik, servicelb, local-storage, metrics-server/, '/cluster/disable/0'],
    ['Flux URL with credentials', { flux: { url: 'https://user:token@git.example.test/fleet.git' } }, /looks like a credential \(a user name and password in a URL\)/, '/cluster/flux/url'],
    ['Flux URL with a user name', { flux: { url: 'https://user@git.example.test/fleet.git' } }, /does not have the required form/, '/cluster/flux/url'],
    ['duration with a unit Kubernetes does not take', { controllerManager: { nodeMonitorPeriod: '5 seconds' } }, /does not have the required form/, '/cluster/controllerManager/nodeMonitorPeriod'],
  ];

  test.each(cases)('%s', (_name, cluster, message, at) => {
    const errors = errorsFor(cluster);
    const match = errors.find((e) => message.test(e.message));
    expect({ messages: errors.map((e) => e.message), found: match !== undefined }).toMatchObject({ found: true });
    expect(match!.file).toBe(FILE);
    expect(match!.pointer).toBe(at);
  });

  test('a credential in the cluster section is refused like anywhere else', () => {
    expect(errorsFor({ flux: { url: 'https://git.example.test/fleet.git', token: 'abc' } }).map((e) => e.pointer)).toEqual(['/cluster/flux/token']);
  });
});
