import type { CodedError } from './core/index.js';

/**
 * Coded errors of the Slack app (the core has its own in `core/errors.ts`). Each has a literal
 * `code` that the global error handler logs, and keeps the underlying error as `cause`.
 */
export const AppErrorCode = {
  ConfigInvalid: 'chip_advice_config_invalid',
  PayloadInvalid: 'chip_advice_payload_invalid',
  SlackResponseInvalid: 'chip_advice_slack_response_invalid',
  DeliveryFailed: 'chip_advice_delivery_failed',
  PostUnconfirmed: 'chip_advice_post_unconfirmed',
  StorageUnavailable: 'chip_advice_storage_unavailable',
  StorageTooNew: 'chip_advice_storage_too_new',
  StorageMigrationFailed: 'chip_advice_storage_migration_failed',
  StoredDataInvalid: 'chip_advice_stored_data_invalid',
  InstallationUnavailable: 'chip_advice_installation_unavailable',
  InstallationMissing: 'chip_advice_installation_missing',
} as const;

export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** The environment is missing a value or has a malformed one; `problems` has one line per variable. */
export class ConfigInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.ConfigInvalid;
  override readonly name = 'ConfigInvalidError';

  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(problems.join('\n'), options);
  }
}

/**
 * Something that travelled through Slack and came back (private_metadata, a button value) is
 * not what this app wrote. Slack signs the request, but the value is still treated as untrusted.
 */
export class PayloadInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.PayloadInvalid;
  override readonly name = 'PayloadInvalidError';

  constructor(
    /** What was being read, e.g. `private_metadata` or `button value`. */
    readonly what: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`${what} is invalid: ${problems.join('; ')}`, options);
  }
}

/** Slack answered `ok: true` but without a field the app relies on (e.g. a message `ts`). */
export class SlackResponseInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.SlackResponseInvalid;
  override readonly name = 'SlackResponseInvalidError';

  constructor(
    readonly method: string,
    readonly missing: string,
  ) {
    super(`${method} answered without ${missing}`);
  }
}

/**
 * The advice could not be posted (Slack did not answer in time, kept failing, or refused in a
 * way a direct message does not fix). The person has been told, with their answers on a button;
 * this error is what the global handler logs. `cause` is the Web API error.
 */
export class DeliveryFailedError extends Error implements CodedError {
  readonly code = AppErrorCode.DeliveryFailed;
  override readonly name = 'DeliveryFailedError';

  constructor(
    /** Where the advice was going: a channel id, or `dm`. */
    readonly destination: string,
    options?: ErrorOptions,
  ) {
    super(`the advice could not be posted to ${destination}`, options);
  }
}

/**
 * The database in DATABASE_URL cannot be opened or reached. `hint` says what to check (a folder
 * that does not exist, permissions, not a database, host unreachable, authentication, a missing
 * database); `database` names it without its password. `cause` is the driver's error.
 */
export class StorageUnavailableError extends Error implements CodedError {
  readonly code = AppErrorCode.StorageUnavailable;
  override readonly name = 'StorageUnavailableError';

  constructor(
    readonly database: string,
    readonly hint: string,
    options?: ErrorOptions,
  ) {
    super(`DATABASE_URL (${database}): ${hint}`, options);
  }
}

/** The database has migrations this code does not know: it was migrated by a newer version. */
export class StorageTooNewError extends Error implements CodedError {
  readonly code = AppErrorCode.StorageTooNew;
  override readonly name = 'StorageTooNewError';

  constructor(
    readonly database: string,
    readonly unknownMigrations: readonly string[],
  ) {
    super(
      `DATABASE_URL (${database}) was migrated by a newer version of chip-advice (unknown migrations: ${unknownMigrations.join(', ')}): run that version or newer, or point DATABASE_URL at another database`,
    );
  }
}

/** A migration failed; none of the migrations run with it was applied (one transaction). */
export class StorageMigrationFailedError extends Error implements CodedError {
  readonly code = AppErrorCode.StorageMigrationFailed;
  override readonly name = 'StorageMigrationFailedError';

  constructor(
    readonly database: string,
    readonly migration: string | undefined,
    options?: ErrorOptions,
  ) {
    const which = migration ? `migration ${migration}` : 'the migrations';
    const why = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`DATABASE_URL (${database}): ${which} failed${why}`, options);
  }
}

/**
 * A record read from the database (or about to be written) is not the documented shape:
 * `what` names it (e.g. `decision 3f… in the database`), `problems` says what is wrong.
 */
export class StoredDataInvalidError extends Error implements CodedError {
  readonly code = AppErrorCode.StoredDataInvalid;
  override readonly name = 'StoredDataInvalidError';

  constructor(
    readonly what: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(`${what} is invalid: ${problems.join('; ')}`, options);
  }
}

/**
 * A Web API call that must not be repeated (chat.postMessage) was sent, and Slack did not confirm
 * it: no answer in time, the connection dropped, or a 5xx. It may have been done, so it is not
 * retried; `status` is the HTTP status when there was one.
 */
export class PostUnconfirmedError extends Error implements CodedError {
  readonly code = AppErrorCode.PostUnconfirmed;
  override readonly name = 'PostUnconfirmedError';

  constructor(
    readonly method: string,
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(
      `${method} was sent but Slack did not confirm it (${status === undefined ? 'no answer' : `HTTP ${status}`}); not retried, since it may have been done`,
      options,
    );
  }
}

/**
 * Multi-workspace mode: the installation of the workspace a request came from could not be read
 * (the database failed, or a stored token no longer decrypts), so the request cannot be acted on.
 * Distinct from a workspace without an installation, which is simply not processed.
 */
export class InstallationUnavailableError extends Error implements CodedError {
  readonly code = AppErrorCode.InstallationUnavailable;
  override readonly name = 'InstallationUnavailableError';

  constructor(
    readonly teamId: string | undefined,
    options?: ErrorOptions,
  ) {
    super(`the installation of workspace ${teamId ?? '-'} could not be read`, options);
  }
}

/**
 * Multi-workspace mode: the workspace has no installation (never installed, or uninstalled), so
 * nothing may be done for it. Requests from it are not processed; advice waiting for it in the
 * outbox is dropped.
 */
export class InstallationMissingError extends Error implements CodedError {
  readonly code = AppErrorCode.InstallationMissing;
  override readonly name = 'InstallationMissingError';

  constructor(
    readonly teamId: string | undefined,
    readonly enterpriseId: string | undefined,
  ) {
    super(`no installation for team ${teamId ?? '-'} (enterprise ${enterpriseId ?? '-'})`);
  }
}
