export * from './opentofu-stack';
export * from './region-stack';
