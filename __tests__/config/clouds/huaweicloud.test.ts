import { ConfigError } from '../../../lib/config/errors';
import { HUAWEICLOUD_MAX_NAME, huaweicloudLoadBalancerSubnet } from '../../../lib/config/clouds/huaweicloud';
import { parseEnvironment } from '../../../lib/config/load-environments';
import { INSTANCE_TYPES, KNOWN_REGIONS } from '../../../lib/config/regions';
import { problemsOf } from '../../support/config';

const FOLDER = 'huaweicloud-eu-west-101';
const FILE = `environments/${FOLDER}/environment.json`;
const VALID = {
  provider: 'huaweicloud',
  region: 'eu-west-101',
  network: { cidr: '10.60.0.0/16', subnetCidr: '10.60.1.0/24' },
  controlPlane: { count: 3, instanceType: 's6.large.2' },
  agentPools: [{ name: 'workers', count: 2, instanceType: 'c7n.xlarge.2' }],
  adminCidrs: ['203.0.113.0/24'],
};

function errorsFor(document: Record<string, unknown>, folder = FOLDER): ConfigError[] {
  return problemsOf(() => parseEnvironment(`environments/${folder}/environment.json`, folder, JSON.stringify(document)));
}

describe('Huawei Cloud environments', () => {
  test.each([
    ['10.60.0.0/16', '10.60.1.0/24', '10.60.2.0/24'],
    ['10.60.0.0/16', '10.60.0.0/20', '10.60.16.0/20'],
    ['10.60.0.0/24', '10.60.0.0/25', '10.60.0.128/25'],
    ['10.60.0.0/24', '10.60.0.128/25', undefined],
  ])('GIVEN network %s and nodes %s THEN the load balancer subnet is %s', (cidr, subnetCidr, expected) => {
    const env = { ...parseEnvironment(FILE, FOLDER, JSON.stringify(VALID)), network: { cidr, subnetCidr } };
    expect(huaweicloudLoadBalancerSubnet(env)).toBe(expected);
  });

  test('GIVEN the valid example THEN the model has the region AZs and the default image', () => {
    const env = parseEnvironment(FILE, FOLDER, JSON.stringify(VALID));
    expect(env).toMatchObject({ provider: 'huaweicloud', region: 'eu-west-101', zones: ['eu-west-101a', 'eu-west-101b'], image: 'ubuntu-24.04' });
  });

  test.each([
    ['s6.large.2', true],
    ['s6.medium.2', true],
    ['c7n.xlarge.2', true],
    ['m7.8xlarge.8', true],
    ['kc1.large.4', true],
    ['x1.2u.4g', true],
    ['s6.small.1', false],
    ['t6.medium.1', false],
    ['x1.1u.1g', false],
  ])('GIVEN flavor %s THEN accepted is %s (2 GB of memory or more)', (flavor, accepted) => {
    const errors = errorsFor({ ...VALID, controlPlane: { count: 1, instanceType: flavor } });
    expect(errors.length === 0).toBe(accepted);
    if (!accepted) expect(errors[0].message).toMatch(new RegExp(`"${flavor.replace(/\./g, '\\.')}" is too small for a K3s node`));
  });

  test('every known region has AZs named <region><letter>', () => {
    for (const [region, zones] of Object.entries(KNOWN_REGIONS.huaweicloud)) {
      expect(zones.length).toBeGreaterThanOrEqual(2);
      for (const zone of zones) expect(zone).toMatch(new RegExp(`^${region}[a-z]$`));
    }
    for (const example of INSTANCE_TYPES.huaweicloud.example.split(', ')) expect(INSTANCE_TYPES.huaweicloud.pattern.test(example)).toBe(true);
    expect(HUAWEICLOUD_MAX_NAME).toBe(64);
  });
});

// The Huawei Cloud rows of docs/ERRORS.md: every row is one case here.
describe('Huawei Cloud rows of the error table', () => {
  const longFolder = `${FOLDER}-${'s'.repeat(21)}`;
  const cases: Array<[string, Record<string, unknown>, RegExp, string, string?]> = [
    ['unknown region', { ...VALID, region: 'eu-central-1' }, /unknown huaweicloud region "eu-central-1" \(allowed: eu-west-101, eu-west-0, /, '/region', 'huaweicloud-eu-central-1'],
    ['not a flavor', { ...VALID, controlPlane: { count: 3, instanceType: 't3.large' } }, /"t3.large" is not a huaweicloud instance type \(allowed: e\.g\. s6\.large\.2/, '/controlPlane/instanceType'],
    ['flavor too small', { ...VALID, agentPools: [{ name: 'tiny', count: 1, instanceType: 's6.small.1' }] }, /"s6.small.1" is too small for a K3s node \(2 GB of memory or more\)/, '/agentPools/0/instanceType'],
    ['image neither Ubuntu 24.04 nor an IMS id', { ...VALID, image: 'debian-12' }, /image "debian-12" is not usable on Huawei Cloud \(allowed: "ubuntu-24.04" or an IMS image id/, '/image'],
    ['no room for the load balancer subnet', { ...VALID, network: { cidr: '10.60.0.0/16', subnetCidr: '10.60.255.0/24' } }, /the load balancer subnet after 10.60.255.0\/24 \(the next block of its size\) does not fit in network 10.60.0.0\/16/, '/network/subnetCidr'],
    ['server name over 64 characters', { ...VALID, agentPools: [{ name: 'p'.repeat(20), count: 10, instanceType: 's6.large.2' }] }, /server name "huaweicloud-eu-west-101-s{21}-p{20}-9" has 68 characters; Huawei Cloud allows at most 64 \(allowed: shorten the environment folder or pool names\)/, '/agentPools/0/name', longFolder],
  ];

  test.each(cases)('GIVEN %s THEN a ConfigError names file, pointer and what is allowed', (_name, document, message, at, folder = FOLDER) => {
    const errors = errorsFor(document, folder);
    const match = errors.find((e) => message.test(e.message));
    expect(match).toBeDefined();
    expect(match!.file).toBe(`environments/${folder}/environment.json`);
    expect(match!.pointer).toBe(at);
  });

  test('GIVEN an environment folder name too long for derived names THEN the whole file is named', () => {
    const folder = `huaweicloud-eu-west-101-${'s'.repeat(40)}`;
    const errors = errorsFor(VALID, folder);
    expect(errors.map((e) => [e.pointer, e.message])).toEqual([['', expect.stringMatching(/environment name "huaweicloud-eu-west-101-s+" has 64 characters; Huawei Cloud names derived from it \("huaweicloud-eu-west-101-s+-kube-api"\) allow at most 64 \(allowed: a folder name of at most 55 characters\)/)]]);
  });
});
