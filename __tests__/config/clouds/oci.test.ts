import { ConfigError } from '../../../lib/config/errors';
import { parseEnvironment } from '../../../lib/config/load-environments';
import { checkOciEnvironment, OCI_FLEX_DEFAULTS, OCI_FLEX_SHAPES, OCI_SSH_KEYS_MAX_BYTES, ociLoadBalancerSubnet } from '../../../lib/config/clouds/oci';
import { KNOWN_REGIONS } from '../../../lib/config/regions';
import { problemsOf } from '../../support/config';

const FILE = 'environments/oci-eu-frankfurt-1/environment.json';
const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaexampleexampleexampleexampleexampleexample0001';
const VALID = {
  provider: 'oci',
  region: 'eu-frankfurt-1',
  oci: { compartmentId: COMPARTMENT },
  network: { cidr: '10.70.0.0/16', subnetCidr: '10.70.1.0/24' },
  controlPlane: { count: 3, instanceType: 'VM.Standard.E5.Flex', ocpus: 2, memoryGb: 16 },
  agentPools: [{ name: 'workers', count: 2, instanceType: 'VM.Standard.A1.Flex', ocpus: 4, memoryGb: 24 }],
  adminCidrs: ['203.0.113.0/24'],
};

function errorsFor(document: object, file = FILE, folder = 'oci-eu-frankfurt-1'): ConfigError[] {
  return problemsOf(() => parseEnvironment(file, folder, JSON.stringify(document)));
}

describe('an OCI environment', () => {
  test('GIVEN a valid file WHEN parsed THEN the compartment, zones (availability domains) and flexible sizes are in the model', () => {
    const env = parseEnvironment(FILE, 'oci-eu-frankfurt-1', JSON.stringify(VALID));
    expect(env).toMatchObject({
      provider: 'oci',
      oci: { compartmentId: COMPARTMENT },
      zones: ['AD-1', 'AD-2', 'AD-3'],
      controlPlane: { instanceType: 'VM.Standard.E5.Flex', flex: { ocpus: 2, memoryGb: 16 } },
      agentPools: [{ instanceType: 'VM.Standard.A1.Flex', flex: { ocpus: 4, memoryGb: 24 } }],
    });
    expect(checkOciEnvironment(env)).toEqual([]);
  });

  test('GIVEN pools without OCPUs or memory WHEN parsed THEN the defaults (2 OCPUs, 16 GB) apply, as the schema documents', () => {
    const env = parseEnvironment(FILE, 'oci-eu-frankfurt-1', JSON.stringify({ ...VALID, controlPlane: { count: 1, instanceType: 'VM.Standard.E4.Flex' } }));
    expect(env.controlPlane.flex).toEqual(OCI_FLEX_DEFAULTS);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require('../../../lib/config/schemas/environment.schema.json');
    expect({ ocpus: schema.definitions.pool.properties.ocpus.default, memoryGb: schema.definitions.pool.properties.memoryGb.default }).toEqual(OCI_FLEX_DEFAULTS);
  });

  test('GIVEN the tenancy OCID as compartment (the root compartment) WHEN parsed THEN it is accepted', () => {
    expect(errorsFor({ ...VALID, oci: { compartmentId: 'ocid1.tenancy.oc1..aaaaaaaaexampleexampleexampleexampleexampleexample0001' } })).toEqual([]);
  });

  test('GIVEN an image OCID WHEN parsed THEN it is accepted', () => {
    expect(errorsFor({ ...VALID, image: 'ocid1.image.oc1.eu-frankfurt-1.aaaaaaaaexampleexampleexampleexampleexampleexample0001' })).toEqual([]);
  });

  test('GIVEN every known OCI region THEN it has one or three availability domains named AD-n', () => {
    for (const [region, zones] of Object.entries(KNOWN_REGIONS.oci)) {
      expect([1, 3]).toContain(zones.length);
      expect(zones).toEqual(zones.map((_, i) => `AD-${i + 1}`));
      expect(region).toMatch(/^[a-z]+-[a-z]+-\d$/);
    }
  });

  test.each(Object.entries(OCI_FLEX_SHAPES))('GIVEN %s at its largest size WHEN parsed THEN it is accepted; one OCPU or GB more is refused', (shape, bounds) => {
    const pool = (ocpus: number, memoryGb: number) => ({ ...VALID, controlPlane: { count: 1, instanceType: shape, ocpus, memoryGb } });
    expect(errorsFor(pool(bounds.maxOcpus, bounds.maxMemoryGb))).toEqual([]);
    expect(errorsFor(pool(bounds.maxOcpus + 1, bounds.maxMemoryGb)).map((e) => e.pointer)).toEqual(['/controlPlane/ocpus']);
    expect(errorsFor(pool(bounds.maxOcpus, bounds.maxMemoryGb + 1)).map((e) => e.pointer)).toEqual(['/controlPlane/memoryGb']);
  });

  test('GIVEN the node subnet THEN the load balancer subnet is the next block of the same size, or none at the end of the network', () => {
    const env = parseEnvironment(FILE, 'oci-eu-frankfurt-1', JSON.stringify(VALID));
    expect(ociLoadBalancerSubnet(env)).toBe('10.70.2.0/24');
    expect(ociLoadBalancerSubnet({ ...env, network: { cidr: '10.70.0.0/16', subnetCidr: '10.70.128.0/17' } })).toBeUndefined();
    expect(ociLoadBalancerSubnet({ ...env, network: { cidr: '10.70.0.0/16', subnetCidr: '10.70.0.0/17' } })).toBe('10.70.128.0/17');
  });
});

// The OCI rows of docs/ERRORS.md: every row is one case here.
describe('OCI rows of the error table', () => {
  const key = (n: number) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${'A'.repeat(n)} k`;
  const cases: Array<[string, object, RegExp, string]> = [
    ['missing oci section', { ...VALID, oci: undefined }, /missing required property "oci".*allowed: "oci": \{ "compartmentId"/, '/oci'],
    ['oci section on another cloud', { ...VALID, provider: 'hetzner', region: 'fsn1', controlPlane: { count: 1, instanceType: 'cpx31' }, agentPools: [] }, /oci settings are only for provider "oci", not "hetzner"/, '/oci'],
    ['OCPUs or memory on another cloud', { provider: 'hetzner', region: 'fsn1', network: VALID.network, controlPlane: { count: 1, instanceType: 'cpx31', ocpus: 2 } }, /ocpus is only for OCI flexible shapes; hetzner instance types have a fixed size/, '/controlPlane/ocpus'],
    ['compartment OCID malformed', { ...VALID, oci: { compartmentId: 'my-compartment' } }, /does not have the required form.*ocid1/, '/oci/compartmentId'],
    ['not a flexible shape', { ...VALID, controlPlane: { count: 1, instanceType: 'VM.Standard2.1' } }, /"VM.Standard2.1" is not a oci instance type.*VM.Standard.E5.Flex/, '/controlPlane/instanceType'],
    ['unknown flexible shape', { ...VALID, controlPlane: { count: 1, instanceType: 'VM.Standard.E2.Flex' } }, /"VM.Standard.E2.Flex" is not an OCI flexible shape this project knows.*allowed: VM.Standard.E3.Flex/, '/controlPlane/instanceType'],
    ['too many OCPUs for the shape', { ...VALID, agentPools: [{ name: 'w', count: 1, instanceType: 'VM.Standard.A1.Flex', ocpus: 96, memoryGb: 96 }] }, /96 OCPUs exceed what VM.Standard.A1.Flex offers.*allowed: 1 to 80/, '/agentPools/0/ocpus'],
    ['memory outside the shape\'s range', { ...VALID, controlPlane: { count: 1, instanceType: 'VM.Standard.E5.Flex', ocpus: 2, memoryGb: 200 } }, /200 GB does not fit 2 OCPUs of VM.Standard.E5.Flex.*allowed: 2 to 128/, '/controlPlane/memoryGb'],
    ['memory under 2 GB', { ...VALID, controlPlane: { count: 1, instanceType: 'VM.Standard.E5.Flex', ocpus: 1, memoryGb: 1 } }, /must be >= 2/, '/controlPlane/memoryGb'],
    ['image not usable on OCI', { ...VALID, image: 'debian-12' }, /"debian-12" is not usable on OCI.*allowed: "ubuntu-24.04".*or an image OCID/, '/image'],
    ['SSH keys too large for the metadata', { ...VALID, sshPublicKeys: Array.from({ length: 12 }, () => key(700)) }, new RegExp(`the SSH keys take \\d+ bytes of instance metadata.*allowed: ${OCI_SSH_KEYS_MAX_BYTES} bytes or less`), '/sshPublicKeys'],
    ['no room for the load balancer subnet', { ...VALID, network: { cidr: '10.70.0.0/16', subnetCidr: '10.70.255.0/24' } }, /no room after 10.70.255.0\/24 inside 10.70.0.0\/16 for the load balancer's subnet/, '/network/subnetCidr'],
    ['unknown OCI region', { ...VALID, region: 'eu-nowhere-1' }, /unknown oci region "eu-nowhere-1".*allowed: eu-frankfurt-1/, '/region'],
  ];

  test.each(cases)('%s', (_name, document, message, at) => {
    const region = (document as { region: string; provider: string }).region;
    const folder = `${(document as { provider: string }).provider}-${region}`;
    const file = `environments/${folder}/environment.json`;
    const errors = errorsFor(document, file, folder);
    const match = errors.find((e) => message.test(e.message));
    expect({ messages: errors.map((e) => e.message), found: match !== undefined }).toMatchObject({ found: true });
    expect(match!.file).toBe(file);
    expect(match!.pointer).toBe(at);
    expect(match!.message.startsWith(`${file}#${at}: `)).toBe(true);
  });
});
