import * as fs from 'fs';
import * as path from 'path';
import { synthExamples } from '../support/synth';
import { itWithTool, PROJECT_DIR, run } from '../support/tools';

/**
 * checkov on every synthesized stack: no failed check except the justified skips in
 * checkov-skips.json. checkov has no Hetzner and no Huawei Cloud checks (3.3.30: none for
 * hcloud_* or huaweicloud_*); __tests__/provider-vm/hcloud.test.ts and huaweicloud.test.ts assert
 * their firewalls instead.
 */
const CHECKOV = path.join(PROJECT_DIR, '.tools', 'bin', 'checkov');
const skips: Array<{ id: string; reason: string }> = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'checkov-skips.json'), 'utf8')).skips;
const itCheckov = itWithTool('checkov');

interface CheckovReport {
  summary: { passed: number; failed: number; skipped: number; parsing_errors: number };
  results: { failed_checks: Array<{ check_id: string; resource: string; file_path: string }> };
}

function checkov(dir: string, skipIds: readonly string[]): CheckovReport[] {
  const args = ['-d', dir, '--framework', 'terraform_json', '--skip-download', '--quiet', '-o', 'json'];
  if (skipIds.length > 0) args.push('--skip-check', skipIds.join(','));
  let out: string;
  try {
    out = run(CHECKOV, args, dir, { BC_SKIP_MAPPING: 'TRUE', PRISMA_API_URL: '' });
  } catch (e) {
    // checkov exits 1 when checks fail; its JSON report is still on stdout.
    const match = /failed in [^\n]*:\n([\s\S]*)\n/.exec((e as Error).message);
    if (!match) throw e;
    out = match[1];
  }
  const parsed = JSON.parse(out.slice(out.indexOf(out.trimStart()[0])));
  // With nothing to check, checkov prints the bare summary instead of a report.
  return (Array.isArray(parsed) ? parsed : [parsed]).map((r: any) =>
    r.summary ? { summary: r.summary, results: r.results ?? { failed_checks: [] } } : { summary: r, results: { failed_checks: [] } },
  );
}

let outdir: string;
beforeAll(() => {
  outdir = synthExamples().outdir;
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('every skip carries a reason', () => {
  for (const skip of skips) {
    expect(skip.id).toMatch(/^CKV2?_[A-Z]+_\d+$/);
    expect(skip.reason.length).toBeGreaterThanOrEqual(20);
  }
});

itCheckov('no failed checks on the synthesized stacks beyond the justified skips', () => {
  const reports = checkov(outdir, skips.map((s) => s.id));
  const failed = reports.flatMap((r) => r.results.failed_checks.map((c) => `${c.check_id} ${c.resource} (${path.basename(path.dirname(c.file_path))})`));
  const totals = reports.reduce((t, r) => ({ passed: t.passed + r.summary.passed, skipped: t.skipped + r.summary.skipped, errors: t.errors + r.summary.parsing_errors }), { passed: 0, skipped: 0, errors: 0 });
  process.stdout.write(`checkov: ${totals.passed} passed, ${failed.length} failed, ${totals.skipped} skipped, ${totals.errors} parsing errors\n`);
  expect(totals.errors).toBe(0);
  // Every cloud but Hetzner and Huawei Cloud has checkov checks; a scan that checked nothing there would prove nothing.
  const checkedClouds = fs.readdirSync(path.join(outdir, 'stacks')).filter((s) => !s.startsWith('hetzner-') && !s.startsWith('huaweicloud-'));
  if (checkedClouds.length > 0) expect(totals.passed).toBeGreaterThan(0);
  expect([...new Set(failed)]).toEqual([]);
});

itCheckov('every skip still matches a finding (no stale skips)', () => {
  if (skips.length === 0) return;
  const found = new Set(checkov(outdir, []).flatMap((r) => r.results.failed_checks.map((c) => c.check_id)));
  expect(skips.map((s) => s.id).filter((id) => !found.has(id))).toEqual([]);
});
