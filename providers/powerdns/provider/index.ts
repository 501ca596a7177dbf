// https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface PowerdnsProviderConfig {
  /**
  * REST API authentication API key. Can also be set via PDNS_API_KEY.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#api_key PowerdnsProvider#api_key}
  */
  readonly apiKey?: string;
  /**
  * Content or path of a Root CA to verify the server certificate. Also via PDNS_CACERT.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#ca_certificate PowerdnsProvider#ca_certificate}
  */
  readonly caCertificate?: string;
  /**
  * Cache memory size in MB. Also via PDNS_CACHE_MEM_SIZE.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#cache_mem_size PowerdnsProvider#cache_mem_size}
  */
  readonly cacheMemSize?: string;
  /**
  * Enable caching of REST API requests. Also via PDNS_CACHE_REQUESTS.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#cache_requests PowerdnsProvider#cache_requests}
  */
  readonly cacheRequests?: boolean | cdktf.IResolvable;
  /**
  * Cache TTL in seconds. Also via PDNS_CACHE_TTL.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#cache_ttl PowerdnsProvider#cache_ttl}
  */
  readonly cacheTtl?: number;
  /**
  * REST API authentication client certificate file path (.crt). Can also be set via PDNS_CLIENT_CERT_FILE.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#client_cert_file PowerdnsProvider#client_cert_file}
  */
  readonly clientCertFile?: string;
  /**
  * REST API authentication client certificate key file path (.key). Can also be set via PDNS_CLIENT_CERT_KEY_FILE.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#client_cert_key_file PowerdnsProvider#client_cert_key_file}
  */
  readonly clientCertKeyFile?: string;
  /**
  * Disable verification of the PowerDNS server's TLS certificate. Also via PDNS_INSECURE_HTTPS.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#insecure_https PowerdnsProvider#insecure_https}
  */
  readonly insecureHttps?: boolean | cdktf.IResolvable;
  /**
  * Base URL of the PowerDNS recursor server. Also via PDNS_RECURSOR_SERVER_URL.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#recursor_server_url PowerdnsProvider#recursor_server_url}
  */
  readonly recursorServerUrl?: string;
  /**
  * Base URL of the PowerDNS server (e.g., https://pdns.example.com). Can also be set via PDNS_SERVER_URL.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#server_url PowerdnsProvider#server_url}
  */
  readonly serverUrl?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#alias PowerdnsProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs powerdns}
*/
export class PowerdnsProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "powerdns";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a PowerdnsProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PowerdnsProvider to import
  * @param importFromId The id of the existing PowerdnsProvider that should be imported. Refer to the {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PowerdnsProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "powerdns", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/mmianl/powerdns/2.4.0/docs powerdns} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PowerdnsProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: PowerdnsProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'powerdns',
      terraformGeneratorMetadata: {
        providerName: 'powerdns',
        providerVersion: '2.4.0'
      },
      terraformProviderSource: 'registry.opentofu.org/mmianl/powerdns'
    });
    this._apiKey = config.apiKey;
    this._caCertificate = config.caCertificate;
    this._cacheMemSize = config.cacheMemSize;
    this._cacheRequests = config.cacheRequests;
    this._cacheTtl = config.cacheTtl;
    this._clientCertFile = config.clientCertFile;
    this._clientCertKeyFile = config.clientCertKeyFile;
    this._insecureHttps = config.insecureHttps;
    this._recursorServerUrl = config.recursorServerUrl;
    this._serverUrl = config.serverUrl;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // api_key - computed: false, optional: true, required: false
  private _apiKey?: string; 
  public get apiKey() {
    return this._apiKey;
  }
  public set apiKey(value: string | undefined) {
    this._apiKey = value;
  }
  public resetApiKey() {
    this._apiKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiKeyInput() {
    return this._apiKey;
  }

  // ca_certificate - computed: false, optional: true, required: false
  private _caCertificate?: string; 
  public get caCertificate() {
    return this._caCertificate;
  }
  public set caCertificate(value: string | undefined) {
    this._caCertificate = value;
  }
  public resetCaCertificate() {
    this._caCertificate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caCertificateInput() {
    return this._caCertificate;
  }

  // cache_mem_size - computed: false, optional: true, required: false
  private _cacheMemSize?: string; 
  public get cacheMemSize() {
    return this._cacheMemSize;
  }
  public set cacheMemSize(value: string | undefined) {
    this._cacheMemSize = value;
  }
  public resetCacheMemSize() {
    this._cacheMemSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheMemSizeInput() {
    return this._cacheMemSize;
  }

  // cache_requests - computed: false, optional: true, required: false
  private _cacheRequests?: boolean | cdktf.IResolvable; 
  public get cacheRequests() {
    return this._cacheRequests;
  }
  public set cacheRequests(value: boolean | cdktf.IResolvable | undefined) {
    this._cacheRequests = value;
  }
  public resetCacheRequests() {
    this._cacheRequests = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheRequestsInput() {
    return this._cacheRequests;
  }

  // cache_ttl - computed: false, optional: true, required: false
  private _cacheTtl?: number; 
  public get cacheTtl() {
    return this._cacheTtl;
  }
  public set cacheTtl(value: number | undefined) {
    this._cacheTtl = value;
  }
  public resetCacheTtl() {
    this._cacheTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cacheTtlInput() {
    return this._cacheTtl;
  }

  // client_cert_file - computed: false, optional: true, required: false
  private _clientCertFile?: string; 
  public get clientCertFile() {
    return this._clientCertFile;
  }
  public set clientCertFile(value: string | undefined) {
    this._clientCertFile = value;
  }
  public resetClientCertFile() {
    this._clientCertFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientCertFileInput() {
    return this._clientCertFile;
  }

  // client_cert_key_file - computed: false, optional: true, required: false
  private _clientCertKeyFile?: string; 
  public get clientCertKeyFile() {
    return this._clientCertKeyFile;
  }
  public set clientCertKeyFile(value: string | undefined) {
    this._clientCertKeyFile = value;
  }
  public resetClientCertKeyFile() {
    this._clientCertKeyFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientCertKeyFileInput() {
    return this._clientCertKeyFile;
  }

  // insecure_https - computed: false, optional: true, required: false
  private _insecureHttps?: boolean | cdktf.IResolvable; 
  public get insecureHttps() {
    return this._insecureHttps;
  }
  public set insecureHttps(value: boolean | cdktf.IResolvable | undefined) {
    this._insecureHttps = value;
  }
  public resetInsecureHttps() {
    this._insecureHttps = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get insecureHttpsInput() {
    return this._insecureHttps;
  }

  // recursor_server_url - computed: false, optional: true, required: false
  private _recursorServerUrl?: string; 
  public get recursorServerUrl() {
    return this._recursorServerUrl;
  }
  public set recursorServerUrl(value: string | undefined) {
    this._recursorServerUrl = value;
  }
  public resetRecursorServerUrl() {
    this._recursorServerUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get recursorServerUrlInput() {
    return this._recursorServerUrl;
  }

  // server_url - computed: false, optional: true, required: false
  private _serverUrl?: string; 
  public get serverUrl() {
    return this._serverUrl;
  }
  public set serverUrl(value: string | undefined) {
    this._serverUrl = value;
  }
  public resetServerUrl() {
    this._serverUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverUrlInput() {
    return this._serverUrl;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      api_key: cdktf.stringToTerraform(this._apiKey),
      ca_certificate: cdktf.stringToTerraform(this._caCertificate),
      cache_mem_size: cdktf.stringToTerraform(this._cacheMemSize),
      cache_requests: cdktf.booleanToTerraform(this._cacheRequests),
      cache_ttl: cdktf.numberToTerraform(this._cacheTtl),
      client_cert_file: cdktf.stringToTerraform(this._clientCertFile),
      client_cert_key_file: cdktf.stringToTerraform(this._clientCertKeyFile),
      insecure_https: cdktf.booleanToTerraform(this._insecureHttps),
      recursor_server_url: cdktf.stringToTerraform(this._recursorServerUrl),
      server_url: cdktf.stringToTerraform(this._serverUrl),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      api_key: {
        value: cdktf.stringToHclTerraform(this._apiKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ca_certificate: {
        value: cdktf.stringToHclTerraform(this._caCertificate),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cache_mem_size: {
        value: cdktf.stringToHclTerraform(this._cacheMemSize),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cache_requests: {
        value: cdktf.booleanToHclTerraform(this._cacheRequests),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      cache_ttl: {
        value: cdktf.numberToHclTerraform(this._cacheTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      client_cert_file: {
        value: cdktf.stringToHclTerraform(this._clientCertFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      client_cert_key_file: {
        value: cdktf.stringToHclTerraform(this._clientCertKeyFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      insecure_https: {
        value: cdktf.booleanToHclTerraform(this._insecureHttps),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      recursor_server_url: {
        value: cdktf.stringToHclTerraform(this._recursorServerUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      server_url: {
        value: cdktf.stringToHclTerraform(this._serverUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
