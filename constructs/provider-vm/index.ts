export * from './vm-platform';
export * from './vm-platform-base';
export * from '../../lib/common/address-plan';
export * from './firewall-rules';
export * from './create-vm-platform';
