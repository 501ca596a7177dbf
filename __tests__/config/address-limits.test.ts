import { MAX_SERVER_NAME_LENGTH, serverNameProblems } from '../../lib/config/address-limits';
import { planAddresses } from '../../lib/common/address-plan';
import { problemsOf } from '../support/config';
import { buildRegionStack, environmentWith } from '../support/region';

/** What the config layer accepts, the platforms build: no address-plan or zone problem is left to exit 2. */
describe('address plan: the config layer refuses exactly what the plan cannot place (Hetzner)', () => {
  const subnets = ['10.10.1.0/30', '10.10.1.0/28', '10.10.1.0/27', '10.10.1.0/26', '10.10.1.0/24'];
  const poolSets: number[][] = [[1], [23], [1, 1], [3, 20], [5, 22, 22, 1], [1, 1, 1, 1, 1, 1, 1, 1]];
  test.each(subnets.flatMap((subnet) => poolSets.map((counts) => [subnet, counts] as const)))('GIVEN subnet %s and pools %j', (subnetCidr, counts) => {
    const [controlPlane, ...agents] = counts;
    const changes = {
      network: { cidr: '10.10.0.0/16', subnetCidr },
      controlPlane: { count: controlPlane % 2 === 0 ? controlPlane + 1 : controlPlane, instanceType: 'cpx31' },
      agentPools: agents.map((count, i) => ({ name: `p${i}`, count, instanceType: 'cpx41' })),
    };
    const pools = [{ name: 'control-plane', count: changes.controlPlane.count }, ...changes.agentPools];
    let planned = true;
    try {
      planAddresses(subnetCidr, pools);
    } catch {
      planned = false;
    }
    const problems = problemsOf(() => environmentWith('hetzner-fsn1', changes));
    expect(problems.length === 0).toBe(planned);
    if (problems.length > 0) expect(problems.every((e) => /\/count$/.test(e.pointer))).toBe(true);
    else expect(() => buildRegionStack(environmentWith('hetzner-fsn1', changes))).not.toThrow();
  });
});

describe('AWS zone subnets (one subnet of network.subnetCidr size per zone)', () => {
  const networks: Array<[string, string | undefined, boolean]> = [
    ['10.30.0.0/16', '10.30.1.0/24', true],
    ['10.30.0.0/16', '10.30.255.0/24', false],
    ['10.30.0.0/24', undefined, false],
    ['10.30.0.0/24', '10.30.0.0/26', true],
    ['10.30.0.0/24', '10.30.0.128/26', false],
    ['10.30.0.0/23', undefined, false],
    ['10.30.0.0/22', '10.30.0.0/24', true],
  ];
  test.each(networks)('GIVEN network %s and subnet %s WHEN loaded THEN accepted: %s, and what is accepted builds', (cidr, subnetCidr, accepted) => {
    const changes = { network: subnetCidr ? { cidr, subnetCidr } : { cidr }, controlPlane: { count: 1, instanceType: 't3.large' }, agentPools: [] };
    const problems = problemsOf(() => environmentWith('aws-eu-central-1', changes));
    expect(problems.length === 0).toBe(accepted);
    if (accepted) expect(() => buildRegionStack(environmentWith('aws-eu-central-1', changes))).not.toThrow();
    else expect(problems.map((e) => `${e.pointer} ${e.message}`).join('\n')).toMatch(/\/network\/subnetCidr .*3 zone subnets of \/\d+ starting at .* do not fit in network/);
  });
});

describe('serverNameProblems', () => {
  const pools = [{ name: 'cp', count: 3, at: '/controlPlane', named: false }, { name: 'workers', count: 12, at: '/agentPools/0', named: true }];
  test(`GIVEN names up to ${MAX_SERVER_NAME_LENGTH} characters THEN none; one more THEN refused at the pool, counting the last index`, () => {
    // "<env>-workers-11" is the longest: env of 63 - 11 = 52 characters fits, 53 does not.
    expect(serverNameProblems('f.json', 'h'.repeat(52), pools)).toEqual([]);
    const problems = serverNameProblems('f.json', 'h'.repeat(53), pools);
    expect(problems.map((e) => e.pointer)).toEqual(['/agentPools/0/name']);
    expect(problems[0].message).toMatch(/server name "h{53}-workers-11" has 64 characters; .* at most 63/);
    expect(serverNameProblems('f.json', 'h'.repeat(60), pools).map((e) => e.pointer)).toEqual(['/controlPlane', '/agentPools/0/name']);
  });
});
