import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../lib/cli';
import { itWithTool, TOFU } from '../support/tools';
import { independentProblems, readManifests } from './support';
import { FixtureResource, hex, PASSPHRASE, pushState, stateDocument } from './state-fixtures';

/**
 * Huawei Cloud and OCI stacks have not landed yet; the map already covers their types, so the
 * hand-over must handle them with no code change. A synthetic state (attribute names from each
 * provider's documentation, ids in their documented formats, resources with count and for_each)
 * is pushed encrypted with `tofu state push` and handed over like any other stack.
 */
const itTofu = itWithTool('tofu');
let project: string;

const ENCRYPTION = {
  key_provider: { pbkdf2: { main: { passphrase: '${var.state_passphrase}' } } },
  method: { aes_gcm: { main: { keys: '${key_provider.pbkdf2.main}' } } },
  state: { enforced: true, method: 'method.aes_gcm.main' },
  plan: { enforced: true, method: 'method.aes_gcm.main' },
};

function stack(name: string, providers: Record<string, string>, resources: FixtureResource[], paths: Record<string, string>): void {
  const dir = path.join(project, 'cdktf.out', 'stacks', name);
  fs.mkdirSync(dir, { recursive: true });
  const resource: Record<string, Record<string, unknown>> = {};
  for (const r of resources) (resource[r.type] ??= {})[r.name] = { '//': { metadata: { path: paths[`${r.type}.${r.name}`] ?? `${name}/${r.name}` } } };
  fs.writeFileSync(
    path.join(dir, 'cdk.tf.json'),
    JSON.stringify({
      terraform: { backend: { local: { path: `../../../state/${name}/terraform.tfstate` } }, encryption: ENCRYPTION, required_providers: Object.fromEntries(Object.entries(providers).map(([k, source]) => [k, { source, version: '1.0.0' }])) },
      variable: { state_passphrase: { type: 'string', sensitive: true } },
      resource,
    }),
  );
  pushState(dir, stateDocument(resources, providers, name));
}

const ocid = (kind: string, seed: string) => `ocid1.${kind}.oc1.eu-frankfurt-1.${hex(seed, 60)}`;
const compartment = `ocid1.compartment.oc1..${hex('compartment', 60)}`;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-handover-hw-oci-'));
  if (itTofu !== it) return;
  const vcn = ocid('vcn', 'vcn');
  const nsg = ocid('networksecuritygroup', 'nsg');
  stack(
    'oci-eu-frankfurt-1',
    { oci: 'registry.opentofu.org/oracle/oci' },
    [
      { type: 'oci_core_vcn', name: 'vcn', values: { id: vcn, compartment_id: compartment, cidr_blocks: ['10.60.0.0/16'], display_name: 'oci-eu-frankfurt-1', dns_label: 'sovereign' } },
      { type: 'oci_core_network_security_group', name: 'nsg', values: { id: nsg, compartment_id: compartment, vcn_id: vcn, display_name: 'nodes' } },
      // for_each over ports; the state id is the bare rule id, the import ID is composite.
      ...['6443', '80'].map((port) => ({ type: 'oci_core_network_security_group_security_rule', name: 'ingress', index: port, values: { id: hex(`rule${port}`, 6).toUpperCase(), network_security_group_id: nsg, direction: 'INGRESS', protocol: '6', source: '0.0.0.0/0', source_type: 'CIDR_BLOCK', tcp_options: [{ destination_port_range: [{ min: Number(port), max: Number(port) }], source_port_range: [] }] } })),
      // count = 2
      ...[0, 1].map((i) => ({ type: 'oci_core_instance', name: 'server', index: i, values: { id: ocid('instance', `i${i}`), compartment_id: compartment, availability_domain: 'Uocm:EU-FRANKFURT-1-AD-1', shape: 'VM.Standard.E4.Flex', display_name: `server-${i}`, metadata: { user_data: 'I2Nsb3VkLWNvbmZpZwo=', ssh_authorized_keys: 'ssh-ed25519 AAAA test' } } })),
    ],
    { 'oci_core_vcn.vcn': 'oci-eu-frankfurt-1/vm/vcn', 'oci_core_network_security_group_security_rule.ingress': 'oci-eu-frankfurt-1/vm/ingress', 'oci_core_instance.server': 'oci-eu-frankfurt-1/vm/server' },
  );
  const vpc = '3f4b1a2c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
  stack(
    'huaweicloud-eu-west-101',
    { huaweicloud: 'registry.opentofu.org/huaweicloud/huaweicloud', random: 'registry.opentofu.org/hashicorp/random' },
    [
      { type: 'huaweicloud_vpc', name: 'vpc', values: { id: vpc, name: 'sovereign', cidr: '10.70.0.0/16', region: 'eu-west-101' } },
      ...['a', 'b'].map((zone) => ({ type: 'huaweicloud_vpc_subnet', name: 'subnet', index: zone, values: { id: `9c8b7a6d-5e4f-4a3b-8c2d-${hex(zone, 12)}`, name: `sovereign-${zone}`, cidr: `10.70.${zone === 'a' ? 1 : 2}.0/24`, gateway_ip: `10.70.${zone === 'a' ? 1 : 2}.1`, vpc_id: vpc, region: 'eu-west-101' } })),
      { type: 'huaweicloud_elb_loadbalancer', name: 'lb', values: { id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', name: 'sovereign' } },
      { type: 'random_password', name: 'k3s_token', values: { id: 'none', result: 'huaweiTokenValueNeverCopied0123456789abcdefghij', length: 48 }, schemaVersion: 3, sensitive: [[{ type: 'get_attr', value: 'result' }]] },
    ],
    { 'huaweicloud_vpc_subnet.subnet': 'huaweicloud-eu-west-101/vm/subnet' },
  );
  stack(
    'dns',
    { powerdns: 'registry.opentofu.org/mmianl/powerdns' },
    [
      { type: 'powerdns_zone', name: 'zone', values: { id: 'sovereign.example.', name: 'sovereign.example.', kind: 'Native' } },
      { type: 'powerdns_record', name: 'app', values: { id: 'app.sovereign.example.:::LUA', zone: 'sovereign.example.', name: 'app.sovereign.example.', type: 'LUA', ttl: 30, records: ['A "ifportup(443, {\'198.51.100.10\'})"'] } },
    ],
    {},
  );
}, 120_000);
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

async function handover(stackName: string): Promise<number> {
  const saved = { ...process.env };
  Object.assign(process.env, { SOVEREIGN_TOFU: TOFU, TF_VAR_state_passphrase: PASSPHRASE, NO_COLOR: '1' });
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return await runCli(['handover', stackName, '--output', 'out'], project);
  } finally {
    process.env = saved;
    out.mockRestore();
  }
}

describe('Huawei and OCI stacks (synthetic states; the map covers their types)', () => {
  itTofu('GIVEN an OCI state with count and for_each THEN cluster-scoped kinds validate, the rule import ID is composite, and the README warns about management policies', async () => {
    expect(await handover('oci-eu-frankfurt-1')).toBe(0);
    const dir = path.join(project, 'out', 'oci-eu-frankfurt-1');
    const { problems, managed } = independentProblems(dir);
    expect(problems).toEqual([]);
    expect(managed).toHaveLength(2 * 6);
    for (const m of managed) expect(m.doc.metadata).not.toHaveProperty('namespace');
    const rules = managed.filter((m) => m.file.startsWith('phase-1/') && m.doc.kind === 'NetworkSecurityGroupSecurityRule');
    expect(rules.map((m) => [m.doc.metadata.name, m.doc.metadata.annotations['crossplane.io/external-name']])).toEqual([
      ['oci-eu-frankfurt-1-vm-ingress-6443', expect.stringMatching(/^networkSecurityGroups\/ocid1\.networksecuritygroup\.oc1\..+\/securityRules\/[0-9A-F]{6}$/)],
      ['oci-eu-frankfurt-1-vm-ingress-80', expect.stringMatching(/^networkSecurityGroups\/.+\/securityRules\/[0-9A-F]{6}$/)],
    ]);
    const servers = managed.filter((m) => m.file.startsWith('phase-2/') && m.doc.kind === 'Instance');
    expect(servers.map((m) => m.doc.metadata.name)).toEqual(['oci-eu-frankfurt-1-vm-server-0', 'oci-eu-frankfurt-1-vm-server-1']);
    expect(servers[0].doc.spec.deletionPolicy).toBe('Orphan');
    expect(servers[0].doc.spec.forProvider.metadata).toEqual({ ssh_authorized_keys: 'ssh-ed25519 AAAA test' }); // user_data never copied
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/\*\*oci\*\*: the provider ships with the management-policies feature switched off/);
  }, 120_000);

  itTofu('GIVEN the dns stack (PowerDNS only) THEN nothing is adopted, the README says what to do, and the stack is not marked', async () => {
    expect(await handover('dns')).toBe(0);
    const dir = path.join(project, 'out', 'dns');
    expect(readManifests(dir).filter((m) => m.file.startsWith('phase-'))).toEqual([
      { file: 'phase-1/kustomization.yaml', doc: { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [] } },
      { file: 'phase-2/kustomization.yaml', doc: { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [] } },
    ]);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/`powerdns_record` \| 1 \| as powerdns_zone; PowerDNS-Operator[\s\S]*`powerdns_zone` \| 1 \| no Crossplane PowerDNS provider found/);
    expect(fs.existsSync(path.join(project, 'state', 'dns', 'HANDED-OVER.json'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'state', 'oci-eu-frankfurt-1', 'HANDED-OVER.json'))).toBe(true);
  }, 120_000);

  itTofu('GIVEN a Huawei state THEN VPC kinds validate, ELB is listed as not adoptable, and the token is a Secret template', async () => {
    expect(await handover('huaweicloud-eu-west-101')).toBe(0);
    const dir = path.join(project, 'out', 'huaweicloud-eu-west-101');
    const { problems, managed } = independentProblems(dir);
    expect(problems).toEqual([]);
    expect(managed.filter((m) => m.file.startsWith('phase-1/')).map((m) => `${m.doc.kind} ${m.doc.metadata.name}`)).toEqual([
      'Subnet huaweicloud-eu-west-101-vm-subnet-a',
      'Subnet huaweicloud-eu-west-101-vm-subnet-b',
      'VPC huaweicloud-eu-west-101-vpc',
    ]);
    const subnet = managed.find((m) => m.file.startsWith('phase-2/') && m.doc.kind === 'Subnet')!;
    expect(subnet.doc.spec).toMatchObject({ managementPolicies: ['*'], forProvider: { cidr: '10.70.1.0/24', gatewayIp: '10.70.1.1', name: 'sovereign-a', vpcIdRef: { name: 'huaweicloud-eu-west-101-vpc' } } });
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/`huaweicloud_elb_loadbalancer` \| 1 \| no managed resource in huaweicloud\/provider-huaweicloud/);
    const text = readManifests(dir).map((m) => JSON.stringify(m.doc)).join('\n');
    expect(text).not.toContain('huaweiTokenValueNeverCopied');
    expect(readManifests(dir).filter((m) => m.doc.kind === 'Secret').map((m) => m.doc.stringData)).toEqual([{ result: 'REPLACE-ME' }]);
  }, 120_000);
});
