import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Seals and opens the tokens of an installation at rest. */
export interface TokenCipher {
  /** AES-256-GCM of `plain`, bound to `context` (the row's key), as `v1.<base64url>`. */
  seal(plain: string, context: string): string;
  /** The plain text; throws when the key is not the one that sealed it, or the text was changed. */
  open(sealed: string, context: string): string;
}

const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A cipher whose 256-bit key is derived with HKDF-SHA256 from `secret` (SLACK_TOKEN_ENCRYPTION_KEY,
 * or SLACK_STATE_SECRET when that is unset). Each value gets a random 96-bit IV; the row's key is
 * the additional authenticated data, so a sealed value copied to another row does not open.
 * @see https://nodejs.org/api/crypto.html#cryptohkdfsyncdigest-ikm-salt-info-keylen
 */
export function createTokenCipher(secret: string): TokenCipher {
  if (secret.length === 0) throw new RangeError('the token key must not be empty');
  const key = Buffer.from(
    hkdfSync('sha256', secret, 'chip-advice installations', 'aes-256-gcm tokens v1', 32),
  );
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed, context) {
      if (!sealed.startsWith(VERSION)) throw new Error('not a sealed value of this version');
      const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = bytes.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}
