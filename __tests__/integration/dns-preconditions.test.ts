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

itWithTool('tofu')('every precondition accepts an IPv4 address and refuses anything else, in real OpenTofu', () => {
  for (const condition of conditions) {
    const expression = /^\$\{([\s\S]*)\}$/.exec(condition)![1];
    const withValue = (value: string) => expression.replace(/data\.terraform_remote_state\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+/, JSON.stringify(value));
    expect(evaluate(withValue('192.0.2.10'))).toBe('true');
    for (const bad of ['lb.example.com', '2001:db8::1', '256.1.1.1', '']) expect(evaluate(withValue(bad))).toBe('false');
  }
});
