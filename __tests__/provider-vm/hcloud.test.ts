import { HCLOUD_PLACEMENT_GROUP_LIMIT, HcloudVmPlatform } from '../../constructs/provider-vm/hcloud';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { EnvironmentSpec } from '../../lib/config/model';
import { environmentWith as exampleWith, resources, testApp } from '../support/region';

const environmentWith = (overrides: Record<string, unknown>): EnvironmentSpec => exampleWith('hetzner-fsn1', overrides);

function synth(environment: EnvironmentSpec) {
  const stack = new OpenTofuStack(testApp(), environment.name);
  const platform = new HcloudVmPlatform(stack, 'vm', { environment });
  return { tf: stack.toTerraform(), platform };
}

const values = resources;
const rules = (tf: any) => values(tf, 'hcloud_firewall').flatMap((f) => f.rule);
const portOpen = (rule: any, port: number) => {
  const [from, to] = String(rule.port).split('-').map(Number);
  return port >= from && port <= (to ?? from);
};

describe('HcloudVmPlatform firewall', () => {
  test('GIVEN admin CIDRs THEN SSH and the API are open to them and to nobody else outside', () => {
    const { tf } = synth(environmentWith({ adminCidrs: ['198.51.100.0/24'] }));
    for (const port of [22, 6443]) {
      const sources = rules(tf).filter((r) => portOpen(r, port)).flatMap((r) => r.source_ips);
      expect(sources).toContain('198.51.100.0/24');
      expect(sources).not.toContain('0.0.0.0/0');
      expect(sources).not.toContain('::/0');
    }
  });

  test('GIVEN no admin CIDRs THEN there is no SSH rule at all', () => {
    const { tf } = synth(environmentWith({ adminCidrs: [] }));
    expect(rules(tf).filter((r) => portOpen(r, 22))).toEqual([]);
  });

  test('no rule admits the whole internet', () => {
    const { tf } = synth(environmentWith({}));
    for (const rule of rules(tf)) {
      expect(rule.direction).toBe('in');
      expect(rule.source_ips).not.toContain('0.0.0.0/0');
    }
  });

  test('node-to-node ports are open only from the private network', () => {
    const { tf } = synth(environmentWith({}));
    const byPort = (port: number, protocol: string) => rules(tf).filter((r) => r.protocol === protocol && portOpen(r, port));
    for (const [port, protocol] of [[10250, 'tcp'], [2379, 'tcp'], [2380, 'tcp'], [8472, 'udp'], [4240, 'tcp'], [51871, 'udp']] as const) {
      expect(byPort(port, protocol).flatMap((r) => r.source_ips)).toEqual(['10.10.0.0/16']);
    }
  });

  test('every server carries the firewall', () => {
    const { tf } = synth(environmentWith({}));
    for (const server of values(tf, 'hcloud_server')) expect(server.firewall_ids).toHaveLength(1);
  });
});

describe('HcloudVmPlatform servers', () => {
  test('each server has a static private IP from its pool block, known before apply', () => {
    const { tf, platform } = synth(environmentWith({}));
    const ips = values(tf, 'hcloud_server').map((s) => s.network[0].ip);
    expect(platform.controlPlanePrivateIps).toEqual(['10.10.1.10', '10.10.1.11', '10.10.1.12']);
    expect(platform.agentPrivateIps).toEqual({ workers: ['10.10.1.42', '10.10.1.43'] });
    expect(ips.sort()).toEqual(['10.10.1.10', '10.10.1.11', '10.10.1.12', '10.10.1.42', '10.10.1.43']);
  });

  test(`placement groups are spread and never hold more than ${HCLOUD_PLACEMENT_GROUP_LIMIT} servers`, () => {
    const { tf } = synth(environmentWith({ agentPools: [{ name: 'many', count: 21, instanceType: 'cx22' }] }));
    const groups = values(tf, 'hcloud_placement_group');
    expect(groups.every((g) => g.type === 'spread')).toBe(true);
    const members = new Map<string, number>();
    for (const s of values(tf, 'hcloud_server')) members.set(s.placement_group_id, (members.get(s.placement_group_id) ?? 0) + 1);
    expect(Math.max(...members.values())).toBeLessThanOrEqual(HCLOUD_PLACEMENT_GROUP_LIMIT);
    expect(groups.length).toBe(1 + 3); // control plane (3) + 21 agents in groups of 10
  });
});

describe('HcloudVmPlatform load balancer', () => {
  test('serves 6443, 80 and 443 with TCP health checks over the private network', () => {
    const { tf } = synth(environmentWith({}));
    const services = values(tf, 'hcloud_load_balancer_service');
    expect(services.map((s) => s.listen_port).sort((a, b) => a - b)).toEqual([80, 443, 6443]);
    for (const s of services) expect(s.health_check).toMatchObject({ protocol: 'tcp', port: s.destination_port });
    expect(values(tf, 'hcloud_load_balancer_target')[0]).toMatchObject({ type: 'label_selector', use_private_ip: true, label_selector: 'environment=hetzner-fsn1' });
    expect(values(tf, 'hcloud_load_balancer_network')[0].ip).toBe('10.10.1.5');
  });
});

test('the API token is a sensitive variable that may stay unset (HCLOUD_TOKEN)', () => {
  const { tf } = synth(environmentWith({}));
  expect(tf.variable.hcloud_token).toMatchObject({ sensitive: true, nullable: true, default: null });
  expect(tf.provider.hcloud[0].token).toBe('${var.hcloud_token}');
});

test('refuses an environment of another cloud, naming the file', () => {
  const env = { ...environmentWith({}), provider: 'aws' } as EnvironmentSpec;
  expect(() => synth(env)).toThrow(/^environments\/hetzner-fsn1\/environment.json: HcloudVmPlatform needs provider "hetzner", got "aws"/);
});
