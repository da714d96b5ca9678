// AWS End User Messaging SMS (pinpoint-sms-voice-v2) stand-in: the awsJson1_0 protocol
// (`POST /`, `X-Amz-Target: PinpointSMSVoiceV2.<Operation>`, `application/x-amz-json-1.0`).
// SendTextMessage is validated like the real API and recorded instead of sent. Errors are
// `{"__type": ..., "message": ..., "Message": ...}` with status 400, which the SDK reads by `__type`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './activity.ts';
import type { FaultPlan } from './faults/plan.ts';

export interface SentSms {
  messageId: string;
  destinationPhoneNumber: string;
  originationIdentity?: string;
  messageBody: string;
  messageType?: 'TRANSACTIONAL' | 'PROMOTIONAL';
  configurationSetName?: string;
  context?: Record<string, string>;
  /** ISO 8601, from the `now` option (the local clock when the stack passes it). */
  sentAt: string;
  encoding: 'GSM-7' | 'UCS-2';
  /** Message parts billed: GSM-7 160 characters alone or 153 per part; UCS-2 70 alone or 67 per part. */
  segments: number;
}

export interface InjectedFailure {
  /** The error's `__type`, e.g. ThrottlingException (default), ServiceQuotaExceededException, InternalServerException. */
  type?: string;
  message?: string;
  statusCode?: number;
}

class SmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const fieldError = (name: string, message: string) =>
  new SmsError('ValidationException', `${name}: ${message}`, 400, { Reason: 'FIELD_VALIDATION_FAILED', Fields: [{ Name: name, Message: message }] });

// GSM 03.38: the default alphabet (one septet each) and its extension table (escape + septet).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('\f^{}\\[~]|€');

/** How many SMS parts a body needs, splitting as handsets do (never inside an escape or surrogate pair). */
export function smsSegments(body: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  const chars = [...body];
  const gsm = chars.every((char) => GSM_BASIC.has(char) || GSM_EXTENDED.has(char));
  const costs = gsm ? chars.map((char) => (GSM_EXTENDED.has(char) ? 2 : 1)) : chars.map((char) => char.length);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (total <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments: total === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments };
}

type Input = Record<string, unknown>;

function optionalString(input: Input, name: string, min: number, max: number, pattern?: RegExp): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw fieldError(name, 'must be a string');
  if (value.length < min || value.length > max) throw fieldError(name, `must be ${min} to ${max} characters long (got ${value.length})`);
  if (pattern && !pattern.test(value)) throw fieldError(name, `'${value}' does not match the pattern ${pattern.source}`);
  return value;
}

function stringMap(input: Input, name: string, maxEntries: number, maxValue: number): Record<string, string> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw fieldError(name, 'must be a map of strings');
  const entries = Object.entries(value);
  if (entries.length > maxEntries) throw fieldError(name, `may have at most ${maxEntries} entries`);
  for (const [key, entry] of entries) {
    if (!/^\S{1,100}$/.test(key)) throw fieldError(name, `key '${key}' must be 1 to 100 characters without whitespace`);
    if (typeof entry !== 'string' || !entry.trim() || entry.length > maxValue) throw fieldError(name, `value of '${key}' must be a non-blank string of at most ${maxValue} characters`);
  }
  return value as Record<string, string>;
}

const E164 = /^\+[1-9]\d{1,14}$/;

export class LocalSmsSink {
  private readonly messages: SentSms[] = [];
  private failures: { remaining: number; error: InjectedFailure } | undefined;
  private readonly now: () => Date;

  private readonly onSent?: (segments: number) => void;
  private readonly faults?: FaultPlan;

  constructor(options: { now?: () => Date; onSent?(segments: number): void; faults?: FaultPlan } = {}) {
    this.now = options.now ?? (() => new Date());
    this.onSent = options.onSent;
    this.faults = options.faults;
  }

  /** Messages recorded so far, oldest first (DryRun requests are validated but not recorded). */
  sent(): SentSms[] {
    return [...this.messages];
  }

  clear(): void {
    this.messages.length = 0;
    this.failures = undefined;
  }

  /** Makes the next `count` SendTextMessage calls fail with `error` (default: ThrottlingException). */
  failNext(count: number, error: InjectedFailure = {}): void {
    this.failures = count > 0 ? { remaining: count, error } : undefined;
  }

  handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const send = (status: number, body: unknown) => {
      if (res.headersSent) return;
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() });
      res.end(JSON.stringify(body));
    };
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (req.method !== 'POST' || target !== 'PinpointSMSVoiceV2.SendTextMessage') {
        await readBody(req).catch(() => undefined);
        throw new SmsError('UnknownOperationException', `The local SMS service does not implement ${target || `${req.method} ${req.url}`}; it supports PinpointSMSVoiceV2.SendTextMessage only`);
      }
      const raw = (await readBody(req, 1024 * 1024)).toString('utf8');
      let input: unknown;
      try {
        input = raw.trim() ? JSON.parse(raw) : {};
      } catch {
        throw new SmsError('SerializationException', 'The request body is not valid JSON');
      }
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw new SmsError('SerializationException', 'The request body must be a JSON object');
      send(200, this.sendTextMessage(input as Input));
    } catch (error) {
      if (error instanceof SmsError) return send(error.statusCode, { __type: error.type, message: error.message, Message: error.message, ...error.extra });
      send(500, { __type: 'InternalServerException', message: (error as Error).message, Message: (error as Error).message });
    }
  };

  private sendTextMessage(input: Input): { MessageId: string } {
    const destinationPhoneNumber = optionalString(input, 'DestinationPhoneNumber', 1, 20);
    if (destinationPhoneNumber === undefined) throw fieldError('DestinationPhoneNumber', 'is required');
    if (!E164.test(destinationPhoneNumber)) throw fieldError('DestinationPhoneNumber', `'${destinationPhoneNumber}' is not an E.164 phone number such as +14255550123`);
    const originationIdentity = optionalString(input, 'OriginationIdentity', 1, 256, /^[A-Za-z0-9_:/+-]+$/);
    const messageBody = optionalString(input, 'MessageBody', 1, 1600);
    if (messageBody === undefined) throw fieldError('MessageBody', 'is required');
    const messageType = input.MessageType ?? undefined;
    if (messageType !== undefined && messageType !== 'TRANSACTIONAL' && messageType !== 'PROMOTIONAL') {
      throw fieldError('MessageType', `must be TRANSACTIONAL or PROMOTIONAL (got ${JSON.stringify(messageType)})`);
    }
    optionalString(input, 'Keyword', 1, 30, /^[ \S]+$/);
    const configurationSetName = optionalString(input, 'ConfigurationSetName', 1, 256, /^[A-Za-z0-9_:/-]+$/);
    optionalString(input, 'MaxPrice', 2, 8, /^[0-9]{0,2}\.[0-9]{1,5}$/);
    const ttl = input.TimeToLive;
    if (ttl !== undefined && ttl !== null && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 5 || ttl > 259200)) {
      throw fieldError('TimeToLive', 'must be an integer from 5 to 259200 seconds');
    }
    const context = stringMap(input, 'Context', 5, 800);
    stringMap(input, 'DestinationCountryParameters', 10, 64);
    for (const flag of ['DryRun', 'MessageFeedbackEnabled']) {
      if (input[flag] !== undefined && input[flag] !== null && typeof input[flag] !== 'boolean') throw fieldError(flag, 'must be a boolean');
    }
    optionalString(input, 'ProtectConfigurationId', 1, 256);

    if (this.failures) {
      const { error } = this.failures;
      if (--this.failures.remaining <= 0) this.failures = undefined;
      throw new SmsError(error.type ?? 'ThrottlingException', error.message ?? 'Injected failure (LocalSmsSink.failNext)', error.statusCode ?? (error.type === 'InternalServerException' ? 500 : 400));
    }
    const fault = input.DryRun === true ? undefined : this.faults?.pick('sms');
    if (fault) {
      this.faults!.count(fault);
      throw new SmsError('InternalServerException', 'Injected fault: internal server error', 500);
    }

    const messageId = randomUUID();
    if (input.DryRun === true) return { MessageId: messageId };
    const { encoding, segments } = smsSegments(messageBody);
    this.messages.push({
      messageId,
      destinationPhoneNumber,
      ...(originationIdentity === undefined ? {} : { originationIdentity }),
      messageBody,
      ...(messageType === undefined ? {} : { messageType }),
      ...(configurationSetName === undefined ? {} : { configurationSetName }),
      ...(context === undefined ? {} : { context }),
      sentAt: this.now().toISOString(),
      encoding,
      segments,
    });
    this.onSent?.(segments);
    return { MessageId: messageId };
  }
}
