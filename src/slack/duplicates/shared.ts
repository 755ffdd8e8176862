import type { DuplicateClaims } from '../../storage/index.js';
import type { DuplicateStore } from './store.js';

/**
 * The keys in the database, shared by every process on it (storage's duplicate claims: a
 * database that fails or is slow past their bound falls back to this process's memory, and the
 * logs say so), as the app's {@link DuplicateStore}.
 */
export class SharedDuplicates implements DuplicateStore {
  readonly #claims: Pick<DuplicateClaims, 'claim'>;

  constructor(claims: Pick<DuplicateClaims, 'claim'>) {
    this.#claims = claims;
  }

  async claim(key: string): Promise<boolean> {
    return (await this.#claims.claim(key)) === 'first';
  }
}
