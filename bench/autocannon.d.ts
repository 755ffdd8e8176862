/**
 * The part of autocannon 9's programmatic API the benchmark uses (the package ships no types).
 * @see https://github.com/mcollina/autocannon#api
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  /** Per connection; kept across one pass over `requests`. */
  export type Context = Record<string, unknown>;

  export interface Request extends RequestParams {
    /** Called right before the request is written (the first one: when the client is built). */
    setupRequest?: (request: RequestParams, context: Context) => RequestParams | undefined;
    onResponse?: (
      status: number,
      body: string,
      context: Context,
      headers: Record<string, string>,
    ) => void;
  }

  /** One connection. Emits `request` right before it writes a request. */
  export type Client = EventEmitter;

  export interface Options {
    url: string;
    connections?: number;
    amount?: number;
    timeout?: number;
    /** Milliseconds between samples; a run with an `amount` ends on the first sample after it. */
    sampleInt?: number;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  }

  export interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
    latency: { p50: number; p99: number };
  }

  export default function autocannon(options: Options): Promise<Result>;
}
