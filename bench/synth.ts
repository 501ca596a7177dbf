/**
 * Synth benchmark: `npm run bench [-- --runs N] [--no-fail] [--json]` (with --json, use `npm run --silent`).
 *
 * Measures, in one run and on the same machine, the wall time and peak RSS of
 *   baseline  a one-resource cdktf app (AwsProvider + S3Bucket, deep imports) synthesized the default
 *             way: cdktf.json "app": "npx ts-node main.ts", timed command `npx cdktf synth`;
 *   ours      `node <repo>/bin/sovereign.js synth --output <tmp>` in the repo (shipped environments) —
 *             what `npm run synth` and cdktf.json's app run;
 *   scale     the same command in a scratch project holding 100 copies of
 *             environments/hetzner-fsn1/environment.json (hetzner-fsn1-e000 … hetzner-fsn1-e099).
 * Each case gets one untimed warm-up run (fills the transpile cache), then N timed runs (default 3).
 * Reported: median wall time and the largest peak RSS over the runs, both from GNU time
 * (`/usr/bin/time -f '%e %M'`). %M is the peak RSS of the largest single process of the command's
 * tree, not the sum over the tree (cdktf synth runs npx → cdktf → sh → npx → ts-node).
 *
 * Targets: ours ≤ 0.2 × baseline wall time; ours peak RSS < 200 MB; scale < 2 s.
 * Exit code 1 if a target fails (0 with --no-fail), 2 if a command fails or the setup is broken.
 * Everything is written under one temp directory that is removed at the end; the repo's cdktf.out is
 * never written (checked before and after).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..');
const GNU_TIME = '/usr/bin/time';
const SCALE_ENVIRONMENTS = 100;
const SCALE_TEMPLATE = 'hetzner-fsn1';

const TARGET_WALL_RATIO = 0.2;
const TARGET_RSS_BYTES = 200 * 1000 * 1000; // 200 MB, decimal (= 195,312 KiB, stricter than 200 MiB)
const TARGET_SCALE_SECONDS = 2;

/** Keeps the cdktf CLI off the network: no checkpoint/telemetry call, no version check, no plugin cache env. */
const QUIET_ENV: Readonly<Record<string, string>> = {
  CHECKPOINT_DISABLE: '1',
  DISABLE_VERSION_CHECK: 'true',
  CDKTF_DISABLE_PLUGIN_CACHE_ENV: 'true',
};

interface Options {
  runs: number;
  fail: boolean;
  json: boolean;
  keep: boolean;
}

interface Sample {
  wallSeconds: number;
  maxRssKiB: number;
}

interface CaseSpec {
  name: 'baseline' | 'ours' | 'scale';
  description: string;
  cwd: string;
  argv: string[];
  /** Removes what the previous run wrote (not timed). */
  reset: () => void;
  /** Throws if the run did not produce what it should. */
  verify: () => string;
}

interface CaseResult {
  name: string;
  description: string;
  command: string;
  cwd: string;
  runs: number;
  samples: Sample[];
  medianWallSeconds: number;
  minWallSeconds: number;
  maxWallSeconds: number;
  peakRssKiB: number;
  peakRssMB: number;
  produced: string;
}

interface TargetResult {
  name: string;
  measured: string;
  limit: string;
  pass: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 3, fail: true, json: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) usage(`--runs needs a positive integer, got "${argv[i]}"`);
      options.runs = value;
    } else if (arg.startsWith('--runs=')) {
      return parseArgs([...argv.slice(0, i), '--runs', arg.slice('--runs='.length), ...argv.slice(i + 1)]);
    } else if (arg === '--no-fail') options.fail = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown option "${arg}"`);
  }
  return options;
}

function usage(error?: string): never {
  const text = `Usage: npm run bench -- [--runs N] [--no-fail] [--json] [--keep]
  --runs N    timed runs per case after one warm-up (default 3)
  --no-fail   report only; exit 0 even if a target fails
  --json      print machine-readable results on stdout instead of the markdown table
              (use \`npm run --silent bench -- --json\` so npm's banner stays off stdout)
  --keep      keep the temp directory (its path is printed)`;
  if (error) {
    process.stderr.write(`bench: ${error}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function kibToMB(kib: number): number {
  return Math.round((kib * 1024) / 1e5) / 10;
}

/** Runs argv under GNU time in cwd; returns wall seconds and peak RSS (KiB). Throws on a non-zero exit. */
function timed(spec: CaseSpec, timeFile: string): Sample {
  const result = spawnSync(GNU_TIME, ['-f', '%e %M', '-o', timeFile, ...spec.argv], {
    cwd: spec.cwd,
    env: { ...process.env, ...QUIET_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`${spec.name}: \`${spec.argv.map(shellQuote).join(' ')}\` (cwd ${spec.cwd}) exited with ${result.status ?? result.signal}\n${tail}`);
  }
  // GNU time writes "Command exited with non-zero status" lines before the format on failure; take the last line.
  const line = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
  const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec(line);
  if (!match) throw new Error(`${spec.name}: cannot parse GNU time output "${line}"`);
  return { wallSeconds: Number(match[1]), maxRssKiB: Number(match[2]) };
}

function runCase(spec: CaseSpec, options: Options, timeFile: string): CaseResult {
  log(`[${spec.name}] warm-up: ${spec.argv.map(shellQuote).join(' ')}   (cwd ${spec.cwd})`);
  spec.reset();
  const warm = timed(spec, timeFile);
  const produced = spec.verify();
  log(`[${spec.name}]   warm-up ${warm.wallSeconds.toFixed(2)} s, ${kibToMB(warm.maxRssKiB)} MB; ${produced}`);
  const samples: Sample[] = [];
  for (let run = 1; run <= options.runs; run++) {
    spec.reset();
    const sample = timed(spec, timeFile);
    spec.verify();
    samples.push(sample);
    log(`[${spec.name}]   run ${run}/${options.runs}: ${sample.wallSeconds.toFixed(2)} s, ${kibToMB(sample.maxRssKiB)} MB`);
  }
  const walls = samples.map((s) => s.wallSeconds);
  const peakRssKiB = Math.max(...samples.map((s) => s.maxRssKiB));
  return {
    name: spec.name,
    description: spec.description,
    command: spec.argv.map(shellQuote).join(' '),
    cwd: spec.cwd,
    runs: options.runs,
    samples,
    medianWallSeconds: median(walls),
    minWallSeconds: Math.min(...walls),
    maxWallSeconds: Math.max(...walls),
    peakRssKiB,
    peakRssMB: kibToMB(peakRssKiB),
    produced,
  };
}

/** Stacks listed in a cdktf manifest under outdir, after checking that each cdk.tf.json parses. */
function readStacks(outdir: string): string[] {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`no ${manifestFile}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
  const stacks = Object.keys(manifest.stacks);
  for (const stack of stacks) {
    JSON.parse(fs.readFileSync(path.join(outdir, manifest.stacks[stack].synthesizedStackPath), 'utf8'));
  }
  return stacks;
}

function environmentNames(projectDir: string): string[] {
  const dir = path.join(projectDir, 'environments');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'environment.json')))
    .map((d) => d.name);
}

const BASELINE_MAIN = `import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";

class BaselineStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-central-1" });
    new S3Bucket(this, "bucket", { bucket: "sovereign-bench-baseline" });
  }
}

const app = new App();
new BaselineStack(app, "baseline");
app.synth();
`;

/** The tsconfig.json `cdktf init --template typescript` writes (cdktf-cli 0.21.0's template). */
const BASELINE_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    incremental: true,
    skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

function setupBaseline(root: string): CaseSpec {
  const dir = path.join(root, 'baseline');
  fs.mkdirSync(dir);
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'cdktf.json'), `${JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', output: 'cdktf.out' })}\n`);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(BASELINE_TSCONFIG, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'main.ts'), BASELINE_MAIN);
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-baseline', version: '0.0.0', private: true, main: 'main.js' }, null, 2)}\n`);
  const outdir = path.join(dir, 'cdktf.out');
  return {
    name: 'baseline',
    description: 'cdktf default: 1 stack, AwsProvider + S3Bucket (deep imports), app "npx ts-node main.ts"',
    cwd: dir,
    argv: ['npx', 'cdktf', 'synth'],
    reset: () => fs.rmSync(outdir, { recursive: true, force: true }),
    verify: () => {
      const stacks = readStacks(outdir);
      const stack = fs.readFileSync(path.join(outdir, 'stacks', 'baseline', 'cdk.tf.json'), 'utf8');
      if (stacks.join() !== 'baseline' || !stack.includes('"aws_s3_bucket"')) throw new Error(`baseline: unexpected output (${stacks.join()})`);
      return `1 stack (${Buffer.byteLength(stack)} B)`;
    },
  };
}

function oursSpec(name: 'ours' | 'scale', description: string, projectDir: string, outdir: string): CaseSpec {
  const expected = environmentNames(projectDir).sort();
  return {
    name,
    description,
    cwd: projectDir,
    argv: ['node', path.join(REPO, 'bin', 'sovereign.js'), 'synth', '--output', outdir],
    reset: () => fs.rmSync(outdir, { recursive: true, force: true }),
    verify: () => {
      // One stack per environment, plus any shared stacks the app adds (e.g. a DNS stack).
      const stacks = readStacks(outdir).sort();
      const missing = expected.filter((e) => !stacks.includes(e));
      if (missing.length > 0) throw new Error(`${name}: no stack for environment(s) ${missing.join(', ')} (stacks: ${stacks.join(', ')})`);
      const extra = stacks.filter((s) => !expected.includes(s));
      return `${stacks.length} stack${stacks.length === 1 ? '' : 's'} (${expected.length} env${expected.length === 1 ? '' : 's'}${extra.length > 0 ? ` + ${extra.join(', ')}` : ''})`;
    },
  };
}

function setupScale(root: string): string {
  const dir = path.join(root, 'scale');
  const template = fs.readFileSync(path.join(REPO, 'environments', SCALE_TEMPLATE, 'environment.json'), 'utf8');
  for (let i = 0; i < SCALE_ENVIRONMENTS; i++) {
    const envDir = path.join(dir, 'environments', `${SCALE_TEMPLATE}-e${String(i).padStart(3, '0')}`);
    fs.mkdirSync(envDir, { recursive: true });
    fs.writeFileSync(path.join(envDir, 'environment.json'), template);
  }
  return dir;
}

/** Names, sizes and mtimes of everything under the repo's cdktf.out, to prove the bench left it alone. */
function snapshot(dir: string): string {
  if (!fs.existsSync(dir)) return '(absent)';
  const lines: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      const stat = fs.lstatSync(full);
      lines.push(`${path.relative(dir, full)} ${stat.size} ${stat.mtimeMs}`);
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return lines.join('\n');
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    cdktf: packageVersion('cdktf'),
    'cdktf-cli': packageVersion('cdktf-cli'),
    '@cdktf/provider-aws': packageVersion('@cdktf/provider-aws'),
    'ts-node': packageVersion('ts-node'),
    esbuild: packageVersion('esbuild'),
    typescript: packageVersion('typescript'),
  };
}

function checkPrerequisites(): void {
  const time = spawnSync(GNU_TIME, ['-f', '%e %M', 'true'], { encoding: 'utf8' });
  if (time.error || time.status !== 0 || !/^\d+(\.\d+)? \d+\s*$/.test(time.stderr)) {
    throw new Error(`${GNU_TIME} is not GNU time (needed for -f '%e %M'); install the "time" package`);
  }
  for (const bin of ['cdktf', 'ts-node']) {
    if (!fs.existsSync(path.join(REPO, 'node_modules', '.bin', bin))) {
      throw new Error(`node_modules/.bin/${bin} missing: run npm ci (cdktf-cli and ts-node are devDependencies)`);
    }
  }
}

function evaluate(results: Record<string, CaseResult>): TargetResult[] {
  const { baseline, ours, scale } = results;
  const ratio = ours.medianWallSeconds / baseline.medianWallSeconds;
  return [
    {
      name: `ours wall ≤ ${TARGET_WALL_RATIO} × baseline wall`,
      measured: `${ours.medianWallSeconds.toFixed(2)} s / ${baseline.medianWallSeconds.toFixed(2)} s = ${ratio.toFixed(3)} ×`,
      limit: `≤ ${TARGET_WALL_RATIO} × (${(TARGET_WALL_RATIO * baseline.medianWallSeconds).toFixed(2)} s)`,
      pass: ratio <= TARGET_WALL_RATIO,
    },
    {
      name: 'ours peak RSS < 200 MB',
      measured: `${ours.peakRssMB} MB`,
      limit: `< ${TARGET_RSS_BYTES / 1e6} MB`,
      pass: ours.peakRssKiB * 1024 < TARGET_RSS_BYTES,
    },
    {
      name: `scale (${SCALE_ENVIRONMENTS} envs) wall < ${TARGET_SCALE_SECONDS} s`,
      measured: `${scale.medianWallSeconds.toFixed(2)} s`,
      limit: `< ${TARGET_SCALE_SECONDS} s`,
      pass: scale.medianWallSeconds < TARGET_SCALE_SECONDS,
    },
  ];
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

function markdown(info: Record<string, string | number>, results: CaseResult[], targets: TargetResult[], options: Options, untouched: boolean, load: { start: string; end: string }): string {
  const out: string[] = [];
  out.push(`## Synth benchmark`);
  out.push('');
  out.push(
    `Machine: ${info.nproc} CPUs (${info.cpu}), ${info.memoryGiB} GiB, ${info.platform}; node ${info.node}; ` +
      `cdktf ${info.cdktf}, cdktf-cli ${info['cdktf-cli']}, @cdktf/provider-aws ${info['@cdktf/provider-aws']}, ts-node ${info['ts-node']}, esbuild ${info.esbuild}, typescript ${info.typescript}.`,
  );
  out.push(`Runs: 1 warm-up + ${options.runs} timed per case; wall = median, RSS = max over the timed runs.`);
  out.push(`Load average (1/5/15 min) at start: ${load.start}; at end: ${load.end} (the machine is not idle if these approach ${info.nproc}).`);
  out.push('');
  out.push('| case | what | wall median (s) | wall min–max (s) | peak RSS (MB) | output |');
  out.push('| --- | --- | ---: | ---: | ---: | --- |');
  for (const r of results) {
    out.push(`| ${r.name} | ${r.description} | ${r.medianWallSeconds.toFixed(2)} | ${r.minWallSeconds.toFixed(2)}–${r.maxWallSeconds.toFixed(2)} | ${r.peakRssMB} | ${r.produced} |`);
  }
  out.push('');
  out.push(
    "Peak RSS is GNU time's %M: the maximum resident set of the largest single process in the command's tree " +
      '(not a sum over the tree; baseline runs npx → cdktf → sh → npx → node ts-node). MB = 10^6 bytes.',
  );
  out.push('');
  out.push('Commands (each under `/usr/bin/time -f \'%e %M\'`, env CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=true CDKTF_DISABLE_PLUGIN_CACHE_ENV=true):');
  out.push('');
  for (const r of results) out.push(`- ${r.name}: \`cd ${r.cwd} && ${r.command}\``);
  out.push('');
  out.push('| target | measured | limit | result |');
  out.push('| --- | --- | --- | --- |');
  for (const t of targets) out.push(`| ${t.name} | ${t.measured} | ${t.limit} | ${t.pass ? 'PASS' : 'FAIL'} |`);
  out.push('');
  out.push(`Repo cdktf.out untouched: ${untouched ? 'yes' : 'NO (changed during the run; another process may have synthesized)'}`);
  return out.join('\n');
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  checkPrerequisites();
  const repoOut = path.join(REPO, 'cdktf.out');
  const before = snapshot(repoOut);
  const loadAtStart = loadAverage();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-bench-'));
  const cleanup = (): void => {
    if (options.keep) log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const timeFile = path.join(root, 'time.txt');
    const specs: CaseSpec[] = [
      setupBaseline(root),
      oursSpec('ours', `sovereign synth, shipped environments (${environmentNames(REPO).length})`, REPO, path.join(root, 'ours-out')),
      oursSpec('scale', `sovereign synth, ${SCALE_ENVIRONMENTS} copies of ${SCALE_TEMPLATE}`, setupScale(root), path.join(root, 'scale-out')),
    ];
    const results: Record<string, CaseResult> = {};
    for (const spec of specs) results[spec.name] = runCase(spec, options, timeFile);
    const targets = evaluate(results);
    const untouched = snapshot(repoOut) === before;
    const load = { start: loadAtStart, end: loadAverage() };
    const info = machine();
    const failed = targets.some((t) => !t.pass);
    if (options.json) {
      const rssNote = "peak RSS = GNU time %M: max RSS of the largest single process in the command's tree, not a sum";
      process.stdout.write(`${JSON.stringify({ machine: info, runs: options.runs, env: QUIET_ENV, rssNote, loadAverage: load, cases: Object.values(results), targets, repoCdktfOutUntouched: untouched, pass: !failed }, null, 2)}\n`);
    } else {
      process.stdout.write(`${markdown(info, Object.values(results), targets, options, untouched, load)}\n`);
    }
    return failed && options.fail ? 1 : 0;
  } catch (error) {
    log(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    cleanup();
  }
}

process.exitCode = main();
