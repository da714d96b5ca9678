// The local SMS service, driven through the real AWS SDK v3 client over HTTP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribePhoneNumbersCommand, PinpointSMSVoiceV2Client, SendTextMessageCommand, type SendTextMessageCommandInput } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalClock } from '../../../infra/local/clock.ts';
import { LocalSmsSink, smsSegments } from '../../../infra/local/sms.ts';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function startSms(options: ConstructorParameters<typeof LocalSmsSink>[0] = {}) {
  const sink = new LocalSmsSink(options);
  const server = http.createServer(sink.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One attempt, so injected throttling reaches the test instead of being retried by the SDK.
  const client = new PinpointSMSVoiceV2Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  stops.push(async () => {
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { sink, client, endpoint };
}

const message = (extra: Partial<SendTextMessageCommandInput> = {}): SendTextMessageCommandInput => ({
  DestinationPhoneNumber: '+14255550123',
  MessageBody: 'Your return R-1 was received.',
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: Error & Record<string, any>) => error,
  );
}

describe('smsSegments', () => {
  it('counts GSM-7 parts: 160 characters alone, 153 per part', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0 });
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3 });
    expect(smsSegments('Grüße, Müller! £5 @ 10:00 é')).toEqual({ encoding: 'GSM-7', segments: 1 });
  });

  it('counts extension characters as two, never split across parts', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1 });
    expect(smsSegments('€'.repeat(81))).toEqual({ encoding: 'GSM-7', segments: 2 });
    // 306 septets would fit two parts, but the escape pair cannot straddle the boundary.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', segments: 3 });
  });

  it('falls back to UCS-2 for other characters: 70 alone, 67 per part', () => {
    expect(smsSegments('ж'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('ж'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(smsSegments('ж'.repeat(134))).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(smsSegments('ж'.repeat(135))).toEqual({ encoding: 'UCS-2', segments: 3 });
    expect(smsSegments(`${'a'.repeat(69)}😀`)).toEqual({ encoding: 'UCS-2', segments: 2 });
    expect(smsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1 });
  });
});

describe('LocalSmsSink', () => {
  it('records a sent message and answers with its MessageId', async () => {
    const clock = new LocalClock(new Date('2030-05-01T08:00:00Z'));
    const { sink, client } = await startSms({ now: () => clock.now() });
    const { MessageId } = await client.send(
      new SendTextMessageCommand(
        message({ OriginationIdentity: '+18005550199', MessageType: 'TRANSACTIONAL', ConfigurationSetName: 'aftersales', Context: { caseId: 'C-1' } }),
      ),
    );
    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sink.sent()).toEqual([
      {
        messageId: MessageId,
        destinationPhoneNumber: '+14255550123',
        originationIdentity: '+18005550199',
        messageBody: 'Your return R-1 was received.',
        messageType: 'TRANSACTIONAL',
        configurationSetName: 'aftersales',
        context: { caseId: 'C-1' },
        sentAt: expect.stringMatching(/^2030-05-01T08:00/),
        encoding: 'GSM-7',
        segments: 1,
      },
    ]);

    await client.send(new SendTextMessageCommand(message({ MessageBody: 'Привет! '.repeat(10) })));
    expect(sink.sent()[1]).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    sink.clear();
    expect(sink.sent()).toEqual([]);
  });

  it('validates the request like the real API, naming the field', async () => {
    const { sink, client } = await startSms();
    const cases: [Partial<SendTextMessageCommandInput>, string][] = [
      [{ DestinationPhoneNumber: '555-1234' }, 'DestinationPhoneNumber'],
      [{ DestinationPhoneNumber: '14255550123' }, 'DestinationPhoneNumber'],
      [{ DestinationPhoneNumber: undefined }, 'DestinationPhoneNumber'],
      [{ MessageBody: undefined }, 'MessageBody'],
      [{ MessageBody: '' }, 'MessageBody'],
      [{ MessageBody: 'x'.repeat(1601) }, 'MessageBody'],
      [{ MessageType: 'SPAM' as never }, 'MessageType'],
      [{ OriginationIdentity: 'has space' }, 'OriginationIdentity'],
      [{ TimeToLive: 1 }, 'TimeToLive'],
      [{ Context: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } }, 'Context'],
    ];
    for (const [override, field] of cases) {
      const error = await failure(client.send(new SendTextMessageCommand({ ...message(), ...override } as SendTextMessageCommandInput)));
      expect(error.name, field).toBe('ValidationException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toMatch(new RegExp(`^${field}: `));
      expect(error.Reason).toBe('FIELD_VALIDATION_FAILED');
      expect(error.Fields).toEqual([{ Name: field, Message: expect.any(String) }]);
    }
    expect(sink.sent()).toEqual([]);
  });

  it('validates but does not record a DryRun', async () => {
    const { sink, client } = await startSms();
    const { MessageId } = await client.send(new SendTextMessageCommand(message({ DryRun: true })));
    expect(MessageId).toBeTruthy();
    expect(sink.sent()).toEqual([]);
    await expect(client.send(new SendTextMessageCommand(message({ DryRun: true, DestinationPhoneNumber: 'nope' })))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('fails the next sends on request', async () => {
    const { sink, client } = await startSms();
    sink.failNext(1);
    await expect(client.send(new SendTextMessageCommand(message()))).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    sink.failNext(1, { type: 'ServiceQuotaExceededException', message: 'Monthly spend limit reached' });
    await expect(client.send(new SendTextMessageCommand(message()))).rejects.toMatchObject({ name: 'ServiceQuotaExceededException', message: 'Monthly spend limit reached' });
    await client.send(new SendTextMessageCommand(message()));
    expect(sink.sent()).toHaveLength(1);
  });

  it('refuses other operations and malformed requests', async () => {
    const { client, endpoint } = await startSms();
    await expect(client.send(new DescribePhoneNumbersCommand({}))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('PinpointSMSVoiceV2.DescribePhoneNumbers'),
      $metadata: { httpStatusCode: 400 },
    });
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'PinpointSMSVoiceV2.SendTextMessage' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
  });
});
