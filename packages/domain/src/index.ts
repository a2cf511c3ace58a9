export * from './org.ts';
export * from './identity-number.ts';
export * from './consent/index.ts';
export * from './deidentify/index.ts';
export * from './calendar/index.ts';
export * from './wheel/index.ts';
export * from './plan/index.ts';
export * from './directory/offer.ts';
