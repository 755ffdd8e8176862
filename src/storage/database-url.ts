import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the store lives, as DATABASE_URL says (CONTRACT section 4). */
export type DatabaseConfig =
  | {
      readonly engine: 'sqlite';
      /** Absolute path of the database file. */
      readonly file: string;
      /** True when DATABASE_URL is unset: the folder is created on first start. */
      readonly isDefault: boolean;
    }
  | {
      readonly engine: 'postgres';
      /** The connection string as given (it may hold a password: never log it). */
      readonly url: string;
      /** The password in the URL, if any, for the log scrubber. */
      readonly password: string | undefined;
    };

/** The file used when DATABASE_URL is unset, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = 'data/chip-advice.db';

export const DATABASE_URL_HOW_TO_FIX =
  'set file:PATH for a SQLite file, postgres://USER:PASSWORD@HOST:PORT/DATABASE for PostgreSQL, or unset it for an SQLite file under ./data/';

/**
 * Reads DATABASE_URL; relative paths are against the working directory. A value that is none of
 * the accepted forms is an issue naming only its scheme: the rest may hold a password.
 */
export const databaseUrlSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string()
    .optional()
    .transform((value, ctx): DatabaseConfig => {
      if (value === undefined) {
        return { engine: 'sqlite', file: path.resolve(DEFAULT_SQLITE_FILE), isDefault: true };
      }
      const problem = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      if (/^postgres(ql)?:\/\//i.test(value)) {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          return problem('is not a valid postgres:// URL');
        }
        if (url.hostname === '') return problem('has no host name (postgres://USER@HOST/DATABASE)');
        // pg decodes both; a stray `%` would otherwise throw URIError far from DATABASE_URL.
        const user = decoded(url.username);
        const password = url.password === '' ? '' : decoded(url.password);
        if (user === undefined || password === undefined) {
          return problem(
            'has a user name or password that is not percent-encoded (write % as %25)',
          );
        }
        return { engine: 'postgres', url: value, password: password || undefined };
      }
      if (/^file:/i.test(value)) {
        const file = filePath(value);
        if (file === undefined) return problem(`has no usable path after file: (got "${value}")`);
        return { engine: 'sqlite', file: path.resolve(file), isDefault: false };
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
      return problem(
        scheme ? `uses "${scheme}:", which is not supported` : 'is not a file: or postgres:// URL',
      );
    }),
);

/** `text` percent-decoded; undefined when it is not valid percent-encoding. */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The path in `file:PATH`, or in a `file:///abs/path` URL; undefined when there is none. */
function filePath(value: string): string | undefined {
  if (value.startsWith('file://')) {
    try {
      return fileURLToPath(value);
    } catch {
      return undefined;
    }
  }
  const file = value.slice('file:'.length);
  return file.trim() === '' || file.endsWith('/') ? undefined : file;
}

/** The database for messages and logs: the file path, or the URL with its password masked. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.engine === 'sqlite') return `SQLite file ${database.file}`;
  try {
    const url = new URL(database.url);
    if (url.password !== '') url.password = '***';
    url.search = '';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}
