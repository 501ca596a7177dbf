import { acceptsDefaultWatchCacheSize, nodeConfig, serverWideConfig } from '../../constructs/k3s-cluster/k3s-config';
import { CLUSTER_DEFAULTS } from '../../lib/config/load-environments';
import { K3S_RELEASES } from '../../lib/versions';

describe('default-watch-cache-size', () => {
  test('the pinned K3s still accepts the (deprecated, no-op) flag, so the platform default is passed', () => {
    expect(acceptsDefaultWatchCacheSize(K3S_RELEASES.k3s.version)).toBe(true);
    expect(serverWideConfig(CLUSTER_DEFAULTS, K3S_RELEASES.k3s.version, [])['kube-apiserver-arg']).toEqual(['default-watch-cache-size=50']);
  });

  test.each([
    ['v1.24.17+k3s1', true],
    ['v1.33.13+k3s1', true],
    ['v1.35.6+k3s1', true],
    ['v1.36.2+k3s1', false],
  ])('GIVEN K3s %s THEN accepted is %s (releases after 1.35 are not verified)', (version, accepted) => {
    expect(acceptsDefaultWatchCacheSize(version)).toBe(accepted);
    expect(serverWideConfig(CLUSTER_DEFAULTS, version, [])['kube-apiserver-arg']).toEqual(accepted ? ['default-watch-cache-size=50'] : undefined);
  });

  test('refuses a version that is not a K3s release', () => {
    expect(() => acceptsDefaultWatchCacheSize('stable')).toThrow(/K3s version "stable" is not of the form v1.<minor>.<patch>\+k3s<n>/);
  });
});

describe('nodeConfig', () => {
  test('GIVEN the first server THEN cluster-init, no server URL', () => {
    expect(nodeConfig({ role: 'server', name: 'x-cp-0', privateIp: '10.0.1.10', token: 't' })).toEqual({ 'node-name': 'x-cp-0', 'node-ip': '10.0.1.10', 'cluster-init': true, token: 't' });
  });

  test('GIVEN any other node THEN it joins the first server at its private IP', () => {
    expect(nodeConfig({ role: 'agent', name: 'x-w-0', privateIp: '10.0.1.42', joinAddress: '10.0.1.10', token: 't' })).toEqual({ 'node-name': 'x-w-0', 'node-ip': '10.0.1.42', server: 'https://10.0.1.10:6443', token: 't' });
  });

  test('an agent without a server to join is a programming error', () => {
    expect(() => nodeConfig({ role: 'agent', name: 'x-w-0', privateIp: '10.0.1.42', token: 't' })).toThrow(/agent x-w-0 needs a server to join/);
  });
});
