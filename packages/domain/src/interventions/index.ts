export * from './intervention.ts';
