/**
 * The typed model the config layer hands to constructs. Constructs never read files, environment
 * variables or the clock: everything they need is in here, already validated.
 */

/** Clouds a region environment can run on. */
export type CloudProvider = 'hetzner' | 'aws' | 'gcp' | 'azure';

/** A group of identical servers. */
export interface NodePoolSpec {
  /** DNS-safe name, unique within the environment; part of resource names. */
  readonly name: string;
  /** Number of servers. */
  readonly count: number;
  /** The cloud's instance/server type, e.g. `cpx31`. */
  readonly instanceType: string;
  /** Extra labels for these servers only. */
  readonly labels: Readonly<Record<string, string>>;
}

/** One region of one cloud: `environments/<provider>-<region>/environment.json`. */
export interface EnvironmentSpec {
  /** Directory name, also the stack name: `<provider>-<region>[-<suffix>]`. */
  readonly name: string;
  /** The environment file, relative to the project root (for messages). */
  readonly file: string;
  readonly provider: CloudProvider;
  readonly region: string;
  /** Failure domains servers are spread over, in order (AZs, zones; the location on Hetzner). */
  readonly zones: readonly string[];
  /** Private network range and the subnet servers get their addresses from. */
  readonly network: { readonly cidr: string; readonly subnetCidr: string };
  /** K3s servers; always an odd count. */
  readonly controlPlane: NodePoolSpec;
  /** K3s agents. */
  readonly agentPools: readonly NodePoolSpec[];
  /** OS image name. */
  readonly image: string;
  /** SSH public keys installed on every server. */
  readonly sshPublicKeys: readonly string[];
  /** CIDRs allowed to reach SSH and the Kubernetes API; empty means nobody from outside. */
  readonly adminCidrs: readonly string[];
  /** Labels put on every resource that takes them. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Everything `main.ts` needs to build the app. */
export interface SovereignModel {
  readonly environments: readonly EnvironmentSpec[];
}
