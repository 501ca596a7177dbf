import { HuaweicloudVmPlatform, HUAWEICLOUD_L4_FLAVOR, planSecurityGroupRules } from '../../constructs/provider-vm/huaweicloud';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { EnvironmentSpec } from '../../lib/config/model';
import { PROVIDER_PINS } from '../../lib/versions';
import { checkSchemaConformance, describeWithSchema, loadProviderSchema, sharedSchemaFile } from '../support/schema-conformance';
import { buildRegionStack, environmentWith as exampleWith, resources, testApp } from '../support/region';

const NAME = 'huaweicloud-eu-west-101';
const environmentWith = (changes: Record<string, unknown> = {}) => exampleWith(NAME, changes);
const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHuaweiExampleKeyOnlyForTests000000000000000 ops@example';

/** The platform alone in an OpenTofuStack (no K3s), with its synthesized JSON. */
function synth(environment: EnvironmentSpec) {
  const stack = new OpenTofuStack(testApp(), environment.name);
  const platform = new HuaweicloudVmPlatform(stack, 'vm', { environment });
  return { tf: JSON.parse(JSON.stringify(stack.toTerraform())), platform };
}

const ingress = (tf: any) => resources(tf, 'huaweicloud_networking_secgroup_rule').filter((r) => r.direction === 'ingress');
const covers = (rule: any, port: number) => rule.port_range_min <= port && port <= rule.port_range_max;

describe('HuaweicloudVmPlatform security group', () => {
  test('GIVEN admin CIDRs THEN SSH and the API are open to them and the private network only, never to the internet', () => {
    const { tf } = synth(environmentWith({ adminCidrs: ['198.51.100.0/24'] }));
    for (const port of [22, 6443]) {
      const sources = ingress(tf).filter((r) => r.protocol === 'tcp' && covers(r, port)).map((r) => r.remote_ip_prefix);
      expect(sources).toContain('198.51.100.0/24');
      expect(sources).not.toContain('0.0.0.0/0');
    }
    expect(ingress(tf).filter((r) => covers(r, 22)).map((r) => r.remote_ip_prefix)).toEqual(['198.51.100.0/24']);
  });

  test('GIVEN no admin CIDRs THEN there is no SSH rule and 6443 is open to the private network only', () => {
    const { tf } = synth(environmentWith({ adminCidrs: [] }));
    expect(ingress(tf).filter((r) => covers(r, 22))).toEqual([]);
    expect(ingress(tf).filter((r) => covers(r, 6443)).map((r) => r.remote_ip_prefix)).toEqual(['10.60.0.0/16']);
  });

  test('GIVEN the ELB keeps client addresses THEN only 80 and 443 are open to the internet', () => {
    const { tf } = synth(environmentWith({}));
    const open = ingress(tf).filter((r) => r.remote_ip_prefix === '0.0.0.0/0');
    expect(open.map((r) => [r.protocol, r.port_range_min, r.port_range_max]).sort()).toEqual([['tcp', 443, 443], ['tcp', 80, 80]]);
  });

  test('GIVEN the node-to-node ports THEN each is open from the private network only', () => {
    const { tf } = synth(environmentWith({}));
    for (const [port, protocol] of [[10250, 'tcp'], [2379, 'tcp'], [2380, 'tcp'], [8472, 'udp'], [4240, 'tcp'], [51871, 'udp']] as const) {
      expect(ingress(tf).filter((r) => r.protocol === protocol && covers(r, port)).map((r) => r.remote_ip_prefix)).toEqual(['10.60.0.0/16']);
    }
  });

  test('WHEN the group is created THEN Huawei default rules are deleted and egress is explicit for IPv4 and IPv6', () => {
    const { tf } = synth(environmentWith({}));
    expect(resources(tf, 'huaweicloud_networking_secgroup')).toEqual([expect.objectContaining({ name: NAME, delete_default_rules: true })]);
    const egress = resources(tf, 'huaweicloud_networking_secgroup_rule').filter((r) => r.direction === 'egress');
    expect(egress.map((r) => r.ethertype).sort()).toEqual(['IPv4', 'IPv6']);
    expect(egress.every((r) => r.protocol === undefined && r.remote_ip_prefix === undefined)).toBe(true);
  });

  test('GIVEN two admin CIDRs THEN one rule per CIDR with stable ids', () => {
    const rules = planSecurityGroupRules(environmentWith({ adminCidrs: ['198.51.100.0/24', '192.0.2.0/24'] }));
    expect(rules.filter((r) => r.fromPort === 22).map((r) => [r.id, r.cidr])).toEqual([
      ['ingress-tcp-22-admin-0', '198.51.100.0/24'],
      ['ingress-tcp-22-admin-1', '192.0.2.0/24'],
    ]);
    // The API from admins is a node rule already; the load balancer's copy is not repeated.
    expect(rules.filter((r) => r.id.startsWith('ingress-tcp-6443-admin-'))).toHaveLength(2);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });
});

describe('HuaweicloudVmPlatform servers', () => {
  test('GIVEN three servers and three workers THEN static IPs from the pool blocks, zones round robin, no public IP', () => {
    const { tf, platform } = synth(environmentWith({}));
    const servers = resources(tf, 'huaweicloud_compute_instance');
    expect(platform.controlPlanePrivateIps).toEqual(['10.60.1.10', '10.60.1.11', '10.60.1.12']);
    expect(platform.agentPrivateIps).toEqual({ workers: ['10.60.1.42', '10.60.1.43', '10.60.1.44'] });
    expect(servers.map((s) => [s.name, s.network[0].fixed_ip_v4, s.availability_zone])).toEqual([
      ['huaweicloud-eu-west-101-control-plane-0', '10.60.1.10', 'eu-west-101a'],
      ['huaweicloud-eu-west-101-control-plane-1', '10.60.1.11', 'eu-west-101b'],
      ['huaweicloud-eu-west-101-control-plane-2', '10.60.1.12', 'eu-west-101a'],
      ['huaweicloud-eu-west-101-workers-0', '10.60.1.42', 'eu-west-101a'],
      ['huaweicloud-eu-west-101-workers-1', '10.60.1.43', 'eu-west-101b'],
      ['huaweicloud-eu-west-101-workers-2', '10.60.1.44', 'eu-west-101a'],
    ]);
    for (const server of servers) {
      expect(server).not.toHaveProperty('eip_id');
      expect(server).not.toHaveProperty('eip_type');
      expect(server).not.toHaveProperty('bandwidth');
      expect(server.network).toHaveLength(1);
    }
    expect(platform.firstServerSsh).toEqual({ user: 'root', host: '10.60.1.10', private: true });
  });

  test('GIVEN two pools THEN each pool has its own anti-affinity server group and every server names its group', () => {
    const { tf } = synth(environmentWith({}));
    const groups = tf.resource.huaweicloud_compute_servergroup;
    expect(Object.values(groups).map((g: any) => [g.name, g.policies])).toEqual([
      ['huaweicloud-eu-west-101-control-plane', ['anti-affinity']],
      ['huaweicloud-eu-west-101-workers', ['anti-affinity']],
    ]);
    const groupOf = (pool: string) => `\${huaweicloud_compute_servergroup.${Object.keys(groups).find((k) => groups[k].name.endsWith(`-${pool}`))}.id}`;
    for (const server of resources(tf, 'huaweicloud_compute_instance')) {
      expect(server.scheduler_hints).toEqual([{ group: groupOf(server.tags.pool) }]);
    }
  });

  test('WHEN servers are created THEN image and user data changes are ignored, the flavor is the pool type, disks are GPSSD', () => {
    const { tf } = synth(environmentWith({}));
    for (const server of resources(tf, 'huaweicloud_compute_instance')) {
      expect(server.lifecycle).toEqual({ ignore_changes: ['image_id', 'user_data'] });
      expect(server).toMatchObject({ system_disk_type: 'GPSSD', system_disk_size: 50, delete_disks_on_termination: true });
      expect(server.flavor_id).toBe(server.tags.role === 'server' ? 's6.large.2' : 's6.xlarge.2');
      expect(server.security_group_ids).toHaveLength(1);
    }
  });

  test('GIVEN image ubuntu-24.04 and a Kunpeng pool THEN the newest public Ubuntu image per architecture is looked up', () => {
    const { tf } = synth(environmentWith({ agentPools: [{ name: 'arm', count: 1, instanceType: 'kc1.large.4' }] }));
    const images = Object.values(tf.data.huaweicloud_images_image) as any[];
    expect(images.map((i) => i.architecture).sort()).toEqual(['arm', 'x86']);
    for (const image of images) expect(image).toMatchObject({ name_regex: '^Ubuntu 24\\.04 server 64bit', visibility: 'public', most_recent: true });
    const arm = resources(tf, 'huaweicloud_compute_instance').find((s) => s.tags.pool === 'arm');
    expect(arm.image_id).toMatch(/^\$\{data\.huaweicloud_images_image\.vm_ubuntu-arm_[0-9A-F]+\.id\}$/);
  });

  test('GIVEN an IMS image id THEN servers use it and nothing is looked up', () => {
    const image = '0123abcd-4567-89ab-cdef-0123456789ab';
    const { tf } = synth(environmentWith({ image }));
    expect(tf.data?.huaweicloud_images_image).toBeUndefined();
    expect(resources(tf, 'huaweicloud_compute_instance').every((s) => s.image_id === image)).toBe(true);
  });

  test('GIVEN SSH keys THEN the first becomes the key pair of every server; GIVEN none THEN there is no key pair', () => {
    const withKey = synth(environmentWith({ sshPublicKeys: [SSH_KEY] })).tf;
    expect(resources(withKey, 'huaweicloud_kps_keypair')).toEqual([expect.objectContaining({ name: NAME, public_key: SSH_KEY })]);
    expect(resources(withKey, 'huaweicloud_compute_instance').every((s) => /^\$\{huaweicloud_kps_keypair\.[^.]+\.name\}$/.test(s.key_pair))).toBe(true);
    const without = synth(environmentWith({})).tf;
    expect(resources(without, 'huaweicloud_kps_keypair')).toEqual([]);
    expect(resources(without, 'huaweicloud_compute_instance').some((s) => 'key_pair' in s)).toBe(false);
  });
});

describe('HuaweicloudVmPlatform network and egress', () => {
  const subnetRef = (tf: any, name: string, attribute = 'id') => `\${huaweicloud_vpc_subnet.${Object.keys(tf.resource.huaweicloud_vpc_subnet).find((k) => tf.resource.huaweicloud_vpc_subnet[k].name === name)}.${attribute}}`;

  test('GIVEN the network THEN one VPC, the nodes\' subnet and the next block for load balancer and NAT, gateways at .1', () => {
    const { tf } = synth(environmentWith({}));
    expect(resources(tf, 'huaweicloud_vpc')).toEqual([expect.objectContaining({ name: NAME, cidr: '10.60.0.0/16' })]);
    expect(resources(tf, 'huaweicloud_vpc_subnet').map((s) => [s.name, s.cidr, s.gateway_ip])).toEqual([
      [NAME, '10.60.1.0/24', '10.60.1.1'],
      [`${NAME}-lb`, '10.60.2.0/24', '10.60.2.1'],
    ]);
    // Servers and members live in the nodes' subnet, never in the load balancer's.
    for (const server of resources(tf, 'huaweicloud_compute_instance')) expect(server.network[0].uuid).toBe(subnetRef(tf, NAME));
  });

  test('WHEN nodes reach the internet THEN through a NAT gateway at a fixed port address and an SNAT rule for the nodes\' subnet on its own EIP', () => {
    const { tf } = synth(environmentWith({}));
    expect(resources(tf, 'huaweicloud_nat_gateway')).toEqual([expect.objectContaining({ spec: '1', subnet_id: subnetRef(tf, `${NAME}-lb`), ngport_ip_address: '10.60.2.6' })]);
    const [snat] = resources(tf, 'huaweicloud_nat_snat_rule');
    expect(snat.subnet_id).toBe(subnetRef(tf, NAME));
    const natEip = Object.entries(tf.resource.huaweicloud_vpc_eip).find(([, e]: [string, any]) => e.name.endsWith('-nat'))![0];
    expect(snat.floating_ip_id).toBe(`\${huaweicloud_vpc_eip.${natEip}.id}`);
  });
});

describe('HuaweicloudVmPlatform load balancer', () => {
  test('GIVEN the region THEN a dedicated ELB with the L4 flavor, a fixed private IP, every zone and its own EIP', () => {
    const { tf, platform } = synth(environmentWith({}));
    const [flavor] = Object.values(tf.data.huaweicloud_elb_flavors) as any[];
    expect(flavor).toMatchObject({ type: 'L4', name: HUAWEICLOUD_L4_FLAVOR });
    const [lb] = resources(tf, 'huaweicloud_elb_loadbalancer');
    expect(lb).toMatchObject({ ipv4_address: '10.60.2.5', availability_zone: ['eu-west-101a', 'eu-west-101b'] });
    expect(lb.ipv4_subnet_id).toMatch(/^\$\{huaweicloud_vpc_subnet\.vm_load-balancer-subnet_[0-9A-F]+\.ipv4_subnet_id\}$/);
    expect(lb.depends_on).toEqual([expect.stringMatching(/^huaweicloud_nat_gateway\./)]);
    expect(lb.l4_flavor_id).toMatch(/^\$\{element\(data\.huaweicloud_elb_flavors\.[^.]+\.ids, 0\)\}$/);
    const lbEip = Object.entries(tf.resource.huaweicloud_vpc_eip).find(([, e]: [string, any]) => e.name.endsWith('-lb'))![0];
    expect(lb.ipv4_eip_id).toBe(`\${huaweicloud_vpc_eip.${lbEip}.id}`);
    expect(platform.apiAddresses.map((a) => a.maxLength)).toEqual([15, '10.60.2.5'.length]);
    // The common outputs of a region stack come from the ELB's EIP.
    const region = buildRegionStack(environmentWith({})).tf;
    const regionEip = Object.entries(region.resource.huaweicloud_vpc_eip).find(([, e]: [string, any]) => e.name.endsWith('-lb'))![0];
    expect(region.output.load_balancer_ipv4.value).toBe(`\${huaweicloud_vpc_eip.${regionEip}.address}`);
    expect(region.output.api_endpoint.value).toBe(`https://\${huaweicloud_vpc_eip.${regionEip}.address}:6443`);
    expect(region.output.control_plane_private_ips.value).toEqual(['10.60.1.10', '10.60.1.11', '10.60.1.12']);
    expect(Object.keys(region.output).sort()).toEqual(['agent_private_ips', 'api_endpoint', 'control_plane_private_ips', 'kubeconfig_command', 'load_balancer_ipv4']);
  });

  test('GIVEN 6443, 80 and 443 THEN TCP listeners, round-robin pools and TCP monitors; the API pool holds servers only', () => {
    const { tf } = synth(environmentWith({}));
    expect(resources(tf, 'huaweicloud_elb_listener').map((l) => [l.protocol, l.protocol_port]).sort()).toEqual([['TCP', 443], ['TCP', 6443], ['TCP', 80]]);
    expect(resources(tf, 'huaweicloud_elb_pool').every((p) => p.protocol === 'TCP' && p.lb_method === 'ROUND_ROBIN')).toBe(true);
    expect(resources(tf, 'huaweicloud_elb_monitor').map((m) => m.protocol)).toEqual(['TCP', 'TCP', 'TCP']);
    const pools = tf.resource.huaweicloud_elb_pool;
    const membersOf = (name: string) => {
      const id = Object.keys(pools).find((k) => pools[k].name === `${NAME}-${name}`);
      return resources(tf, 'huaweicloud_elb_member').filter((m) => m.pool_id === `\${huaweicloud_elb_pool.${id}.id}`).map((m) => m.address);
    };
    expect(membersOf('kube-api')).toEqual(['10.60.1.10', '10.60.1.11', '10.60.1.12']);
    expect(membersOf('http')).toEqual(['10.60.1.10', '10.60.1.11', '10.60.1.12', '10.60.1.42', '10.60.1.43', '10.60.1.44']);
    expect(membersOf('https')).toHaveLength(6);
    expect(resources(tf, 'huaweicloud_elb_member').every((m) => /^\$\{huaweicloud_vpc_subnet\.vm_subnet_[0-9A-F]+\.ipv4_subnet_id\}$/.test(m.subnet_id))).toBe(true);
  });
});

describe('HuaweicloudVmPlatform credentials', () => {
  test('GIVEN no tofu.tfvars THEN access and secret key are sensitive variables that may stay unset (HW_ACCESS_KEY, HW_SECRET_KEY)', () => {
    const { tf } = synth(environmentWith({}));
    for (const name of ['huaweicloud_access_key', 'huaweicloud_secret_key']) {
      expect(tf.variable[name]).toMatchObject({ sensitive: true, nullable: true, default: null });
    }
    expect(tf.variable.huaweicloud_access_key.description).toMatch(/HW_ACCESS_KEY/);
    expect(tf.variable.huaweicloud_secret_key.description).toMatch(/HW_SECRET_KEY/);
    expect(tf.provider.huaweicloud).toEqual([{ region: 'eu-west-101', access_key: '${var.huaweicloud_access_key}', secret_key: '${var.huaweicloud_secret_key}' }]);
  });

  test('GIVEN an environment of another cloud THEN the platform refuses it, naming the file', () => {
    const env = { ...environmentWith({}), provider: 'aws' } as EnvironmentSpec;
    expect(() => synth(env)).toThrow(/^environments\/huaweicloud-eu-west-101\/environment.json: HuaweicloudVmPlatform needs provider "huaweicloud", got "aws"/);
  });
});

// The real provider's schema (dumped from the 1.97.1 binary): what `tofu validate` would reject.
const schemaFile = sharedSchemaFile('huaweicloud', PROVIDER_PINS.huaweicloud.version);
describeWithSchema(schemaFile)('the Huawei Cloud stack against the real huaweicloud 1.97.1 schema', () => {
  const schema = () => loadProviderSchema(schemaFile, PROVIDER_PINS.huaweicloud.source);
  test.each([
    ['the example', {}],
    ['no admin CIDRs, an SSH key, a Kunpeng pool', { adminCidrs: [], sshPublicKeys: [SSH_KEY], agentPools: [{ name: 'arm', count: 2, instanceType: 'kc1.xlarge.4', labels: { tier: 'arm' } }] }],
    ['an IMS image and one server', { image: '0123abcd-4567-89ab-cdef-0123456789ab', controlPlane: { count: 1, instanceType: 'c7n.large.2' }, agentPools: [] }],
  ])('GIVEN %s WHEN the whole region stack (with K3s) is synthesized THEN every huaweicloud block conforms', (_name, changes) => {
    const { tf } = buildRegionStack(environmentWith(changes));
    const report = checkSchemaConformance(tf, schema(), 'huaweicloud');
    expect(report.problems).toEqual([]);
    // Everything was looked at: every resource type of the module, the data sources and the provider.
    const types = new Set(report.checked.map((address) => address.split('.').slice(0, 2).join('.')));
    for (const type of ['vpc', 'vpc_subnet', 'networking_secgroup', 'networking_secgroup_rule', 'compute_instance', 'compute_servergroup', 'nat_gateway', 'nat_snat_rule', 'vpc_eip', 'elb_loadbalancer', 'elb_listener', 'elb_pool', 'elb_member', 'elb_monitor']) {
      expect(types).toContain(`resource.huaweicloud_${type}`);
    }
    expect(types).toContain('data.huaweicloud_elb_flavors');
    expect(report.checked).toContain('provider.huaweicloud[0]');
  });
});
