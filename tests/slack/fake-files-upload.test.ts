import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../testkit/fake-slack-api.js';

/**
 * The fake Web API speaks files.uploadV2 as @slack/web-api calls it: files.getUploadURLExternal,
 * the bytes posted to the URL it gave, files.completeUploadExternal into a channel's thread.
 */
describe('the fake Web API and files.uploadV2', () => {
  let api: FakeSlackApi;
  let client: webApi.WebClient;
  beforeAll(async () => {
    api = await FakeSlackApi.start();
    client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
    });
  });
  afterAll(() => api.close());

  it('takes a file in three steps and shares it in the thread', async () => {
    const content = 'workload,kind\r\n"Search, ranking",inference\r\n';
    const result = await client.files.uploadV2({
      channel_id: 'C0PORTFOLIO',
      thread_ts: '1700000000.000001',
      filename: 'portfolio.csv',
      title: 'Portfolio',
      content,
    });
    expect(result.ok).toBe(true);
    expect(api.calls.map((call) => call.method)).toEqual([
      'files.getUploadURLExternal',
      'file_upload',
      'files.completeUploadExternal',
    ]);
    const [announced] = api.callsTo('files.getUploadURLExternal');
    expect(announced?.params).toMatchObject({
      filename: 'portfolio.csv',
      length: String(Buffer.byteLength(content)),
    });
    const id = (announced?.response.body as { file_id?: string } | undefined)?.file_id ?? '';
    expect(api.file(id)).toMatchObject({
      filename: 'portfolio.csv',
      content,
      shared: { channelId: 'C0PORTFOLIO', threadTs: '1700000000.000001', title: 'Portfolio' },
    });
  });

  it('refuses to complete a file whose bytes never arrived', async () => {
    const announced = (await client.files.getUploadURLExternal({
      filename: 'x.csv',
      length: 3,
    })) as { file_id: string };
    await expect(
      client.files.completeUploadExternal({ files: [{ id: announced.file_id }], channel_id: 'C1' }),
    ).rejects.toMatchObject({ data: { error: 'file_not_found' } });
  });
});
