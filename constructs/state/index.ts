export * from './state-backend';
export * from './state-encryption';
