import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { ConfigError } from '../config/errors';
import { ENVIRONMENT_FILE, parseEnvironment } from '../config/load-environments';
import { CloudProvider } from '../config/model';
import { CLOUD_PROVIDERS, KNOWN_REGIONS } from '../config/regions';
import { escapeTemplateSequences, quoteLiteral } from '../common/hcl-escape';
import { parseArgs } from './args';
import { info, success } from './output';

/** File the credentials go to, at the project root (git-ignored by `*.tfvars`). */
export const TFVARS_FILE = 'tofu.tfvars';

/** Sensible first sizes per cloud for K3s servers (2 vCPU, 4–8 GB). */
const DEFAULT_INSTANCE_TYPE: Readonly<Record<CloudProvider, string>> = {
  hetzner: 'cpx31',
  aws: 't3.large',
  gcp: 'e2-standard-2',
  azure: 'Standard_D2s_v5',
  huaweicloud: 's6.large.2',
};

/** One secret or setting a provider needs in tofu.tfvars, and where else it may come from. */
interface TfvarsQuestion {
  readonly variable: string;
  readonly prompt: string;
  readonly secret: boolean;
  /** May be left empty (the provider then reads its own environment variable). */
  readonly optional: boolean;
}

const PROVIDER_VARIABLES: Readonly<Record<CloudProvider, readonly TfvarsQuestion[]>> = {
  hetzner: [{ variable: 'hcloud_token', prompt: 'Hetzner Cloud API token (empty: use HCLOUD_TOKEN)', secret: true, optional: true }],
  aws: [],
  gcp: [{ variable: 'gcp_project', prompt: 'GCP project id', secret: false, optional: false }],
  azure: [{ variable: 'azure_subscription_id', prompt: 'Azure subscription id (empty: use ARM_SUBSCRIPTION_ID)', secret: false, optional: true }],
  huaweicloud: [
    { variable: 'huaweicloud_access_key', prompt: 'Huawei Cloud access key (empty: use HW_ACCESS_KEY)', secret: true, optional: true },
    { variable: 'huaweicloud_secret_key', prompt: 'Huawei Cloud secret key (empty: use HW_SECRET_KEY)', secret: true, optional: true },
  ],
};

const PROVIDER_HINTS: Readonly<Record<CloudProvider, string>> = {
  hetzner: 'The token can also come from HCLOUD_TOKEN.',
  aws: 'AWS credentials come from the provider chain only: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role.',
  gcp: 'Credentials come from GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS or gcloud application-default login.',
  azure: 'Credentials come from ARM_CLIENT_ID/ARM_CLIENT_SECRET/ARM_TENANT_ID or az login.',
  huaweicloud: 'The access key and secret key can also come from HW_ACCESS_KEY and HW_SECRET_KEY.',
};

/** Reads answers line by line; secrets are not echoed on a terminal. */
class Prompter {
  private readonly lines: AsyncIterableIterator<string>;
  private readonly rl: readline.Interface;
  private muted = false;

  constructor(input: NodeJS.ReadableStream, private readonly output: NodeJS.WriteStream) {
    this.rl = readline.createInterface({ input, output: undefined, terminal: false });
    this.lines = this.rl[Symbol.asyncIterator]();
  }

  async ask(question: string, fallback?: string, secret = false): Promise<string> {
    this.output.write(`${question}${fallback !== undefined && !secret ? ` [${fallback}]` : ''}: `);
    this.muted = secret && Boolean(this.output.isTTY);
    const next = await this.lines.next();
    if (this.muted) this.output.write('\n');
    this.muted = false;
    if (next.done) throw new Error('input ended before every question was answered');
    const answer = next.value.trim();
    return answer === '' && fallback !== undefined ? fallback : answer;
  }

  async choose<T extends string>(question: string, choices: readonly T[], fallback: T): Promise<T> {
    for (;;) {
      const answer = await this.ask(`${question} (${choices.join(', ')})`, fallback);
      if ((choices as readonly string[]).includes(answer)) return answer as T;
      this.output.write(`  "${answer}" is not one of: ${choices.join(', ')}\n`);
    }
  }

  close(): void {
    this.rl.close();
  }
}

/**
 * `sovereign init`: asks for provider, region, sizes, admin access and the provider's credentials,
 * then writes environments/<provider>-<region>/environment.json (validated like every other one) and
 * the credentials to tofu.tfvars with mode 0600 — refusing when Git would track that file.
 */
export async function initCommand(args: readonly string[], projectDir: string, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const force = parseArgs(args, [], ['--force']).flags.has('--force');
  const tfvarsPath = path.join(projectDir, TFVARS_FILE);
  assertIgnoredByGit(projectDir, TFVARS_FILE);

  const prompter = new Prompter(input, process.stdout);
  try {
    const provider = await prompter.choose('Cloud provider', CLOUD_PROVIDERS, 'hetzner');
    const regions = Object.keys(KNOWN_REGIONS[provider]);
    const region = await prompter.choose('Region', regions, regions[0]);
    const name = `${provider}-${region}`;
    const relativeEnvFile = path.posix.join('environments', name, ENVIRONMENT_FILE);
    const envFile = path.join(projectDir, relativeEnvFile);
    if (fs.existsSync(envFile) && !force) {
      throw new ConfigError(relativeEnvFile, '', 'already exists; nothing was written', 'run again with --force to replace it');
    }
    const servers = Number(await prompter.ask('K3s servers (odd)', '3'));
    const instanceType = await prompter.ask('Instance type', DEFAULT_INSTANCE_TYPE[provider]);
    const agents = Number(await prompter.ask('Agents in pool "workers" (0 for none)', '2'));
    const networkCidr = await prompter.ask('Private network CIDR', '10.10.0.0/16');
    const adminCidrs = splitList(await prompter.ask('Admin CIDRs for SSH and the API, comma-separated (empty: none)', ''));
    const sshKeys = splitList(await prompter.ask(`SSH public key${provider === 'azure' ? ' (required on Azure)' : ' (empty: none)'}`, ''));

    const document = {
      $schema: '../../lib/config/schemas/environment.schema.json',
      provider,
      region,
      network: { cidr: networkCidr },
      controlPlane: { count: servers, instanceType },
      ...(agents > 0 ? { agentPools: [{ name: 'workers', count: agents, instanceType }] } : {}),
      ...(sshKeys.length > 0 ? { sshPublicKeys: sshKeys } : {}),
      adminCidrs,
      labels: { 'managed-by': 'sovereign-tofu' },
    };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    // The same rules as synth: a bad answer stops here, before anything is written.
    parseEnvironment(relativeEnvFile, name, text);

    info(PROVIDER_HINTS[provider]);
    const values: Record<string, string> = {};
    for (const question of PROVIDER_VARIABLES[provider]) {
      const answer = await prompter.ask(question.prompt, question.optional ? '' : undefined, question.secret);
      if (answer === '' && !question.optional) throw new Error(`${question.variable} is required for ${provider}`);
      if (answer !== '') values[question.variable] = answer;
    }
    const passphrase = await prompter.ask('State encryption passphrase, 16+ characters (empty: generate one)', '', true);
    if (passphrase !== '' && passphrase.length < 16) throw new Error('the state passphrase must have at least 16 characters');
    values.state_passphrase = passphrase || randomBytes(24).toString('base64url');

    fs.mkdirSync(path.dirname(envFile), { recursive: true });
    fs.writeFileSync(envFile, text);
    success(`wrote ${relativeEnvFile}`);
    writeTfvars(tfvarsPath, values);
    success(`wrote ${TFVARS_FILE} (mode 0600; ${Object.keys(values).sort().join(', ')})${passphrase ? '' : ' — generated state passphrase: keep a copy outside this machine'}`);
    info(`next: npm run synth, then in cdktf.out/stacks/${name}: tofu init && tofu plan -var-file=../../../${TFVARS_FILE}`);
    return 0;
  } finally {
    prompter.close();
  }
}

/** Refuses to go on when `file` (relative to the project) is tracked by Git or not ignored. */
export function assertIgnoredByGit(projectDir: string, file: string): void {
  const git = (...args: string[]) => spawnSync('git', ['-C', projectDir, ...args], { encoding: 'utf8' });
  if (git('rev-parse', '--is-inside-work-tree').status !== 0) return; // not a Git checkout
  if (git('ls-files', '--error-unmatch', file).status === 0) {
    throw new ConfigError(file, '', 'is tracked by Git; credentials must never be committed', `git rm --cached ${file} and keep *.tfvars in .gitignore`);
  }
  if (git('check-ignore', '-q', file).status !== 0) {
    throw new ConfigError(file, '', 'would be tracked by Git; refusing to write credentials there', 'add *.tfvars to .gitignore');
  }
}

/** Writes or updates `key = "value"` lines, keeping other lines; mode 0600 even if the file existed. */
export function writeTfvars(file: string, values: Readonly<Record<string, string>>): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '') : [];
  const kept = existing.filter((line) => !Object.keys(values).some((key) => new RegExp(`^\\s*${key}\\s*=`).test(line)));
  const lines = [...kept, ...Object.keys(values).sort().map((key) => `${key} = ${hclString(values[key])}`)];
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** An HCL string literal holding `value` literally: quotes, backslashes, control characters and template starts escaped. */
export function hclString(value: string): string {
  return quoteLiteral(escapeTemplateSequences(value));
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
