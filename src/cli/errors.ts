import type { CodedError } from '../core/index.js';

/**
 * Coded errors of the command-line advisor. The core keeps its own in `core/errors.ts` and the
 * Slack app its own in `src/errors.ts`; the CLI is a separate adapter whose errors never reach
 * the app, so they live with it. `runCli` turns {@link InputInvalidError} into exit code 2 and
 * anything else into exit code 1.
 */
export const CliErrorCode = {
  InputInvalid: 'chip_advice_cli_input_invalid',
  PromptEnded: 'chip_advice_cli_prompt_ended',
  OutputFailed: 'chip_advice_cli_output_failed',
  InputChanged: 'chip_advice_cli_input_changed',
} as const;

export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/**
 * The person's input cannot be used: a flag, the answers file, an answer, a rule file. Each
 * problem is one line for standard error, already worded for the person.
 */
export class InputInvalidError extends Error implements CodedError {
  readonly code = CliErrorCode.InputInvalid;
  override readonly name = 'InputInvalidError';

  constructor(
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(problems.join('\n'), options);
  }
}

/** Standard input ended (Ctrl-D, or a pipe that ran out) before the questions were done. */
export class PromptEndedError extends Error implements CodedError {
  readonly code = CliErrorCode.PromptEnded;
  override readonly name = 'PromptEndedError';
}

/**
 * Standard output failed (a full disk, a closed pipe). `cause` is the stream's error; an
 * `EPIPE` cause means the reader went away (`| head`), which is not worth reporting.
 */
export class OutputFailedError extends Error implements CodedError {
  readonly code = CliErrorCode.OutputFailed;
  override readonly name = 'OutputFailedError';

  constructor(cause: unknown) {
    super(`cannot write the output: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }

  /** Whether the reader closed the pipe. */
  get readerGone(): boolean {
    return (this.cause as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
  }
}

/**
 * The answers file changed between the check and the advice (a workload that was valid is not
 * any more, or the count differs): what was printed may be partial, so the run fails.
 */
export class InputChangedError extends Error implements CodedError {
  readonly code = CliErrorCode.InputChanged;
  override readonly name = 'InputChangedError';

  constructor(
    /** What messages call the input: its path, or "standard input". */
    readonly input: string,
  ) {
    super(`${input} changed while it was being read; the output is incomplete`);
  }
}
