export * from './org.ts';
export * from './identity-number.ts';
