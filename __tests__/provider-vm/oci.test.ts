import { spawnSync } from 'child_process';
import { TerraformOutput } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OCI_FAULT_DOMAINS, OCI_HOST_FIREWALL_BOOT_COMMANDS, OCI_INSTANCE_IGNORED_CHANGES, OCI_UBUNTU_IMAGE_NAME, OCI_UBUNTU_SSH_USER, OCI_USER_DATA_LIMIT, ociFaultDomain, OciVmPlatform } from '../../constructs/provider-vm/oci';
import { NodeBootstrap, ServerIdentity, UserDataLimit } from '../../constructs/provider-vm/vm-platform';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { cidrContains, parseCidr } from '../../lib/common/cidr';
import { ConfigError } from '../../lib/config/errors';
import { EnvironmentSpec } from '../../lib/config/model';
import { parseEnvironment } from '../../lib/config/load-environments';
import { OCI_METADATA_MAX_BYTES, OCI_SSH_KEYS_MAX_BYTES } from '../../lib/config/clouds/oci';
import { environmentWith, resources, testApp } from '../support/region';
import { itWithTool, PROJECT_DIR } from '../support/tools';
import { toolPath } from '../support/pdns';

const NAME = 'oci-eu-frankfurt-1';
const example = environmentWith(NAME);

/** Records what the platform asks the bootstrap, and answers with a small cloud-config. */
class RecordingBootstrap implements NodeBootstrap {
  public readonly asked: Array<{ server: ServerIdentity; limit: UserDataLimit }> = [];
  userData(server: ServerIdentity, limit: UserDataLimit): string {
    this.asked.push({ server, limit });
    return `#cloud-config\n# ${server.name}\n`;
  }
}

function synth(environment: EnvironmentSpec = example, bootstrap?: NodeBootstrap): { tf: any; platform: OciVmPlatform; reported: Record<string, any> } {
  const stack = new OpenTofuStack(testApp(), environment.name);
  const platform = new OciVmPlatform(stack, 'vm', { environment, bootstrap });
  // Values the platform reports, resolved the way OpenTofu sees them (as outputs).
  const reported = { ipv4: platform.loadBalancerIpv4, api: platform.apiEndpoint, apiAddresses: platform.apiAddresses.map((a) => a.value) };
  for (const [name, value] of Object.entries(reported)) new TerraformOutput(stack, name, { value });
  const tf = stack.toTerraform();
  return { tf, platform, reported: Object.fromEntries(Object.keys(reported).map((name) => [name, tf.output[name].value])) };
}

const built = synth(example, new RecordingBootstrap());
const rules = (tf: any) => resources(tf, 'oci_core_network_security_group_security_rule');
const ingress = (tf: any) => rules(tf).filter((r) => r.direction === 'INGRESS');
const portRange = (rule: any) => rule.tcp_options?.destination_port_range ?? rule.udp_options?.destination_port_range;
const opens = (rule: any, port: number) => rule.protocol === 'all' || (portRange(rule) && portRange(rule).min <= port && port <= portRange(rule).max);
const groupOf = (tf: any, rule: any) => Object.entries(tf.resource.oci_core_network_security_group).find(([id]) => rule.network_security_group_id.includes(`.${id}.`))![1] as any;
const instances = (tf: any) => resources(tf, 'oci_core_instance');

describe('OciVmPlatform: provider and credentials', () => {
  test('GIVEN the example WHEN synthesized THEN the provider is registry.opentofu.org/oracle/oci 8.28.0 in the environment region', () => {
    expect(built.tf.terraform.required_providers.oci).toEqual({ source: 'registry.opentofu.org/oracle/oci', version: '8.28.0' });
    expect(built.tf.provider.oci[0].region).toBe('eu-frankfurt-1');
  });

  test('GIVEN the example WHEN synthesized THEN every API-key credential is a variable that may stay unset, the private key sensitive', () => {
    const variables = built.tf.variable;
    const names = ['oci_fingerprint', 'oci_private_key', 'oci_private_key_path', 'oci_tenancy_ocid', 'oci_user_ocid'];
    for (const name of names) expect(variables[name]).toMatchObject({ type: 'string', nullable: true, default: null });
    expect(names.filter((n) => variables[n].sensitive)).toEqual(['oci_private_key']);
    expect(built.tf.provider.oci[0]).toMatchObject({
      tenancy_ocid: '${var.oci_tenancy_ocid}',
      user_ocid: '${var.oci_user_ocid}',
      fingerprint: '${var.oci_fingerprint}',
      private_key: '${var.oci_private_key}',
      private_key_path: '${var.oci_private_key_path}',
    });
    expect(variables.oci_tenancy_ocid.description).toMatch(/TF_VAR_tenancy_ocid, OCI_TENANCY_OCID or ~\/\.oci\/config/);
  });
});

describe('OciVmPlatform: network', () => {
  test('GIVEN the example WHEN synthesized THEN one VCN holds the network range in the compartment', () => {
    expect(resources(built.tf, 'oci_core_vcn')).toEqual([expect.objectContaining({ cidr_blocks: ['10.70.0.0/16'], compartment_id: example.oci!.compartmentId, display_name: NAME })]);
  });

  test('GIVEN the example WHEN synthesized THEN nodes get a private subnet routed through the NAT gateway, the load balancer a public one through the internet gateway', () => {
    const subnets = built.tf.resource.oci_core_subnet;
    const nodes = Object.values(subnets).find((s: any) => s.cidr_block === '10.70.1.0/24') as any;
    const lb = Object.values(subnets).find((s: any) => s.cidr_block === '10.70.2.0/24') as any;
    expect(nodes).toMatchObject({ prohibit_public_ip_on_vnic: true, prohibit_internet_ingress: true });
    expect(lb).toMatchObject({ prohibit_public_ip_on_vnic: false, prohibit_internet_ingress: false });
    const routes = built.tf.resource.oci_core_route_table;
    const routeOf = (subnet: any) => Object.entries(routes).find(([id]) => subnet.route_table_id.includes(`.${id}.`))![1] as any;
    expect(routeOf(nodes).route_rules).toEqual([expect.objectContaining({ destination: '0.0.0.0/0', destination_type: 'CIDR_BLOCK', network_entity_id: expect.stringMatching(/^\$\{oci_core_nat_gateway\./) })]);
    expect(routeOf(lb).route_rules).toEqual([expect.objectContaining({ destination: '0.0.0.0/0', network_entity_id: expect.stringMatching(/^\$\{oci_core_internet_gateway\./) })]);
    expect(resources(built.tf, 'oci_core_nat_gateway')).toEqual([expect.objectContaining({ block_traffic: false })]);
    expect(resources(built.tf, 'oci_core_internet_gateway')).toEqual([expect.objectContaining({ enabled: true })]);
  });

  test('GIVEN the example WHEN synthesized THEN the VCN default security list keeps only path-MTU ICMP, so the NSGs are the whole policy', () => {
    const [list] = resources(built.tf, 'oci_core_default_security_list');
    expect(list.manage_default_resource_id).toMatch(/^\$\{oci_core_vcn\.[^.]+\.default_security_list_id\}$/);
    expect(list.ingress_security_rules.map((r: any) => [r.protocol, r.source, r.icmp_options])).toEqual([
      ['1', '0.0.0.0/0', { type: 3, code: 4 }],
      ['1', '10.70.0.0/16', { type: 3 }],
    ]);
    expect(list.egress_security_rules).toBeUndefined();
    for (const subnet of resources(built.tf, 'oci_core_subnet')) expect(subnet.security_list_ids).toEqual([list.manage_default_resource_id]);
  });
});

describe('OciVmPlatform: firewall', () => {
  test('GIVEN admin CIDRs WHEN synthesized THEN no ingress rule opens SSH, the API or RDP to the internet', () => {
    const open = ingress(built.tf).filter((r) => r.source === '0.0.0.0/0');
    expect(open.map((r) => portRange(r).min).sort()).toEqual([443, 80]);
    for (const rule of open) for (const port of [22, 3389, 6443]) expect(opens(rule, port)).toBe(false);
    for (const rule of open) expect(groupOf(built.tf, rule).display_name).toBe(`${NAME}-load-balancer`);
  });

  test('GIVEN the example WHEN synthesized THEN nodes admit the private network on the K3s and Cilium ports, and admins on SSH and the API', () => {
    const nodeRules = ingress(built.tf).filter((r) => groupOf(built.tf, r).display_name === `${NAME}-nodes`);
    const flows = nodeRules.map((r) => `${r.protocol}/${portRange(r).min}-${portRange(r).max} from ${r.source}`).sort();
    expect(flows).toEqual([
      '17/51871-51871 from 10.70.0.0/16',
      '17/8472-8472 from 10.70.0.0/16',
      '6/10250-10250 from 10.70.0.0/16',
      '6/22-22 from 203.0.113.0/24',
      '6/2379-2380 from 10.70.0.0/16',
      '6/4240-4240 from 10.70.0.0/16',
      '6/443-443 from 10.70.0.0/16',
      '6/6443-6443 from 10.70.0.0/16',
      '6/6443-6443 from 203.0.113.0/24',
      '6/80-80 from 10.70.0.0/16',
    ]);
    for (const rule of nodeRules) expect(rule).toMatchObject({ source_type: 'CIDR_BLOCK' });
  });

  test('GIVEN no admin CIDRs WHEN synthesized THEN there is no SSH rule at all and the API is open to the private network only', () => {
    const { tf } = synth({ ...example, adminCidrs: [] });
    expect(ingress(tf).filter((r) => opens(r, 22))).toEqual([]);
    expect([...new Set(ingress(tf).filter((r) => opens(r, 6443)).map((r) => r.source))]).toEqual(['10.70.0.0/16']);
  });

  test('GIVEN the example WHEN synthesized THEN the load balancer may send only to the nodes on the forwarded ports; nodes may send anywhere', () => {
    const egress = rules(built.tf).filter((r) => r.direction === 'EGRESS');
    const lb = egress.filter((r) => groupOf(built.tf, r).display_name === `${NAME}-load-balancer`);
    expect(lb.map((r) => [r.protocol, r.destination, portRange(r).min])).toEqual([['6', '10.70.0.0/16', 6443], ['6', '10.70.0.0/16', 80], ['6', '10.70.0.0/16', 443]]);
    const nodes = egress.filter((r) => groupOf(built.tf, r).display_name === `${NAME}-nodes`);
    expect(nodes).toEqual([expect.objectContaining({ protocol: 'all', destination: '0.0.0.0/0', destination_type: 'CIDR_BLOCK' })]);
  });
});

describe('OciVmPlatform: servers', () => {
  test('GIVEN the example WHEN synthesized THEN every instance has a static private IP inside the node subnet, no public IP, and the node NSG', () => {
    const subnet = parseCidr(example.network.subnetCidr)!;
    const vnics = instances(built.tf).map((i) => i.create_vnic_details);
    expect(vnics).toHaveLength(6);
    for (const vnic of vnics) {
      expect(cidrContains(subnet, parseCidr(`${vnic.private_ip}/32`)!)).toBe(true);
      expect(vnic.assign_public_ip).toBe('false');
      expect(vnic.subnet_id).toMatch(/^\$\{oci_core_subnet\.vm_subnet_/);
      expect(vnic.nsg_ids).toEqual([expect.stringMatching(/^\$\{oci_core_network_security_group\.vm_firewall_/)]);
    }
    expect(vnics.map((v) => v.private_ip)).toEqual([...built.platform.controlPlanePrivateIps, ...built.platform.agentPrivateIps.workers]);
  });

  test('GIVEN three servers in a three-AD region WHEN synthesized THEN they run in AD-1, AD-2 and AD-3, read from the tenancy by suffix', () => {
    const servers = instances(built.tf).filter((i) => i.freeform_tags.role === 'server');
    const domains = servers.map((i) => /availability-domain-(ad-\d)_/.exec(i.availability_domain)?.[1]);
    expect(domains).toEqual(['ad-1', 'ad-2', 'ad-3']);
    const lookups = built.tf.data.oci_identity_availability_domains;
    expect(Object.values(lookups).map((d: any) => d.filter)).toEqual([1, 2, 3].map((n) => [{ name: 'name', values: [`-AD-${n}$`], regex: true }]));
    for (const server of servers) expect(server.availability_domain).toMatch(/\.availability_domains\[0\]\.name\}$/);
  });

  test('GIVEN a one-AD region WHEN synthesized THEN five servers spread over its three fault domains', () => {
    const document = { ...JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, example.file), 'utf8')), region: 'eu-amsterdam-1', controlPlane: { count: 5, instanceType: 'VM.Standard.E5.Flex' } };
    const env = parseEnvironment('environments/oci-eu-amsterdam-1/environment.json', 'oci-eu-amsterdam-1', JSON.stringify(document));
    expect(env.zones).toEqual(['AD-1']);
    const { tf } = synth(env);
    const servers = instances(tf).filter((i) => i.freeform_tags.role === 'server');
    expect(servers.map((i) => i.fault_domain)).toEqual(['FAULT-DOMAIN-1', 'FAULT-DOMAIN-2', 'FAULT-DOMAIN-3', 'FAULT-DOMAIN-1', 'FAULT-DOMAIN-2']);
    expect(Object.keys(tf.data.oci_identity_availability_domains)).toHaveLength(1);
  });

  test.each([
    [0, 3, 'FAULT-DOMAIN-1'],
    [2, 3, 'FAULT-DOMAIN-1'],
    [3, 3, 'FAULT-DOMAIN-2'],
    [7, 3, 'FAULT-DOMAIN-3'],
    [9, 3, 'FAULT-DOMAIN-1'],
    [4, 1, 'FAULT-DOMAIN-2'],
  ])('GIVEN server %i of a pool over %i zones THEN its fault domain is %s', (index, zones, fault) => {
    expect(ociFaultDomain(index, zones)).toBe(fault);
    expect(OCI_FAULT_DOMAINS).toContain(fault);
  });

  test('GIVEN flexible shapes WHEN synthesized THEN each pool has its shape with OCPUs and memory', () => {
    const shapes = instances(built.tf).map((i) => [i.freeform_tags.pool, i.shape, i.shape_config]);
    expect(shapes).toEqual([
      ...Array(3).fill(['control-plane', 'VM.Standard.E5.Flex', { ocpus: 2, memory_in_gbs: 16 }]),
      ...Array(3).fill(['workers', 'VM.Standard.E5.Flex', { ocpus: 4, memory_in_gbs: 32 }]),
    ]);
  });

  test('GIVEN the example WHEN synthesized THEN instances disable legacy metadata endpoints, encrypt boot volume traffic and keep monitoring on', () => {
    for (const instance of instances(built.tf)) {
      expect(instance).toMatchObject({
        instance_options: { are_legacy_imds_endpoints_disabled: true },
        is_pv_encryption_in_transit_enabled: true,
        launch_options: { is_pv_encryption_in_transit_enabled: true },
        agent_config: { is_monitoring_disabled: false },
        source_details: { source_type: 'image', boot_volume_size_in_gbs: '50' },
        depends_on: [expect.stringMatching(/^oci_core_nat_gateway\./)],
      });
    }
  });

  test('GIVEN ubuntu-24.04 WHEN synthesized THEN one image lookup per shape picks the newest regular Canonical Ubuntu 24.04 build', () => {
    const [lookup, ...others] = Object.values(built.tf.data.oci_core_images) as any[];
    expect(others).toEqual([]);
    expect(lookup).toMatchObject({ operating_system: 'Canonical Ubuntu', operating_system_version: '24.04', shape: 'VM.Standard.E5.Flex', state: 'AVAILABLE', sort_by: 'TIMECREATED', sort_order: 'DESC' });
    const pattern = new RegExp(lookup.filter[0].values[0]);
    expect(['Canonical-Ubuntu-24.04-2025.07.23-0', 'Canonical-Ubuntu-24.04-aarch64-2025.07.23-0'].filter((n) => pattern.test(n))).toHaveLength(2);
    expect(['Canonical-Ubuntu-24.04-Minimal-2025.07.23-0', 'Canonical-Ubuntu-24.04-Gen2-GPU-2025.07.23-0', 'Canonical-Ubuntu-22.04-2025.07.23-0'].filter((n) => pattern.test(n))).toEqual([]);
    expect(lookup.filter[0]).toEqual({ name: 'display_name', values: [OCI_UBUNTU_IMAGE_NAME], regex: true });
    for (const instance of instances(built.tf)) expect(instance.source_details.source_id).toMatch(/^\$\{data\.oci_core_images\.[^.]+\.images\[0\]\.id\}$/);
  });

  test('GIVEN an Ampere pool next to an AMD one WHEN synthesized THEN each shape gets its own image lookup (x86 and aarch64)', () => {
    const env = environmentWith(NAME, { agentPools: [{ name: 'arm', count: 1, instanceType: 'VM.Standard.A1.Flex', ocpus: 4, memoryGb: 24 }] });
    const { tf } = synth(env);
    expect(Object.values(tf.data.oci_core_images).map((d: any) => d.shape).sort()).toEqual(['VM.Standard.A1.Flex', 'VM.Standard.E5.Flex']);
  });

  test('GIVEN an image OCID WHEN synthesized THEN it is used as given and nothing is looked up', () => {
    const image = 'ocid1.image.oc1.eu-frankfurt-1.aaaaaaaaexampleexampleexampleexampleexampleexample0001';
    const { tf } = synth(environmentWith(NAME, { image }));
    expect(tf.data?.oci_core_images).toBeUndefined();
    for (const instance of instances(tf)) expect(instance.source_details.source_id).toBe(image);
  });

  test('GIVEN SSH keys and a bootstrap WHEN synthesized THEN metadata holds the keys and the base64 gzip of the user data', () => {
    const keys = ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOne one', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyTwo two'];
    const { tf } = synth(environmentWith(NAME, { sshPublicKeys: keys }), new RecordingBootstrap());
    for (const instance of instances(tf)) {
      expect(instance.metadata.ssh_authorized_keys).toBe(keys.join('\n'));
      expect(instance.metadata.user_data).toMatch(/^\$\{base64gzip\(local\.[^)]+\)\}$/);
    }
  });

  test('GIVEN no bootstrap and no keys WHEN synthesized THEN metadata is empty', () => {
    const { tf } = synth({ ...example, sshPublicKeys: [] });
    for (const instance of instances(tf)) expect(instance.metadata).toEqual({});
  });

  test('GIVEN a created server WHEN user data, SSH keys or the looked-up image change THEN OpenTofu ignores them instead of replacing it', () => {
    expect(OCI_INSTANCE_IGNORED_CHANGES).toEqual(['metadata["ssh_authorized_keys"]', 'source_details[0].source_id']);
    // The user data attribute comes from the base (CloudTraits.userDataAttributes), once.
    for (const instance of instances(built.tf)) expect(instance.lifecycle.ignore_changes).toEqual([...OCI_INSTANCE_IGNORED_CHANGES, 'metadata["user_data"]']);
  });

  test('GIVEN a bootstrap WHEN synthesized THEN it is asked once per server with the OCI limit, the host firewall commands and the load balancer address', () => {
    const bootstrap = new RecordingBootstrap();
    synth(example, bootstrap);
    expect(bootstrap.asked.map((a) => a.server.name)).toEqual([0, 1, 2].map((i) => `${NAME}-control-plane-${i}`).concat([0, 1, 2].map((i) => `${NAME}-workers-${i}`)));
    for (const { server, limit } of bootstrap.asked) {
      expect(limit).toBe(OCI_USER_DATA_LIMIT);
      expect(server.bootCommands).toBe(OCI_HOST_FIREWALL_BOOT_COMMANDS);
      expect(server.apiAddresses).toHaveLength(1);
      expect(server.apiAddresses[0].maxLength).toBe(15);
    }
  });

  test('GIVEN the OCI metadata limit THEN user data gets 18,000 gzip bytes: their base64 plus the largest SSH keys fit 32,000 bytes with room for names', () => {
    expect(OCI_USER_DATA_LIMIT).toMatchObject({ maxBytes: 18_000, encoding: 'gzip' });
    const base64 = Math.ceil(OCI_USER_DATA_LIMIT.maxBytes / 3) * 4;
    const json = JSON.stringify({ ssh_authorized_keys: 'k'.repeat(OCI_SSH_KEYS_MAX_BYTES), user_data: 'u'.repeat(base64) });
    expect(json.length).toBeLessThanOrEqual(OCI_METADATA_MAX_BYTES);
  });
});

describe('OciVmPlatform: load balancer', () => {
  test('GIVEN the example WHEN synthesized THEN a public network load balancer in the public subnet uses a reserved IP and its own NSG', () => {
    const [ip] = resources(built.tf, 'oci_core_public_ip');
    expect(ip).toMatchObject({ lifetime: 'RESERVED', lifecycle: { ignore_changes: ['private_ip_id'] } });
    const [nlb] = resources(built.tf, 'oci_network_load_balancer_network_load_balancer');
    expect(nlb).toMatchObject({
      display_name: NAME,
      is_private: false,
      is_preserve_source_destination: false,
      nlb_ip_version: 'IPV4',
      subnet_id: expect.stringMatching(/^\$\{oci_core_subnet\.vm_load-balancer-subnet_/),
      network_security_group_ids: [expect.stringMatching(/^\$\{oci_core_network_security_group\.vm_load-balancer-firewall_/)],
      reserved_ips: [{ id: expect.stringMatching(/^\$\{oci_core_public_ip\.[^.]+\.id\}$/) }],
    });
  });

  test('GIVEN the example WHEN synthesized THEN listeners on 6443, 80 and 443 forward TCP to backend sets with TCP health checks on the node ports', () => {
    const sets = resources(built.tf, 'oci_network_load_balancer_backend_set');
    expect(sets.map((s) => [s.name, s.policy, s.is_preserve_source, s.health_checker])).toEqual([
      ['kube-api', 'FIVE_TUPLE', false, { protocol: 'TCP', port: 6443, interval_in_millis: 10000, timeout_in_millis: 3000, retries: 3 }],
      ['http', 'FIVE_TUPLE', false, { protocol: 'TCP', port: 80, interval_in_millis: 10000, timeout_in_millis: 3000, retries: 3 }],
      ['https', 'FIVE_TUPLE', false, { protocol: 'TCP', port: 443, interval_in_millis: 10000, timeout_in_millis: 3000, retries: 3 }],
    ]);
    const listeners = resources(built.tf, 'oci_network_load_balancer_listener');
    expect(listeners.map((l) => [l.name, l.port, l.protocol, l.default_backend_set_name])).toEqual([
      ['kube-api', 6443, 'TCP', expect.stringMatching(/backend_set\.vm_load-balancer-kube-api-backends_[^.]+\.name\}$/)],
      ['http', 80, 'TCP', expect.stringMatching(/backend_set\.vm_load-balancer-http-backends_[^.]+\.name\}$/)],
      ['https', 443, 'TCP', expect.stringMatching(/backend_set\.vm_load-balancer-https-backends_[^.]+\.name\}$/)],
    ]);
  });

  test('GIVEN the example WHEN synthesized THEN the API reaches servers only, HTTP(S) every node, each by its static private IP', () => {
    const backends = resources(built.tf, 'oci_network_load_balancer_backend');
    const of = (set: string) => backends.filter((b) => b.backend_set_name.includes(`vm_load-balancer-${set}-backends_`));
    const servers = built.platform.controlPlanePrivateIps;
    const all = [...servers, ...built.platform.agentPrivateIps.workers];
    expect(of('kube-api').map((b) => [b.ip_address, b.port])).toEqual(servers.map((ip) => [ip, 6443]));
    expect(of('http').map((b) => [b.ip_address, b.port])).toEqual(all.map((ip) => [ip, 80]));
    expect(of('https').map((b) => [b.ip_address, b.port])).toEqual(all.map((ip) => [ip, 443]));
    for (const backend of backends) expect(backend.network_load_balancer_id).toMatch(/backend_set\.[^.]+\.network_load_balancer_id\}$/);
  });

  test('GIVEN the example WHEN synthesized THEN the outputs are the reserved IP, the API on it, and SSH to the first server\'s private address', () => {
    const { platform, reported } = built;
    expect(reported.ipv4).toMatch(/^\$\{oci_core_public_ip\.vm_load-balancer-ip_[^.]+\.ip_address\}$/);
    expect(reported.api).toBe(`https://${reported.ipv4}:6443`);
    expect(reported.apiAddresses).toEqual([reported.ipv4]);
    expect(platform.apiAddresses.map((a) => a.maxLength)).toEqual([15]);
    expect(platform.loadBalancerIpv6).toBeUndefined();
    expect(platform.firstServerSsh).toEqual({ user: OCI_UBUNTU_SSH_USER, host: '10.70.1.10', private: true });
    expect(platform.userDataLimit).toBe(OCI_USER_DATA_LIMIT);
  });
});

describe('OciVmPlatform: input it refuses', () => {
  test('GIVEN a non-OCI environment WHEN constructed THEN it throws naming the file', () => {
    const hetzner = environmentWith('hetzner-fsn1');
    expect(() => synth(hetzner)).toThrow(/environments\/hetzner-fsn1\/environment\.json: OciVmPlatform needs provider "oci"/);
  });

  test('GIVEN a model that skipped the loader WHEN constructed THEN the OCI checks still fail as ConfigErrors', () => {
    expect(() => synth({ ...example, image: 'debian-12' })).toThrow(ConfigError);
    expect(() => synth({ ...example, image: 'debian-12' })).toThrow(/#\/image: "debian-12" is not usable on OCI/);
  });
});

describe('the host firewall of Oracle images', () => {
  /** Canonical's Ubuntu 24.04 image on OCI ships these rules (/etc/iptables/rules.v4). */
  const ORACLE_RULES = [
    '*filter',
    ':INPUT ACCEPT [0:0]',
    ':FORWARD ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':InstanceServices - [0:0]',
    '-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT',
    '-A INPUT -p icmp -j ACCEPT',
    '-A INPUT -i lo -j ACCEPT',
    '-A INPUT -p udp -m udp --sport 123 -j ACCEPT',
    '-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT',
    '-A INPUT -j REJECT --reject-with icmp-host-prohibited',
    '-A FORWARD -j REJECT --reject-with icmp-host-prohibited',
    '-A OUTPUT -d 169.254.0.0/16 -j InstanceServices',
    '-A InstanceServices -d 169.254.0.2/32 -p tcp -m owner --uid-owner 0 -m tcp --dport 3260 -j ACCEPT',
    '-A InstanceServices -d 169.254.169.254/32 -p tcp -m tcp --dport 80 -j ACCEPT',
    '-A InstanceServices -d 169.254.0.0/16 -p tcp -m tcp -j REJECT --reject-with tcp-reset',
    'COMMIT',
  ];

  /**
   * Runs the boot commands in a scratch root: /etc/iptables/rules.v4 and the iptables-restore and
   * systemctl they call are redirected there (a recorder stands in for the kernel's tables).
   */
  function boot(rules: string[] | undefined, firewalld: 'enabled' | 'absent'): { rules?: string; calls: string[] } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-oci-boot-'));
    try {
      const bin = path.join(root, 'bin');
      fs.mkdirSync(bin);
      fs.mkdirSync(path.join(root, 'etc', 'iptables'), { recursive: true });
      const file = path.join(root, 'etc', 'iptables', 'rules.v4');
      if (rules) fs.writeFileSync(file, `${rules.join('\n')}\n`);
      const log = path.join(root, 'calls');
      const recorder = (name: string, status: string) => `#!/bin/sh\necho "${name} $*" >> '${log}'\n${status}\n`;
      fs.writeFileSync(path.join(bin, 'iptables-restore'), recorder('iptables-restore', 'exit 0'), { mode: 0o755 });
      fs.writeFileSync(path.join(bin, 'systemctl'), recorder('systemctl', firewalld === 'enabled' ? 'exit 0' : 'case "$1" in is-enabled) exit 1;; esac; exit 0'), { mode: 0o755 });
      for (const command of OCI_HOST_FIREWALL_BOOT_COMMANDS) {
        const result = spawnSync('/bin/sh', ['-c', command.split('/etc/iptables/rules.v4').join(file)], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
        expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      }
      return { rules: rules ? fs.readFileSync(file, 'utf8') : undefined, calls: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').map((c) => c.split(root).join('')) : [] };
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }

  test('GIVEN Oracle\'s Ubuntu rules WHEN the boot commands run THEN only the two catch-all REJECTs go, and the rules are reloaded', () => {
    const { rules, calls } = boot(ORACLE_RULES, 'absent');
    expect(rules).toBe(`${ORACLE_RULES.filter((l) => !l.endsWith('-j REJECT --reject-with icmp-host-prohibited')).join('\n')}\n`);
    expect(rules).toContain('InstanceServices -d 169.254.0.0/16 -p tcp -m tcp -j REJECT --reject-with tcp-reset');
    expect(calls).toEqual(['iptables-restore /etc/iptables/rules.v4', 'systemctl is-enabled --quiet firewalld']);
  });

  test('GIVEN a later boot (rules already opened) WHEN the boot commands run THEN nothing is reloaded', () => {
    const opened = ORACLE_RULES.filter((l) => !l.includes('icmp-host-prohibited'));
    expect(boot(opened, 'absent')).toEqual({ rules: `${opened.join('\n')}\n`, calls: ['systemctl is-enabled --quiet firewalld'] });
  });

  test('GIVEN an image with firewalld and no iptables rules file WHEN the boot commands run THEN firewalld is stopped and disabled', () => {
    expect(boot(undefined, 'enabled').calls).toEqual(['systemctl is-enabled --quiet firewalld', 'systemctl disable --now firewalld']);
  });

  itWithTool('shellcheck')('GIVEN the boot commands THEN shellcheck finds nothing with every optional check (POSIX sh, as cloud-init runs them)', () => {
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-oci-bootcmd-')), 'bootcmd.sh');
    fs.writeFileSync(script, `#!/bin/sh\n${OCI_HOST_FIREWALL_BOOT_COMMANDS.join('\n')}\n`);
    const result = spawnSync(toolPath('shellcheck'), ['--enable=all', '--severity=style', '--shell=sh', '--format=gcc', script], { encoding: 'utf8' });
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    expect({ status: result.status, findings: result.stdout.trim() }).toEqual({ status: 0, findings: '' });
  });
});

test('the construct imports only OCI bindings, by deep path', () => {
  const source = fs.readFileSync(path.join(PROJECT_DIR, 'constructs', 'provider-vm', 'oci.ts'), 'utf8');
  const bindings = [...source.matchAll(/from '(\.\.\/\.\.\/providers\/[^']+)'/g)].map((m) => m[1]);
  expect(bindings.length).toBeGreaterThan(10);
  for (const binding of bindings) expect(binding).toMatch(/^\.\.\/\.\.\/providers\/oci\/[a-z-]+$/);
});
