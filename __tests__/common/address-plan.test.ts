import { planAddresses } from '../../lib/common/address-plan';

describe('planAddresses', () => {
  test('gives each pool its own block of static addresses', () => {
    const plan = planAddresses('10.10.1.0/24', [
      { name: 'control-plane', count: 3 },
      { name: 'workers', count: 2 },
    ]);
    expect(plan).toEqual({
      'control-plane': ['10.10.1.10', '10.10.1.11', '10.10.1.12'],
      workers: ['10.10.1.42', '10.10.1.43'],
    });
  });

  test('growing one pool leaves the addresses of the others unchanged', () => {
    const before = planAddresses('10.10.1.0/24', [{ name: 'cp', count: 1 }, { name: 'w', count: 2 }]);
    const after = planAddresses('10.10.1.0/24', [{ name: 'cp', count: 5 }, { name: 'w', count: 2 }]);
    expect(after.w).toEqual(before.w);
  });

  test('rejects a pool larger than its block, naming the pool', () => {
    expect(() => planAddresses('10.10.0.0/16', [{ name: 'big', count: 23 }])).toThrow(/pool "big" has 23 servers; at most 22/);
  });

  test('rejects pools that do not fit in the subnet, naming the pool', () => {
    expect(() => planAddresses('10.10.1.0/27', [{ name: 'cp', count: 1 }, { name: 'w', count: 1 }])).toThrow(/pool "w" does not fit in subnet 10.10.1.0\/27/);
  });
});
