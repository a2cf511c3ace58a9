import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for identity numbers (AES-256-GCM) and a keyed hash for
 * look-ups (HMAC-SHA-256). Both keys derive from DATA_ENCRYPTION_KEY via HKDF, so
 * the hash cannot be reversed by enumerating the small personnummer space without it.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  keyedHash(value: string): string;
}

export function createFieldCrypto(dataKey: Buffer): FieldCrypto {
  const encKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'samsyn/field-encryption/v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'samsyn/keyed-hash/v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(token) {
      const [v, iv, tag, body] = token.split('.');
      if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyedHash(value) {
      return createHmac('sha256', macKey).update(value).digest('hex');
    },
  };
}
