import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { ComputeInstance } from '@cdktf/provider-google/lib/compute-instance';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { cidrContains, parseCidr } from '../../lib/common/cidr';
import { EnvironmentSpec } from '../../lib/config/model';
import { GCP_PASSTHROUGH_HEALTH_CHECK_RANGES, GCP_SSH_USER, GcpVmPlatform } from '../../constructs/provider-vm/gcp';
import { GCP_NAME } from '../../lib/config/clouds/gcp';
import { VmPlatform } from '../../constructs/provider-vm/vm-platform';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { environmentWith, resources, testApp } from '../support/region';

Testing.setupJest();

const example = environmentWith('gcp-europe-west3');

function synth(environment: EnvironmentSpec = example): { tf: any; json: string; platform: GcpVmPlatform } {
  const stack = new OpenTofuStack(testApp(), environment.name);
  const platform = new GcpVmPlatform(stack, 'vm', { environment });
  const tf = stack.toTerraform();
  return { tf, json: JSON.stringify(tf), platform };
}

const ports = (firewall: any): string[] => firewall.allow.flatMap((a: any) => a.ports);
const covers = (range: string, port: number) => {
  const [from, to] = range.split('-').map(Number);
  return port >= from && port <= (to ?? from);
};

describe('GcpVmPlatform', () => {
  test('GIVEN the example WHEN synthesized THEN no firewall opens SSH or the API to the internet', () => {
    const { tf } = synth();
    const fromInternet = resources(tf, 'google_compute_firewall').filter((f) => f.source_ranges.includes('0.0.0.0/0'));
    expect(fromInternet.flatMap(ports).sort()).toEqual(['443', '80']);
    for (const firewall of fromInternet) {
      expect(ports(firewall).some((p) => covers(p, 22) || covers(p, 6443))).toBe(false);
    }
  });

  test('GIVEN the example WHEN synthesized THEN the API is open only to admins, the private network and the health checks', () => {
    const { tf } = synth();
    const apiSources = resources(tf, 'google_compute_firewall')
      .filter((f) => ports(f).some((p) => covers(p, 6443)))
      .flatMap((f) => f.source_ranges);
    expect([...new Set(apiSources)].sort()).toEqual([...example.adminCidrs, example.network.cidr, ...GCP_PASSTHROUGH_HEALTH_CHECK_RANGES].sort());
  });

  test('GIVEN no admin CIDRs WHEN synthesized THEN there is no SSH rule at all', () => {
    const { tf } = synth({ ...example, adminCidrs: [] });
    const ssh = resources(tf, 'google_compute_firewall').filter((f) => ports(f).some((p) => covers(p, 22)));
    expect(ssh).toEqual([]);
  });

  test('GIVEN the example WHEN synthesized THEN every instance has a static private IP inside the subnet, as the platform reports', () => {
    const { tf, platform } = synth();
    const subnet = parseCidr(example.network.subnetCidr)!;
    const ips = resources(tf, 'google_compute_instance').map((i) => i.network_interface[0].network_ip);
    expect(ips).toHaveLength(5);
    for (const ip of ips) expect(cidrContains(subnet, parseCidr(`${ip}/32`)!)).toBe(true);
    expect(ips).toEqual([...platform.controlPlanePrivateIps, ...platform.agentPrivateIps.workers]);
    expect(new Set(ips).size).toBe(ips.length);
  });

  test('GIVEN three servers WHEN synthesized THEN they are spread over the three zones', () => {
    const { tf } = synth();
    const zones = resources(tf, 'google_compute_instance').filter((i) => i.labels.role === 'server').map((i) => i.zone);
    expect(zones).toEqual(['europe-west3-a', 'europe-west3-b', 'europe-west3-c']);
  });

  test('GIVEN the example WHEN synthesized THEN every instance is a private shielded VM without project SSH keys or a service account', () => {
    const { tf, json } = synth();
    for (const instance of resources(tf, 'google_compute_instance')) {
      expect(instance.shielded_instance_config).toEqual({ enable_secure_boot: true, enable_vtpm: true, enable_integrity_monitoring: true });
      expect(instance.metadata['block-project-ssh-keys']).toBe('true');
      expect(instance.network_interface[0].access_config).toBeUndefined();
      expect(instance.service_account).toBeUndefined();
      expect(instance.boot_disk.initialize_params.image).toBe('ubuntu-os-cloud/ubuntu-2404-lts-amd64');
    }
    expect(json).toHaveResourceWithProperties(ComputeSubnetwork, { ip_cidr_range: '10.40.1.0/24', private_ip_google_access: true });
    expect(json).toHaveResourceWithProperties(ComputeRouterNat, { nat_ip_allocate_option: 'AUTO_ONLY', source_subnetwork_ip_ranges_to_nat: 'LIST_OF_SUBNETWORKS' });
  });

  test('GIVEN SSH keys and a custom image WHEN synthesized THEN keys go to instance metadata for the sovereign user and the image passes through', () => {
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample admin@example';
    const { json } = synth({ ...example, sshPublicKeys: [key], image: 'projects/acme/global/images/family/k3s' });
    expect(json).toHaveResourceWithProperties(ComputeInstance, {
      metadata: { 'block-project-ssh-keys': 'true', 'ssh-keys': `${GCP_SSH_USER}:${key}` },
      boot_disk: expect.objectContaining({ initialize_params: expect.objectContaining({ image: 'projects/acme/global/images/family/k3s' }) }),
    });
  });

  test('GIVEN the example WHEN synthesized THEN 6443, 80 and 443 are forwarded on one static address, the API to servers only', () => {
    const { tf, platform } = synth();
    const rules = resources(tf, 'google_compute_forwarding_rule');
    expect(rules.map((r) => r.port_range).sort()).toEqual(['443', '6443', '80']);
    expect(new Set(rules.map((r) => r.ip_address)).size).toBe(1);
    expect(rules[0].ip_address).toMatch(/^\$\{google_compute_address\.[^.]+\.address\}$/);
    expect(platform.apiEndpoint).toMatch(/^https:\/\/\$\{TfToken\[[^\]]+\]\}:6443$/);
    expect((platform as VmPlatform).loadBalancerIpv6).toBeUndefined();

    const groupsOf = (name: string) => resources(tf, 'google_compute_region_backend_service').find((b) => b.name === `gcp-europe-west3-${name}`).backend.map((b: any) => b.group);
    const serverGroups = groupsOf('kube-api');
    expect(serverGroups).toHaveLength(3);
    expect(serverGroups.every((g: string) => g.includes('servers-'))).toBe(true);
    expect(groupsOf('http')).toHaveLength(5);
    expect(groupsOf('https')).toEqual(groupsOf('http'));
  });

  test('GIVEN the example WHEN synthesized THEN every instance is in exactly one instance group (GCP allows one load-balanced group per VM)', () => {
    const { tf } = synth();
    const members = resources(tf, 'google_compute_instance_group').flatMap((g) => g.instances);
    expect(members).toHaveLength(resources(tf, 'google_compute_instance').length);
    expect(new Set(members).size).toBe(members.length);
  });

  test('GIVEN the stack WHEN converted to Terraform THEN the google provider comes from the OpenTofu registry with a version and no secret', () => {
    const { tf } = synth();
    expect(tf.terraform.required_providers.google).toEqual({ source: 'registry.opentofu.org/hashicorp/google', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(tf.provider.google).toEqual([{ project: '${var.gcp_project}', region: 'europe-west3', credentials: '${var.gcp_credentials}' }]);
    expect(tf.variable.gcp_project).toEqual({ type: 'string', description: expect.any(String) });
    expect(tf.variable.gcp_credentials).toMatchObject({ sensitive: true, nullable: true, default: null });
  });

  test('GIVEN a non-gcp environment WHEN constructed THEN it throws naming the file', () => {
    const hetzner = { ...example, provider: 'hetzner' as const, file: 'environments/hetzner-fsn1/environment.json' };
    expect(() => synth(hetzner)).toThrow(/^environments\/hetzner-fsn1\/environment\.json: GcpVmPlatform needs provider "gcp", got "hetzner"/);
  });

  test('GIVEN a label GCP does not accept WHEN constructed THEN it throws naming the file and the label', () => {
    expect(() => synth({ ...example, labels: { 'team.name': 'Platform' } })).toThrow(/environment\.json#\/labels\/team\.name: label "team\.name": "Platform" is not a valid GCP label/);
  });

  test('GIVEN the longest environment name the config layer accepts (40) WHEN constructed THEN every GCP name fits, the longest exactly', () => {
    const { tf } = synth({ ...example, name: `gcp-europe-west3-${'a'.repeat(23)}`, controlPlane: { ...example.controlPlane, name: 'cp' }, agentPools: [] });
    const names = Object.values(tf.resource as Record<string, Record<string, { name?: string }>>).flatMap((byId) => Object.values(byId).map((r) => r.name)).filter((n): n is string => typeof n === 'string');
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(name).toMatch(GCP_NAME);
    expect(Math.max(...names.map((n) => n.length))).toBe(63);
  });

  test('GIVEN names longer than GCP allows WHEN constructed THEN it throws naming the file and the name', () => {
    const long = { ...example, name: `gcp-europe-west3-${'x'.repeat(40)}` };
    expect(() => synth(long)).toThrow(/environment\.json: GCP resource name "gcp-europe-west3-x+-[a-z0-9-]+" \(\d+ characters\) must match/);
  });
});
