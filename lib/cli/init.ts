import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, configProblems } from '../config/errors';
import { ENVIRONMENT_FILE, parseEnvironment } from '../config/load-environments';
import { CloudProvider } from '../config/model';
import { CLOUD_PROVIDERS, KNOWN_REGIONS } from '../config/regions';
import { escapeTemplateSequences, quoteLiteral } from '../common/hcl-escape';
import { callerPath, parseArgs, UsageError } from './args';
import { CLOUD_INIT } from './init-clouds';
import { info, success } from './output';

/** File the credentials go to, at the project root (git-ignored by `*.tfvars`). */
export const TFVARS_FILE = 'tofu.tfvars';

/** OpenTofu's pbkdf2 key provider refuses shorter passphrases. */
const MIN_PASSPHRASE_LENGTH = 16;

/** Exit code when the user cancels (Ctrl-C, or "no" at the confirmation): nothing was written. */
export const CANCELLED_EXIT_CODE = 130;

/** Everything `init` asks for; also the shape of a `--from FILE` answers file. */
export interface InitAnswers {
  readonly provider: CloudProvider;
  readonly region: string;
  /** K3s servers (odd). */
  readonly servers: number;
  readonly instanceType: string;
  /** Agents in the pool "workers" (0: no agent pool). */
  readonly agents: number;
  readonly networkCidr: string;
  readonly adminCidrs: readonly string[];
  readonly sshPublicKeys: readonly string[];
  /** tofu.tfvars values the cloud's table (init-clouds.ts) asks for; empty ones are left out. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Empty: one is generated. */
  readonly statePassphrase: string;
}

/** Defaults shown in the questions and used for missing keys of a --from file. */
export const DEFAULT_ANSWERS = { servers: 3, agents: 2, networkCidr: '10.10.0.0/16' } as const;

/** The environment.json init writes for `answers`. */
export function environmentDocument(a: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): Record<string, unknown> {
  return {
    $schema: '../../lib/config/schemas/environment.schema.json',
    provider: a.provider,
    region: a.region,
    network: { cidr: a.networkCidr },
    controlPlane: { count: a.servers, instanceType: a.instanceType },
    ...(a.agents > 0 ? { agentPools: [{ name: 'workers', count: a.agents, instanceType: a.instanceType }] } : {}),
    ...(a.sshPublicKeys.length > 0 ? { sshPublicKeys: a.sshPublicKeys } : {}),
    adminCidrs: a.adminCidrs,
    labels: { 'managed-by': 'sovereign-tofu' },
  };
}

/** environments/<provider>-<region>/environment.json, relative to the project. */
export function environmentFile(provider: CloudProvider, region: string): string {
  return path.posix.join('environments', `${provider}-${region}`, ENVIRONMENT_FILE);
}

/**
 * The problems synth would report at `pointers` (or below them) for the environment these answers
 * make: the same schema and semantic checks, so an answer is judged exactly as synth would judge it.
 * Returns the reasons without the file prefix.
 */
export function problemsAt(answers: Omit<InitAnswers, 'credentials' | 'statePassphrase'>, pointers: readonly string[]): string[] {
  const file = environmentFile(answers.provider, answers.region);
  try {
    parseEnvironment(file, `${answers.provider}-${answers.region}`, `${JSON.stringify(environmentDocument(answers), null, 2)}\n`);
    return [];
  } catch (error) {
    const problems = configProblems(error);
    if (!problems) throw error;
    return problems
      .filter((p) => pointers.some((at) => p.pointer === at || (at !== '' && p.pointer.startsWith(`${at}/`))))
      .map((p) => p.message.slice(`${file}${p.pointer ? `#${p.pointer}` : ''}: `.length));
  }
}

/** Answer validators: the reason an answer is refused, or undefined. Each checks one answer as given. */
export const check = {
  count(text: string, min: number): string | undefined {
    if (!/^\d+$/.test(text.trim())) return `"${text}" is not a whole number`;
    return Number(text) < min ? `must be at least ${min}` : undefined;
  },
  servers(text: string, base: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): string | undefined {
    return check.count(text, 1) ?? problemsAt({ ...base, servers: Number(text) }, ['/controlPlane/count'])[0];
  },
  instanceType(text: string, base: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): string | undefined {
    return problemsAt({ ...base, instanceType: text.trim() }, ['/controlPlane/instanceType'])[0];
  },
  agents(text: string, base: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): string | undefined {
    return check.count(text, 0) ?? problemsAt({ ...base, agents: Number(text) }, ['/agentPools'])[0];
  },
  networkCidr(text: string, base: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): string | undefined {
    return problemsAt({ ...base, networkCidr: text.trim() }, ['/network', '/controlPlane', '/agentPools'])[0];
  },
  adminCidrs(text: string, base: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): string | undefined {
    return problemsAt({ ...base, adminCidrs: splitList(text) }, ['/adminCidrs'])[0];
  },
  sshPublicKeys(text: string, base: Omit<InitAnswers, 'credentials' | 'statePassphrase'>): string | undefined {
    const required = CLOUD_INIT[base.provider].sshKeyRequired;
    if (required && splitList(text).length === 0) return required;
    return problemsAt({ ...base, sshPublicKeys: splitList(text) }, ['/sshPublicKeys'])[0];
  },
  passphrase(text: string): string | undefined {
    return text !== '' && text.length < MIN_PASSPHRASE_LENGTH ? `at least ${MIN_PASSPHRASE_LENGTH} characters (OpenTofu refuses shorter ones), or empty to generate one` : undefined;
  },
};

/** The questions a terminal session needs; implemented with @inquirer/prompts, loaded only by init. */
export interface Prompts {
  /** A closed choice; a choice with `disabled` is shown with that reason and cannot be picked. */
  select<T extends string>(message: string, choices: readonly { value: T; name?: string; disabled?: string }[], fallback?: T): Promise<T>;
  input(message: string, fallback: string | undefined, validate: (value: string) => string | undefined): Promise<string>;
  secret(message: string, validate: (value: string) => string | undefined): Promise<string>;
  confirm(message: string, fallback: boolean): Promise<boolean>;
}

/** Prompts on the terminal: defaults shown, a refused answer re-asked with its reason, secrets masked. */
export function terminalPrompts(): Prompts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const inquirer = require('@inquirer/prompts') as typeof import('@inquirer/prompts');
  const asValidate = (validate: (value: string) => string | undefined) => (value: string) => validate(value) ?? true;
  return {
    select: (message, choices, fallback) =>
      inquirer.select({ message, choices: choices.map((c) => ({ value: c.value, name: c.name ?? c.value, ...(c.disabled ? { disabled: c.disabled } : {}) })), default: fallback, pageSize: 10 }),
    input: (message, fallback, validate) => inquirer.input({ message, default: fallback, validate: asValidate(validate) }),
    secret: (message, validate) => inquirer.password({ message, mask: '*', validate: asValidate(validate) }),
    confirm: (message, fallback) => inquirer.confirm({ message, default: fallback }),
  };
}

const OTHER = '__other__';

/** Asks every question, each validated as it is answered. */
export async function askAnswers(prompts: Prompts, exists: (file: string) => boolean, force: boolean): Promise<InitAnswers> {
  const provider = await prompts.select('Cloud provider', CLOUD_PROVIDERS.map((p) => ({ value: p })), 'hetzner');
  const cloud = CLOUD_INIT[provider];
  // Regions that already have an environment are shown but cannot be picked (unless --force).
  const regions = Object.keys(KNOWN_REGIONS[provider]).map((r) => ({ value: r, disabled: exists(environmentFile(provider, r)) && !force ? `${environmentFile(provider, r)} exists; --force replaces it` : undefined }));
  const free = regions.filter((r) => !r.disabled);
  if (free.length === 0) throw new ConfigError(environmentFile(provider, regions[0].value), '', `every ${provider} region already has an environment; nothing was written`, 'run again with --force to replace one');
  const region = await prompts.select('Region', regions, free[0].value);

  let answers: Omit<InitAnswers, 'credentials' | 'statePassphrase'> = {
    provider, region, servers: DEFAULT_ANSWERS.servers, instanceType: cloud.defaultInstanceType, agents: DEFAULT_ANSWERS.agents,
    networkCidr: DEFAULT_ANSWERS.networkCidr, adminCidrs: [], sshPublicKeys: [],
  };
  const servers = await prompts.input('K3s servers (odd: 1, 3, 5; etcd needs a majority)', String(DEFAULT_ANSWERS.servers), (v) => check.servers(v, answers));
  answers = { ...answers, servers: Number(servers) };
  let instanceType = await prompts.select('Instance type', [...cloud.instanceTypes.map((t) => ({ value: t })), { value: OTHER, name: 'other (type it)' }], cloud.defaultInstanceType);
  if (instanceType === OTHER) instanceType = (await prompts.input(`${provider} instance type`, undefined, (v) => check.instanceType(v, answers))).trim();
  answers = { ...answers, instanceType };
  const agents = await prompts.input('Agents in the pool "workers" (0 for none)', String(DEFAULT_ANSWERS.agents), (v) => check.agents(v, answers));
  answers = { ...answers, agents: Number(agents) };
  const networkCidr = await prompts.input('Private network CIDR', DEFAULT_ANSWERS.networkCidr, (v) => check.networkCidr(v, answers));
  answers = { ...answers, networkCidr: networkCidr.trim() };
  const adminCidrs = await prompts.input('Admin CIDRs for SSH and the API, comma-separated (empty: none)', '', (v) => check.adminCidrs(v, answers));
  answers = { ...answers, adminCidrs: splitList(adminCidrs) };
  const sshKeys = await prompts.input(`SSH public keys, comma-separated${provider === 'azure' ? ' (at least one on Azure)' : ' (empty: none)'}`, '', (v) => check.sshPublicKeys(v, answers));
  answers = { ...answers, sshPublicKeys: splitList(sshKeys) };

  info(cloud.hint);
  const credentials: Record<string, string> = {};
  for (const q of cloud.credentials) {
    const validate = (value: string) => (value.trim() === '' ? (q.optional ? undefined : 'required') : q.check(value.trim()));
    const value = (q.secret ? await prompts.secret(q.message, validate) : await prompts.input(q.message, q.optional ? '' : undefined, validate)).trim();
    if (value !== '') credentials[q.variable] = value;
  }
  const statePassphrase = await prompts.secret(`State encryption passphrase, ${MIN_PASSPHRASE_LENGTH}+ characters (empty: generate one)`, check.passphrase);
  return { ...answers, credentials, statePassphrase };
}

/** Reads and checks a --from answers file; every problem names the file and the key. */
export function readAnswersFile(file: string, shown: string): InitAnswers {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(shown, '', `cannot be read as JSON (${(e as Error).message})`, 'a JSON object with provider, region, … (docs/TROUBLESHOOTING.md)');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(shown, '', 'is not a JSON object', 'a JSON object with provider, region, …');
  const known = ['provider', 'region', 'servers', 'instanceType', 'agents', 'networkCidr', 'adminCidrs', 'sshPublicKeys', 'credentials', 'statePassphrase'];
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new ConfigError(shown, `/${unknown[0]}`, `unknown key "${unknown[0]}"`, known.join(', '));
  const provider = raw.provider as CloudProvider;
  if (!CLOUD_PROVIDERS.includes(provider)) throw new ConfigError(shown, '/provider', `"${String(raw.provider)}" is not a cloud provider`, CLOUD_PROVIDERS.join(', '));
  const regions = Object.keys(KNOWN_REGIONS[provider]);
  if (typeof raw.region !== 'string' || !regions.includes(raw.region)) throw new ConfigError(shown, '/region', `"${String(raw.region)}" is not a ${provider} region`, regions.join(', '));
  const cloud = CLOUD_INIT[provider];
  const text = (key: string, fallback: string) => (raw[key] === undefined ? fallback : Array.isArray(raw[key]) ? (raw[key] as unknown[]).join(',') : String(raw[key]));
  let answers: Omit<InitAnswers, 'credentials' | 'statePassphrase'> = {
    provider, region: raw.region, servers: DEFAULT_ANSWERS.servers, instanceType: cloud.defaultInstanceType, agents: DEFAULT_ANSWERS.agents,
    networkCidr: DEFAULT_ANSWERS.networkCidr, adminCidrs: [], sshPublicKeys: [],
  };
  const steps: [keyof typeof check & keyof InitAnswers, (v: string) => Partial<InitAnswers>, string][] = [
    ['servers', (v) => ({ servers: Number(v) }), String(DEFAULT_ANSWERS.servers)],
    ['instanceType', (v) => ({ instanceType: v.trim() }), cloud.defaultInstanceType],
    ['agents', (v) => ({ agents: Number(v) }), String(DEFAULT_ANSWERS.agents)],
    ['networkCidr', (v) => ({ networkCidr: v.trim() }), DEFAULT_ANSWERS.networkCidr],
    ['adminCidrs', (v) => ({ adminCidrs: splitList(v) }), ''],
    ['sshPublicKeys', (v) => ({ sshPublicKeys: splitList(v) }), ''],
  ];
  for (const [key, apply, fallback] of steps) {
    const value = text(key, fallback);
    const problem = (check[key] as (v: string, b: typeof answers) => string | undefined)(value, answers);
    if (problem) throw new ConfigError(shown, `/${key}`, problem);
    answers = { ...answers, ...apply(value) };
  }
  const given = (raw.credentials ?? {}) as Record<string, unknown>;
  const credentials: Record<string, string> = {};
  for (const q of cloud.credentials) {
    const value = given[q.variable] === undefined ? '' : String(given[q.variable]).trim();
    if (value === '' && !q.optional) throw new ConfigError(shown, `/credentials/${q.variable}`, 'is required', q.message);
    const problem = value === '' ? undefined : q.check(value);
    if (problem) throw new ConfigError(shown, `/credentials/${q.variable}`, problem);
    if (value !== '') credentials[q.variable] = value;
  }
  const extra = Object.keys(given).filter((k) => !cloud.credentials.some((q) => q.variable === k));
  if (extra.length > 0) throw new ConfigError(shown, `/credentials/${extra[0]}`, `is not a ${provider} credential`, cloud.credentials.map((q) => q.variable).join(', ') || 'none');
  const statePassphrase = raw.statePassphrase === undefined ? '' : String(raw.statePassphrase);
  const problem = check.passphrase(statePassphrase);
  if (problem) throw new ConfigError(shown, '/statePassphrase', problem);
  return { ...answers, credentials, statePassphrase };
}

/** What is about to be written, secrets shown only as "set". */
export function summary(a: InitAnswers): string {
  const cloud = CLOUD_INIT[a.provider];
  const lines = [
    `  ${environmentFile(a.provider, a.region)}`,
    `    ${a.provider} ${a.region}: ${a.servers} K3s server${a.servers === 1 ? '' : 's'}${a.agents > 0 ? ` + ${a.agents} agent${a.agents === 1 ? '' : 's'}` : ''}, ${a.instanceType}`,
    `    network ${a.networkCidr}; admin CIDRs: ${a.adminCidrs.join(', ') || 'none'}; SSH keys: ${a.sshPublicKeys.length}`,
    `  ${TFVARS_FILE} (mode 0600)`,
    ...cloud.credentials.map((q) => `    ${q.variable}: ${a.credentials[q.variable] === undefined ? `not set${q.envFallback ? ` (from ${q.envFallback})` : ''}` : q.secret ? 'set (hidden)' : a.credentials[q.variable]}`),
    `    state_passphrase: ${a.statePassphrase ? 'set (hidden)' : 'generated'}`,
  ];
  return lines.join('\n');
}

/** Warnings for provider environment variables that are set but do not have their credential's shape. */
export function environmentWarnings(provider: CloudProvider, env: NodeJS.ProcessEnv): string[] {
  return CLOUD_INIT[provider].environment.filter((e) => env[e.name] && e.check(env[e.name]!.trim())).map((e) => `${e.name} is set but ${e.check(env[e.name]!.trim())}`);
}

/** The command to run next, printed by init and shown in the README quick start (a test runs it). */
export function nextStepHint(stack: string): string {
  return `npx sovereign plan ${stack} --var-file ${TFVARS_FILE}`;
}

/**
 * `sovereign init`: asks for provider, region, sizes, admin access and the provider's credentials
 * (each answer checked as given, by the same rules as synth), shows a summary and asks before
 * writing environments/<provider>-<region>/environment.json and tofu.tfvars (mode 0600). Refuses
 * to write credentials where Git could track them. `--from FILE` reads the answers from a JSON file
 * instead (for scripts); Ctrl-C or "no" writes nothing.
 */
export async function initCommand(args: readonly string[], projectDir: string, options: { prompts?: () => Prompts; env?: NodeJS.ProcessEnv; interactive?: boolean } = {}): Promise<number> {
  const parsed = parseArgs(args, ['--from'], ['--force', '--yes']);
  const force = parsed.flags.has('--force');
  const env = options.env ?? process.env;
  assertSafeToWriteTfvars(projectDir, TFVARS_FILE, env);

  let answers: InitAnswers;
  const from = parsed.values['--from'];
  if (from !== undefined) {
    answers = readAnswersFile(callerPath(from), from);
    const file = environmentFile(answers.provider, answers.region);
    if (fs.existsSync(path.join(projectDir, file)) && !force) throw new ConfigError(file, '', 'already exists; nothing was written', 'run again with --force to replace it');
  } else {
    if (!(options.interactive ?? (process.stdin.isTTY && process.stdout.isTTY))) {
      throw new UsageError('init asks its questions on a terminal; in a script, pass the answers with --from FILE (see docs/TROUBLESHOOTING.md)');
    }
    const prompts = (options.prompts ?? terminalPrompts)();
    try {
      answers = await askAnswers(prompts, (file) => fs.existsSync(path.join(projectDir, file)), force);
      info(`\nAbout to write:\n${summary(answers)}`);
      if (!parsed.flags.has('--yes') && !(await prompts.confirm('Write these files?', true))) {
        info('nothing was written');
        return CANCELLED_EXIT_CODE;
      }
    } catch (error) {
      if ((error as Error).name === 'ExitPromptError') {
        info('\ncancelled: nothing was written');
        return CANCELLED_EXIT_CODE;
      }
      throw error;
    }
  }
  for (const warning of environmentWarnings(answers.provider, env)) info(`warning: ${warning}`);
  return writeAnswers(projectDir, answers, env);
}

/** Writes the environment and tofu.tfvars for checked answers; the whole environment is validated once more first. */
function writeAnswers(projectDir: string, answers: InitAnswers, env: NodeJS.ProcessEnv): number {
  const relativeEnvFile = environmentFile(answers.provider, answers.region);
  const text = `${JSON.stringify(environmentDocument(answers), null, 2)}\n`;
  parseEnvironment(relativeEnvFile, `${answers.provider}-${answers.region}`, text);
  const values: Record<string, string> = { ...answers.credentials, state_passphrase: answers.statePassphrase || randomBytes(24).toString('base64url') };
  // checked again right before writing: the answers took time, the file may have appeared meanwhile
  assertSafeToWriteTfvars(projectDir, TFVARS_FILE, env);
  const envFile = path.join(projectDir, relativeEnvFile);
  fs.mkdirSync(path.dirname(envFile), { recursive: true });
  fs.writeFileSync(envFile, text);
  success(`wrote ${relativeEnvFile}`);
  writeTfvars(path.join(projectDir, TFVARS_FILE), values);
  success(`wrote ${TFVARS_FILE} (mode 0600; ${Object.keys(values).sort().join(', ')})${answers.statePassphrase ? '' : ' — generated state passphrase: keep a copy outside this machine'}`);
  info(`next: ${nextStepHint(`${answers.provider}-${answers.region}`)}\n      (synthesizes, then tofu init + plan; with the test bed's OpenTofu add --tofu scripts/tofu)`);
  return 0;
}

/** Git's own environment variables: they could point git at another repository than the project's. */
function withoutGitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('GIT_')));
}

/**
 * Refuses to go on unless credentials can be written to `file` (relative to the project) safely:
 * it is not a symlink or anything but a regular file, Git (which must be on PATH: without it nothing
 * can be checked, so this fails closed) runs on the project's own repository whatever GIT_DIR /
 * GIT_WORK_TREE say, and the file is neither tracked nor un-ignored there.
 */
export function assertSafeToWriteTfvars(projectDir: string, file: string, env: NodeJS.ProcessEnv = process.env): void {
  const target = path.join(projectDir, file);
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) {
    throw new ConfigError(file, '', `is ${stat.isSymbolicLink() ? `a symbolic link (to ${fs.readlinkSync(target)})` : 'not a regular file'}; refusing to write credentials through it`, `a plain file: rm ${file} and run init again`);
  }
  const gitEnv = withoutGitEnvironment(env);
  const git = (...args: string[]) => spawnSync('git', ['-C', projectDir, ...args], { encoding: 'utf8', env: gitEnv });
  const inside = git('rev-parse', '--is-inside-work-tree');
  if (inside.error) {
    throw new ConfigError(file, '', `cannot check whether Git would track it: git is not on PATH (${(inside.error as NodeJS.ErrnoException).code})`, 'install git, or put git on PATH, and run init again');
  }
  if (inside.status !== 0) {
    if (/not a git repository/i.test(inside.stderr)) return; // not a Git checkout: nothing can track it
    throw new ConfigError(file, '', `cannot check whether Git would track it: ${inside.stderr.trim().split('\n')[0]}`, 'fix the repository and run init again');
  }
  if (git('ls-files', '--error-unmatch', '--', file).status === 0) {
    throw new ConfigError(file, '', 'is tracked by Git; credentials must never be committed', `git rm --cached ${file} and keep *.tfvars in .gitignore`);
  }
  if (git('check-ignore', '-q', '--', file).status !== 0) {
    throw new ConfigError(file, '', 'would be tracked by Git; refusing to write credentials there', 'add *.tfvars to .gitignore');
  }
}

/**
 * Writes or updates `key = "value"` lines, keeping other lines. The new content goes to a fresh
 * 0600 file next to it that then replaces `file` by rename: a symlink at `file` is replaced, never
 * followed, and a reader never sees half a file.
 */
export function writeTfvars(file: string, values: Readonly<Record<string, string>>): void {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  const existing = stat?.isFile() ? fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '') : [];
  const kept = existing.filter((line) => !Object.keys(values).some((key) => new RegExp(`^\\s*${key}\\s*=`).test(line)));
  const lines = [...kept, ...Object.keys(values).sort().map((key) => `${key} = ${hclString(values[key])}`)];
  // named *.tfvars, so the rule that ignores tofu.tfvars ignores it too
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tfvars`);
  const fd = fs.openSync(temporary, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  try {
    try {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      fs.fchmodSync(fd, 0o600);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** An HCL string literal holding `value` literally: quotes, backslashes, control characters and template starts escaped. */
export function hclString(value: string): string {
  return quoteLiteral(escapeTemplateSequences(value));
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
