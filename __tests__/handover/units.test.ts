import { buildHandover, convertValue, dnsLabel, externalName, externalNameRule, loadCrd, mappingEntries, maskFromPaths, parseRawState, uniqueNames, validateHandover, kindTarget, StateResource } from '../../lib/handover';

describe('names', () => {
  test('GIVEN a construct path WHEN made a DNS-1123 label THEN it is lowercase with single dashes', () => {
    expect(dnsLabel('hetzner-fsn1/vm/Control_Plane-0')).toBe('hetzner-fsn1-vm-control-plane-0');
    expect(dnsLabel('x/["a b"]')).toBe('x-a-b');
  });
  test('GIVEN a long path THEN the label is cut to 63 characters with a hash, distinct inputs stay distinct', () => {
    const a = dnsLabel(`stack/${'a'.repeat(80)}/1`);
    const b = dnsLabel(`stack/${'a'.repeat(80)}/2`);
    expect(a).toHaveLength(63);
    expect(a).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(a).not.toBe(b);
  });
  test('GIVEN two sources that clash after cleaning THEN both get hashed names, in any order', () => {
    const items = ['s/a_b', 's/a-b', 's/c'];
    const names = uniqueNames(items, () => 'Kind', (s) => s);
    expect(names.get('s/c')).toBe('s-c');
    expect(names.get('s/a_b')).toMatch(/^s-a-b-[0-9a-f]{8}$/);
    expect(names.get('s/a_b')).not.toBe(names.get('s/a-b'));
    expect(uniqueNames([...items].reverse(), () => 'Kind', (s) => s).get('s/a_b')).toBe(names.get('s/a_b'));
  });
});

describe('external names from the map', () => {
  test('GIVEN every type with a managed resource THEN its rule is the state id, an attribute, or an import-ID template', () => {
    const rules = [...mappingEntries().values()].filter((e) => e.kind).map((e) => [e.terraformType, externalNameRule(e).from, externalNameRule(e).detail]);
    expect(rules.length).toBeGreaterThan(60);
    for (const [type, from, detail] of rules) {
      if (/^(google|azurerm)_/.test(type) && !/association$/.test(type)) expect([type, from, detail]).toEqual([type, 'attribute', 'name']);
      else if (type === 'oci_core_network_security_group_security_rule') expect([type, from]).toEqual([type, 'template']);
      else expect([type, from, detail]).toEqual([type, 'id', 'id']);
    }
  });
  test('GIVEN an OCI security rule THEN the external name is the import ID, not the bare rule id', () => {
    const entry = mappingEntries().get('oci_core_network_security_group_security_rule')!;
    expect(externalName(entry, { id: 'ABCDEF', network_security_group_id: 'ocid1.networksecuritygroup.oc1..x' }, 'a')).toBe('networkSecurityGroups/ocid1.networksecuritygroup.oc1..x/securityRules/ABCDEF');
    expect(() => externalName(entry, { id: 'ABCDEF' }, 'oci_core_network_security_group_security_rule.r')).toThrow(/oci_core_network_security_group_security_rule\.r: the state has no network_security_group_id/);
  });
});

describe('converting to the CRD shapes', () => {
  test('GIVEN scalars, block lists and maps THEN each takes the schema type', () => {
    expect(convertValue('42', { type: 'number' }, false, {})).toBe(42);
    expect(convertValue(42, { type: 'string' }, false, {})).toBe('42');
    expect(convertValue('x', { type: 'number' }, false, {})).toBeUndefined();
    expect(convertValue([{ ip_range: '10.0.0.0/8', x: 1 }], { type: 'object', properties: { ipRange: { type: 'string' } } }, false, {})).toEqual({ ipRange: '10.0.0.0/8' });
    expect(convertValue([{ a: 1 }, { a: 2 }], { type: 'object', properties: { a: { type: 'number' } } }, false, {})).toBeUndefined();
    expect(convertValue({ k: 1 }, { type: 'object', additionalProperties: { type: 'string' } }, false, {})).toEqual({ k: '1' });
    expect(convertValue('secret', { type: 'string' }, true, {})).toBeUndefined();
  });
  test('GIVEN sensitive paths from a raw state THEN the mask has the shape of show -json sensitive_values', () => {
    expect(maskFromPaths([[{ type: 'get_attr', value: 'result' }], [{ type: 'get_attr', value: 'block' }, { type: 'index', value: 1 }, { type: 'get_attr', value: 'key' }]])).toEqual({ result: true, block: [false, { key: true }] });
    expect(maskFromPaths([[]])).toBe(true);
  });
  test('GIVEN a raw state with count and for_each THEN addresses carry the index and key', () => {
    const raw = JSON.stringify({ version: 4, resources: [{ mode: 'managed', type: 'a_b', name: 'n', provider: 'provider["registry.opentofu.org/x/a"]', instances: [{ index_key: 0, attributes: { id: '1' } }, { index_key: 'k', attributes: { id: '2' } }] }, { mode: 'data', type: 'a_d', name: 'd', provider: 'x', instances: [{ attributes: {} }] }] });
    expect(parseRawState(raw, 's').resources.map((r) => [r.address, r.index, r.provider])).toEqual([['a_b.n["k"]', 'k', 'registry.opentofu.org/x/a'], ['a_b.n[0]', 0, 'registry.opentofu.org/x/a']]);
  });
});

describe('CRD validation', () => {
  const entry = mappingEntries().get('hcloud_network')!;
  const target = kindTarget(entry, 'namespaced')!;
  const crd = loadCrd(target.crdFile, target.apiVersion);
  const manifest = (spec: Record<string, unknown>, name = 'ok') => ({ apiVersion: target.apiVersion, kind: 'Network', metadata: { name, namespace: 'ns' }, spec: { providerConfigRef: { kind: 'ProviderConfig', name: 'p' }, ...spec } });
  test('GIVEN a valid Observe manifest THEN there is no problem', () => {
    expect(crd.validate(manifest({ managementPolicies: ['Observe'], forProvider: {} }))).toEqual([]);
  });
  test('GIVEN an unknown field THEN it is refused (additionalProperties false where the CRD is silent)', () => {
    expect(crd.validate(manifest({ managementPolicies: ['Observe'], forProvider: { ipRangee: '10.0.0.0/8' } }))).toEqual([expect.stringMatching(/\/spec\/forProvider: must NOT have additional properties \(unknown field "ipRangee"\)/)]);
  });
  test('GIVEN full management without a required argument THEN the CEL rule of the CRD refuses it (also by default, which is ["*"])', () => {
    expect(crd.validate(manifest({ forProvider: {} }))).toEqual([expect.stringMatching(/ipRange is a required parameter/), expect.stringMatching(/name is a required parameter/)]);
    expect(crd.validate(manifest({ managementPolicies: ['*'], forProvider: { name: 'n' } }))).toEqual([expect.stringMatching(/ipRange is a required parameter/)]);
    expect(crd.validate(manifest({ managementPolicies: ['*'], forProvider: { name: 'n', ipRange: '10.0.0.0/8' } }))).toEqual([]);
  });
  test('GIVEN a bad name, a wrong enum or a missing namespace THEN each is a problem', () => {
    expect(crd.validate(manifest({ managementPolicies: ['Observe'], forProvider: {} }, 'Bad_Name'))).toEqual([expect.stringMatching(/\/metadata\/name: must match pattern/)]);
    expect(crd.validate(manifest({ managementPolicies: ['Watch'], forProvider: {} }))).toEqual([expect.stringMatching(/managementPolicies\/0: must be equal to one of the allowed values/)]);
    const observed = manifest({ managementPolicies: ['Observe'], forProvider: {} });
    const { namespace: _, ...meta } = observed.metadata;
    expect(crd.validate({ ...observed, metadata: meta })).toEqual([expect.stringMatching(/namespaced: a namespace is required/)]);
  });
});

describe('buildHandover on a synthetic state (no tofu)', () => {
  const r = (type: string, name: string, values: Record<string, unknown>, index?: number | string): StateResource => ({
    address: `${type}.${name}${index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `["${index}"]`}`,
    type,
    name,
    ...(index !== undefined ? { index } : {}),
    provider: 'registry.opentofu.org/x/y',
    values,
    sensitive: false,
  });
  test('GIVEN a type not in the map THEN it is listed as not adopted, with what to do', () => {
    const h = buildHandover([r('hcloud_ssh_key', 'k', { id: '1' }), r('powerdns_record', 'a', { id: 'x' })], {}, { stack: 's', scope: 'namespaced' });
    expect(h.adopted).toEqual([]);
    expect(h.skipped).toEqual([
      { address: 'hcloud_ssh_key.k', type: 'hcloud_ssh_key', reason: expect.stringMatching(/not in the Terraform → Crossplane map .*add the type there/) },
      { address: 'powerdns_record.a', type: 'powerdns_record', reason: expect.stringMatching(/PowerDNS-Operator/) },
    ]);
  });
  test('GIVEN full management needs an argument the state lacks THEN phase 2 stays observed and says why', () => {
    const h = buildHandover([r('hcloud_network', 'n', { id: '7', name: 'net' })], {}, { stack: 's', scope: 'namespaced', namespace: 'ns' });
    expect(h.adopted[0].phase2Policies).toEqual(['Observe', 'LateInitialize']);
    expect(h.adopted[0].phase2Note).toMatch(/no value for ipRange/);
    expect(validateHandover(h)).toEqual([]);
  });
});

describe('sovereign handover: bad input fails before any tofu run, exit code 2', () => {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const path = require('path') as typeof import('path');
  const { runCli } = require('../../lib/cli') as typeof import('../../lib/cli');
  const run = async (args: string[], project: string) => {
    let err = '';
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      return { code: await runCli(args, project), err };
    } finally {
      e.mockRestore();
      o.mockRestore();
    }
  };
  test.each([
    [['handover', 'x', '--scope', 'global'], /--scope "global" is not a scope \(allowed: namespaced, cluster\)/],
    [['handover', 'x', '--namespace', 'Bad_NS'], /--namespace "Bad_NS" is not a Kubernetes namespace name/],
    [['handover', 'x', '--scope', 'cluster', '--namespace', 'a'], /--namespace applies to namespaced kinds only/],
    [['handover'], /handover needs a stack name/],
    [['handover', 'x', '--bogus'], /unknown option --bogus/],
    [['handover', 'nowhere'], /stack "nowhere" has no cdktf\.out\/stacks\/nowhere\/cdk\.tf\.json: run `sovereign synth`/],
    [['handover', '--archive', 'missing.tar.gz'], /missing\.tar\.gz: no such file/],
  ])('GIVEN %j THEN it fails with a clear message', async (args, message) => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-handover-args-'));
    try {
      const result = await run(args as string[], project);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message as RegExp);
      expect(fs.existsSync(path.join(project, 'handover'))).toBe(false);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
  test('GIVEN a synthesized stack without state THEN it says so', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-handover-nostate-'));
    try {
      const dir = path.join(project, 'cdktf.out', 'stacks', 's');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ terraform: { backend: { local: { path: '../../../state/s/terraform.tfstate' } } } }));
      const result = await run(['handover', 's'], project);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/stack "s" has no state at state\/s\/terraform\.tfstate: nothing to hand over \(was it applied\?\)/);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the handed-over mark', () => {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const path = require('path') as typeof import('path');
  const { assertNotArchived } = require('../../lib/archive') as typeof import('../../lib/archive');
  const { writeHandoverMarker, readHandoverMarker } = require('../../lib/handover') as typeof import('../../lib/handover');
  test('GIVEN a handed-over stack THEN plan-like callers are refused, archive-state (allowHandedOver) and --force are not', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-handover-mark-'));
    try {
      expect(() => assertNotArchived(project, 'hetzner-fsn1')).not.toThrow();
      writeHandoverMarker(project, { stack: 'hetzner-fsn1', handedOverAt: '2026-01-01T00:00:00.000Z', output: 'handover/hetzner-fsn1', source: 'live', adopted: 16, skipped: 1 });
      expect(readHandoverMarker(project, 'hetzner-fsn1')).toMatchObject({ adopted: 16 });
      expect(() => assertNotArchived(project, 'hetzner-fsn1')).toThrow(/stack "hetzner-fsn1" was handed over to Crossplane \(state\/hetzner-fsn1\/HANDED-OVER\.json\)/);
      expect(() => assertNotArchived(project, 'hetzner-fsn1', { allowHandedOver: true })).not.toThrow();
      expect(() => assertNotArchived(project, 'hetzner-fsn1', { force: true })).not.toThrow();
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
