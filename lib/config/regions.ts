import { CloudProvider } from './model';

/**
 * Regions each cloud offers and their failure domains (zones) used to spread servers.
 * An environment naming another region is rejected at synth; extend this table to add one.
 */
export const KNOWN_REGIONS: Readonly<Record<CloudProvider, Readonly<Record<string, readonly string[]>>>> = {
  // Hetzner locations (docs.hetzner.com/cloud/general/locations); one location is one failure
  // domain, spread placement groups put servers on different hosts.
  hetzner: { fsn1: ['fsn1'], nbg1: ['nbg1'], hel1: ['hel1'], ash: ['ash'], hil: ['hil'], sin: ['sin'] },
  aws: {
    'eu-central-1': ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
    'eu-west-1': ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    'eu-north-1': ['eu-north-1a', 'eu-north-1b', 'eu-north-1c'],
    'us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    'us-west-2': ['us-west-2a', 'us-west-2b', 'us-west-2c'],
  },
  gcp: {
    'europe-west1': ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
    'europe-west3': ['europe-west3-a', 'europe-west3-b', 'europe-west3-c'],
    'europe-west4': ['europe-west4-a', 'europe-west4-b', 'europe-west4-c'],
    'us-central1': ['us-central1-a', 'us-central1-b', 'us-central1-c'],
  },
  azure: {
    germanywestcentral: ['1', '2', '3'],
    westeurope: ['1', '2', '3'],
    northeurope: ['1', '2', '3'],
    swedencentral: ['1', '2', '3'],
    eastus: ['1', '2', '3'],
  },
  // OCI availability domains, by the suffix of their tenancy-specific names (`Uocm:EU-FRANKFURT-1-AD-1`
  // ends in AD-1; docs.oracle.com/iaas/Content/General/Concepts/regions.htm). Regions with one
  // availability domain spread servers over its three fault domains only.
  oci: {
    'eu-frankfurt-1': ['AD-1', 'AD-2', 'AD-3'],
    'uk-london-1': ['AD-1', 'AD-2', 'AD-3'],
    'us-ashburn-1': ['AD-1', 'AD-2', 'AD-3'],
    'us-phoenix-1': ['AD-1', 'AD-2', 'AD-3'],
    'eu-amsterdam-1': ['AD-1'],
    'eu-paris-1': ['AD-1'],
    'eu-zurich-1': ['AD-1'],
    'eu-stockholm-1': ['AD-1'],
    'eu-milan-1': ['AD-1'],
    'eu-madrid-1': ['AD-1'],
  },
  // Huawei Cloud regions (the international site; eu-west-1xx regions are Huawei Cloud Europe,
  // myhuaweicloud.eu, which the provider selects from the region name) and their AZs.
  huaweicloud: {
    'eu-west-101': ['eu-west-101a', 'eu-west-101b'],
    'eu-west-0': ['eu-west-0a', 'eu-west-0b', 'eu-west-0c'],
    'tr-west-1': ['tr-west-1a', 'tr-west-1b', 'tr-west-1c'],
    'af-south-1': ['af-south-1a', 'af-south-1b'],
    'ap-southeast-1': ['ap-southeast-1a', 'ap-southeast-1b'],
    'ap-southeast-2': ['ap-southeast-2a', 'ap-southeast-2b', 'ap-southeast-2c'],
    'ap-southeast-3': ['ap-southeast-3a', 'ap-southeast-3b', 'ap-southeast-3c'],
    'cn-north-4': ['cn-north-4a', 'cn-north-4b', 'cn-north-4c', 'cn-north-4g'],
    'cn-east-3': ['cn-east-3a', 'cn-east-3b', 'cn-east-3c'],
    'cn-south-1': ['cn-south-1a', 'cn-south-1c', 'cn-south-1e', 'cn-south-1f'],
  },
};

export const CLOUD_PROVIDERS = Object.keys(KNOWN_REGIONS) as CloudProvider[];

/**
 * Instance types per cloud: the shape of a valid name and the sizes too small for a K3s node
 * (K3s servers need 2 GB of memory or more).
 */
export const INSTANCE_TYPES: Readonly<Record<CloudProvider, { readonly pattern: RegExp; readonly tooSmall: RegExp; readonly example: string }>> = {
  hetzner: { pattern: /^(cx|cpx|cax|ccx)\d{2}$/, tooSmall: /^cx11$/, example: 'cx22, cpx31, cax21, ccx23' },
  aws: { pattern: /^[a-z][a-z0-9-]*\d[a-z0-9-]*\.(nano|micro|small|medium|large|xlarge|\d+xlarge|metal)$/, tooSmall: /\.(nano|micro)$/, example: 't3.medium, m6i.large, c7g.xlarge' },
  gcp: { pattern: /^[a-z]\d[a-z]?-(standard|highmem|highcpu|micro|small|medium)(-\d+)?$/, tooSmall: /^(e2-micro|e2-small|f1-micro|g1-small)$/, example: 'e2-standard-2, n2-standard-4' },
  azure: { pattern: /^Standard_[A-Z]+\d+[a-z]*(_v\d+)?$/, tooSmall: /^Standard_B1(ls|s)$/, example: 'Standard_B2s, Standard_D2s_v5' },
  // Flexible shapes only: OCPUs and memory are set per pool and checked in lib/config/clouds/oci.ts.
  oci: { pattern: /^VM\.[A-Za-z0-9]+(\.[A-Za-z0-9]+)*\.Flex$/, tooSmall: /$^/, example: 'VM.Standard.E5.Flex, VM.Standard.A1.Flex' },
  // ECS flavors are <family><generation>.<size>.<memory per vCPU in GiB>: small and medium have
  // 1 vCPU, large 2, xlarge 4, Nxlarge 4N, so s6.large.2 has 2 vCPUs and 4 GiB. Only 1 vCPU with
  // 1 GiB (small.1, medium.1) is under 2 GB; flexible x1 flavors (x1.<vCPUs>u.<GiB>g) are refused under 2 GiB.
  huaweicloud: {
    pattern: /^([a-z]+\d+[a-z]*\.(small|medium|large|xlarge|\d+xlarge)\.\d+|x\d+\.\d+u\.\d+g)$/,
    tooSmall: /^([a-z]+\d+[a-z]*\.(small|medium)\.1|x\d+\.\d+u\.1g)$/,
    example: 's6.large.2, c7n.xlarge.2, kc1.large.4',
  },
};

