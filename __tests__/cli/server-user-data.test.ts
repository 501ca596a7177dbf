import * as fs from 'fs';
import { hclString } from '../../lib/cli/init';
import { nodeTargets } from '../../lib/cli/replace-node';
import { SERVER_RESOURCE_TYPES, serverRemovals, tfvarsString } from '../../lib/tofu';
import { readStack, synthExamples } from '../support/synth';

/** The attribute each cloud's server reads its first-boot configuration from. */
const USER_DATA_ATTRIBUTE: Readonly<Record<string, string>> = {
  hcloud_server: 'user_data',
  aws_instance: 'user_data_base64',
  google_compute_instance: 'metadata["user-data"]',
  azurerm_linux_virtual_machine: 'custom_data',
  oci_core_instance: 'metadata["user_data"]',
  huaweicloud_compute_instance: 'user_data',
};

const carriesUserData = (config: Record<string, any>) =>
  ['user_data', 'user_data_base64', 'custom_data'].some((key) => config[key] !== undefined) || config.metadata?.['user-data'] !== undefined || config.metadata?.user_data !== undefined;

describe('GIVEN every shipped example', () => {
  const { outdir, stacks } = synthExamples();
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const resources = stacks.flatMap((stack) =>
    Object.entries<Record<string, Record<string, any>>>(readStack(outdir, stack).resource ?? {}).flatMap(([type, byId]) => Object.entries(byId).map(([id, config]) => ({ stack, type, id, config }))),
  );

  test('THEN every resource carrying user data is a server type that plan and replace-node know', () => {
    const withUserData = resources.filter((r) => carriesUserData(r.config));
    expect(new Set(withUserData.map((r) => r.type))).toEqual(new Set(Object.keys(USER_DATA_ATTRIBUTE)));
    for (const r of withUserData) expect(SERVER_RESOURCE_TYPES).toContain(r.type);
  });

  test('THEN every server ignores changes to its user data after creation', () => {
    const servers = resources.filter((r) => SERVER_RESOURCE_TYPES.includes(r.type));
    expect(servers.length).toBeGreaterThanOrEqual(15);
    for (const server of servers) expect([server.stack, server.id, server.config.lifecycle?.ignore_changes ?? []]).toEqual([server.stack, server.id, expect.arrayContaining([USER_DATA_ATTRIBUTE[server.type]])]);
  });

  test('THEN replace-node finds every server of a stack by <pool>/<index>, with its name and role', () => {
    for (const stack of stacks.filter((s) => s !== 'dns')) {
      const targets = nodeTargets(fs.readFileSync(`${outdir}/stacks/${stack}/cdk.tf.json`, 'utf8'));
      expect(targets.length).toBeGreaterThanOrEqual(3);
      expect(targets.find((t) => t.id === 'control-plane/0')).toMatchObject({ name: `${stack}-control-plane-0`, role: 'server' });
      expect(targets.filter((t) => t.role === 'agent').every((t) => t.id.startsWith('workers/'))).toBe(true);
      expect(new Set(targets.map((t) => t.address)).size).toBe(targets.length);
    }
  });
});

test('GIVEN a plan (tofu show -json) THEN serverRemovals names replaced and destroyed servers only', () => {
  const plan = {
    resource_changes: [
      { address: 'hcloud_server.a', type: 'hcloud_server', mode: 'managed', action_reason: 'replace_because_cannot_update', change: { actions: ['delete', 'create'], replace_paths: [['user_data']] } },
      { address: 'aws_instance.b', type: 'aws_instance', mode: 'managed', change: { actions: ['delete'] } },
      { address: 'hcloud_server.c', type: 'hcloud_server', mode: 'managed', change: { actions: ['update'] } },
      { address: 'hcloud_firewall.d', type: 'hcloud_firewall', mode: 'managed', change: { actions: ['delete', 'create'] } },
      { address: 'google_compute_instance.e', type: 'google_compute_instance', mode: 'managed', action_reason: 'replace_by_request', change: { actions: ['create', 'delete'] } },
    ],
  };
  expect(serverRemovals(JSON.stringify(plan))).toEqual([
    { address: 'hcloud_server.a', action: 'replace', reason: 'replace_because_cannot_update', forcedBy: ['user_data'] },
    { address: 'aws_instance.b', action: 'destroy', reason: '', forcedBy: [] },
    { address: 'google_compute_instance.e', action: 'replace', reason: 'replace_by_request', forcedBy: [] },
  ]);
});

test('GIVEN a tfvars file THEN tfvarsString reads a plain string value the way HCL does, and nothing else', () => {
  const text = 'gitea_token = "x"\nstate_passphrase = "a\\"b\\\\c\\u00e9 $${x} %%{y}" # comment\n';
  expect(tfvarsString(text, 'state_passphrase')).toBe('a"b\\cé ${x} %{y}');
  expect(tfvarsString(text, 'gitea_token')).toBe('x');
  expect(tfvarsString(text, 'hcloud_token')).toBeUndefined();
  expect(tfvarsString('state_passphrase = "${var.other}"\n', 'state_passphrase')).toBeUndefined();
  expect(tfvarsString('state_passphrase = <<EOT\nx\nEOT\n', 'state_passphrase')).toBeUndefined();
  expect(tfvarsString('{"state_passphrase": "j"}', 'state_passphrase', true)).toBe('j');
  // what init writes, read back
  for (const value of ['plain-passphrase-of-20', 'q"u\\o\tte${a}%{b}é\u0001']) expect(tfvarsString(`state_passphrase = ${hclString(value)}\n`, 'state_passphrase')).toBe(value);
});
