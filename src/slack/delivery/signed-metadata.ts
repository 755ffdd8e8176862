import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { PayloadInvalidError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { parseJsonValue } from '../messages/parse-json.js';
import { type Destination, placeSchema, responseUrlSchema } from './destination.js';

const VERSION = 1;
/** 128 bits of HMAC-SHA256, base64url. */
const MAC_BYTES = 16;

/** The wire format: version, where to post (`t`), the kept response_url (`r`), signature (`s`). */
const signedSchema = z.strictObject({
  v: z.literal(VERSION),
  t: placeSchema,
  r: responseUrlSchema.optional(),
  s: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a signature'),
});

/**
 * Signs and checks the {@link Destination} carried in `private_metadata` (and on "Post again").
 * The metadata makes a round trip through Slack; a request that reaches the app is signed by
 * Slack, but the app does not rely on the value being the one it wrote: the signature covers
 * where to post, the response_url and the user the modal was opened for, keyed by a secret derived
 * from the app's own secrets. A value that does not verify (tampered, written for someone else,
 * from before a secret rotation) is refused, and the caller falls back to a direct message with the
 * person who submitted, which is always theirs to receive.
 */
export class MetadataSigner {
  readonly #key: Buffer;

  private constructor(key: Buffer) {
    this.#key = key;
  }

  /** A signer keyed by HKDF over the config's secrets: the same on every restart and instance. */
  static fromSecrets(secrets: readonly string[]): MetadataSigner {
    if (secrets.length === 0) throw new RangeError('no secret to derive the metadata key from');
    const key = hkdfSync('sha256', secrets.join('\0'), 'chip-advice', 'private_metadata v1', 32);
    return new MetadataSigner(Buffer.from(key));
  }

  /** The metadata for a modal opened for `userId`. */
  encode(destination: Destination, userId: string): string {
    const { responseUrl: given, ...place } = destination;
    // A response_url that would not read back is left out, not carried to fail later.
    const responseUrl = responseUrlSchema.safeParse(given).success ? given : undefined;
    const s = this.#mac(place, responseUrl, userId);
    return JSON.stringify({ v: VERSION, t: place, ...(responseUrl ? { r: responseUrl } : {}), s });
  }

  /**
   * The destination in `metadata`, if it was written by this app for `userId`. Throws
   * {@link PayloadInvalidError} otherwise.
   */
  decode(metadata: string, userId: string): Destination {
    const {
      t: place,
      r: responseUrl,
      s,
    } = parseJsonValue(metadata, signedSchema, 'private_metadata');
    const expected = Buffer.from(this.#mac(place, responseUrl, userId), 'base64url');
    const given = Buffer.from(s, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new PayloadInvalidError('private_metadata', ['signature does not match']);
    }
    return responseUrl ? { ...place, responseUrl } : place;
  }

  /**
   * The destination in `metadata` for `userId`, or a direct message with them when it does not
   * verify: the advice then reaches the person who submitted, and nobody else.
   */
  destinationFor(metadata: string, userId: string, logger: Logger): Destination {
    try {
      return this.decode(metadata, userId);
    } catch (error) {
      logger.warn({ err: error }, 'unreadable private_metadata; answering by direct message');
      return { kind: 'dm' };
    }
  }

  #mac(place: z.infer<typeof placeSchema>, responseUrl: string | undefined, userId: string) {
    const fields = [
      VERSION,
      place.kind,
      place.kind === 'channel' ? place.channel : null,
      place.kind === 'channel' ? (place.threadTs ?? null) : null,
      responseUrl ?? null,
      userId,
      // Only when present, so metadata written before the field existed still verifies.
      ...(place.kind === 'channel' && place.summaryTs ? [place.summaryTs] : []),
    ];
    return createHmac('sha256', this.#key)
      .update(JSON.stringify(fields))
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  }
}
