export * from './errors';
export * from './model';
export * from '../common/cidr';
export * from './regions';
export * from './load-environments';
export * from './load-sovereign';
export * from './state-config';
