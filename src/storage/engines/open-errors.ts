import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { StorageUnavailableError } from '../../errors.js';

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Checks, before opening, what SQLite would only report as "unable to open" (libsql gives no
 * error code for it): the folder exists and is writable (SQLite also writes `-wal` and `-shm`
 * files beside the database), and the file, if there, is a readable and writable file.
 */
export function checkSqlitePath(file: string): void {
  const folder = path.dirname(file);
  const unavailable = (hint: string, cause?: unknown) =>
    new StorageUnavailableError(`SQLite file ${file}`, hint, { cause });
  let folderStat: ReturnType<typeof statSync>;
  try {
    folderStat = statSync(folder);
  } catch (error) {
    throw unavailable(
      errorCode(error) === 'ENOENT'
        ? `the folder ${folder} does not exist: create it, or change the path`
        : `the folder ${folder} cannot be reached by this user (${errorCode(error) ?? describe(error)}): check the permissions of the folders above it`,
      error,
    );
  }
  if (!folderStat.isDirectory()) throw unavailable(`${folder} is not a folder: change the path`);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw unavailable(
      `the folder ${folder} is not writable by this user (${errorCode(error) ?? describe(error)}): check its permissions or owner`,
      error,
    );
  }
  let fileStat: ReturnType<typeof statSync> | undefined;
  try {
    fileStat = statSync(file);
  } catch {
    return; // SQLite creates it.
  }
  if (!fileStat.isFile()) throw unavailable(`${file} is not a file: change the path`);
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw unavailable(
      `the file is not readable and writable by this user (${errorCode(error) ?? describe(error)}): check its permissions or owner`,
      error,
    );
  }
}

/** SQLite result codes met when opening a file, and what to check for each. */
const SQLITE_HINTS: Record<string, string> = {
  SQLITE_NOTADB:
    'the file is not an SQLite database (or is encrypted): point DATABASE_URL at another file, or restore it from a backup',
  SQLITE_CORRUPT:
    'the database file is corrupt: restore it from a backup (see "Backups" in the README)',
  SQLITE_READONLY:
    'the file or its folder is read-only for this user: check permissions, owner and mount',
  SQLITE_PERM:
    'the file or its folder is read-only for this user: check permissions, owner and mount',
  SQLITE_FULL: 'the disk holding the file is full: free space, or move the file',
  SQLITE_BUSY: 'another process holds the file locked: check what else uses it',
};

/** What went wrong opening an SQLite file, as a StorageUnavailableError with what to check. */
export function sqliteOpenError(file: string, error: unknown): StorageUnavailableError {
  const code = errorCode(error);
  const hint =
    (code && SQLITE_HINTS[code]) ??
    `cannot open the file (${describe(error)}): check the path and its permissions`;
  return new StorageUnavailableError(`SQLite file ${file}`, hint, { cause: error });
}

/** PostgreSQL error codes and Node socket errors, and what to check for each. */
const POSTGRES_HINTS: Record<string, string> = {
  ECONNREFUSED:
    'nothing answers at that host and port: check the host and port, and that PostgreSQL is running',
  ENOTFOUND: 'the host name does not resolve: check the host in DATABASE_URL',
  EAI_AGAIN: 'the host name could not be resolved (DNS): check the host and the network',
  EHOSTUNREACH: 'the host is unreachable: check the host and the network',
  ENETUNREACH: 'the network is unreachable: check the host and the network',
  ETIMEDOUT: 'the connection timed out: check the host, port and firewall',
  ECONNRESET:
    'the server closed the connection: check that it accepts this client (pg_hba.conf, SSL)',
  '28P01': 'authentication failed: check the user name and password',
  '28000': 'the server refused this user: check the user name, and pg_hba.conf on the server',
  '3D000': 'the database does not exist: create it (createdb NAME) or check its name in the URL',
  '42501':
    'this user lacks a privilege the app needs: grant it CREATE on the database and its schema',
  '53300': 'the server has too many connections: raise max_connections or reduce the pools',
  '57P03': 'the server is starting up or shutting down: try again when it is ready',
};

/** What went wrong reaching PostgreSQL, as a StorageUnavailableError with what to check. */
export function postgresOpenError(database: string, error: unknown): StorageUnavailableError {
  const code = errorCode(error);
  const timedOut = /timeout/i.test(describe(error));
  const hint =
    (code && POSTGRES_HINTS[code]) ??
    (timedOut
      ? 'the server did not answer in time: check the host, port and firewall, and that the server is not overloaded'
      : `cannot connect (${describe(error)}${code ? `, ${code}` : ''}): check the URL and the server`);
  return new StorageUnavailableError(database, hint, { cause: error });
}
