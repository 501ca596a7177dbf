export * from './k3s-cluster';
export * from './k3s-config';
export * from './manifests';
export * from './user-data';
export * from './yaml';
