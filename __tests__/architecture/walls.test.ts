/**
 * The design's walls (.dependency-cruiser.cjs): the real tree keeps them, and every rule fails on a
 * small project that breaks it (so a rule that no longer matches anything is noticed).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_DIR } from '../support/tools';

const DEPCRUISE = path.join(PROJECT_DIR, 'node_modules', '.bin', 'depcruise');
const CONFIG = path.join(PROJECT_DIR, '.dependency-cruiser.cjs');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

/** Runs dependency-cruiser with the project's rules on `roots` inside `cwd`; returns its violations. */
function cruise(cwd: string, roots: readonly string[]): Violation[] {
  const result = spawnSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'json', ...roots], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  const output = JSON.parse(result.stdout) as { summary: { violations: Violation[] } };
  return output.summary.violations;
}

test('GIVEN the source tree WHEN dependency-cruiser checks the walls THEN nothing breaks them', () => {
  const violations = cruise(PROJECT_DIR, ['main.ts', 'bin', 'lib', 'constructs', 'bench', 'scripts']);
  expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
});

describe('GIVEN a project that breaks one wall per file', () => {
  let dir: string;
  let violations: Violation[];
  const files: Record<string, string> = {
    'main.ts': "import './lib/cli/index';\n",
    'lib/cli/index.ts': "import '../../main';\nexport const cli = 1;\n",
    'lib/common/cidr.ts': "import '../config/model';\n",
    'lib/config/model.ts': "export type Model = 1;\n",
    'lib/config/load-environments.ts': "import '../../constructs/provider-vm/vm-platform';\n",
    'lib/export/index.ts': "export const exported = 1;\n",
    'constructs/stacks/region-stack.ts': "import '../../lib/export/index';\nimport '../../lib/config/load-environments';\nimport * as fs from 'fs';\nexport const read = fs.readFileSync;\n",
    'constructs/provider-vm/vm-platform.ts': "export type VmPlatform = 1;\n",
    'constructs/provider-vm/aws.ts': "import '@cdktf/provider-aws/lib/vpc';\n",
    'constructs/provider-vm/gcp.ts': "import '@cdktf/provider-aws/lib/instance';\nimport '../../providers/hcloud/server';\n",
    'constructs/provider-vm/hcloud.ts': "import '../../providers/hcloud/server';\n",
    'constructs/provider-vm/oci.ts': "import '@cdktf/provider-aws';\n",
    'constructs/k3s-cluster/k3s-cluster.ts': "import '../dns-failover/dns-failover';\nimport '../provider-vm/aws';\n",
    'constructs/dns-failover/dns-failover.ts': "export const dns = 1;\n",
    'constructs/dns-failover/lua.ts': "import 'cdktf';\n",
    'providers/hcloud/server/index.ts': "export const server = 1;\n",
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-walls-'));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.copyFileSync(path.join(PROJECT_DIR, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    violations = cruise(dir, ['main.ts', 'lib', 'constructs']);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const broken = (rule: string) => violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`).sort();

  test.each([
    // A cycle is reported once, at the import that closes it.
    ['no-circular', ['lib/cli/index.ts → main.ts']],
    ['only-cli-above-main', ['main.ts → lib/cli/index.ts']],
    ['nothing-below-cli-imports-cli', ['main.ts → lib/cli/index.ts']],
    ['common-imports-nothing-of-ours', ['lib/common/cidr.ts → lib/config/model.ts']],
    ['config-imports-only-config-and-common', ['lib/config/load-environments.ts → constructs/provider-vm/vm-platform.ts']],
    ['constructs-not-above', ['constructs/stacks/region-stack.ts → lib/config/load-environments.ts', 'constructs/stacks/region-stack.ts → lib/export/index.ts']],
    ['constructs-no-io', ['constructs/stacks/region-stack.ts → fs']],
    ['only-aws-imports-its-bindings', ['constructs/provider-vm/gcp.ts → node_modules/@cdktf/provider-aws/lib/instance/index.js', 'constructs/provider-vm/oci.ts → node_modules/@cdktf/provider-aws/lib/index.js']],
    ['only-hcloud-imports-its-bindings', ['constructs/provider-vm/gcp.ts → providers/hcloud/server/index.ts']],
    ['no-binding-package-root', ['constructs/provider-vm/oci.ts → node_modules/@cdktf/provider-aws/lib/index.js']],
    ['k3s-and-dns-apart', ['constructs/k3s-cluster/k3s-cluster.ts → constructs/dns-failover/dns-failover.ts']],
    ['k3s-and-dns-see-clouds-through-interfaces', ['constructs/k3s-cluster/k3s-cluster.ts → constructs/provider-vm/aws.ts']],
    ['lua-builder-pure', ['constructs/dns-failover/lua.ts → node_modules/cdktf/lib/index.js']],
  ])('WHEN cruised THEN rule %s reports exactly the breaking imports', (rule, expected) => {
    expect(broken(rule)).toEqual([...expected].sort());
  });

  test('THEN the allowed imports (aws.ts → its bindings, hcloud.ts → providers/hcloud) are not reported', () => {
    const reported = violations.map((v) => v.from);
    expect(reported).not.toContain('constructs/provider-vm/aws.ts');
    expect(reported).not.toContain('constructs/provider-vm/hcloud.ts');
  });
});
