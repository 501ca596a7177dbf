export * from './vm-platform';
export * from './address-plan';
export * from './firewall-rules';
export * from './create-vm-platform';
