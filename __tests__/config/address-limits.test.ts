import { addressPlanProblems, maxPoolCount, MAX_SERVERS_PER_POOL_BLOCK } from '../../lib/config/address-limits';
import { parseCidr } from '../../lib/config/cidr';
import { planAddresses } from '../../constructs/provider-vm/address-plan';

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
