// https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ComputeInstanceConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#admin_pass ComputeInstance#admin_pass}
  */
  readonly adminPass?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#agency_name ComputeInstance#agency_name}
  */
  readonly agencyName?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#agent_list ComputeInstance#agent_list}
  */
  readonly agentList?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#auto_pay ComputeInstance#auto_pay}
  */
  readonly autoPay?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#auto_renew ComputeInstance#auto_renew}
  */
  readonly autoRenew?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#auto_terminate_time ComputeInstance#auto_terminate_time}
  */
  readonly autoTerminateTime?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#availability_zone ComputeInstance#availability_zone}
  */
  readonly availabilityZone?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#charging_mode ComputeInstance#charging_mode}
  */
  readonly chargingMode?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#delete_disks_on_termination ComputeInstance#delete_disks_on_termination}
  */
  readonly deleteDisksOnTermination?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#delete_eip_on_termination ComputeInstance#delete_eip_on_termination}
  */
  readonly deleteEipOnTermination?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#description ComputeInstance#description}
  */
  readonly description?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#eip_id ComputeInstance#eip_id}
  */
  readonly eipId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#eip_type ComputeInstance#eip_type}
  */
  readonly eipType?: string;
  /**
  * schema: Internal
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#enable_jumbo_frame ComputeInstance#enable_jumbo_frame}
  */
  readonly enableJumboFrame?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#enterprise_project_id ComputeInstance#enterprise_project_id}
  */
  readonly enterpriseProjectId?: string;
  /**
  * schema: Required
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#flavor_id ComputeInstance#flavor_id}
  */
  readonly flavorId?: string;
  /**
  * schema: Computed
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#flavor_name ComputeInstance#flavor_name}
  */
  readonly flavorName?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#hostname ComputeInstance#hostname}
  */
  readonly hostname?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#id ComputeInstance#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#image_id ComputeInstance#image_id}
  */
  readonly imageId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#image_name ComputeInstance#image_name}
  */
  readonly imageName?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#include_data_disks_on_update ComputeInstance#include_data_disks_on_update}
  */
  readonly includeDataDisksOnUpdate?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#include_publicips_on_update ComputeInstance#include_publicips_on_update}
  */
  readonly includePublicipsOnUpdate?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#key_pair ComputeInstance#key_pair}
  */
  readonly keyPair?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#metadata ComputeInstance#metadata}
  */
  readonly metadata?: { [key: string]: string };
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#name ComputeInstance#name}
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#period ComputeInstance#period}
  */
  readonly period?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#period_unit ComputeInstance#period_unit}
  */
  readonly periodUnit?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#power_action ComputeInstance#power_action}
  */
  readonly powerAction?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#private_key ComputeInstance#private_key}
  */
  readonly privateKey?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#region ComputeInstance#region}
  */
  readonly region?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#security_group_ids ComputeInstance#security_group_ids}
  */
  readonly securityGroupIds?: string[];
  /**
  * schema: Computed
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#security_groups ComputeInstance#security_groups}
  */
  readonly securityGroups?: string[];
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#spot_duration ComputeInstance#spot_duration}
  */
  readonly spotDuration?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#spot_duration_count ComputeInstance#spot_duration_count}
  */
  readonly spotDurationCount?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#spot_maximum_price ComputeInstance#spot_maximum_price}
  */
  readonly spotMaximumPrice?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#stop_before_destroy ComputeInstance#stop_before_destroy}
  */
  readonly stopBeforeDestroy?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_disk_dss_pool_id ComputeInstance#system_disk_dss_pool_id}
  */
  readonly systemDiskDssPoolId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_disk_iops ComputeInstance#system_disk_iops}
  */
  readonly systemDiskIops?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_disk_kms_key_id ComputeInstance#system_disk_kms_key_id}
  */
  readonly systemDiskKmsKeyId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_disk_size ComputeInstance#system_disk_size}
  */
  readonly systemDiskSize?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_disk_throughput ComputeInstance#system_disk_throughput}
  */
  readonly systemDiskThroughput?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_disk_type ComputeInstance#system_disk_type}
  */
  readonly systemDiskType?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#system_pass_through ComputeInstance#system_pass_through}
  */
  readonly systemPassThrough?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#tags ComputeInstance#tags}
  */
  readonly tags?: { [key: string]: string };
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#user_data ComputeInstance#user_data}
  */
  readonly userData?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#user_id ComputeInstance#user_id}
  */
  readonly userId?: string;
  /**
  * bandwidth block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#bandwidth ComputeInstance#bandwidth}
  */
  readonly bandwidth?: ComputeInstanceBandwidth;
  /**
  * data_disks block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#data_disks ComputeInstance#data_disks}
  */
  readonly dataDisks?: ComputeInstanceDataDisks[] | cdktf.IResolvable;
  /**
  * enclave_options block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#enclave_options ComputeInstance#enclave_options}
  */
  readonly enclaveOptions?: ComputeInstanceEnclaveOptions;
  /**
  * network block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#network ComputeInstance#network}
  */
  readonly network: ComputeInstanceNetwork[] | cdktf.IResolvable;
  /**
  * scheduler_hints block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#scheduler_hints ComputeInstance#scheduler_hints}
  */
  readonly schedulerHints?: ComputeInstanceSchedulerHints[] | cdktf.IResolvable;
  /**
  * timeouts block
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#timeouts ComputeInstance#timeouts}
  */
  readonly timeouts?: ComputeInstanceTimeouts;
}
export interface ComputeInstanceVolumeAttached {
}

export function computeInstanceVolumeAttachedToTerraform(struct?: ComputeInstanceVolumeAttached): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function computeInstanceVolumeAttachedToHclTerraform(struct?: ComputeInstanceVolumeAttached): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class ComputeInstanceVolumeAttachedOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ComputeInstanceVolumeAttached | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ComputeInstanceVolumeAttached | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // boot_index - computed: true, optional: false, required: false
  public get bootIndex() {
    return this.getNumberAttribute('boot_index');
  }

  // data_image_id - computed: true, optional: false, required: false
  public get dataImageId() {
    return this.getStringAttribute('data_image_id');
  }

  // delete_on_termination - computed: true, optional: false, required: false
  public get deleteOnTermination() {
    return this.getStringAttribute('delete_on_termination');
  }

  // kms_key_id - computed: true, optional: false, required: false
  public get kmsKeyId() {
    return this.getStringAttribute('kms_key_id');
  }

  // pass_through - computed: true, optional: false, required: false
  public get passThrough() {
    return this.getStringAttribute('pass_through');
  }

  // pci_address - computed: true, optional: false, required: false
  public get pciAddress() {
    return this.getStringAttribute('pci_address');
  }

  // size - computed: true, optional: false, required: false
  public get size() {
    return this.getNumberAttribute('size');
  }

  // type - computed: true, optional: false, required: false
  public get type() {
    return this.getStringAttribute('type');
  }

  // volume_id - computed: true, optional: false, required: false
  public get volumeId() {
    return this.getStringAttribute('volume_id');
  }
}

export class ComputeInstanceVolumeAttachedList extends cdktf.ComplexList {

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ComputeInstanceVolumeAttachedOutputReference {
    return new ComputeInstanceVolumeAttachedOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ComputeInstanceBandwidth {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#charge_mode ComputeInstance#charge_mode}
  */
  readonly chargeMode?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#extend_param ComputeInstance#extend_param}
  */
  readonly extendParam?: { [key: string]: string };
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#id ComputeInstance#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#share_type ComputeInstance#share_type}
  */
  readonly shareType: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#size ComputeInstance#size}
  */
  readonly size?: number;
}

export function computeInstanceBandwidthToTerraform(struct?: ComputeInstanceBandwidthOutputReference | ComputeInstanceBandwidth): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    charge_mode: cdktf.stringToTerraform(struct!.chargeMode),
    extend_param: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.extendParam),
    id: cdktf.stringToTerraform(struct!.id),
    share_type: cdktf.stringToTerraform(struct!.shareType),
    size: cdktf.numberToTerraform(struct!.size),
  }
}


export function computeInstanceBandwidthToHclTerraform(struct?: ComputeInstanceBandwidthOutputReference | ComputeInstanceBandwidth): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    charge_mode: {
      value: cdktf.stringToHclTerraform(struct!.chargeMode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    extend_param: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.extendParam),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
    id: {
      value: cdktf.stringToHclTerraform(struct!.id),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    share_type: {
      value: cdktf.stringToHclTerraform(struct!.shareType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    size: {
      value: cdktf.numberToHclTerraform(struct!.size),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ComputeInstanceBandwidthOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ComputeInstanceBandwidth | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._chargeMode !== undefined) {
      hasAnyValues = true;
      internalValueResult.chargeMode = this._chargeMode;
    }
    if (this._extendParam !== undefined) {
      hasAnyValues = true;
      internalValueResult.extendParam = this._extendParam;
    }
    if (this._id !== undefined) {
      hasAnyValues = true;
      internalValueResult.id = this._id;
    }
    if (this._shareType !== undefined) {
      hasAnyValues = true;
      internalValueResult.shareType = this._shareType;
    }
    if (this._size !== undefined) {
      hasAnyValues = true;
      internalValueResult.size = this._size;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ComputeInstanceBandwidth | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._chargeMode = undefined;
      this._extendParam = undefined;
      this._id = undefined;
      this._shareType = undefined;
      this._size = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._chargeMode = value.chargeMode;
      this._extendParam = value.extendParam;
      this._id = value.id;
      this._shareType = value.shareType;
      this._size = value.size;
    }
  }

  // charge_mode - computed: false, optional: true, required: false
  private _chargeMode?: string; 
  public get chargeMode() {
    return this.getStringAttribute('charge_mode');
  }
  public set chargeMode(value: string) {
    this._chargeMode = value;
  }
  public resetChargeMode() {
    this._chargeMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get chargeModeInput() {
    return this._chargeMode;
  }

  // extend_param - computed: false, optional: true, required: false
  private _extendParam?: { [key: string]: string }; 
  public get extendParam() {
    return this.getStringMapAttribute('extend_param');
  }
  public set extendParam(value: { [key: string]: string }) {
    this._extendParam = value;
  }
  public resetExtendParam() {
    this._extendParam = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get extendParamInput() {
    return this._extendParam;
  }

  // id - computed: false, optional: true, required: false
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

  // share_type - computed: false, optional: false, required: true
  private _shareType?: string; 
  public get shareType() {
    return this.getStringAttribute('share_type');
  }
  public set shareType(value: string) {
    this._shareType = value;
  }
  // Temporarily expose input value. Use with caution.
  public get shareTypeInput() {
    return this._shareType;
  }

  // size - computed: false, optional: true, required: false
  private _size?: number; 
  public get size() {
    return this.getNumberAttribute('size');
  }
  public set size(value: number) {
    this._size = value;
  }
  public resetSize() {
    this._size = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeInput() {
    return this._size;
  }
}
export interface ComputeInstanceDataDisks {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#data_image_id ComputeInstance#data_image_id}
  */
  readonly dataImageId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#delete_on_termination ComputeInstance#delete_on_termination}
  */
  readonly deleteOnTermination?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#dss_pool_id ComputeInstance#dss_pool_id}
  */
  readonly dssPoolId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#iops ComputeInstance#iops}
  */
  readonly iops?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#kms_key_id ComputeInstance#kms_key_id}
  */
  readonly kmsKeyId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#pass_through ComputeInstance#pass_through}
  */
  readonly passThrough?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#size ComputeInstance#size}
  */
  readonly size: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#snapshot_id ComputeInstance#snapshot_id}
  */
  readonly snapshotId?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#throughput ComputeInstance#throughput}
  */
  readonly throughput?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#type ComputeInstance#type}
  */
  readonly type: string;
}

export function computeInstanceDataDisksToTerraform(struct?: ComputeInstanceDataDisks | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    data_image_id: cdktf.stringToTerraform(struct!.dataImageId),
    delete_on_termination: cdktf.stringToTerraform(struct!.deleteOnTermination),
    dss_pool_id: cdktf.stringToTerraform(struct!.dssPoolId),
    iops: cdktf.numberToTerraform(struct!.iops),
    kms_key_id: cdktf.stringToTerraform(struct!.kmsKeyId),
    pass_through: cdktf.stringToTerraform(struct!.passThrough),
    size: cdktf.numberToTerraform(struct!.size),
    snapshot_id: cdktf.stringToTerraform(struct!.snapshotId),
    throughput: cdktf.numberToTerraform(struct!.throughput),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function computeInstanceDataDisksToHclTerraform(struct?: ComputeInstanceDataDisks | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    data_image_id: {
      value: cdktf.stringToHclTerraform(struct!.dataImageId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete_on_termination: {
      value: cdktf.stringToHclTerraform(struct!.deleteOnTermination),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    dss_pool_id: {
      value: cdktf.stringToHclTerraform(struct!.dssPoolId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    iops: {
      value: cdktf.numberToHclTerraform(struct!.iops),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    kms_key_id: {
      value: cdktf.stringToHclTerraform(struct!.kmsKeyId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    pass_through: {
      value: cdktf.stringToHclTerraform(struct!.passThrough),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    size: {
      value: cdktf.numberToHclTerraform(struct!.size),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    snapshot_id: {
      value: cdktf.stringToHclTerraform(struct!.snapshotId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    throughput: {
      value: cdktf.numberToHclTerraform(struct!.throughput),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ComputeInstanceDataDisksOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ComputeInstanceDataDisks | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dataImageId !== undefined) {
      hasAnyValues = true;
      internalValueResult.dataImageId = this._dataImageId;
    }
    if (this._deleteOnTermination !== undefined) {
      hasAnyValues = true;
      internalValueResult.deleteOnTermination = this._deleteOnTermination;
    }
    if (this._dssPoolId !== undefined) {
      hasAnyValues = true;
      internalValueResult.dssPoolId = this._dssPoolId;
    }
    if (this._iops !== undefined) {
      hasAnyValues = true;
      internalValueResult.iops = this._iops;
    }
    if (this._kmsKeyId !== undefined) {
      hasAnyValues = true;
      internalValueResult.kmsKeyId = this._kmsKeyId;
    }
    if (this._passThrough !== undefined) {
      hasAnyValues = true;
      internalValueResult.passThrough = this._passThrough;
    }
    if (this._size !== undefined) {
      hasAnyValues = true;
      internalValueResult.size = this._size;
    }
    if (this._snapshotId !== undefined) {
      hasAnyValues = true;
      internalValueResult.snapshotId = this._snapshotId;
    }
    if (this._throughput !== undefined) {
      hasAnyValues = true;
      internalValueResult.throughput = this._throughput;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ComputeInstanceDataDisks | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dataImageId = undefined;
      this._deleteOnTermination = undefined;
      this._dssPoolId = undefined;
      this._iops = undefined;
      this._kmsKeyId = undefined;
      this._passThrough = undefined;
      this._size = undefined;
      this._snapshotId = undefined;
      this._throughput = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dataImageId = value.dataImageId;
      this._deleteOnTermination = value.deleteOnTermination;
      this._dssPoolId = value.dssPoolId;
      this._iops = value.iops;
      this._kmsKeyId = value.kmsKeyId;
      this._passThrough = value.passThrough;
      this._size = value.size;
      this._snapshotId = value.snapshotId;
      this._throughput = value.throughput;
      this._type = value.type;
    }
  }

  // data_image_id - computed: false, optional: true, required: false
  private _dataImageId?: string; 
  public get dataImageId() {
    return this.getStringAttribute('data_image_id');
  }
  public set dataImageId(value: string) {
    this._dataImageId = value;
  }
  public resetDataImageId() {
    this._dataImageId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dataImageIdInput() {
    return this._dataImageId;
  }

  // delete_on_termination - computed: false, optional: true, required: false
  private _deleteOnTermination?: string; 
  public get deleteOnTermination() {
    return this.getStringAttribute('delete_on_termination');
  }
  public set deleteOnTermination(value: string) {
    this._deleteOnTermination = value;
  }
  public resetDeleteOnTermination() {
    this._deleteOnTermination = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteOnTerminationInput() {
    return this._deleteOnTermination;
  }

  // dss_pool_id - computed: false, optional: true, required: false
  private _dssPoolId?: string; 
  public get dssPoolId() {
    return this.getStringAttribute('dss_pool_id');
  }
  public set dssPoolId(value: string) {
    this._dssPoolId = value;
  }
  public resetDssPoolId() {
    this._dssPoolId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dssPoolIdInput() {
    return this._dssPoolId;
  }

  // iops - computed: false, optional: true, required: false
  private _iops?: number; 
  public get iops() {
    return this.getNumberAttribute('iops');
  }
  public set iops(value: number) {
    this._iops = value;
  }
  public resetIops() {
    this._iops = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get iopsInput() {
    return this._iops;
  }

  // kms_key_id - computed: false, optional: true, required: false
  private _kmsKeyId?: string; 
  public get kmsKeyId() {
    return this.getStringAttribute('kms_key_id');
  }
  public set kmsKeyId(value: string) {
    this._kmsKeyId = value;
  }
  public resetKmsKeyId() {
    this._kmsKeyId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get kmsKeyIdInput() {
    return this._kmsKeyId;
  }

  // pass_through - computed: false, optional: true, required: false
  private _passThrough?: string; 
  public get passThrough() {
    return this.getStringAttribute('pass_through');
  }
  public set passThrough(value: string) {
    this._passThrough = value;
  }
  public resetPassThrough() {
    this._passThrough = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passThroughInput() {
    return this._passThrough;
  }

  // size - computed: false, optional: false, required: true
  private _size?: number; 
  public get size() {
    return this.getNumberAttribute('size');
  }
  public set size(value: number) {
    this._size = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeInput() {
    return this._size;
  }

  // snapshot_id - computed: false, optional: true, required: false
  private _snapshotId?: string; 
  public get snapshotId() {
    return this.getStringAttribute('snapshot_id');
  }
  public set snapshotId(value: string) {
    this._snapshotId = value;
  }
  public resetSnapshotId() {
    this._snapshotId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get snapshotIdInput() {
    return this._snapshotId;
  }

  // throughput - computed: false, optional: true, required: false
  private _throughput?: number; 
  public get throughput() {
    return this.getNumberAttribute('throughput');
  }
  public set throughput(value: number) {
    this._throughput = value;
  }
  public resetThroughput() {
    this._throughput = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get throughputInput() {
    return this._throughput;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class ComputeInstanceDataDisksList extends cdktf.ComplexList {
  public internalValue? : ComputeInstanceDataDisks[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ComputeInstanceDataDisksOutputReference {
    return new ComputeInstanceDataDisksOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ComputeInstanceEnclaveOptions {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#enabled ComputeInstance#enabled}
  */
  readonly enabled: boolean | cdktf.IResolvable;
}

export function computeInstanceEnclaveOptionsToTerraform(struct?: ComputeInstanceEnclaveOptionsOutputReference | ComputeInstanceEnclaveOptions): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enabled: cdktf.booleanToTerraform(struct!.enabled),
  }
}


export function computeInstanceEnclaveOptionsToHclTerraform(struct?: ComputeInstanceEnclaveOptionsOutputReference | ComputeInstanceEnclaveOptions): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ComputeInstanceEnclaveOptionsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false, 0);
  }

  public get internalValue(): ComputeInstanceEnclaveOptions | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ComputeInstanceEnclaveOptions | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this._enabled = undefined;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this._enabled = value.enabled;
    }
  }

  // enabled - computed: false, optional: false, required: true
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }
}
export interface ComputeInstanceNetwork {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#access_network ComputeInstance#access_network}
  */
  readonly accessNetwork?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#fixed_ip_v4 ComputeInstance#fixed_ip_v4}
  */
  readonly fixedIpV4?: string;
  /**
  * schema: Computed
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#fixed_ip_v6 ComputeInstance#fixed_ip_v6}
  */
  readonly fixedIpV6?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#ipv6_enable ComputeInstance#ipv6_enable}
  */
  readonly ipv6Enable?: boolean | cdktf.IResolvable;
  /**
  * schema: Computed
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#port ComputeInstance#port}
  */
  readonly port?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#source_dest_check ComputeInstance#source_dest_check}
  */
  readonly sourceDestCheck?: boolean | cdktf.IResolvable;
  /**
  * schema: Required
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#uuid ComputeInstance#uuid}
  */
  readonly uuid?: string;
}

export function computeInstanceNetworkToTerraform(struct?: ComputeInstanceNetwork | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    access_network: cdktf.booleanToTerraform(struct!.accessNetwork),
    fixed_ip_v4: cdktf.stringToTerraform(struct!.fixedIpV4),
    fixed_ip_v6: cdktf.stringToTerraform(struct!.fixedIpV6),
    ipv6_enable: cdktf.booleanToTerraform(struct!.ipv6Enable),
    port: cdktf.stringToTerraform(struct!.port),
    source_dest_check: cdktf.booleanToTerraform(struct!.sourceDestCheck),
    uuid: cdktf.stringToTerraform(struct!.uuid),
  }
}


export function computeInstanceNetworkToHclTerraform(struct?: ComputeInstanceNetwork | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    access_network: {
      value: cdktf.booleanToHclTerraform(struct!.accessNetwork),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    fixed_ip_v4: {
      value: cdktf.stringToHclTerraform(struct!.fixedIpV4),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    fixed_ip_v6: {
      value: cdktf.stringToHclTerraform(struct!.fixedIpV6),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ipv6_enable: {
      value: cdktf.booleanToHclTerraform(struct!.ipv6Enable),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    port: {
      value: cdktf.stringToHclTerraform(struct!.port),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    source_dest_check: {
      value: cdktf.booleanToHclTerraform(struct!.sourceDestCheck),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    uuid: {
      value: cdktf.stringToHclTerraform(struct!.uuid),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ComputeInstanceNetworkOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ComputeInstanceNetwork | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._accessNetwork !== undefined) {
      hasAnyValues = true;
      internalValueResult.accessNetwork = this._accessNetwork;
    }
    if (this._fixedIpV4 !== undefined) {
      hasAnyValues = true;
      internalValueResult.fixedIpV4 = this._fixedIpV4;
    }
    if (this._fixedIpV6 !== undefined) {
      hasAnyValues = true;
      internalValueResult.fixedIpV6 = this._fixedIpV6;
    }
    if (this._ipv6Enable !== undefined) {
      hasAnyValues = true;
      internalValueResult.ipv6Enable = this._ipv6Enable;
    }
    if (this._port !== undefined) {
      hasAnyValues = true;
      internalValueResult.port = this._port;
    }
    if (this._sourceDestCheck !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceDestCheck = this._sourceDestCheck;
    }
    if (this._uuid !== undefined) {
      hasAnyValues = true;
      internalValueResult.uuid = this._uuid;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ComputeInstanceNetwork | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._accessNetwork = undefined;
      this._fixedIpV4 = undefined;
      this._fixedIpV6 = undefined;
      this._ipv6Enable = undefined;
      this._port = undefined;
      this._sourceDestCheck = undefined;
      this._uuid = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._accessNetwork = value.accessNetwork;
      this._fixedIpV4 = value.fixedIpV4;
      this._fixedIpV6 = value.fixedIpV6;
      this._ipv6Enable = value.ipv6Enable;
      this._port = value.port;
      this._sourceDestCheck = value.sourceDestCheck;
      this._uuid = value.uuid;
    }
  }

  // access_network - computed: false, optional: true, required: false
  private _accessNetwork?: boolean | cdktf.IResolvable; 
  public get accessNetwork() {
    return this.getBooleanAttribute('access_network');
  }
  public set accessNetwork(value: boolean | cdktf.IResolvable) {
    this._accessNetwork = value;
  }
  public resetAccessNetwork() {
    this._accessNetwork = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accessNetworkInput() {
    return this._accessNetwork;
  }

  // fixed_ip_v4 - computed: true, optional: true, required: false
  private _fixedIpV4?: string; 
  public get fixedIpV4() {
    return this.getStringAttribute('fixed_ip_v4');
  }
  public set fixedIpV4(value: string) {
    this._fixedIpV4 = value;
  }
  public resetFixedIpV4() {
    this._fixedIpV4 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fixedIpV4Input() {
    return this._fixedIpV4;
  }

  // fixed_ip_v6 - computed: true, optional: true, required: false
  private _fixedIpV6?: string; 
  public get fixedIpV6() {
    return this.getStringAttribute('fixed_ip_v6');
  }
  public set fixedIpV6(value: string) {
    this._fixedIpV6 = value;
  }
  public resetFixedIpV6() {
    this._fixedIpV6 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fixedIpV6Input() {
    return this._fixedIpV6;
  }

  // ipv6_enable - computed: false, optional: true, required: false
  private _ipv6Enable?: boolean | cdktf.IResolvable; 
  public get ipv6Enable() {
    return this.getBooleanAttribute('ipv6_enable');
  }
  public set ipv6Enable(value: boolean | cdktf.IResolvable) {
    this._ipv6Enable = value;
  }
  public resetIpv6Enable() {
    this._ipv6Enable = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ipv6EnableInput() {
    return this._ipv6Enable;
  }

  // mac - computed: true, optional: false, required: false
  public get mac() {
    return this.getStringAttribute('mac');
  }

  // port - computed: true, optional: true, required: false
  private _port?: string; 
  public get port() {
    return this.getStringAttribute('port');
  }
  public set port(value: string) {
    this._port = value;
  }
  public resetPort() {
    this._port = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portInput() {
    return this._port;
  }

  // source_dest_check - computed: false, optional: true, required: false
  private _sourceDestCheck?: boolean | cdktf.IResolvable; 
  public get sourceDestCheck() {
    return this.getBooleanAttribute('source_dest_check');
  }
  public set sourceDestCheck(value: boolean | cdktf.IResolvable) {
    this._sourceDestCheck = value;
  }
  public resetSourceDestCheck() {
    this._sourceDestCheck = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceDestCheckInput() {
    return this._sourceDestCheck;
  }

  // uuid - computed: true, optional: true, required: false
  private _uuid?: string; 
  public get uuid() {
    return this.getStringAttribute('uuid');
  }
  public set uuid(value: string) {
    this._uuid = value;
  }
  public resetUuid() {
    this._uuid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get uuidInput() {
    return this._uuid;
  }
}

export class ComputeInstanceNetworkList extends cdktf.ComplexList {
  public internalValue? : ComputeInstanceNetwork[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ComputeInstanceNetworkOutputReference {
    return new ComputeInstanceNetworkOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ComputeInstanceSchedulerHints {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#deh_id ComputeInstance#deh_id}
  */
  readonly dehId?: string;
  /**
  * schema: Internal
  *
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#fault_domain ComputeInstance#fault_domain}
  */
  readonly faultDomain?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#group ComputeInstance#group}
  */
  readonly group?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#tenancy ComputeInstance#tenancy}
  */
  readonly tenancy?: string;
}

export function computeInstanceSchedulerHintsToTerraform(struct?: ComputeInstanceSchedulerHints | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    deh_id: cdktf.stringToTerraform(struct!.dehId),
    fault_domain: cdktf.stringToTerraform(struct!.faultDomain),
    group: cdktf.stringToTerraform(struct!.group),
    tenancy: cdktf.stringToTerraform(struct!.tenancy),
  }
}


export function computeInstanceSchedulerHintsToHclTerraform(struct?: ComputeInstanceSchedulerHints | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    deh_id: {
      value: cdktf.stringToHclTerraform(struct!.dehId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    fault_domain: {
      value: cdktf.stringToHclTerraform(struct!.faultDomain),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    group: {
      value: cdktf.stringToHclTerraform(struct!.group),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    tenancy: {
      value: cdktf.stringToHclTerraform(struct!.tenancy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ComputeInstanceSchedulerHintsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ComputeInstanceSchedulerHints | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dehId !== undefined) {
      hasAnyValues = true;
      internalValueResult.dehId = this._dehId;
    }
    if (this._faultDomain !== undefined) {
      hasAnyValues = true;
      internalValueResult.faultDomain = this._faultDomain;
    }
    if (this._group !== undefined) {
      hasAnyValues = true;
      internalValueResult.group = this._group;
    }
    if (this._tenancy !== undefined) {
      hasAnyValues = true;
      internalValueResult.tenancy = this._tenancy;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ComputeInstanceSchedulerHints | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dehId = undefined;
      this._faultDomain = undefined;
      this._group = undefined;
      this._tenancy = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dehId = value.dehId;
      this._faultDomain = value.faultDomain;
      this._group = value.group;
      this._tenancy = value.tenancy;
    }
  }

  // deh_id - computed: false, optional: true, required: false
  private _dehId?: string; 
  public get dehId() {
    return this.getStringAttribute('deh_id');
  }
  public set dehId(value: string) {
    this._dehId = value;
  }
  public resetDehId() {
    this._dehId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dehIdInput() {
    return this._dehId;
  }

  // fault_domain - computed: false, optional: true, required: false
  private _faultDomain?: string; 
  public get faultDomain() {
    return this.getStringAttribute('fault_domain');
  }
  public set faultDomain(value: string) {
    this._faultDomain = value;
  }
  public resetFaultDomain() {
    this._faultDomain = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get faultDomainInput() {
    return this._faultDomain;
  }

  // group - computed: true, optional: true, required: false
  private _group?: string; 
  public get group() {
    return this.getStringAttribute('group');
  }
  public set group(value: string) {
    this._group = value;
  }
  public resetGroup() {
    this._group = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get groupInput() {
    return this._group;
  }

  // tenancy - computed: true, optional: true, required: false
  private _tenancy?: string; 
  public get tenancy() {
    return this.getStringAttribute('tenancy');
  }
  public set tenancy(value: string) {
    this._tenancy = value;
  }
  public resetTenancy() {
    this._tenancy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tenancyInput() {
    return this._tenancy;
  }
}

export class ComputeInstanceSchedulerHintsList extends cdktf.ComplexList {
  public internalValue? : ComputeInstanceSchedulerHints[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ComputeInstanceSchedulerHintsOutputReference {
    return new ComputeInstanceSchedulerHintsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ComputeInstanceTimeouts {
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#create ComputeInstance#create}
  */
  readonly create?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#delete ComputeInstance#delete}
  */
  readonly delete?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#update ComputeInstance#update}
  */
  readonly update?: string;
}

export function computeInstanceTimeoutsToTerraform(struct?: ComputeInstanceTimeouts | cdktf.IResolvable): any {
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


export function computeInstanceTimeoutsToHclTerraform(struct?: ComputeInstanceTimeouts | cdktf.IResolvable): any {
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

export class ComputeInstanceTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ComputeInstanceTimeouts | cdktf.IResolvable | undefined {
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

  public set internalValue(value: ComputeInstanceTimeouts | cdktf.IResolvable | undefined) {
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
* Represents a {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance huaweicloud_compute_instance}
*/
export class ComputeInstance extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "huaweicloud_compute_instance";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ComputeInstance resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ComputeInstance to import
  * @param importFromId The id of the existing ComputeInstance that should be imported. Refer to the {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ComputeInstance to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "huaweicloud_compute_instance", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.opentofu.org/providers/huaweicloud/huaweicloud/1.97.1/docs/resources/compute_instance huaweicloud_compute_instance} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ComputeInstanceConfig
  */
  public constructor(scope: Construct, id: string, config: ComputeInstanceConfig) {
    super(scope, id, {
      terraformResourceType: 'huaweicloud_compute_instance',
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
    this._adminPass = config.adminPass;
    this._agencyName = config.agencyName;
    this._agentList = config.agentList;
    this._autoPay = config.autoPay;
    this._autoRenew = config.autoRenew;
    this._autoTerminateTime = config.autoTerminateTime;
    this._availabilityZone = config.availabilityZone;
    this._chargingMode = config.chargingMode;
    this._deleteDisksOnTermination = config.deleteDisksOnTermination;
    this._deleteEipOnTermination = config.deleteEipOnTermination;
    this._description = config.description;
    this._eipId = config.eipId;
    this._eipType = config.eipType;
    this._enableJumboFrame = config.enableJumboFrame;
    this._enterpriseProjectId = config.enterpriseProjectId;
    this._flavorId = config.flavorId;
    this._flavorName = config.flavorName;
    this._hostname = config.hostname;
    this._id = config.id;
    this._imageId = config.imageId;
    this._imageName = config.imageName;
    this._includeDataDisksOnUpdate = config.includeDataDisksOnUpdate;
    this._includePublicipsOnUpdate = config.includePublicipsOnUpdate;
    this._keyPair = config.keyPair;
    this._metadata = config.metadata;
    this._name = config.name;
    this._period = config.period;
    this._periodUnit = config.periodUnit;
    this._powerAction = config.powerAction;
    this._privateKey = config.privateKey;
    this._region = config.region;
    this._securityGroupIds = config.securityGroupIds;
    this._securityGroups = config.securityGroups;
    this._spotDuration = config.spotDuration;
    this._spotDurationCount = config.spotDurationCount;
    this._spotMaximumPrice = config.spotMaximumPrice;
    this._stopBeforeDestroy = config.stopBeforeDestroy;
    this._systemDiskDssPoolId = config.systemDiskDssPoolId;
    this._systemDiskIops = config.systemDiskIops;
    this._systemDiskKmsKeyId = config.systemDiskKmsKeyId;
    this._systemDiskSize = config.systemDiskSize;
    this._systemDiskThroughput = config.systemDiskThroughput;
    this._systemDiskType = config.systemDiskType;
    this._systemPassThrough = config.systemPassThrough;
    this._tags = config.tags;
    this._userData = config.userData;
    this._userId = config.userId;
    this._bandwidth.internalValue = config.bandwidth;
    this._dataDisks.internalValue = config.dataDisks;
    this._enclaveOptions.internalValue = config.enclaveOptions;
    this._network.internalValue = config.network;
    this._schedulerHints.internalValue = config.schedulerHints;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // access_ip_v4 - computed: true, optional: false, required: false
  public get accessIpV4() {
    return this.getStringAttribute('access_ip_v4');
  }

  // access_ip_v6 - computed: true, optional: false, required: false
  public get accessIpV6() {
    return this.getStringAttribute('access_ip_v6');
  }

  // admin_pass - computed: false, optional: true, required: false
  private _adminPass?: string; 
  public get adminPass() {
    return this.getStringAttribute('admin_pass');
  }
  public set adminPass(value: string) {
    this._adminPass = value;
  }
  public resetAdminPass() {
    this._adminPass = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminPassInput() {
    return this._adminPass;
  }

  // agency_name - computed: true, optional: true, required: false
  private _agencyName?: string; 
  public get agencyName() {
    return this.getStringAttribute('agency_name');
  }
  public set agencyName(value: string) {
    this._agencyName = value;
  }
  public resetAgencyName() {
    this._agencyName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agencyNameInput() {
    return this._agencyName;
  }

  // agent_list - computed: true, optional: true, required: false
  private _agentList?: string; 
  public get agentList() {
    return this.getStringAttribute('agent_list');
  }
  public set agentList(value: string) {
    this._agentList = value;
  }
  public resetAgentList() {
    this._agentList = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentListInput() {
    return this._agentList;
  }

  // auto_pay - computed: false, optional: true, required: false
  private _autoPay?: string; 
  public get autoPay() {
    return this.getStringAttribute('auto_pay');
  }
  public set autoPay(value: string) {
    this._autoPay = value;
  }
  public resetAutoPay() {
    this._autoPay = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoPayInput() {
    return this._autoPay;
  }

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

  // auto_terminate_time - computed: false, optional: true, required: false
  private _autoTerminateTime?: string; 
  public get autoTerminateTime() {
    return this.getStringAttribute('auto_terminate_time');
  }
  public set autoTerminateTime(value: string) {
    this._autoTerminateTime = value;
  }
  public resetAutoTerminateTime() {
    this._autoTerminateTime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoTerminateTimeInput() {
    return this._autoTerminateTime;
  }

  // availability_zone - computed: true, optional: true, required: false
  private _availabilityZone?: string; 
  public get availabilityZone() {
    return this.getStringAttribute('availability_zone');
  }
  public set availabilityZone(value: string) {
    this._availabilityZone = value;
  }
  public resetAvailabilityZone() {
    this._availabilityZone = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get availabilityZoneInput() {
    return this._availabilityZone;
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

  // delete_disks_on_termination - computed: false, optional: true, required: false
  private _deleteDisksOnTermination?: boolean | cdktf.IResolvable; 
  public get deleteDisksOnTermination() {
    return this.getBooleanAttribute('delete_disks_on_termination');
  }
  public set deleteDisksOnTermination(value: boolean | cdktf.IResolvable) {
    this._deleteDisksOnTermination = value;
  }
  public resetDeleteDisksOnTermination() {
    this._deleteDisksOnTermination = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteDisksOnTerminationInput() {
    return this._deleteDisksOnTermination;
  }

  // delete_eip_on_termination - computed: false, optional: true, required: false
  private _deleteEipOnTermination?: boolean | cdktf.IResolvable; 
  public get deleteEipOnTermination() {
    return this.getBooleanAttribute('delete_eip_on_termination');
  }
  public set deleteEipOnTermination(value: boolean | cdktf.IResolvable) {
    this._deleteEipOnTermination = value;
  }
  public resetDeleteEipOnTermination() {
    this._deleteEipOnTermination = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteEipOnTerminationInput() {
    return this._deleteEipOnTermination;
  }

  // description - computed: true, optional: true, required: false
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

  // eip_id - computed: false, optional: true, required: false
  private _eipId?: string; 
  public get eipId() {
    return this.getStringAttribute('eip_id');
  }
  public set eipId(value: string) {
    this._eipId = value;
  }
  public resetEipId() {
    this._eipId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eipIdInput() {
    return this._eipId;
  }

  // eip_type - computed: false, optional: true, required: false
  private _eipType?: string; 
  public get eipType() {
    return this.getStringAttribute('eip_type');
  }
  public set eipType(value: string) {
    this._eipType = value;
  }
  public resetEipType() {
    this._eipType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eipTypeInput() {
    return this._eipType;
  }

  // enable_jumbo_frame - computed: false, optional: true, required: false
  private _enableJumboFrame?: boolean | cdktf.IResolvable; 
  public get enableJumboFrame() {
    return this.getBooleanAttribute('enable_jumbo_frame');
  }
  public set enableJumboFrame(value: boolean | cdktf.IResolvable) {
    this._enableJumboFrame = value;
  }
  public resetEnableJumboFrame() {
    this._enableJumboFrame = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableJumboFrameInput() {
    return this._enableJumboFrame;
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

  // expired_time - computed: true, optional: false, required: false
  public get expiredTime() {
    return this.getStringAttribute('expired_time');
  }

  // flavor_id - computed: true, optional: true, required: false
  private _flavorId?: string; 
  public get flavorId() {
    return this.getStringAttribute('flavor_id');
  }
  public set flavorId(value: string) {
    this._flavorId = value;
  }
  public resetFlavorId() {
    this._flavorId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flavorIdInput() {
    return this._flavorId;
  }

  // flavor_name - computed: true, optional: true, required: false
  private _flavorName?: string; 
  public get flavorName() {
    return this.getStringAttribute('flavor_name');
  }
  public set flavorName(value: string) {
    this._flavorName = value;
  }
  public resetFlavorName() {
    this._flavorName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flavorNameInput() {
    return this._flavorName;
  }

  // hostname - computed: true, optional: true, required: false
  private _hostname?: string; 
  public get hostname() {
    return this.getStringAttribute('hostname');
  }
  public set hostname(value: string) {
    this._hostname = value;
  }
  public resetHostname() {
    this._hostname = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostnameInput() {
    return this._hostname;
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

  // image_id - computed: true, optional: true, required: false
  private _imageId?: string; 
  public get imageId() {
    return this.getStringAttribute('image_id');
  }
  public set imageId(value: string) {
    this._imageId = value;
  }
  public resetImageId() {
    this._imageId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageIdInput() {
    return this._imageId;
  }

  // image_name - computed: true, optional: true, required: false
  private _imageName?: string; 
  public get imageName() {
    return this.getStringAttribute('image_name');
  }
  public set imageName(value: string) {
    this._imageName = value;
  }
  public resetImageName() {
    this._imageName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageNameInput() {
    return this._imageName;
  }

  // include_data_disks_on_update - computed: false, optional: true, required: false
  private _includeDataDisksOnUpdate?: boolean | cdktf.IResolvable; 
  public get includeDataDisksOnUpdate() {
    return this.getBooleanAttribute('include_data_disks_on_update');
  }
  public set includeDataDisksOnUpdate(value: boolean | cdktf.IResolvable) {
    this._includeDataDisksOnUpdate = value;
  }
  public resetIncludeDataDisksOnUpdate() {
    this._includeDataDisksOnUpdate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get includeDataDisksOnUpdateInput() {
    return this._includeDataDisksOnUpdate;
  }

  // include_publicips_on_update - computed: false, optional: true, required: false
  private _includePublicipsOnUpdate?: boolean | cdktf.IResolvable; 
  public get includePublicipsOnUpdate() {
    return this.getBooleanAttribute('include_publicips_on_update');
  }
  public set includePublicipsOnUpdate(value: boolean | cdktf.IResolvable) {
    this._includePublicipsOnUpdate = value;
  }
  public resetIncludePublicipsOnUpdate() {
    this._includePublicipsOnUpdate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get includePublicipsOnUpdateInput() {
    return this._includePublicipsOnUpdate;
  }

  // key_pair - computed: false, optional: true, required: false
  private _keyPair?: string; 
  public get keyPair() {
    return this.getStringAttribute('key_pair');
  }
  public set keyPair(value: string) {
    this._keyPair = value;
  }
  public resetKeyPair() {
    this._keyPair = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyPairInput() {
    return this._keyPair;
  }

  // metadata - computed: false, optional: true, required: false
  private _metadata?: { [key: string]: string }; 
  public get metadata() {
    return this.getStringMapAttribute('metadata');
  }
  public set metadata(value: { [key: string]: string }) {
    this._metadata = value;
  }
  public resetMetadata() {
    this._metadata = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get metadataInput() {
    return this._metadata;
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

  // power_action - computed: true, optional: true, required: false
  private _powerAction?: string; 
  public get powerAction() {
    return this.getStringAttribute('power_action');
  }
  public set powerAction(value: string) {
    this._powerAction = value;
  }
  public resetPowerAction() {
    this._powerAction = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get powerActionInput() {
    return this._powerAction;
  }

  // private_key - computed: false, optional: true, required: false
  private _privateKey?: string; 
  public get privateKey() {
    return this.getStringAttribute('private_key');
  }
  public set privateKey(value: string) {
    this._privateKey = value;
  }
  public resetPrivateKey() {
    this._privateKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get privateKeyInput() {
    return this._privateKey;
  }

  // public_ip - computed: true, optional: false, required: false
  public get publicIp() {
    return this.getStringAttribute('public_ip');
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

  // security_group_ids - computed: true, optional: true, required: false
  private _securityGroupIds?: string[]; 
  public get securityGroupIds() {
    return this.getListAttribute('security_group_ids');
  }
  public set securityGroupIds(value: string[]) {
    this._securityGroupIds = value;
  }
  public resetSecurityGroupIds() {
    this._securityGroupIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get securityGroupIdsInput() {
    return this._securityGroupIds;
  }

  // security_groups - computed: true, optional: true, required: false
  private _securityGroups?: string[]; 
  public get securityGroups() {
    return cdktf.Fn.tolist(this.getListAttribute('security_groups'));
  }
  public set securityGroups(value: string[]) {
    this._securityGroups = value;
  }
  public resetSecurityGroups() {
    this._securityGroups = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get securityGroupsInput() {
    return this._securityGroups;
  }

  // spot_duration - computed: false, optional: true, required: false
  private _spotDuration?: number; 
  public get spotDuration() {
    return this.getNumberAttribute('spot_duration');
  }
  public set spotDuration(value: number) {
    this._spotDuration = value;
  }
  public resetSpotDuration() {
    this._spotDuration = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spotDurationInput() {
    return this._spotDuration;
  }

  // spot_duration_count - computed: true, optional: true, required: false
  private _spotDurationCount?: number; 
  public get spotDurationCount() {
    return this.getNumberAttribute('spot_duration_count');
  }
  public set spotDurationCount(value: number) {
    this._spotDurationCount = value;
  }
  public resetSpotDurationCount() {
    this._spotDurationCount = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spotDurationCountInput() {
    return this._spotDurationCount;
  }

  // spot_maximum_price - computed: false, optional: true, required: false
  private _spotMaximumPrice?: string; 
  public get spotMaximumPrice() {
    return this.getStringAttribute('spot_maximum_price');
  }
  public set spotMaximumPrice(value: string) {
    this._spotMaximumPrice = value;
  }
  public resetSpotMaximumPrice() {
    this._spotMaximumPrice = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spotMaximumPriceInput() {
    return this._spotMaximumPrice;
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // stop_before_destroy - computed: false, optional: true, required: false
  private _stopBeforeDestroy?: boolean | cdktf.IResolvable; 
  public get stopBeforeDestroy() {
    return this.getBooleanAttribute('stop_before_destroy');
  }
  public set stopBeforeDestroy(value: boolean | cdktf.IResolvable) {
    this._stopBeforeDestroy = value;
  }
  public resetStopBeforeDestroy() {
    this._stopBeforeDestroy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stopBeforeDestroyInput() {
    return this._stopBeforeDestroy;
  }

  // system_disk_dss_pool_id - computed: false, optional: true, required: false
  private _systemDiskDssPoolId?: string; 
  public get systemDiskDssPoolId() {
    return this.getStringAttribute('system_disk_dss_pool_id');
  }
  public set systemDiskDssPoolId(value: string) {
    this._systemDiskDssPoolId = value;
  }
  public resetSystemDiskDssPoolId() {
    this._systemDiskDssPoolId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemDiskDssPoolIdInput() {
    return this._systemDiskDssPoolId;
  }

  // system_disk_id - computed: true, optional: false, required: false
  public get systemDiskId() {
    return this.getStringAttribute('system_disk_id');
  }

  // system_disk_iops - computed: true, optional: true, required: false
  private _systemDiskIops?: number; 
  public get systemDiskIops() {
    return this.getNumberAttribute('system_disk_iops');
  }
  public set systemDiskIops(value: number) {
    this._systemDiskIops = value;
  }
  public resetSystemDiskIops() {
    this._systemDiskIops = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemDiskIopsInput() {
    return this._systemDiskIops;
  }

  // system_disk_kms_key_id - computed: true, optional: true, required: false
  private _systemDiskKmsKeyId?: string; 
  public get systemDiskKmsKeyId() {
    return this.getStringAttribute('system_disk_kms_key_id');
  }
  public set systemDiskKmsKeyId(value: string) {
    this._systemDiskKmsKeyId = value;
  }
  public resetSystemDiskKmsKeyId() {
    this._systemDiskKmsKeyId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemDiskKmsKeyIdInput() {
    return this._systemDiskKmsKeyId;
  }

  // system_disk_size - computed: true, optional: true, required: false
  private _systemDiskSize?: number; 
  public get systemDiskSize() {
    return this.getNumberAttribute('system_disk_size');
  }
  public set systemDiskSize(value: number) {
    this._systemDiskSize = value;
  }
  public resetSystemDiskSize() {
    this._systemDiskSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemDiskSizeInput() {
    return this._systemDiskSize;
  }

  // system_disk_throughput - computed: true, optional: true, required: false
  private _systemDiskThroughput?: number; 
  public get systemDiskThroughput() {
    return this.getNumberAttribute('system_disk_throughput');
  }
  public set systemDiskThroughput(value: number) {
    this._systemDiskThroughput = value;
  }
  public resetSystemDiskThroughput() {
    this._systemDiskThroughput = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemDiskThroughputInput() {
    return this._systemDiskThroughput;
  }

  // system_disk_type - computed: true, optional: true, required: false
  private _systemDiskType?: string; 
  public get systemDiskType() {
    return this.getStringAttribute('system_disk_type');
  }
  public set systemDiskType(value: string) {
    this._systemDiskType = value;
  }
  public resetSystemDiskType() {
    this._systemDiskType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemDiskTypeInput() {
    return this._systemDiskType;
  }

  // system_pass_through - computed: false, optional: true, required: false
  private _systemPassThrough?: string; 
  public get systemPassThrough() {
    return this.getStringAttribute('system_pass_through');
  }
  public set systemPassThrough(value: string) {
    this._systemPassThrough = value;
  }
  public resetSystemPassThrough() {
    this._systemPassThrough = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get systemPassThroughInput() {
    return this._systemPassThrough;
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

  // updated_at - computed: true, optional: false, required: false
  public get updatedAt() {
    return this.getStringAttribute('updated_at');
  }

  // user_data - computed: false, optional: true, required: false
  private _userData?: string; 
  public get userData() {
    return this.getStringAttribute('user_data');
  }
  public set userData(value: string) {
    this._userData = value;
  }
  public resetUserData() {
    this._userData = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userDataInput() {
    return this._userData;
  }

  // user_id - computed: false, optional: true, required: false
  private _userId?: string; 
  public get userId() {
    return this.getStringAttribute('user_id');
  }
  public set userId(value: string) {
    this._userId = value;
  }
  public resetUserId() {
    this._userId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userIdInput() {
    return this._userId;
  }

  // volume_attached - computed: true, optional: false, required: false
  private _volumeAttached = new ComputeInstanceVolumeAttachedList(this, "volume_attached", false);
  public get volumeAttached() {
    return this._volumeAttached;
  }

  // bandwidth - computed: false, optional: true, required: false
  private _bandwidth = new ComputeInstanceBandwidthOutputReference(this, "bandwidth");
  public get bandwidth() {
    return this._bandwidth;
  }
  public putBandwidth(value: ComputeInstanceBandwidth) {
    this._bandwidth.internalValue = value;
  }
  public resetBandwidth() {
    this._bandwidth.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bandwidthInput() {
    return this._bandwidth.internalValue;
  }

  // data_disks - computed: false, optional: true, required: false
  private _dataDisks = new ComputeInstanceDataDisksList(this, "data_disks", false);
  public get dataDisks() {
    return this._dataDisks;
  }
  public putDataDisks(value: ComputeInstanceDataDisks[] | cdktf.IResolvable) {
    this._dataDisks.internalValue = value;
  }
  public resetDataDisks() {
    this._dataDisks.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dataDisksInput() {
    return this._dataDisks.internalValue;
  }

  // enclave_options - computed: false, optional: true, required: false
  private _enclaveOptions = new ComputeInstanceEnclaveOptionsOutputReference(this, "enclave_options");
  public get enclaveOptions() {
    return this._enclaveOptions;
  }
  public putEnclaveOptions(value: ComputeInstanceEnclaveOptions) {
    this._enclaveOptions.internalValue = value;
  }
  public resetEnclaveOptions() {
    this._enclaveOptions.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enclaveOptionsInput() {
    return this._enclaveOptions.internalValue;
  }

  // network - computed: false, optional: false, required: true
  private _network = new ComputeInstanceNetworkList(this, "network", false);
  public get network() {
    return this._network;
  }
  public putNetwork(value: ComputeInstanceNetwork[] | cdktf.IResolvable) {
    this._network.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get networkInput() {
    return this._network.internalValue;
  }

  // scheduler_hints - computed: false, optional: true, required: false
  private _schedulerHints = new ComputeInstanceSchedulerHintsList(this, "scheduler_hints", false);
  public get schedulerHints() {
    return this._schedulerHints;
  }
  public putSchedulerHints(value: ComputeInstanceSchedulerHints[] | cdktf.IResolvable) {
    this._schedulerHints.internalValue = value;
  }
  public resetSchedulerHints() {
    this._schedulerHints.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get schedulerHintsInput() {
    return this._schedulerHints.internalValue;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ComputeInstanceTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ComputeInstanceTimeouts) {
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
      admin_pass: cdktf.stringToTerraform(this._adminPass),
      agency_name: cdktf.stringToTerraform(this._agencyName),
      agent_list: cdktf.stringToTerraform(this._agentList),
      auto_pay: cdktf.stringToTerraform(this._autoPay),
      auto_renew: cdktf.stringToTerraform(this._autoRenew),
      auto_terminate_time: cdktf.stringToTerraform(this._autoTerminateTime),
      availability_zone: cdktf.stringToTerraform(this._availabilityZone),
      charging_mode: cdktf.stringToTerraform(this._chargingMode),
      delete_disks_on_termination: cdktf.booleanToTerraform(this._deleteDisksOnTermination),
      delete_eip_on_termination: cdktf.booleanToTerraform(this._deleteEipOnTermination),
      description: cdktf.stringToTerraform(this._description),
      eip_id: cdktf.stringToTerraform(this._eipId),
      eip_type: cdktf.stringToTerraform(this._eipType),
      enable_jumbo_frame: cdktf.booleanToTerraform(this._enableJumboFrame),
      enterprise_project_id: cdktf.stringToTerraform(this._enterpriseProjectId),
      flavor_id: cdktf.stringToTerraform(this._flavorId),
      flavor_name: cdktf.stringToTerraform(this._flavorName),
      hostname: cdktf.stringToTerraform(this._hostname),
      id: cdktf.stringToTerraform(this._id),
      image_id: cdktf.stringToTerraform(this._imageId),
      image_name: cdktf.stringToTerraform(this._imageName),
      include_data_disks_on_update: cdktf.booleanToTerraform(this._includeDataDisksOnUpdate),
      include_publicips_on_update: cdktf.booleanToTerraform(this._includePublicipsOnUpdate),
      key_pair: cdktf.stringToTerraform(this._keyPair),
      metadata: cdktf.hashMapper(cdktf.stringToTerraform)(this._metadata),
      name: cdktf.stringToTerraform(this._name),
      period: cdktf.numberToTerraform(this._period),
      period_unit: cdktf.stringToTerraform(this._periodUnit),
      power_action: cdktf.stringToTerraform(this._powerAction),
      private_key: cdktf.stringToTerraform(this._privateKey),
      region: cdktf.stringToTerraform(this._region),
      security_group_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._securityGroupIds),
      security_groups: cdktf.listMapper(cdktf.stringToTerraform, false)(this._securityGroups),
      spot_duration: cdktf.numberToTerraform(this._spotDuration),
      spot_duration_count: cdktf.numberToTerraform(this._spotDurationCount),
      spot_maximum_price: cdktf.stringToTerraform(this._spotMaximumPrice),
      stop_before_destroy: cdktf.booleanToTerraform(this._stopBeforeDestroy),
      system_disk_dss_pool_id: cdktf.stringToTerraform(this._systemDiskDssPoolId),
      system_disk_iops: cdktf.numberToTerraform(this._systemDiskIops),
      system_disk_kms_key_id: cdktf.stringToTerraform(this._systemDiskKmsKeyId),
      system_disk_size: cdktf.numberToTerraform(this._systemDiskSize),
      system_disk_throughput: cdktf.numberToTerraform(this._systemDiskThroughput),
      system_disk_type: cdktf.stringToTerraform(this._systemDiskType),
      system_pass_through: cdktf.stringToTerraform(this._systemPassThrough),
      tags: cdktf.hashMapper(cdktf.stringToTerraform)(this._tags),
      user_data: cdktf.stringToTerraform(this._userData),
      user_id: cdktf.stringToTerraform(this._userId),
      bandwidth: computeInstanceBandwidthToTerraform(this._bandwidth.internalValue),
      data_disks: cdktf.listMapper(computeInstanceDataDisksToTerraform, true)(this._dataDisks.internalValue),
      enclave_options: computeInstanceEnclaveOptionsToTerraform(this._enclaveOptions.internalValue),
      network: cdktf.listMapper(computeInstanceNetworkToTerraform, true)(this._network.internalValue),
      scheduler_hints: cdktf.listMapper(computeInstanceSchedulerHintsToTerraform, true)(this._schedulerHints.internalValue),
      timeouts: computeInstanceTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      admin_pass: {
        value: cdktf.stringToHclTerraform(this._adminPass),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      agency_name: {
        value: cdktf.stringToHclTerraform(this._agencyName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      agent_list: {
        value: cdktf.stringToHclTerraform(this._agentList),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auto_pay: {
        value: cdktf.stringToHclTerraform(this._autoPay),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auto_renew: {
        value: cdktf.stringToHclTerraform(this._autoRenew),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auto_terminate_time: {
        value: cdktf.stringToHclTerraform(this._autoTerminateTime),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      availability_zone: {
        value: cdktf.stringToHclTerraform(this._availabilityZone),
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
      delete_disks_on_termination: {
        value: cdktf.booleanToHclTerraform(this._deleteDisksOnTermination),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      delete_eip_on_termination: {
        value: cdktf.booleanToHclTerraform(this._deleteEipOnTermination),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      description: {
        value: cdktf.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      eip_id: {
        value: cdktf.stringToHclTerraform(this._eipId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      eip_type: {
        value: cdktf.stringToHclTerraform(this._eipType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enable_jumbo_frame: {
        value: cdktf.booleanToHclTerraform(this._enableJumboFrame),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      enterprise_project_id: {
        value: cdktf.stringToHclTerraform(this._enterpriseProjectId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      flavor_id: {
        value: cdktf.stringToHclTerraform(this._flavorId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      flavor_name: {
        value: cdktf.stringToHclTerraform(this._flavorName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      hostname: {
        value: cdktf.stringToHclTerraform(this._hostname),
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
      image_id: {
        value: cdktf.stringToHclTerraform(this._imageId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      image_name: {
        value: cdktf.stringToHclTerraform(this._imageName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      include_data_disks_on_update: {
        value: cdktf.booleanToHclTerraform(this._includeDataDisksOnUpdate),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      include_publicips_on_update: {
        value: cdktf.booleanToHclTerraform(this._includePublicipsOnUpdate),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      key_pair: {
        value: cdktf.stringToHclTerraform(this._keyPair),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      metadata: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._metadata),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
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
      power_action: {
        value: cdktf.stringToHclTerraform(this._powerAction),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      private_key: {
        value: cdktf.stringToHclTerraform(this._privateKey),
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
      security_group_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._securityGroupIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      security_groups: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._securityGroups),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      spot_duration: {
        value: cdktf.numberToHclTerraform(this._spotDuration),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      spot_duration_count: {
        value: cdktf.numberToHclTerraform(this._spotDurationCount),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      spot_maximum_price: {
        value: cdktf.stringToHclTerraform(this._spotMaximumPrice),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stop_before_destroy: {
        value: cdktf.booleanToHclTerraform(this._stopBeforeDestroy),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      system_disk_dss_pool_id: {
        value: cdktf.stringToHclTerraform(this._systemDiskDssPoolId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      system_disk_iops: {
        value: cdktf.numberToHclTerraform(this._systemDiskIops),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      system_disk_kms_key_id: {
        value: cdktf.stringToHclTerraform(this._systemDiskKmsKeyId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      system_disk_size: {
        value: cdktf.numberToHclTerraform(this._systemDiskSize),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      system_disk_throughput: {
        value: cdktf.numberToHclTerraform(this._systemDiskThroughput),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      system_disk_type: {
        value: cdktf.stringToHclTerraform(this._systemDiskType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      system_pass_through: {
        value: cdktf.stringToHclTerraform(this._systemPassThrough),
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
      user_data: {
        value: cdktf.stringToHclTerraform(this._userData),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user_id: {
        value: cdktf.stringToHclTerraform(this._userId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      bandwidth: {
        value: computeInstanceBandwidthToHclTerraform(this._bandwidth.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ComputeInstanceBandwidthList",
      },
      data_disks: {
        value: cdktf.listMapperHcl(computeInstanceDataDisksToHclTerraform, true)(this._dataDisks.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ComputeInstanceDataDisksList",
      },
      enclave_options: {
        value: computeInstanceEnclaveOptionsToHclTerraform(this._enclaveOptions.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ComputeInstanceEnclaveOptionsList",
      },
      network: {
        value: cdktf.listMapperHcl(computeInstanceNetworkToHclTerraform, true)(this._network.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ComputeInstanceNetworkList",
      },
      scheduler_hints: {
        value: cdktf.listMapperHcl(computeInstanceSchedulerHintsToHclTerraform, true)(this._schedulerHints.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ComputeInstanceSchedulerHintsList",
      },
      timeouts: {
        value: computeInstanceTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ComputeInstanceTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
