import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackHttp, slackHttp } from '../../src/slack/transport/http-client.js';

interface Received {
  readonly contentType: string | undefined;
  readonly acceptEncoding: string | undefined;
  readonly body: string;
}

let server: Server;
let url: string;
let received: Received[];
let http: SlackHttp;

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeEach(async () => {
  received = [];
  server = createServer((request, response) => {
    read(request).then((body) => {
      const { 'content-type': contentType, 'accept-encoding': acceptEncoding } = request.headers;
      received.push({ contentType, acceptEncoding, body });
      if (request.url === '/busy') {
        response.writeHead(503, { 'retry-after': '3', 'x-slack-req-id': 'a' });
        response.end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat.postMessage`;
  http = slackHttp(1000);
});

afterEach(async () => {
  await http.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the Slack HTTP client', () => {
  it('posts a form body, asking for an uncompressed answer, and reads it', async () => {
    const response = await http.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C1&text=hi',
    });
    expect(await response.json()).toEqual({ ok: true });
    expect(received).toEqual([
      {
        contentType: 'application/x-www-form-urlencoded',
        acceptEncoding: 'identity',
        body: 'channel=C1&text=hi',
      },
    ]);
  });

  it('answers with what the Web API client and Bolt read: status, headers, url, body', async () => {
    const busy = new URL('/busy', url).href;
    const response = await http.fetch(busy, { method: 'POST', body: 'a=1' });
    expect([response.ok, response.status, response.statusText, response.url]).toEqual([
      false,
      503,
      'Service Unavailable',
      busy,
    ]);
    expect(response.headers.get('Retry-After')).toBe('3');
    expect(response.headers.get('x-missing')).toBeNull();
    expect(Object.fromEntries(response.headers.entries())).toMatchObject({
      'retry-after': '3',
      'x-slack-req-id': 'a',
    });
    const text = '{"ok":false,"error":"ratelimited"}';
    expect(await response.text()).toBe(text);
    expect(await response.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe(text);
  });

  it('posts a file upload (FormData) as multipart', async () => {
    const form = new FormData();
    form.append('filename', 'advice.txt');
    const response = await http.fetch(url, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(received[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received[0]?.body).toContain('name="filename"');
    expect(received[0]?.body).toContain('advice.txt');
  });
});
