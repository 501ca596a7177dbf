import type { StateSpec } from './state-config';
import { PdnsVersion } from './powerdns-versions';

/**
 * The typed model the config layer hands to constructs. Constructs never read files, environment
 * variables or the clock: everything they need is in here, already validated.
 */

/** Clouds a region environment can run on. */
export type CloudProvider = 'hetzner' | 'aws' | 'gcp' | 'azure' | 'huaweicloud' | 'oci';

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
  /** Size of a flexible shape (OCI): set, with defaults filled in, only where the cloud needs it. */
  readonly flex?: FlexShapeSize;
}

/** OCPUs and memory of one server on a flexible shape (OCI `shape_config`). */
export interface FlexShapeSize {
  /** Oracle CPUs (one physical core: two vCPUs on x86, one on Ampere). */
  readonly ocpus: number;
  /** Memory in GB. */
  readonly memoryGb: number;
}

/** Settings only Oracle Cloud (OCI) environments have (`oci` in environment.json). */
export interface OciSettings {
  /** OCID of the compartment that holds every resource (a compartment or the tenancy itself). */
  readonly compartmentId: string;
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
  /** Backend and encryption key source of this environment's stack (docs/STATE.md). */
  readonly state: StateSpec;
  /** OCI settings; present exactly when `provider` is "oci". */
  readonly oci?: OciSettings;
  /** K3s settings of the cluster on these servers, defaults filled in. */
  readonly cluster: ClusterSpec;
}

/** Packaged K3s components an environment may switch off (`disable` in the K3s config). */
export type K3sComponent = 'traefik' | 'servicelb' | 'local-storage' | 'metrics-server';

/** K3s flannel backends; `none` leaves the pod network to Cilium. */
export type FlannelBackend = 'none' | 'vxlan' | 'host-gw' | 'wireguard-native';

/**
 * K3s settings of one environment (`cluster` in environment.json). Every field has the platform
 * default filled in by the config layer; docs/K3S-CLUSTER.md explains each one.
 */
export interface ClusterSpec {
  /** Packaged components K3s does not deploy. Default: traefik, servicelb, local-storage. */
  readonly disable: readonly K3sComponent[];
  /** K3s `flannel-backend`. Default `none`: Cilium is the CNI (and is only installed then). */
  readonly flannelBackend: FlannelBackend;
  /** K3s `disable-network-policy` (Cilium enforces network policies). Default true. */
  readonly disableNetworkPolicy: boolean;
  /** Cilium replaces kube-proxy (K3s `disable-kube-proxy`). Default false; needs flannelBackend none. */
  readonly kubeProxyReplacement: boolean;
  /** Pod network (K3s `cluster-cidr`). Default 10.42.0.0/16. */
  readonly clusterCidr: string;
  /** Service network (K3s `service-cidr`). Default 10.43.0.0/16. */
  readonly serviceCidr: string;
  /** Encrypt Secrets at rest in etcd (K3s `secrets-encryption`). Default true. */
  readonly encryptAtRest: boolean;
  /** K3s embedded registry mirror (Spegel, `embedded-registry`). Default false. */
  readonly embeddedRegistry: boolean;
  /** kube-controller-manager `node-monitor-period`, a Go duration. Default 5s. */
  readonly nodeMonitorPeriod: string;
  /** kube-controller-manager `node-monitor-grace-period`, a Go duration. Default 20s. */
  readonly nodeMonitorGracePeriod: string;
  /**
   * kube-apiserver `default-watch-cache-size`; undefined leaves the flag out. Default 50. The flag
   * is a deprecated no-op on current Kubernetes (see docs/K3S-CLUSTER.md).
   */
  readonly defaultWatchCacheSize?: number;
  /** etcd `quota-backend-bytes`, an integer number of bytes. Default 1073741824 (1 GiB). */
  readonly etcdQuotaBackendBytes: number;
  /** kubelet `max-pods`. Default 50. */
  readonly maxPods: number;
  /** Flux syncs the cluster from this Git repository; absent means no Flux manifests. */
  readonly flux?: FluxSpec;
}

/** The platform's Git repository (Gitea) Flux reconciles the cluster from. */
export interface FluxSpec {
  /** HTTPS clone URL. */
  readonly url: string;
  /** Branch to follow. Default main. */
  readonly branch: string;
  /** Directory inside the repository with the cluster's kustomization. Default ./ */
  readonly path: string;
  /** How often Flux looks for new commits, a Go duration. Default 1m. */
  readonly interval: string;
  /** User name sent with the access token (variable gitea_token). Default flux. */
  readonly username: string;
}

/** Everything `main.ts` needs to build the app. */
export interface SovereignModel {
  readonly environments: readonly EnvironmentSpec[];
  /** Global DNS from sovereign.json; absent when the project has no sovereign.json. */
  readonly dns?: DnsSpec;
}

/** How an application's traffic is spread over regions. */
export type Placement =
  /** Every healthy region answers. */
  | { readonly strategy: 'active-active'; readonly regions: readonly string[] }
  /** Ordered groups: the first group with a healthy region answers. */
  | { readonly strategy: 'failover'; readonly groups: readonly (readonly string[])[] }
  /** The healthy region closest to the client (needs the geoip backend with a City database). */
  | { readonly strategy: 'geo'; readonly regions: readonly string[] }
  /**
   * Weighted answers among the healthy regions (health-checked); `healthChecked: false` asks for
   * the unchecked weighted random answer (pickwrandom), which keeps answering a dead region.
   */
  | { readonly strategy: 'weighted'; readonly weights: Readonly<Record<string, number>>; readonly healthChecked?: boolean }
  /** One region, a plain A record. */
  | { readonly strategy: 'single'; readonly region: string };

/** How PowerDNS decides a region is up. */
export type HealthCheck =
  | {
      readonly type: 'http';
      readonly scheme: 'http' | 'https';
      readonly port?: number;
      readonly path: string;
      readonly host?: string;
      /** True when `host` is the application's own name because healthCheck.host was left out. */
      readonly hostDefaulted?: boolean;
      readonly expect?: string;
      readonly timeout: number;
    }
  | { readonly type: 'tcp'; readonly port: number; readonly timeout: number };

/** One hostname served by the Sovereign. */
export interface ApplicationSpec {
  /** Unique name; also the record's construct id. */
  readonly name: string;
  /** JSON pointer of this application in the DNS spec's file, for messages. */
  readonly at: string;
  /** Fully qualified name with trailing dot, e.g. portal.sovereign.example. */
  readonly fqdn: string;
  readonly ttl: number;
  readonly placement: Placement;
  readonly healthCheck: HealthCheck;
}

/** The public addresses DNS publishes for one region: at least one of the two. */
export interface RegionEndpoint {
  /** Public IPv4 (A records). */
  readonly ipv4?: string;
  /** Public IPv6 (AAAA records). */
  readonly ipv6?: string;
}

/** The global DNS (dns stack): PowerDNS zone and one LUA record per application. */
export interface DnsSpec {
  /** The file it came from, for messages. */
  readonly file: string;
  /** Zone name with trailing dot. */
  readonly zone: string;
  /** Whether the dns stack creates the zone (false: it exists and is managed elsewhere). */
  readonly manageZone: boolean;
  /** Name servers of the zone (FQDNs with trailing dot). */
  readonly nameservers: readonly string[];
  /** PowerDNS version the records must work on; newer functions/options are refused. */
  readonly powerdnsVersion: PdnsVersion;
  /**
   * Literal public addresses per region (IPv4 and/or IPv6); a region listed here is published with
   * exactly these, regions not listed use their stack's load balancer outputs.
   */
  readonly endpoints: Readonly<Record<string, RegionEndpoint>>;
  readonly applications: readonly ApplicationSpec[];
  /** Backend and encryption key source of the dns stack (docs/STATE.md). */
  readonly state: StateSpec;
}
