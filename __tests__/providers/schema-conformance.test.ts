import * as path from 'path';
import { checkSchemaConformance, checkValue, describeWithSchema, loadProviderSchema, ProviderSchema, sharedSchemaFile } from '../support/schema-conformance';
import { readStack, synthExamples } from '../support/synth';
import { PROJECT_DIR } from '../support/tools';
import { PROVIDER_PINS } from '../../lib/versions';

const schema: ProviderSchema = {
  provider: { block: { attributes: { token: { type: 'string', optional: true, sensitive: true } } } },
  resource_schemas: {
    acme_server: {
      block: {
        attributes: {
          id: { type: 'string', computed: true, optional: true },
          name: { type: 'string', required: true },
          size: { type: 'number', optional: true },
          public: { type: 'bool', optional: true },
          tags: { type: ['map', 'string'], optional: true },
          ports: { type: ['list', 'number'], optional: true },
          address: { type: 'string', computed: true },
          old: { type: 'string', optional: true, deprecated: true },
          spec: { type: ['object', { a: 'string', b: 'number' }, ['b']], optional: true },
          rules: { nested_type: { nesting_mode: 'list', attributes: { port: { type: 'number', required: true } } }, optional: true },
        },
        block_types: {
          nic: { nesting_mode: 'list', min_items: 1, max_items: 2, block: { attributes: { ip: { type: 'string', optional: true } } } },
          timeouts: { nesting_mode: 'single', block: { attributes: { create: { type: 'string', optional: true } } } },
        },
      },
    },
  },
  data_source_schemas: { acme_image: { block: { attributes: { name: { type: 'string', required: true }, id: { type: 'string', computed: true } } } } },
};
const server = (body: object) => ({ resource: { acme_server: { s: { name: 'a', nic: [{}], ...body } } } });
const problems = (tf: unknown) => checkSchemaConformance(tf, schema, 'acme').problems;

describe('checkSchemaConformance', () => {
  test('GIVEN a block that follows the schema THEN no problem, and the block is counted as checked', () => {
    const tf = {
      resource: { acme_server: { s: { name: '${data.acme_image.i.id}', size: '4', public: true, tags: { a: 'b' }, ports: [80, '${var.p}'], spec: { a: 'x' }, rules: [{ port: 1 }], nic: [{ ip: '10.0.0.1' }], timeouts: { create: '5m' }, count: 2, lifecycle: { ignore_changes: ['tags', 'nic'] }, '//': {} } }, other_thing: { x: { whatever: 1 } } },
      data: { acme_image: { i: { name: 'debian' } } },
      provider: { acme: [{ token: '${var.token}' }] },
    };
    expect(checkSchemaConformance(tf, schema, 'acme')).toEqual({ problems: [], checked: ['resource.acme_server.s', 'data.acme_image.i', 'provider.acme[0]'] });
  });

  test('GIVEN an unknown attribute or a type the provider lacks THEN both are named with what exists', () => {
    expect(problems(server({ colour: 'red' }))).toEqual([expect.stringMatching(/^resource.acme_server.s.colour: unknown attribute or block "colour" \(attributes: address, id, name, .*; blocks: nic, timeouts\)$/)]);
    expect(problems({ resource: { acme_volume: { v: {} } } })).toEqual(['resource.acme_volume.v: the provider has no resource type "acme_volume"']);
  });

  test('GIVEN a missing required attribute or block THEN each is named', () => {
    expect(problems({ resource: { acme_server: { s: {} } } })).toEqual([
      'resource.acme_server.s.name: the required attribute is missing',
      'resource.acme_server.s.nic: at least 1 "nic" block(s) required, found none',
    ]);
  });

  test('GIVEN a dynamic block THEN it stands for the required block and its content is checked', () => {
    expect(problems({ resource: { acme_server: { s: { name: 'a', dynamic: { nic: { for_each: '${var.n}', content: { ip: 'x' } } } } } } })).toEqual([]);
    expect(problems({ resource: { acme_server: { s: { name: 'a', dynamic: { nic: { for_each: '${var.n}', content: { mac: 'x' } } } } } } })).toEqual([
      expect.stringMatching(/^resource.acme_server.s.dynamic.nic.content.mac: unknown attribute or block "mac"/),
    ]);
  });

  test('GIVEN too many blocks, a block as an expression, or several single blocks THEN the nesting is refused', () => {
    expect(problems(server({ nic: [{}, {}, {}] }))).toEqual(['resource.acme_server.s.nic: at most 2 block(s), got 3']);
    expect(problems(server({ nic: '${var.nics}' }))).toEqual(['resource.acme_server.s.nic: a block cannot be an expression (${var.nics}); use a dynamic block']);
    expect(problems(server({ timeouts: [{}, {}] }))).toEqual(['resource.acme_server.s.timeouts: a single block, got 2']);
  });

  test('GIVEN values of the wrong type THEN each is refused with the type and the value', () => {
    expect(problems(server({ size: 'big', public: 'yes', tags: ['a'], ports: 80, spec: { a: 'x', c: 1 }, rules: [{}] }))).toEqual([
      'resource.acme_server.s.size: must be a number, got string "big"',
      'resource.acme_server.s.public: must be a bool, got string "yes"',
      'resource.acme_server.s.tags: must be a map, got list ["a"]',
      'resource.acme_server.s.ports: must be a list, got number 80',
      'resource.acme_server.s.spec.c: unknown object attribute (allowed: a, b)',
      'resource.acme_server.s.rules[0].port: the required attribute is missing',
    ]);
  });

  test('GIVEN a read-only or deprecated attribute, or ignore_changes naming nothing THEN each is refused', () => {
    expect(problems(server({ address: '1.2.3.4', old: 'x', lifecycle: { ignore_changes: ['user_data'] } }))).toEqual([
      'resource.acme_server.s.address: is read-only (computed by the provider), it cannot be set',
      'resource.acme_server.s.old: is deprecated (tofu validate warns)',
      'resource.acme_server.s.lifecycle.ignore_changes: "user_data" names no attribute or block of this type',
    ]);
  });

  test('GIVEN a data source or provider block that breaks the schema THEN it is checked too', () => {
    expect(problems({ data: { acme_image: { i: { id: 'x' } } }, provider: { acme: [{ region: 'x' }] } })).toEqual([
      'data.acme_image.i.id: is read-only (computed by the provider), it cannot be set',
      'data.acme_image.i.name: the required attribute is missing',
      expect.stringMatching(/^provider.acme\[0\].region: unknown attribute or block "region"/),
    ]);
  });
});

describe('checkValue', () => {
  test.each([
    ['string', 5, true],
    ['string', [1], false],
    ['number', '1.5', true],
    ['number', '', false],
    ['bool', 'false', true],
    ['bool', 0, false],
    [['set', 'string'], ['a', '${x}'], true],
    [['tuple', ['string', 'number']], ['a', 1], true],
    [['tuple', ['string', 'number']], ['a'], false],
    ['dynamic', { any: 'thing' }, true],
  ])('GIVEN type %j and value %j THEN accepted is %s', (type, value, accepted) => {
    const found: string[] = [];
    checkValue(value, type as never, 'x', found);
    expect(found.length === 0).toBe(accepted);
  });
});

describe('the shipped examples against real provider schemas', () => {
  let outdir: string;
  let stacks: readonly string[];
  beforeAll(() => ({ outdir, stacks } = synthExamples()));

  test('GIVEN the Hetzner stacks THEN every hcloud_* block conforms to the dumped hcloud schema', () => {
    const hcloud = loadProviderSchema(path.join(PROJECT_DIR, 'providers', 'schemas', 'hcloud.json'), PROVIDER_PINS.hcloud.source);
    const hetzner = stacks.filter((s) => s.startsWith('hetzner-'));
    expect(hetzner.length).toBeGreaterThan(0);
    for (const stack of hetzner) {
      const report = checkSchemaConformance(readStack(outdir, stack), hcloud, 'hcloud');
      expect(report.checked.length).toBeGreaterThan(5);
      expect(report.problems).toEqual([]);
    }
  });

  const powerdnsFile = sharedSchemaFile('powerdns', PROVIDER_PINS.powerdns.version);
  describeWithSchema(powerdnsFile)('with the real powerdns binary dump in ../shared', () => {
    test('GIVEN every stack THEN every powerdns_* block conforms to it', () => {
      const powerdns = loadProviderSchema(powerdnsFile, PROVIDER_PINS.powerdns.source);
      const checked = stacks.flatMap((stack) => {
        const report = checkSchemaConformance(readStack(outdir, stack), powerdns, 'powerdns');
        expect(report.problems).toEqual([]);
        return report.checked;
      });
      expect(checked.some((address) => address.startsWith('resource.powerdns_record.'))).toBe(true);
    });
  });
});
