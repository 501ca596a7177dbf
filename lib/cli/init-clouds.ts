/**
 * What `sovereign init` asks per cloud, in one table: a cloud added to the project adds one entry
 * (the Record type makes a missing one a type error). Shapes are checked as the answer is given.
 */
import { CloudProvider } from '../config/model';

/** One value `init` writes to tofu.tfvars (a variable the cloud's stack declares). */
export interface CredentialQuestion {
  /** Variable name in tofu.tfvars, exactly as the stack declares it. */
  readonly variable: string;
  /** The question, with where the value comes from when left empty. */
  readonly message: string;
  /** Read without echo; never printed, not even in the summary. */
  readonly secret: boolean;
  /** May be left empty: the provider then reads `envFallback`. */
  readonly optional: boolean;
  /** Environment variable the provider reads when the variable is unset. */
  readonly envFallback?: string;
  /** Why `value` (non-empty, trimmed) is not acceptable, or undefined when it is. */
  readonly check: (value: string) => string | undefined;
}

/** A provider environment variable init checks the shape of when it is set (never asked for, never written). */
export interface EnvironmentCredential {
  readonly name: string;
  readonly check: (value: string) => string | undefined;
}

/** A cloud-specific setting of environment.json that init asks for, right after the region. */
export interface SettingQuestion {
  /** Key of the answer in `InitAnswers.settings` (and in a `--from` file's `settings` object). */
  readonly key: string;
  /** The question. */
  readonly message: string;
  /**
   * Answer proposed (and used when a `--from` file leaves the key out).
   * @default - none: an answer is required
   */
  readonly default?: string;
  /** Where synth reports a problem with the answer (a pool setting: the control plane's copy). */
  readonly pointer: string;
  /** The answer as environment.json fragments: top-level keys, and keys of every pool. */
  readonly place: (value: string) => { readonly environment?: Record<string, unknown>; readonly pool?: Record<string, unknown> };
}

/** Everything init knows about one cloud. */
export interface CloudInit {
  /** Instance type proposed first (2 vCPU, 4–8 GB: a sensible K3s server). */
  readonly defaultInstanceType: string;
  /** Instance types offered as a list (more can be typed; the cloud's pattern checks them). */
  readonly instanceTypes: readonly string[];
  /** Where the provider takes credentials from, shown before the credential questions. */
  readonly hint: string;
  readonly credentials: readonly CredentialQuestion[];
  /** Provider environment variables whose shape is checked when they are set. */
  readonly environment: readonly EnvironmentCredential[];
  /** Why at least one SSH public key is needed, when the cloud needs one. */
  readonly sshKeyRequired?: string;
  /**
   * Settings only this cloud has (checked by the same rules as synth, at their pointer).
   * @default - none
   */
  readonly settings?: readonly SettingQuestion[];
}

const shape = (pattern: RegExp, what: string) => (value: string) => (pattern.test(value) ? undefined : what);

/** Hetzner Cloud API tokens: 64 letters and digits (the provider refuses any other length). */
export const checkHcloudToken = shape(/^[A-Za-z0-9]{64}$/, 'a Hetzner Cloud API token is exactly 64 letters and digits');
/** AWS access key ids: AKIA (long-term) or ASIA (temporary) and 16 more capitals or digits. */
export const checkAwsAccessKeyId = shape(/^(AKIA|ASIA)[A-Z0-9]{16}$/, 'an AWS access key id is AKIA or ASIA followed by 16 capital letters or digits');
/** AWS secret access keys: 40 characters of base64 (letters, digits, + and /). */
export const checkAwsSecretKey = shape(/^[A-Za-z0-9+/]{40}$/, 'an AWS secret access key is 40 letters, digits, + or /');
/** GCP project ids: 6–30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
export const checkGcpProject = shape(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'a GCP project id is 6–30 lowercase letters, digits or hyphens, starting with a letter');
/** OCI OCIDs of tenancies and users: ocid1.<type>.<realm>.<region or empty>.<unique id>. */
const ociOcid = (type: string) => shape(new RegExp(`^ocid1\\.${type}\\.oc[0-9]+\\.[a-z0-9-]*\\.[a-z0-9]{20,}$`), `an OCI ${type} OCID looks like ocid1.${type}.oc1..<unique id>`);
/** OCI API key fingerprints: 16 colon-separated pairs of hexadecimal digits. */
export const checkOciFingerprint = shape(/^[0-9a-f]{2}(:[0-9a-f]{2}){15}$/, 'an OCI API key fingerprint is 16 colon-separated pairs of hexadecimal digits (aa:bb:…)');
/** A whole number, as asked for OCPUs and memory. */
const wholeNumber = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

/** Azure subscription ids: a GUID. */
export const checkAzureSubscription = shape(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'an Azure subscription id is a GUID (8-4-4-4-12 hexadecimal digits)');

/** Huawei Cloud access keys (AK) and secret keys (SK): letters and digits only (no spaces, quotes or line breaks from a paste). */
export const checkHuaweicloudAccessKey = shape(/^[A-Za-z0-9]{8,128}$/, 'a Huawei Cloud access key (AK) is letters and digits only');
export const checkHuaweicloudSecretKey = shape(/^[A-Za-z0-9]{16,128}$/, 'a Huawei Cloud secret key (SK) is letters and digits only');

export const CLOUD_INIT: Readonly<Record<CloudProvider, CloudInit>> = {
  hetzner: {
    defaultInstanceType: 'cpx31',
    instanceTypes: ['cpx31', 'cpx41', 'cx32', 'cx42', 'cax21', 'cax31', 'ccx23'],
    hint: 'The token can also come from HCLOUD_TOKEN.',
    credentials: [{ variable: 'hcloud_token', message: 'Hetzner Cloud API token (empty: use HCLOUD_TOKEN)', secret: true, optional: true, envFallback: 'HCLOUD_TOKEN', check: checkHcloudToken }],
    environment: [{ name: 'HCLOUD_TOKEN', check: checkHcloudToken }],
  },
  aws: {
    defaultInstanceType: 't3.large',
    instanceTypes: ['t3.large', 't3.xlarge', 'm6i.large', 'm7g.large', 'c7g.xlarge'],
    hint: 'AWS credentials come from the provider chain only: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role.',
    credentials: [],
    environment: [
      { name: 'AWS_ACCESS_KEY_ID', check: checkAwsAccessKeyId },
      { name: 'AWS_SECRET_ACCESS_KEY', check: checkAwsSecretKey },
    ],
  },
  gcp: {
    defaultInstanceType: 'e2-standard-2',
    instanceTypes: ['e2-standard-2', 'e2-standard-4', 'n2-standard-2', 'n2-standard-4', 't2d-standard-2'],
    hint: 'Credentials come from GOOGLE_APPLICATION_CREDENTIALS, GOOGLE_CREDENTIALS or gcloud application-default login.',
    credentials: [{ variable: 'gcp_project', message: 'GCP project id', secret: false, optional: false, check: checkGcpProject }],
    environment: [],
  },
  azure: {
    defaultInstanceType: 'Standard_D2s_v5',
    instanceTypes: ['Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_B2s', 'Standard_B2ms', 'Standard_D2ps_v5'],
    hint: 'Credentials come from ARM_CLIENT_ID/ARM_CLIENT_SECRET/ARM_TENANT_ID or az login.',
    credentials: [{ variable: 'azure_subscription_id', message: 'Azure subscription id (empty: use ARM_SUBSCRIPTION_ID)', secret: false, optional: true, envFallback: 'ARM_SUBSCRIPTION_ID', check: checkAzureSubscription }],
    environment: [{ name: 'ARM_SUBSCRIPTION_ID', check: checkAzureSubscription }],
    sshKeyRequired: 'Azure needs at least one SSH public key: password login is disabled',
  },
  oci: {
    defaultInstanceType: 'VM.Standard.E5.Flex',
    instanceTypes: ['VM.Standard.E5.Flex', 'VM.Standard.E4.Flex', 'VM.Standard.A1.Flex', 'VM.Standard3.Flex'],
    // The API signing key itself is never asked for: a path here, or OCI_PRIVATE_KEY in the environment.
    hint: 'API-key credentials: the answers below, or OCI_TENANCY_OCID, OCI_USER_OCID, OCI_FINGERPRINT, OCI_PRIVATE_KEY_PATH (or OCI_PRIVATE_KEY), or ~/.oci/config.',
    settings: [
      { key: 'compartmentId', message: 'OCI compartment OCID (ocid1.compartment.oc1..…, or the tenancy OCID)', pointer: '/oci/compartmentId', place: (v) => ({ environment: { oci: { compartmentId: v } } }) },
      { key: 'ocpus', message: 'OCPUs per server', default: '2', pointer: '/controlPlane/ocpus', place: (v) => ({ pool: { ocpus: wholeNumber(v) } }) },
      { key: 'memoryGb', message: 'Memory per server in GB', default: '16', pointer: '/controlPlane/memoryGb', place: (v) => ({ pool: { memoryGb: wholeNumber(v) } }) },
    ],
    credentials: [
      { variable: 'oci_tenancy_ocid', message: 'OCI tenancy OCID (empty: use OCI_TENANCY_OCID or ~/.oci/config)', secret: false, optional: true, envFallback: 'OCI_TENANCY_OCID', check: ociOcid('tenancy') },
      { variable: 'oci_user_ocid', message: 'OCI user OCID (empty: use OCI_USER_OCID or ~/.oci/config)', secret: false, optional: true, envFallback: 'OCI_USER_OCID', check: ociOcid('user') },
      { variable: 'oci_fingerprint', message: 'API key fingerprint (empty: use OCI_FINGERPRINT or ~/.oci/config)', secret: false, optional: true, envFallback: 'OCI_FINGERPRINT', check: checkOciFingerprint },
      { variable: 'oci_private_key_path', message: 'Path to the API private key (empty: use OCI_PRIVATE_KEY_PATH or ~/.oci/config)', secret: false, optional: true, envFallback: 'OCI_PRIVATE_KEY_PATH', check: () => undefined },
    ],
    environment: [
      { name: 'OCI_TENANCY_OCID', check: ociOcid('tenancy') },
      { name: 'OCI_FINGERPRINT', check: checkOciFingerprint },
    ],
  },
  huaweicloud: {
    defaultInstanceType: 's6.large.2',
    instanceTypes: ['s6.large.2', 's6.xlarge.2', 'c7n.large.2', 'c7n.xlarge.2', 'kc1.large.4'],
    hint: 'The access key and secret key can also come from HW_ACCESS_KEY and HW_SECRET_KEY.',
    credentials: [
      { variable: 'huaweicloud_access_key', message: 'Huawei Cloud access key (empty: use HW_ACCESS_KEY)', secret: true, optional: true, envFallback: 'HW_ACCESS_KEY', check: checkHuaweicloudAccessKey },
      { variable: 'huaweicloud_secret_key', message: 'Huawei Cloud secret key (empty: use HW_SECRET_KEY)', secret: true, optional: true, envFallback: 'HW_SECRET_KEY', check: checkHuaweicloudSecretKey },
    ],
    environment: [
      { name: 'HW_ACCESS_KEY', check: checkHuaweicloudAccessKey },
      { name: 'HW_SECRET_KEY', check: checkHuaweicloudSecretKey },
    ],
  },
};
