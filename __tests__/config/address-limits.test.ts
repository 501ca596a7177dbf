import { addressPlanProblems, maxPoolCount, MAX_SERVERS_PER_POOL_BLOCK } from '../../lib/config/address-limits';
import { parseCidr } from '../../lib/config/cidr';
import { planAddresses } from '../../constructs/provider-vm/address-plan';
import { problemsOf } from '../support/config';
import { buildRegionStack, environmentWith } from '../support/region';

/** The config layer's verdict and the address plan's must agree: accepted input never throws there. */
describe('addressPlanProblems agrees with planAddresses', () => {
  const subnets = ['10.0.0.0/30', '10.0.0.0/29', '10.0.0.0/28', '10.0.0.0/27', '10.0.0.0/26', '10.0.0.0/25', '10.0.0.0/24', '10.0.0.0/23'];
  const poolSets: number[][] = [[1], [3], [22], [23], [1, 1], [3, 20], [1, 1, 1], [5, 22, 22, 1], [1, 1, 1, 1, 1, 1, 1, 1], [3, 2, 2, 2, 2, 2, 2, 2, 2]];

  test.each(subnets.flatMap((subnet) => poolSets.map((counts) => [subnet, counts] as const)))('GIVEN subnet %s and pools %j WHEN checked THEN accepted exactly when the plan can be made', (subnetText, counts) => {
    const subnet = parseCidr(subnetText)!;
    const pools = counts.map((count, i) => ({ name: `p${i}`, count, at: `/agentPools/${i}`, named: true }));
    const problems = addressPlanProblems('f.json', 'hetzner', 1, subnet, '/network/subnetCidr', pools);
    let planned = true;
    try {
      planAddresses(subnetText, pools);
    } catch {
      planned = false;
    }
    expect(problems.length === 0).toBe(planned);
  });
});

describe('the documented maximum per pool', () => {
  test('GIVEN one subnet per pool WHEN asked THEN 22 servers, on AWS 22 per zone', () => {
    expect(MAX_SERVERS_PER_POOL_BLOCK).toBe(22);
    expect(maxPoolCount('hetzner', 1)).toBe(22);
    expect(maxPoolCount('gcp', 3)).toBe(22);
    expect(maxPoolCount('aws', 3)).toBe(66);
  });

  test('GIVEN an AWS pool of 66 servers over 3 zones WHEN checked THEN accepted; 67 is refused at its count', () => {
    const subnet = parseCidr('10.0.0.0/24')!;
    expect(addressPlanProblems('f.json', 'aws', 3, subnet, '/network/subnetCidr', [{ name: 'a', count: 66, at: '/controlPlane', named: false }])).toEqual([]);
    const [problem] = addressPlanProblems('f.json', 'aws', 3, subnet, '/network/subnetCidr', [{ name: 'a', count: 67, at: '/controlPlane', named: false }]);
    expect(problem.pointer).toBe('/controlPlane/count');
    expect(problem.message).toMatch(/at most 66 fit in its address block \(22 per zone, 3 zones\)/);
  });
});

describe('AWS zone subnets (one subnet of network.subnetCidr size per zone)', () => {
  const networks: Array<[string, string | undefined]> = [
    ['10.30.0.0/16', '10.30.1.0/24'],
    ['10.30.0.0/16', '10.30.255.0/24'],
    ['10.30.0.0/24', undefined],
    ['10.30.0.0/24', '10.30.0.0/26'],
    ['10.30.0.0/24', '10.30.0.128/26'],
    ['10.30.0.0/23', undefined],
    ['10.30.0.0/22', '10.30.0.0/24'],
  ];
  test.each(networks)('GIVEN network %s and subnet %s WHEN loaded and built THEN refused by the config layer exactly when the AWS platform cannot place the zones', (cidr, subnetCidr) => {
    const network = subnetCidr ? { cidr, subnetCidr } : { cidr };
    const problems = problemsOf(() => environmentWith('aws-eu-central-1', { network, controlPlane: { count: 1, instanceType: 't3.large' }, agentPools: [] }));
    let built = true;
    if (problems.length === 0) {
      try {
        buildRegionStack(environmentWith('aws-eu-central-1', { network, controlPlane: { count: 1, instanceType: 't3.large' }, agentPools: [] }));
      } catch {
        built = false;
      }
    }
    // What the config layer accepts, the AWS platform builds; what it refuses names the zone subnets.
    expect(built).toBe(true);
    if (problems.length > 0) expect(problems.map((e) => e.message).join('\n')).toMatch(/3 zone subnets of \/\d+ starting at .* do not fit in network/);
    expect(problems.length > 0).toBe(['10.30.1.0/24', '10.30.0.0/26'].includes(subnetCidr ?? '') || cidr === '10.30.0.0/22' ? false : true);
  });
});
