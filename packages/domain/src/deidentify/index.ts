export { findIdentifiers } from './find.ts';
export { describeFindings } from './messages.ts';
export { IDENTIFIER_KINDS, type DeidentifyOptions, type IdentifierFinding, type IdentifierKind } from './types.ts';
