/**
 * The walls of the design (../shared/DESIGN.md, "Rooms" and "Walls"; docs/ARCHITECTURE.md), checked
 * by dependency-cruiser: `npm run lint:deps`, part of `npm run test:all`. Every rule is an error.
 *
 * Cloud bindings: each cloud's provider bindings may be imported only by its file in
 * constructs/provider-vm/ (tests may import them to inspect output). A new cloud adds one line to
 * CLOUDS.
 */
const CLOUDS = [
  { cloud: 'hcloud', bindings: '^providers/hcloud/' },
  { cloud: 'aws', bindings: '^node_modules/@cdktf/provider-aws/' },
  { cloud: 'gcp', bindings: '^node_modules/@cdktf/provider-google/' },
  { cloud: 'azure', bindings: '^node_modules/@cdktf/provider-azurerm/' },
  { cloud: 'huaweicloud', bindings: '^providers/huaweicloud/' },
  { cloud: 'oci', bindings: '^providers/oci/' },
];

/** Where generated bindings live and who may read them besides their cloud file. */
const BINDING_READERS = ['^__tests__/', '^scripts/'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    ...CLOUDS.map(({ cloud, bindings }) => ({
      name: `only-${cloud}-imports-its-bindings`,
      severity: 'error',
      comment: `Only constructs/provider-vm/${cloud}.ts imports the ${cloud} bindings.`,
      from: { pathNot: [`^constructs/provider-vm/${cloud}\\.ts$`, bindings, ...BINDING_READERS] },
      to: { path: bindings },
    })),
    {
      name: 'no-binding-package-root',
      severity: 'error',
      comment: 'Deep imports of the prebuilt bindings only: a package root loads every resource (seconds, hundreds of MB).',
      from: {},
      to: { path: '^node_modules/@cdktf/provider-(?!generator/)[^/]+/lib/index\\.js$' },
    },
    {
      name: 'constructs-not-above',
      severity: 'error',
      comment: 'Constructs get a typed model; they never import the CLI, the config loader, export, archive, hand-over, main.ts or file readers.',
      from: { path: '^constructs/' },
      to: { path: ['^lib/(cli|export|archive|handover)/', '^lib/config/(load-environments|load-sovereign|json-document)\\.ts$', '^lib/templates\\.ts$', '^lib/tofu\\.ts$', '^main\\.ts$', '^(bin|bench|scripts)/'] },
    },
    {
      name: 'constructs-no-io',
      severity: 'error',
      comment: 'Constructs never read files, run programs or open sockets (deterministic synth).',
      from: { path: '^constructs/' },
      to: { dependencyTypes: ['core'], path: '^(fs|fs/promises|child_process|net|dgram|http|https|os)$' },
    },
    {
      name: 'k3s-and-dns-apart',
      severity: 'error',
      comment: 'k3s-cluster and dns-failover never import each other.',
      from: { path: '^constructs/(k3s-cluster|dns-failover)/' },
      to: { path: '^constructs/(k3s-cluster|dns-failover)/', pathNot: '^constructs/$1/' },
    },
    {
      name: 'k3s-and-dns-see-clouds-through-interfaces',
      severity: 'error',
      comment: 'k3s-cluster and dns-failover know clouds only through VmPlatform (provider-vm/vm-platform.ts).',
      from: { path: '^constructs/(k3s-cluster|dns-failover)/' },
      to: { path: '^constructs/provider-vm/', pathNot: '^constructs/provider-vm/vm-platform\\.ts$' },
    },
    {
      name: 'lua-builder-pure',
      severity: 'error',
      comment: 'The Lua builder is pure: no cdktf, no constructs.',
      from: { path: '^constructs/dns-failover/lua(\\.ts$|/)' },
      to: { path: ['^node_modules/(cdktf|constructs)/', '^providers/'] },
    },
    {
      name: 'config-imports-only-config-and-common',
      severity: 'error',
      comment: 'The config layer imports only itself, lib/common, ajv and Node built-ins (never constructs or bindings).',
      from: { path: '^lib/config/' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^lib/config/', '^lib/common/', '^node_modules/ajv/'] },
    },
    {
      name: 'common-imports-nothing-of-ours',
      severity: 'error',
      comment: 'lib/common holds pure helpers every layer may use; it imports only itself and Node built-ins.',
      from: { path: '^lib/common/' },
      to: { dependencyTypesNot: ['core'], pathNot: '^lib/common/' },
    },
    {
      name: 'only-cli-above-main',
      severity: 'error',
      comment: 'main.ts only builds the app: nothing but lib/cli (and tests/bench) imports it, and it imports no CLI.',
      from: { path: '^main\\.ts$' },
      to: { path: '^lib/cli/' },
    },
    {
      name: 'nothing-below-cli-imports-cli',
      severity: 'error',
      comment: 'lib/cli sits on top: only bin/ enters it.',
      from: { pathNot: ['^lib/cli/', '^bin/', '^__tests__/'] },
      to: { path: '^lib/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^cdktf\\.out/', '^dist/'] },
    tsPreCompilationDeps: true,
    // Resolve through symlinks as Node does not: paths stay under node_modules/ (the walls test links it).
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
