import versions from '../versions.json';

/**
 * Typed access to the releases pinned in versions.json (the one place versions live) for the
 * modules that install software on the servers. A JSON import: read at compile time, not a file
 * access at synth.
 */

/** A Helm chart in a repository, at a pinned version. */
export interface HelmChartRelease {
  /** Chart repository URL. */
  readonly repo: string;
  /** Chart name in the repository. */
  readonly chart: string;
  /** Exact chart version. */
  readonly version: string;
}

/** What K3sCluster installs: K3s itself and the charts K3s deploys at boot. */
export interface K3sReleases {
  readonly k3s: {
    /** The K3s release, `v<kubernetes>+k3s<n>`. */
    readonly version: string;
    /** Base URL of the release downloads; the version (URL-encoded) and file name follow. */
    readonly downloadUrl: string;
    /** Base URL of the installer; the version (URL-encoded) and `/install.sh` follow. */
    readonly installScriptUrl: string;
    /** SHA-256 of that install.sh; empty means not pinned (the script is still checked otherwise). */
    readonly installScriptSha256: string;
  };
  readonly cilium: HelmChartRelease;
  readonly flux: HelmChartRelease;
}

/** The releases pinned in versions.json. */
export const K3S_RELEASES: K3sReleases = {
  k3s: versions.k3s,
  cilium: versions.helmCharts.cilium,
  flux: versions.helmCharts.flux2,
};

/** One provider pinned in versions.json. */
export interface ProviderPin {
  /** Fully qualified source, `registry.opentofu.org/<namespace>/<type>`. */
  readonly source: string;
  readonly version: string;
  /** Built from Go source into the test bed's mirror (scripts/tools.sh). */
  readonly build: boolean;
  /** The prebuilt cdktf binding package that pins this version, e.g. `@cdktf/provider-aws@21.22.1`. */
  readonly bindings?: string;
}

/** Every provider the stacks may use, by the name its bindings give it (hcloud, aws, powerdns, …). */
export const PROVIDER_PINS: Readonly<Record<string, ProviderPin>> = versions.providers;

/** The OpenTofu release the test bed builds, and the oldest one accepted from PATH. */
export const OPENTOFU_PIN: { readonly version: string; readonly minVersion: string } = versions.opentofu;

/** Sources of the providers the test bed builds, i.e. the ones `tofu init` finds in its mirror. */
export function mirroredProviderSources(): ReadonlySet<string> {
  return new Set(Object.values(PROVIDER_PINS).filter((pin) => pin.build).map((pin) => pin.source));
}
