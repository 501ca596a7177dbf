import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readStack, synthExamples } from '../support/synth';
import { itWithTool, run, TOFU } from '../support/tools';

/**
 * The dns stack cannot be `tofu validate`d here (the PowerDNS provider is not buildable), so its own
 * expressions are checked with the real OpenTofu expression evaluator instead: every plan-time
 * precondition, with the remote-state address replaced by a sample value, must parse and say yes to
 * an IPv4 address and no to anything else.
 */
const { outdir } = synthExamples();
const console = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-console-'));
afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(console, { recursive: true, force: true });
});

function evaluate(expression: string): string {
  const file = path.join(console, 'expr.txt');
  fs.writeFileSync(file, `${expression}\n`);
  return run('sh', ['-c', `${TOFU} console -no-color < ${file}`], console).trim();
}

const conditions: string[] = Object.values((readStack(outdir, 'dns').resource?.powerdns_record ?? {}) as Record<string, any>).flatMap((r) => (r.lifecycle?.precondition ?? []).map((p: { condition: string }) => p.condition));

test('the example dns stack has preconditions to check', () => {
  expect(conditions.length).toBeGreaterThan(0);
});

const REFERENCE = /data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+/g;

itWithTool('tofu')('every precondition accepts an address of its family and refuses anything else, in real OpenTofu', () => {
  const families = new Set<string>();
  for (const condition of conditions) {
    const expression = /^\$\{([\s\S]*)\}$/.exec(condition)![1];
    const withValue = (value: string) => expression.replace(REFERENCE, JSON.stringify(value).replace(/\$/g, '$$$$'));
    const ipv6 = /ipv6\b/.test(expression);
    families.add(ipv6 ? 'ipv6' : 'ipv4');
    const good = ipv6 ? ['2001:db8::1', '2a01:4f8:c17:1234::1', '::ffff:192.0.2.1'] : ['192.0.2.10'];
    // IPv6: no zone index, at most 39 characters (the placeholder length the record was laid out with).
    const bad = ipv6 ? ['192.0.2.10', 'lb.example.com', '', 'fe80::1%eth0', '0000:0000:0000:0000:0000:ffff:255.255.255.255'] : ['lb.example.com', '2001:db8::1', '256.1.1.1', ''];
    for (const value of good) expect({ value, result: evaluate(withValue(value)) }).toEqual({ value, result: 'true' });
    for (const value of bad) expect({ value, result: evaluate(withValue(value)) }).toEqual({ value, result: 'false' });
  }
  expect([...families].sort()).toEqual(['ipv4', 'ipv6']);
});

itWithTool('tofu')('a padded record (over 255 bytes, remote-state addresses, PowerDNS before 5.0) evaluates to the laid-out text with each address padded to 15 characters', () => {
  const records = Object.values((readStack(outdir, 'dns').resource?.powerdns_record ?? {}) as Record<string, any>).flatMap((r) => r.records as string[]);
  const padded = records.find((content) => content.startsWith('A ') && content.includes('${substr('));
  expect(padded).toBeDefined();
  const values = ['192.0.2.1', '198.51.100.200'];
  const references = [...new Set(padded!.match(REFERENCE) ?? [])];
  expect(references.length).toBe(2);
  const withValues = references.reduce((text, reference, i) => text.split(reference).join(JSON.stringify(values[i])), padded!);
  // An HCL string literal: text outside ${…} escaped, the interpolations (no braces inside) as they are.
  const literal = `"${withValues.split(/(\$\{[^{}]*\})/).map((part, i) => (i % 2 === 1 ? part : JSON.stringify(part).slice(1, -1))).join('')}"`;
  const result = JSON.parse(evaluate(literal));
  // Expected: each quoted address followed by spaces up to 15 characters, nothing else changed.
  const expected = references.reduce(
    (text, reference, i) => text.split(new RegExp(`'\\$\\{${reference.replace(/[.]/g, '\\.')}\\}'\\$\\{substr\\(" {15}", 0, \\(15 - length\\(${reference.replace(/[.]/g, '\\.')}\\)\\)\\)\\}`)).join(`'${values[i]}'${' '.repeat(15 - values[i].length)}`),
    padded!,
  );
  expect(result).toBe(expected);
  expect(result).not.toContain('${');
});
