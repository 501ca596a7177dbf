export * from './vm-platform';
export * from './address-plan';
export * from './create-vm-platform';
