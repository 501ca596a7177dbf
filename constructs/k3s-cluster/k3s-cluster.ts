import { TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError } from '../../lib/config/errors';
import { EnvironmentSpec, NodePoolSpec } from '../../lib/config/model';
import { K3sReleases } from '../../lib/versions';
import { Password } from '../../providers/random/password';
import { RandomProvider } from '../../providers/random/provider';
import { NodeBootstrap, ServerIdentity, UserDataLimit } from '../provider-vm/vm-platform';
import { agentWideConfig, joinUrl, K3sConfig, nodeConfig, poolConfig, serverWideConfig } from './k3s-config';
import { ciliumHelmChart, fluxInstallManifests, fluxSyncManifests, manifestFile } from './manifests';
import { measureUserData, Placeholders, UserDataSize } from './user-data';
import { toYaml } from './yaml';

/** Length of the generated K3s token (letters and digits). */
export const K3S_TOKEN_LENGTH = 48;

/** Longest Gitea access token the variable `gitea_token` accepts (user data sizes count with it). */
export const GITEA_TOKEN_MAX_LENGTH = 256;

/** Characters the Gitea token may have: safe inside a double-quoted YAML string. */
export const GITEA_TOKEN_PATTERN = '^[A-Za-z0-9._~+/=-]+$';

/** Where the install script lands on every server. */
export const INSTALL_SCRIPT_PATH = '/usr/local/lib/sovereign/install-k3s.sh';

/** Folders K3s reads: its config (and drop-ins) and the manifests it applies at start. */
export const K3S_PATHS = {
  config: '/etc/rancher/k3s/config.yaml',
  dropIns: '/etc/rancher/k3s/config.yaml.d',
  manifests: '/var/lib/rancher/k3s/server/manifests',
} as const;

/** Data of `templates/cloud-init.yaml.hbs`. */
export interface CloudInitContext {
  readonly environment: string;
  readonly server: string;
  readonly role: 'server' | 'agent';
  readonly pool: string;
  readonly k3sVersion: string;
  /** Files cloud-init writes; `content` is already indented for the YAML block. */
  readonly files: readonly { readonly path: string; readonly permissions: string; readonly content: string }[];
  readonly installScript: string;
}

/** Data of `templates/install-k3s.sh.hbs`; every value is safe inside single quotes. */
export interface InstallScriptContext {
  readonly environment: string;
  readonly server: string;
  readonly role: 'server' | 'agent';
  /** systemd unit the installer creates: `k3s` or `k3s-agent`. */
  readonly service: string;
  readonly k3sVersion: string;
  readonly releaseUrl: string;
  readonly installerUrl: string;
  readonly installerSha256: string;
  /** Empty on the first server. */
  readonly joinUrl: string;
  readonly maxAttempts: number;
  readonly maxDelaySeconds: number;
  readonly joinWaitSeconds: number;
}

/** The two templates K3sCluster renders, compiled (lib/templates.ts loads them). */
export interface K3sTemplates {
  readonly cloudInit: (context: CloudInitContext) => string;
  readonly installScript: (context: InstallScriptContext) => string;
}

/** How patiently the install script downloads and waits. */
export interface InstallPolicy {
  /**
   * Attempts per download before the script fails.
   * @default 8
   */
  readonly maxAttempts?: number;
  /**
   * Longest wait between two attempts, in seconds (waits double from 2 s up to this).
   * @default 60
   */
  readonly maxDelaySeconds?: number;
  /**
   * How long a joining node waits for the first server before it starts K3s anyway, in seconds.
   * @default 900
   */
  readonly joinWaitSeconds?: number;
}

/** Props for {@link K3sCluster}. */
export interface K3sClusterProps {
  /**
   * The validated environment: its pools (the control-plane pool runs K3s servers, the others
   * agents), its `cluster` settings and its file name (for messages).
   */
  readonly environment: EnvironmentSpec;
  /** Pinned releases of K3s, Cilium and Flux (lib/versions.ts reads them from versions.json). */
  readonly releases: K3sReleases;
  /** The compiled templates (lib/templates.ts loads them; constructs never read files). */
  readonly templates: K3sTemplates;
  /**
   * Retries and waits of the install script.
   * @default - 8 attempts per download, waits up to 60 s, joiners wait 900 s for the first server
   */
  readonly install?: InstallPolicy;
}

/** One server's rendered user data and its size, for tests and reports. */
export interface RenderedUserData {
  readonly server: ServerIdentity;
  /** The user data as the server receives it, with placeholders where the secrets go. */
  readonly text: string;
  readonly size: UserDataSize;
}

/**
 * A highly available K3s cluster installed by cloud-init alone, on any provider-vm platform: pass
 * it as the platform's `bootstrap` and it returns each server's user data.
 *
 * - The first control-plane server runs `cluster-init`; every other node joins it at its static
 *   private IP (`controlPlanePrivateIps[0]`), never through the load balancer (on GCP the load
 *   balancer's address is local to every backend).
 * - The K3s token is a `random_password` (48 letters and digits) kept only in state; every node
 *   gets it through user data.
 * - Keys every server must share come from one function and land in one drop-in file that is
 *   byte-identical on all servers; node and pool keys live in their own files.
 * - Servers carry the Cilium HelmChart (bootstrap, installed before any CNI) and, when the
 *   environment names a repository, the Flux controllers and their GitRepository and Kustomization;
 *   the Gitea token is the sensitive variable `gitea_token`.
 * - Every server's user data is checked against its cloud's limit at synth; the error names the
 *   environment file, the pool and the size.
 */
export class K3sCluster extends Construct implements NodeBootstrap {
  /** The cluster token (sensitive; in state only). */
  public readonly token: Password;
  /** The Gitea token variable, when Flux is configured. */
  public readonly giteaToken?: TerraformVariable;
  /** Every server's user data rendered so far, in the order the platform asked for it. */
  public readonly rendered: RenderedUserData[] = [];
  /** The placeholders in `rendered` texts and the references that replace them. */
  public readonly placeholders = new Placeholders();

  private readonly props: K3sClusterProps;
  private readonly tokenPlaceholder: string;
  private readonly giteaTokenPlaceholder?: string;

  constructor(scope: Construct, id: string, props: K3sClusterProps) {
    super(scope, id);
    this.props = props;
    const env = props.environment;

    new RandomProvider(this, 'random');
    this.token = new Password(this, 'token', { length: K3S_TOKEN_LENGTH, special: false });
    this.tokenPlaceholder = this.placeholders.add({ name: 'K3S_TOKEN', reference: this.token.result, maxLength: K3S_TOKEN_LENGTH });

    if (env.cluster.flux) {
      const variable = new TerraformVariable(this, 'gitea_token', {
        type: 'string',
        sensitive: true,
        description: `Access token Flux uses for ${env.cluster.flux.url} (a Gitea personal access token with read access).`,
        validation: [
          {
            condition: `\${length(var.gitea_token) <= ${GITEA_TOKEN_MAX_LENGTH} && can(regex("${GITEA_TOKEN_PATTERN}", var.gitea_token))}`,
            errorMessage: `gitea_token must be 1 to ${GITEA_TOKEN_MAX_LENGTH} characters of ${GITEA_TOKEN_PATTERN}.`,
          },
        ],
      });
      variable.overrideLogicalId('gitea_token');
      this.giteaToken = variable;
      this.giteaTokenPlaceholder = this.placeholders.add({ name: 'GITEA_TOKEN', reference: variable.stringValue, maxLength: GITEA_TOKEN_MAX_LENGTH });
    }
  }

  /** The user data of one server; throws a ConfigError when it exceeds the cloud's `limit`. */
  public userData(server: ServerIdentity, limit: UserDataLimit): string {
    const text = this.render(server);
    const env = this.props.environment;
    const size = measureUserData(text, this.placeholders, limit);
    this.rendered.push({ server, text, size });
    if (size.countedBytes > size.limit.maxBytes) {
      const pool = this.pool(server.pool);
      const measured = size.limit.encoding === 'gzip' ? `${size.countedBytes} bytes gzip-compressed (${size.bytes} bytes uncompressed)` : `${size.bytes} bytes`;
      throw new ConfigError(
        env.file,
        pool.at,
        `user data of ${server.name} (pool "${server.pool}") is ${measured}; ${env.provider} accepts at most ${size.limit.documented}`,
        `${size.limit.maxBytes} bytes${size.limit.encoding === 'gzip' ? ' compressed' : ''} or less; fewer or shorter pool labels`,
      );
    }
    return this.placeholders.resolve(text);
  }

  /** The user data with placeholders where deferred values go (what the size checks measure). */
  private render(server: ServerIdentity): string {
    const { environment: env, releases, templates } = this.props;
    const cluster = env.cluster;
    const { spec: pool } = this.pool(server.pool);
    const first = server.controlPlanePrivateIps[0];
    if (first === undefined) throw new Error(`${env.file}: the platform passed no control-plane address for ${server.name}`);
    const isFirst = server.role === 'server' && server.privateIp === first;

    const node = nodeConfig({ role: server.role, name: server.name, privateIp: server.privateIp, joinAddress: isFirst ? undefined : first, token: this.tokenPlaceholder });
    const shared = server.role === 'server'
      ? serverWideConfig(cluster, releases.k3s.version, server.apiAddresses.map((a, i) => this.apiAddress(a.value, a.maxLength, i)))
      : agentWideConfig(cluster);
    const files: Array<{ path: string; permissions: string; content: string }> = [
      { path: K3S_PATHS.config, permissions: '0600', content: configFile(node, 'this node') },
      { path: `${K3S_PATHS.dropIns}/10-cluster.yaml`, permissions: '0600', content: configFile(shared, server.role === 'server' ? 'every server (must be identical on all of them)' : 'every agent') },
      { path: `${K3S_PATHS.dropIns}/20-pool.yaml`, permissions: '0600', content: configFile(poolConfig(pool), `pool ${pool.name}`) },
    ];
    if (server.role === 'server') {
      if (cluster.flannelBackend === 'none') {
        const nodes = env.controlPlane.count + env.agentPools.reduce((sum, p) => sum + p.count, 0);
        const chart = ciliumHelmChart({ chart: releases.cilium, kubeProxyReplacement: cluster.kubeProxyReplacement, operatorReplicas: Math.min(2, nodes) });
        files.push({ path: `${K3S_PATHS.manifests}/cilium.yaml`, permissions: '0600', content: manifestFile([chart]) });
      }
      if (cluster.flux && this.giteaTokenPlaceholder) {
        const flux = { chart: releases.flux, flux: cluster.flux, token: this.giteaTokenPlaceholder };
        files.push(
          { path: `${K3S_PATHS.manifests}/flux.yaml`, permissions: '0600', content: manifestFile(fluxInstallManifests(flux)) },
          { path: `${K3S_PATHS.manifests}/flux-sync.yaml`, permissions: '0600', content: manifestFile(fluxSyncManifests(flux)) },
        );
      }
    }
    files.push({ path: INSTALL_SCRIPT_PATH, permissions: '0700', content: templates.installScript(this.installContext(server, isFirst ? '' : joinUrl(first))) });

    return templates.cloudInit({
      environment: env.name,
      server: server.name,
      role: server.role,
      pool: server.pool,
      k3sVersion: releases.k3s.version,
      files: files.map((f) => ({ ...f, content: indentBlock(f.path, f.content) })),
      installScript: INSTALL_SCRIPT_PATH,
    });
  }

  private installContext(server: ServerIdentity, join: string): InstallScriptContext {
    const { environment: env, releases, install = {} } = this.props;
    const version = encodeURIComponent(releases.k3s.version);
    const context: InstallScriptContext = {
      environment: env.name,
      server: server.name,
      role: server.role,
      service: server.role === 'server' ? 'k3s' : 'k3s-agent',
      k3sVersion: releases.k3s.version,
      releaseUrl: `${releases.k3s.downloadUrl}/${version}`,
      installerUrl: `${releases.k3s.installScriptUrl}/${version}/install.sh`,
      installerSha256: releases.k3s.installScriptSha256,
      joinUrl: join,
      maxAttempts: install.maxAttempts ?? 8,
      maxDelaySeconds: install.maxDelaySeconds ?? 60,
      joinWaitSeconds: install.joinWaitSeconds ?? 900,
    };
    for (const [key, value] of Object.entries(context)) {
      if (!/^[A-Za-z0-9._:/%+@=-]*$/.test(String(value))) throw new Error(`install script value ${key} "${value}" is not safe inside single quotes`);
    }
    return context;
  }

  /** A load balancer address: literal when known at synth, else a placeholder of its longest form. */
  private apiAddress(value: string, maxLength: number, index: number): string {
    return Token.isUnresolved(value) ? this.placeholders.add({ name: `LB${index}`, reference: value, maxLength }) : value;
  }

  /** The pool a server belongs to, with its JSON pointer in the environment file. */
  private pool(name: string): { spec: NodePoolSpec; at: string } {
    const env = this.props.environment;
    if (env.controlPlane.name === name) return { spec: env.controlPlane, at: '/controlPlane' };
    const index = env.agentPools.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`${env.file}: the platform built a server of unknown pool "${name}"`);
    return { spec: env.agentPools[index], at: `/agentPools/${index}` };
  }
}

/** A K3s config file: a comment naming whom it is for, then the keys. */
function configFile(config: K3sConfig, forWhom: string): string {
  return `# K3s configuration for ${forWhom}; generated by sovereign-tofu.\n${toYaml(config)}`;
}

/** File content as a YAML literal block under `content: |` (six spaces; blank lines stay empty). */
function indentBlock(path: string, content: string): string {
  if (/^[ \t]/.test(content) || !content.endsWith('\n') || content.endsWith('\n\n') || /[\r\t]/.test(content)) {
    throw new Error(`${path}: content must start without blanks, end with exactly one newline and hold no tabs or carriage returns`);
  }
  return content
    .slice(0, -1)
    .split('\n')
    .map((line) => (line === '' ? '' : `      ${line}`))
    .join('\n');
}
