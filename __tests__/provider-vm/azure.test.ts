import { TerraformOutput, Testing } from 'cdktf';
import { LbRule } from '@cdktf/provider-azurerm/lib/lb-rule';
import { LinuxVirtualMachine } from '@cdktf/provider-azurerm/lib/linux-virtual-machine';
import { AZURE_ADMIN_USERNAME, AzureVmPlatform } from '../../constructs/provider-vm/azure';
import { VmPlatform } from '../../constructs/provider-vm/vm-platform';
import { OpenTofuStack } from '../../constructs/stacks/opentofu-stack';
import { cidrContains, parseCidr } from '../../lib/common/cidr';
import { EnvironmentSpec } from '../../lib/config/model';
import { environmentWith, resources, testApp } from '../support/region';

Testing.setupJest();

const NAME = 'azure-germanywestcentral';
const example: EnvironmentSpec = environmentWith(NAME);
const EVERYONE = ['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0'];

function synth(environment: EnvironmentSpec): any {
  const stack = new OpenTofuStack(testApp(), NAME);
  new AzureVmPlatform(stack, 'vm', { environment });
  return stack.toTerraform();
}

/** True when an NSG rule's destination ports include `port` ("*", "22", "20-30", or a list of those). */
function coversPort(rule: any, port: number): boolean {
  const ranges: string[] = rule.destination_port_ranges ?? [rule.destination_port_range];
  return ranges.some((range) => {
    if (range === '*') return true;
    const [from, to = from] = range.split('-').map(Number);
    return port >= from && port <= to;
  });
}

function sources(rule: any): string[] {
  return rule.source_address_prefixes ?? [rule.source_address_prefix];
}

const allowRules = (tf: any) => resources(tf, 'azurerm_network_security_rule').filter((r) => r.access === 'Allow' && r.direction === 'Inbound');

describe('AzureVmPlatform', () => {
  const tf = synth(example);

  test('GIVEN the example WHEN synthesized THEN no rule allows SSH or the API from everyone', () => {
    for (const port of [22, 6443]) {
      const open = allowRules(tf).filter((r) => coversPort(r, port) && sources(r).some((s) => EVERYONE.includes(s.toLowerCase())));
      expect({ port, open: open.map((r) => r.name) }).toEqual({ port, open: [] });
    }
  });

  test('GIVEN the example WHEN synthesized THEN SSH and the API are open to the admin CIDRs, HTTP(S) to the internet, probes to the Azure load balancer', () => {
    const allowed = (port: number, source: string) => allowRules(tf).some((r) => coversPort(r, port) && sources(r).includes(source));
    expect(allowed(22, '203.0.113.0/24')).toBe(true);
    expect(allowed(6443, '203.0.113.0/24')).toBe(true);
    expect(allowed(80, 'Internet')).toBe(true);
    expect(allowed(443, 'Internet')).toBe(true);
    for (const port of [6443, 80, 443]) expect(allowed(port, 'AzureLoadBalancer')).toBe(true);
  });

  test('GIVEN the example WHEN synthesized THEN everything else inbound is denied at the lowest priority and priorities are unique', () => {
    const rules = resources(tf, 'azurerm_network_security_rule');
    const priorities = rules.map((r) => r.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    const denyAll = rules.find((r) => r.priority === Math.max(...priorities));
    expect(denyAll).toMatchObject({ access: 'Deny', direction: 'Inbound', protocol: '*', source_address_prefix: '*', destination_port_range: '*' });
    expect(resources(tf, 'azurerm_subnet_network_security_group_association')).toHaveLength(1);
  });

  test('GIVEN no admin CIDRs WHEN synthesized THEN no rule allows SSH and only the private network and NAT gateway reach the API', () => {
    const closed = synth({ ...example, adminCidrs: [] });
    expect(allowRules(closed).filter((r) => coversPort(r, 22))).toEqual([]);
    const apiSources = allowRules(closed).filter((r) => coversPort(r, 6443)).flatMap(sources);
    expect(apiSources).toEqual(expect.arrayContaining(['AzureLoadBalancer', '10.50.0.0/16']));
    expect(apiSources.filter((s) => !['AzureLoadBalancer', '10.50.0.0/16'].includes(s))).toEqual([expect.stringMatching(/^\$\{azurerm_public_ip\.vm_nat-ip_\w+\.ip_address\}$/)]);
  });

  test('GIVEN adding admin CIDRs WHEN synthesized THEN the other rules keep their priorities', () => {
    const byName = (t: any) => Object.fromEntries(resources(t, 'azurerm_network_security_rule').map((r) => [r.name, r.priority]));
    const withAdmins = byName(tf);
    const withoutAdmins = byName(synth({ ...example, adminCidrs: [] }));
    for (const [name, priority] of Object.entries(withoutAdmins)) expect({ name, priority: withAdmins[name] }).toEqual({ name, priority });
  });

  test('GIVEN the example WHEN synthesized THEN every NIC has a static private IP inside the subnet and no public IP', () => {
    const subnet = parseCidr(example.network.subnetCidr)!;
    const nics = resources(tf, 'azurerm_network_interface');
    expect(nics).toHaveLength(5);
    for (const nic of nics) {
      expect(nic.ip_configuration).toHaveLength(1);
      const config = nic.ip_configuration[0];
      expect(config).toMatchObject({ name: 'primary', private_ip_address_allocation: 'Static' });
      expect(config.public_ip_address_id).toBeUndefined();
      expect(cidrContains(subnet, parseCidr(`${config.private_ip_address}/32`)!)).toBe(true);
    }
    expect(nics.map((n) => n.ip_configuration[0].private_ip_address)).toEqual(['10.50.1.10', '10.50.1.11', '10.50.1.12', '10.50.1.42', '10.50.1.43']);
  });

  test('GIVEN 3 servers WHEN synthesized THEN they are spread over the 3 zones', () => {
    const servers = resources(tf, 'azurerm_linux_virtual_machine').filter((vm) => vm.tags.role === 'server');
    expect(servers.map((vm) => vm.zone).sort()).toEqual(['1', '2', '3']);
  });

  test('GIVEN the example WHEN synthesized THEN every server logs in by SSH key only, with Trusted Launch and Premium disks', () => {
    const vms = resources(tf, 'azurerm_linux_virtual_machine');
    expect(vms).toHaveLength(5);
    expect(JSON.stringify(tf)).toHaveResourceWithProperties(LinuxVirtualMachine, {
      admin_username: AZURE_ADMIN_USERNAME,
      disable_password_authentication: true,
      admin_ssh_key: [{ username: AZURE_ADMIN_USERNAME, public_key: example.sshPublicKeys[0] }],
      source_image_reference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
      secure_boot_enabled: true,
      vtpm_enabled: true,
      os_disk: expect.objectContaining({ storage_account_type: 'Premium_LRS' }),
      boot_diagnostics: {},
    });
    for (const vm of vms) {
      expect(vm.disable_password_authentication).toBe(true);
      expect(vm.admin_password).toBeUndefined();
    }
  });

  test('GIVEN the example WHEN synthesized THEN the load balancer forwards 6443 to the servers and 80/443 to every node, with outbound SNAT off', () => {
    const pools = Object.fromEntries(
      Object.entries(tf.resource.azurerm_lb_backend_address_pool).map(([logicalId, pool]: [string, any]) => [`\${azurerm_lb_backend_address_pool.${logicalId}.id}`, pool.name]),
    );
    const rules = resources(tf, 'azurerm_lb_rule').map((r) => ({ port: r.frontend_port, backend: r.backend_port, pools: r.backend_address_pool_ids.map((id: string) => pools[id]), snat: r.disable_outbound_snat }));
    expect(rules).toEqual([
      { port: 6443, backend: 6443, pools: ['servers'], snat: true },
      { port: 80, backend: 80, pools: ['all'], snat: true },
      { port: 443, backend: 443, pools: ['all'], snat: true },
    ]);
    expect(JSON.stringify(tf)).toHaveResourceWithProperties(LbRule, { protocol: 'Tcp', frontend_ip_configuration_name: 'public' });
    expect(resources(tf, 'azurerm_lb')).toEqual([expect.objectContaining({ sku: 'Standard' })]);
    expect(resources(tf, 'azurerm_lb_probe').map((p) => [p.protocol, p.port])).toEqual([['Tcp', 6443], ['Tcp', 80], ['Tcp', 443]]);
    // 3 servers in both pools, 2 agents in "all".
    expect(resources(tf, 'azurerm_network_interface_backend_address_pool_association')).toHaveLength(8);
  });

  test('GIVEN the example WHEN synthesized THEN the load balancer address is a zone-redundant static Standard IPv4 and the API endpoint uses it', () => {
    const stack = new OpenTofuStack(testApp(), NAME);
    const platform = new AzureVmPlatform(stack, 'vm', { environment: example });
    new TerraformOutput(stack, 'ipv4', { value: platform.loadBalancerIpv4 }).overrideLogicalId('ipv4');
    new TerraformOutput(stack, 'api', { value: platform.apiEndpoint }).overrideLogicalId('api');
    const synthesized = stack.toTerraform();
    const [logicalId, ip] = Object.entries(synthesized.resource.azurerm_public_ip).find(([id]) => id.startsWith('vm_load-balancer-ip_')) as [string, any];
    expect(ip).toMatchObject({ sku: 'Standard', allocation_method: 'Static', ip_version: 'IPv4', zones: ['1', '2', '3'] });
    expect(synthesized.output.ipv4.value).toBe(`\${azurerm_public_ip.${logicalId}.ip_address}`);
    expect(synthesized.output.api.value).toBe(`https://\${azurerm_public_ip.${logicalId}.ip_address}:6443`);
    expect((platform as VmPlatform).loadBalancerIpv6).toBeUndefined();
    expect(platform.controlPlanePrivateIps).toEqual(['10.50.1.10', '10.50.1.11', '10.50.1.12']);
    expect(platform.agentPrivateIps).toEqual({ workers: ['10.50.1.42', '10.50.1.43'] });
  });

  test('GIVEN the example WHEN synthesized THEN outbound traffic leaves through a NAT gateway, not default outbound access', () => {
    expect(resources(tf, 'azurerm_nat_gateway')).toHaveLength(1);
    expect(resources(tf, 'azurerm_subnet_nat_gateway_association')).toHaveLength(1);
    expect(resources(tf, 'azurerm_subnet')).toEqual([expect.objectContaining({ address_prefixes: ['10.50.1.0/24'], default_outbound_access_enabled: false })]);
  });

  test('GIVEN toTerraform() WHEN reading the provider THEN it comes from the OpenTofu registry with a version and holds no credential', () => {
    expect(tf.terraform.required_providers.azurerm).toEqual({ source: 'registry.opentofu.org/hashicorp/azurerm', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(tf.provider.azurerm).toEqual([{ features: [{}], subscription_id: '${var.azure_subscription_id}' }]);
    expect(tf.variable.azure_subscription_id).toEqual(expect.objectContaining({ type: 'string', nullable: true, default: null }));
    expect(tf.variable.azure_subscription_id.sensitive).toBeUndefined();
  });

  test('GIVEN a Hetzner environment WHEN constructing THEN it throws naming the file', () => {
    const stack = new OpenTofuStack(testApp(), NAME);
    expect(() => new AzureVmPlatform(stack, 'vm', { environment: { ...example, provider: 'hetzner', region: 'fsn1' } })).toThrow(
      /^environments\/azure-germanywestcentral\/environment\.json: AzureVmPlatform needs provider "azure", got "hetzner"/,
    );
  });

  test('GIVEN no SSH key WHEN constructing THEN it throws naming the file and sshPublicKeys', () => {
    expect(() => synth({ ...example, sshPublicKeys: [] })).toThrow(/^environments\/azure-germanywestcentral\/environment\.json#\/sshPublicKeys: sshPublicKeys is empty; Azure needs at least one SSH public key/);
  });

  test('GIVEN an ECDSA key WHEN constructing THEN it throws naming the key and the accepted types', () => {
    const ecdsa = 'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= op@example';
    expect(() => synth({ ...example, sshPublicKeys: [example.sshPublicKeys[0], ecdsa] })).toThrow(/environment\.json#\/sshPublicKeys\/1: sshPublicKeys\[1\] is a "ecdsa-sha2-nistp256" key; Azure accepts ssh-ed25519, ssh-rsa/);
  });

  test('GIVEN other image forms WHEN synthesized THEN a URN becomes an image reference, a gallery id a source image id, anything else an error', () => {
    const vm = (image: string) => resources(synth({ ...example, image }), 'azurerm_linux_virtual_machine')[0];
    expect(vm('Canonical:ubuntu-24_04-lts:server-arm64:24.04.202501010').source_image_reference).toEqual({
      publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server-arm64', version: '24.04.202501010',
    });
    const galleryId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/images/providers/Microsoft.Compute/galleries/g/images/k3s/versions/1.0.0';
    expect(vm(galleryId)).toMatchObject({ source_image_id: galleryId });
    expect(vm(galleryId).source_image_reference).toBeUndefined();
    expect(() => synth({ ...example, image: 'debian-12' })).toThrow(/environment\.json#\/image: image "debian-12" is not an Azure image \(allowed: ubuntu-24\.04, ubuntu-22\.04, a Marketplace URN/);
  });

  test('GIVEN the construct file WHEN loaded THEN it loads only the azurerm modules it uses, never the package root', () => {
    const loaded = Object.keys(require.cache).filter((m) => m.includes('provider-azurerm'));
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded).not.toContain(require.resolve('@cdktf/provider-azurerm'));
    expect(loaded.length).toBeLessThan(40);
  });
});
