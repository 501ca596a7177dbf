export * from './opentofu-stack';
export * from './region-stack';
export * from './dns-addresses';
