import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pointerSegment } from '../../lib/config/errors';
import { parseEnvironment } from '../../lib/config/load-environments';
import { parseSovereign } from '../../lib/config/load-sovereign';
import environmentSchema from '../../lib/config/schemas/environment.schema.json';
import sovereignSchema from '../../lib/config/schemas/sovereign.schema.json';
import { problemsOf } from '../support/config';
import { readStack } from '../support/synth';
import { itWithTool, run, TOFU } from '../support/tools';
import { synthesize } from '../../lib/cli/synth';

/**
 * Every string-typed position of both input schemas (values, array items, map values and map
 * keys), found by walking the schemas: a field added later is in this list without anyone adding
 * it. Each position gets each hostile value and must be refused at exactly its pointer.
 */
type Segment = string | { readonly item: true } | { readonly mapValue: true } | { readonly key: true };
type SchemaNode = Record<string, any>;

function stringPositions(root: SchemaNode): Segment[][] {
  const found = new Map<string, Segment[]>();
  const visit = (node: SchemaNode | undefined, at: Segment[], depth: number) => {
    if (!node || typeof node !== 'object' || depth > 20) return;
    if (typeof node.$ref === 'string') return visit(resolve(root, node.$ref), at, depth + 1);
    const isString = node.type === 'string' || (Array.isArray(node.enum) && node.enum.some((v: unknown) => typeof v === 'string')) || typeof node.const === 'string';
    if (isString) found.set(JSON.stringify(at), at);
    for (const key of ['allOf', 'anyOf', 'oneOf']) for (const branch of node[key] ?? []) visit(branch, at, depth + 1);
    for (const key of ['if', 'then', 'else']) visit(node[key], at, depth + 1);
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child as SchemaNode, [...at, name], depth + 1);
    if (node.items) visit(node.items, [...at, { item: true }], depth + 1);
    const mapValues = node.additionalProperties && typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    if (mapValues || node.patternProperties || node.propertyNames) {
      found.set(JSON.stringify([...at, { key: true }]), [...at, { key: true }]);
      if (mapValues) visit(mapValues, [...at, { mapValue: true }], depth + 1);
    }
  };
  visit(root, [], 0);
  return [...found.values()].filter((p) => p.length > 0);
}

function resolve(root: SchemaNode, ref: string): SchemaNode {
  return ref.replace(/^#\//, '').split('/').reduce((node, part) => node[part], root);
}

/** A document holding `value` at the position (nothing else), and the pointer of it. */
function documentWith(position: Segment[], value: string): { document: unknown; pointer: string } {
  let document: unknown = value;
  let pointer = '';
  for (let i = position.length - 1; i >= 0; i--) {
    const segment = position[i];
    if (typeof segment === 'string') document = { [segment]: document };
    else if ('item' in segment) document = [document];
    else if ('mapValue' in segment) document = { entry: document };
    else document = { [value]: 'v' };
  }
  for (const segment of position) {
    if (typeof segment === 'string') pointer += `/${pointerSegment(segment)}`;
    else if ('item' in segment) pointer += '/0';
    else if ('mapValue' in segment) pointer += '/entry';
    else pointer += `/${pointerSegment(value)}`;
  }
  return { document, pointer };
}

const HOSTILE: Array<[string, string, RegExp]> = [
  ['an interpolation', 'ops ${nonsensitive(var.hcloud_token)}', /contains "\$\{", which OpenTofu would evaluate as a template expression/],
  ['a directive', '%{ for k in keys(var) }x%{ endfor }', /contains "%\{", which OpenTofu would evaluate as a template expression/],
  ['a YAML line break', 'a\u0085b: c', /contains the control character U\+0085/],
  ['a U+2028 line separator', 'a\u2028b', /contains the line break U\+2028/],
  ['an embedded token', 'x/ghp_abcdefghijklmnopqrstuvwxyz0123456789/y', /looks like a credential \(a GitHub token\)/],
];

const parsers: Array<[string, SchemaNode, (text: string) => unknown]> = [
  ['environment.json', environmentSchema, (text) => parseEnvironment('environments/hetzner-fsn1/environment.json', 'hetzner-fsn1', text)],
  ['sovereign.json', sovereignSchema, (text) => parseSovereign('sovereign.json', text, ['hetzner-fsn1'])],
];

describe.each(parsers)('%s: every string-typed position', (_file, schema, parse) => {
  const positions = stringPositions(schema);

  test('the walk finds the positions known to carry free text', () => {
    const names = positions.map((p) => p.map((s) => (typeof s === 'string' ? s : Object.keys(s)[0])).join('.'));
    const expected = schema === environmentSchema ? ['image', 'sshPublicKeys.item', 'cluster.flux.url', 'labels.key', 'labels.mapValue', 'state.backend.endpoint', 'state.backend.key', 'state.backend.path'] : ['dns.applications.item.healthCheck.expect', 'dns.applications.item.healthCheck.path', 'dns.endpoints.key', 'state.backend.bucket'];
    expect(names).toEqual(expect.arrayContaining(expected));
    expect(positions.length).toBeGreaterThan(schema === environmentSchema ? 25 : 15);
  });

  test.each(HOSTILE)('GIVEN %s in each position WHEN parsed THEN refused at exactly that pointer', (_name, value, message) => {
    const missed: string[] = [];
    for (const position of positions) {
      const { document, pointer } = documentWith(position, value);
      const errors = problemsOf(() => parse(JSON.stringify(document)));
      // A key holding "token" is refused as a credential name first: refused all the same.
      const isKey = position.some((s) => typeof s !== 'string' && 'key' in s);
      if (!errors.some((e) => e.pointer === pointer && (message.test(e.message) || (isKey && /"[^"]*" looks like a credential/.test(e.message))))) missed.push(`${pointer}: ${errors.map((e) => e.message).join(' | ') || 'accepted'}`);
    }
    expect(missed).toEqual([]);
  });
});

/**
 * The proof with the real OpenTofu and hcloud provider: a literal `${…}` in a string of
 * cdk.tf.json is evaluated by `tofu plan` (so a hostile SSH key comment would have put the token
 * into the plan), while everything the input rules still admit ($HOME, 100%, "$ {", "$$", "%%")
 * reaches the plan unchanged.
 */
describe('real OpenTofu: what reaches cdk.tf.json stays literal', () => {
  const TOKEN = 'tokenTOKENtoken0123456789'.padEnd(64, 'x');
  const KEY_BODY = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
  const ADMITTED = `ssh-ed25519 ${KEY_BODY} ops $HOME 100% $ {x} $$ %% a$ b% {y}`;
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-literal-'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  itWithTool('tofu')('GIVEN an SSH key comment WHEN planned THEN admitted text is literal and an interpolation would have leaked the token', () => {
    const project = path.join(work, 'project');
    const source = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'environments', 'hetzner-fsn1', 'environment.json'), 'utf8'));
    fs.mkdirSync(path.join(project, 'environments', 'hetzner-fsn1'), { recursive: true });
    fs.writeFileSync(path.join(project, 'environments', 'hetzner-fsn1', 'environment.json'), JSON.stringify({ ...source, sshPublicKeys: [ADMITTED] }));
    // The hostile comment is refused at input…
    const hostile = `ssh-ed25519 ${KEY_BODY} ops \${nonsensitive(var.hcloud_token)}`;
    expect(problemsOf(() => parseEnvironment('e.json', 'hetzner-fsn1', JSON.stringify({ ...source, sshPublicKeys: [hostile] }))).map((e) => e.pointer)).toEqual(['/sshPublicKeys/0']);

    synthesize(project, 'cdktf.out');
    const stack = readStack(path.join(project, 'cdktf.out'), 'hetzner-fsn1');
    const keys = stack.resource.hcloud_ssh_key as Record<string, { public_key: string }>;
    const [first] = Object.keys(keys);
    expect(keys[first].public_key).toBe(ADMITTED);
    // …and this is what it would have done had it reached cdk.tf.json: a second key, written as
    // the old code wrote it (verbatim).
    keys[`${first}_hostile`] = { ...keys[first], public_key: hostile, name: 'hostile' } as never;
    delete stack.terraform.backend;
    const dir = path.join(work, 'stack');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(stack));
    fs.writeFileSync(path.join(dir, 'test.tfvars'), `state_passphrase = "correct-horse-battery-staple"\nhcloud_token = "${TOKEN}"\ngitea_token = "test-token"\n`);
    run(TOFU, ['init', '-input=false', '-no-color', '-var-file=test.tfvars'], dir);
    run(TOFU, ['plan', '-input=false', '-no-color', '-var-file=test.tfvars', '-out=plan.bin'], dir);
    const plan = JSON.parse(run(TOFU, ['show', '-json', 'plan.bin'], dir, { TF_VAR_state_passphrase: 'correct-horse-battery-staple' }));
    const planned = Object.fromEntries(
      plan.resource_changes.filter((r: any) => r.type === 'hcloud_ssh_key').map((r: any) => [r.name, r.change.after.public_key]),
    );
    expect(planned[first]).toBe(ADMITTED);
    expect(planned[`${first}_hostile`]).toBe(`ssh-ed25519 ${KEY_BODY} ops ${TOKEN}`);
  }, 300_000);
});
