// https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface NatGatewayConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#auto_renew NatGateway#auto_renew}
  */
  readonly autoRenew?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#charging_mode NatGateway#charging_mode}
  */
  readonly chargingMode?: string;
  /**
  * The description of the NAT gateway.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#description NatGateway#description}
  */
  readonly description?: string;
  /**
  * The enterprise project ID of the NAT gateway.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#enterprise_project_id NatGateway#enterprise_project_id}
  */
  readonly enterpriseProjectId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#id NatGateway#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * The NAT gateway name.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#name NatGateway#name}
  */
  readonly name: string;
  /**
  * The IP address used for the NG port of the NAT gateway.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#ngport_ip_address NatGateway#ngport_ip_address}
  */
  readonly ngportIpAddress?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#period NatGateway#period}
  */
  readonly period?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#period_unit NatGateway#period_unit}
  */
  readonly periodUnit?: string;
  /**
  * The region where the NAT gateway is located.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#region NatGateway#region}
  */
  readonly region?: string;
  /**
  * The specification of the NAT gateway.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#spec NatGateway#spec}
  */
  readonly spec: string;
  /**
  * The network ID of the downstream interface (the next hop of the DVR) of the NAT gateway.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#subnet_id NatGateway#subnet_id}
  */
  readonly subnetId: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#tags NatGateway#tags}
  */
  readonly tags?: { [key: string]: string };
  /**
  * The ID of the VPC to which the NAT gateway belongs.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#vpc_id NatGateway#vpc_id}
  */
  readonly vpcId: string;
  /**
  * session_conf block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#session_conf NatGateway#session_conf}
  */
  readonly sessionConf?: NatGatewaySessionConf;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#timeouts NatGateway#timeouts}
  */
  readonly timeouts?: NatGatewayTimeouts;
}
export interface NatGatewaySessionConf {
  /**
  * The ICMP session expiration time.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#icmp_session_expire_time NatGateway#icmp_session_expire_time}
  */
  readonly icmpSessionExpireTime?: number;
  /**
  * The TCP session expiration time.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#tcp_session_expire_time NatGateway#tcp_session_expire_time}
  */
  readonly tcpSessionExpireTime?: number;
  /**
  * The duration of TIME_WAIT state when TCP connection is closed.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#tcp_time_wait_time NatGateway#tcp_time_wait_time}
  */
  readonly tcpTimeWaitTime?: number;
  /**
  * The UDP session expiration time.
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#udp_session_expire_time NatGateway#udp_session_expire_time}
  */
  readonly udpSessionExpireTime?: number;
}

export function natGatewaySessionConfToTerraform(struct?: NatGatewaySessionConfOutputReference | NatGatewaySessionConf): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    icmp_session_expire_time: cdktf.numberToTerraform(struct!.icmpSessionExpireTime),
    tcp_session_expire_time: cdktf.numberToTerraform(struct!.tcpSessionExpireTime),
    tcp_time_wait_time: cdktf.numberToTerraform(struct!.tcpTimeWaitTime),
    udp_session_expire_time: cdktf.numberToTerraform(struct!.udpSessionExpireTime),
  }
}


export function natGatewaySessionConfToHclTerraform(struct?: NatGatewaySessionConfOutputReference | NatGatewaySessionConf): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    icmp_session_expire_time: {
      value: cdktf.numberToHclTerraform(struct!.icmpSessionExpireTime),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    tcp_session_expire_time: {
      value: cdktf.numberToHclTerraform(struct!.tcpSessionExpireTime),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    tcp_time_wait_time: {
      value: cdktf.numberToHclTerraform(struct!.tcpTimeWaitTime),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    udp_session_expire_time: {
      value: cdktf.numberToHclTerraform(struct!.udpSessionExpireTime),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class NatGatewaySessionConfOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): NatGatewaySessionConf | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._icmpSessionExpireTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.icmpSessionExpireTime = this._icmpSessionExpireTime;
    }
    if (this._tcpSessionExpireTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.tcpSessionExpireTime = this._tcpSessionExpireTime;
    }
    if (this._tcpTimeWaitTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.tcpTimeWaitTime = this._tcpTimeWaitTime;
    }
    if (this._udpSessionExpireTime !== undefined) {
      hasAnyValues = true;
      internalValueResult.udpSessionExpireTime = this._udpSessionExpireTime;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: NatGatewaySessionConf | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._icmpSessionExpireTime = undefined;
      this._tcpSessionExpireTime = undefined;
      this._tcpTimeWaitTime = undefined;
      this._udpSessionExpireTime = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._icmpSessionExpireTime = value.icmpSessionExpireTime;
      this._tcpSessionExpireTime = value.tcpSessionExpireTime;
      this._tcpTimeWaitTime = value.tcpTimeWaitTime;
      this._udpSessionExpireTime = value.udpSessionExpireTime;
    }
  }

  // icmp_session_expire_time - computed: true, optional: true, required: false
  private _icmpSessionExpireTime?: number; 
  public get icmpSessionExpireTime() {
    return this.getNumberAttribute('icmp_session_expire_time');
  }
  public set icmpSessionExpireTime(value: number) {
    this._icmpSessionExpireTime = value;
  }
  public resetIcmpSessionExpireTime() {
    this._icmpSessionExpireTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get icmpSessionExpireTimeInput() {
    return this._icmpSessionExpireTime;
  }

  // tcp_session_expire_time - computed: true, optional: true, required: false
  private _tcpSessionExpireTime?: number; 
  public get tcpSessionExpireTime() {
    return this.getNumberAttribute('tcp_session_expire_time');
  }
  public set tcpSessionExpireTime(value: number) {
    this._tcpSessionExpireTime = value;
  }
  public resetTcpSessionExpireTime() {
    this._tcpSessionExpireTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tcpSessionExpireTimeInput() {
    return this._tcpSessionExpireTime;
  }

  // tcp_time_wait_time - computed: true, optional: true, required: false
  private _tcpTimeWaitTime?: number; 
  public get tcpTimeWaitTime() {
    return this.getNumberAttribute('tcp_time_wait_time');
  }
  public set tcpTimeWaitTime(value: number) {
    this._tcpTimeWaitTime = value;
  }
  public resetTcpTimeWaitTime() {
    this._tcpTimeWaitTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tcpTimeWaitTimeInput() {
    return this._tcpTimeWaitTime;
  }

  // udp_session_expire_time - computed: true, optional: true, required: false
  private _udpSessionExpireTime?: number; 
  public get udpSessionExpireTime() {
    return this.getNumberAttribute('udp_session_expire_time');
  }
  public set udpSessionExpireTime(value: number) {
    this._udpSessionExpireTime = value;
  }
  public resetUdpSessionExpireTime() {
    this._udpSessionExpireTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get udpSessionExpireTimeInput() {
    return this._udpSessionExpireTime;
  }
}
export interface NatGatewayTimeouts {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#create NatGateway#create}
  */
  readonly create?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#delete NatGateway#delete}
  */
  readonly delete?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#update NatGateway#update}
  */
  readonly update?: string;
}

export function natGatewayTimeoutsToTerraform(struct?: NatGatewayTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    create: cdktf.stringToTerraform(struct!.create),
    delete: cdktf.stringToTerraform(struct!.delete),
    update: cdktf.stringToTerraform(struct!.update),
  }
}


export function natGatewayTimeoutsToHclTerraform(struct?: NatGatewayTimeouts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    create: {
      value: cdktf.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktf.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktf.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class NatGatewayTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): NatGatewayTimeouts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: NatGatewayTimeouts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._update = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway huaweicloud_nat_gateway}
*/
export class NatGateway extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "huaweicloud_nat_gateway";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a NatGateway resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the NatGateway to import
  * @param importFromId The id of the existing NatGateway that should be imported. Refer to the {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the NatGateway to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "huaweicloud_nat_gateway", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/nat_gateway huaweicloud_nat_gateway} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options NatGatewayConfig
  */
  public constructor(scope: Construct, id: string, config: NatGatewayConfig) {
    super(scope, id, {
      terraformResourceType: 'huaweicloud_nat_gateway',
      terraformGeneratorMetadata: {
        providerName: 'huaweicloud',
        providerVersion: '1.97.1'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._autoRenew = config.autoRenew;
    this._chargingMode = config.chargingMode;
    this._description = config.description;
    this._enterpriseProjectId = config.enterpriseProjectId;
    this._id = config.id;
    this._name = config.name;
    this._ngportIpAddress = config.ngportIpAddress;
    this._period = config.period;
    this._periodUnit = config.periodUnit;
    this._region = config.region;
    this._spec = config.spec;
    this._subnetId = config.subnetId;
    this._tags = config.tags;
    this._vpcId = config.vpcId;
    this._sessionConf.internalValue = config.sessionConf;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // auto_renew - computed: false, optional: true, required: false
  private _autoRenew?: string; 
  public get autoRenew() {
    return this.getStringAttribute('auto_renew');
  }
  public set autoRenew(value: string) {
    this._autoRenew = value;
  }
  public resetAutoRenew() {
    this._autoRenew = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoRenewInput() {
    return this._autoRenew;
  }

  // billing_info - computed: true, optional: false, required: false
  public get billingInfo() {
    return this.getStringAttribute('billing_info');
  }

  // bps_max - computed: true, optional: false, required: false
  public get bpsMax() {
    return this.getNumberAttribute('bps_max');
  }

  // charging_mode - computed: true, optional: true, required: false
  private _chargingMode?: string; 
  public get chargingMode() {
    return this.getStringAttribute('charging_mode');
  }
  public set chargingMode(value: string) {
    this._chargingMode = value;
  }
  public resetChargingMode() {
    this._chargingMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get chargingModeInput() {
    return this._chargingMode;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // description - computed: false, optional: true, required: false
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  public resetDescription() {
    this._description = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // dnat_rules_limit - computed: true, optional: false, required: false
  public get dnatRulesLimit() {
    return this.getNumberAttribute('dnat_rules_limit');
  }

  // enterprise_project_id - computed: true, optional: true, required: false
  private _enterpriseProjectId?: string; 
  public get enterpriseProjectId() {
    return this.getStringAttribute('enterprise_project_id');
  }
  public set enterpriseProjectId(value: string) {
    this._enterpriseProjectId = value;
  }
  public resetEnterpriseProjectId() {
    this._enterpriseProjectId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enterpriseProjectIdInput() {
    return this._enterpriseProjectId;
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // ngport_ip_address - computed: true, optional: true, required: false
  private _ngportIpAddress?: string; 
  public get ngportIpAddress() {
    return this.getStringAttribute('ngport_ip_address');
  }
  public set ngportIpAddress(value: string) {
    this._ngportIpAddress = value;
  }
  public resetNgportIpAddress() {
    this._ngportIpAddress = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ngportIpAddressInput() {
    return this._ngportIpAddress;
  }

  // period - computed: false, optional: true, required: false
  private _period?: number; 
  public get period() {
    return this.getNumberAttribute('period');
  }
  public set period(value: number) {
    this._period = value;
  }
  public resetPeriod() {
    this._period = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get periodInput() {
    return this._period;
  }

  // period_unit - computed: false, optional: true, required: false
  private _periodUnit?: string; 
  public get periodUnit() {
    return this.getStringAttribute('period_unit');
  }
  public set periodUnit(value: string) {
    this._periodUnit = value;
  }
  public resetPeriodUnit() {
    this._periodUnit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get periodUnitInput() {
    return this._periodUnit;
  }

  // pps_max - computed: true, optional: false, required: false
  public get ppsMax() {
    return this.getNumberAttribute('pps_max');
  }

  // region - computed: true, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // snat_rule_public_ip_limit - computed: true, optional: false, required: false
  public get snatRulePublicIpLimit() {
    return this.getNumberAttribute('snat_rule_public_ip_limit');
  }

  // spec - computed: false, optional: false, required: true
  private _spec?: string; 
  public get spec() {
    return this.getStringAttribute('spec');
  }
  public set spec(value: string) {
    this._spec = value;
  }
  // Temporarily expose input value. Use with caution.
  public get specInput() {
    return this._spec;
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // subnet_id - computed: false, optional: false, required: true
  private _subnetId?: string; 
  public get subnetId() {
    return this.getStringAttribute('subnet_id');
  }
  public set subnetId(value: string) {
    this._subnetId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get subnetIdInput() {
    return this._subnetId;
  }

  // tags - computed: true, optional: true, required: false
  private _tags?: { [key: string]: string }; 
  public get tags() {
    return this.getStringMapAttribute('tags');
  }
  public set tags(value: { [key: string]: string }) {
    this._tags = value;
  }
  public resetTags() {
    this._tags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tagsInput() {
    return this._tags;
  }

  // vpc_id - computed: false, optional: false, required: true
  private _vpcId?: string; 
  public get vpcId() {
    return this.getStringAttribute('vpc_id');
  }
  public set vpcId(value: string) {
    this._vpcId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get vpcIdInput() {
    return this._vpcId;
  }

  // session_conf - computed: false, optional: true, required: false
  private _sessionConf = new NatGatewaySessionConfOutputReference(this, "session_conf");
  public get sessionConf() {
    return this._sessionConf;
  }
  public putSessionConf(value: NatGatewaySessionConf) {
    this._sessionConf.internalValue = value;
  }
  public resetSessionConf() {
    this._sessionConf.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sessionConfInput() {
    return this._sessionConf.internalValue;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new NatGatewayTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: NatGatewayTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      auto_renew: cdktf.stringToTerraform(this._autoRenew),
      charging_mode: cdktf.stringToTerraform(this._chargingMode),
      description: cdktf.stringToTerraform(this._description),
      enterprise_project_id: cdktf.stringToTerraform(this._enterpriseProjectId),
      id: cdktf.stringToTerraform(this._id),
      name: cdktf.stringToTerraform(this._name),
      ngport_ip_address: cdktf.stringToTerraform(this._ngportIpAddress),
      period: cdktf.numberToTerraform(this._period),
      period_unit: cdktf.stringToTerraform(this._periodUnit),
      region: cdktf.stringToTerraform(this._region),
      spec: cdktf.stringToTerraform(this._spec),
      subnet_id: cdktf.stringToTerraform(this._subnetId),
      tags: cdktf.hashMapper(cdktf.stringToTerraform)(this._tags),
      vpc_id: cdktf.stringToTerraform(this._vpcId),
      session_conf: natGatewaySessionConfToTerraform(this._sessionConf.internalValue),
      timeouts: natGatewayTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      auto_renew: {
        value: cdktf.stringToHclTerraform(this._autoRenew),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      charging_mode: {
        value: cdktf.stringToHclTerraform(this._chargingMode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      description: {
        value: cdktf.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enterprise_project_id: {
        value: cdktf.stringToHclTerraform(this._enterpriseProjectId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ngport_ip_address: {
        value: cdktf.stringToHclTerraform(this._ngportIpAddress),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      period: {
        value: cdktf.numberToHclTerraform(this._period),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      period_unit: {
        value: cdktf.stringToHclTerraform(this._periodUnit),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      region: {
        value: cdktf.stringToHclTerraform(this._region),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      spec: {
        value: cdktf.stringToHclTerraform(this._spec),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      subnet_id: {
        value: cdktf.stringToHclTerraform(this._subnetId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      tags: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._tags),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      vpc_id: {
        value: cdktf.stringToHclTerraform(this._vpcId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      session_conf: {
        value: natGatewaySessionConfToHclTerraform(this._sessionConf.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "NatGatewaySessionConfList",
      },
      timeouts: {
        value: natGatewayTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "NatGatewayTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
