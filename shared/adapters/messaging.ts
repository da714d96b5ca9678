// The providers behind the notification sender: SES v2 for email, AWS End User Messaging SMS for
// text messages, and EventBridge Scheduler to deliver a held message again later. Each maps the
// provider's refusals that retrying cannot fix to PermanentSendError; anything else is retried.
import { createHash, randomUUID } from 'node:crypto';
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { NotificationRequested } from '../events/notifications.ts';
import { atExpression } from './at-expression.ts';
import { PermanentSendError, type NotificationRequest } from '../notifications/sender.ts';

const permanentEmailErrors = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'BadRequestException', 'AccountSuspendedException', 'SendingPausedException', 'NotFoundException']);
const permanentSmsErrors = new Set(['ValidationException', 'ConflictException', 'AccessDeniedException', 'ResourceNotFoundException']);

function permanent(error: unknown, names: Set<string>): never {
  const name = (error as Error).name;
  if (names.has(name)) throw new PermanentSendError(name.replace(/Exception$/, '').replace(/(?<=[a-z])(?=[A-Z])/g, '_').toLowerCase(), (error as Error).message);
  throw error;
}

// A provider call that hangs would hold the sender until its Lambda timeout (30 s) and then be
// retried from the queue anyway: give up after a few seconds instead, and let the SDK retry it.
const providerTimeouts = { requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 } };

export function sesSender(client = new SESv2Client(providerTimeouts), configurationSetName?: string) {
  return async (message: { from: string; to: string; subject: string; html: string; text: string; headers: Array<{ name: string; value: string }>; tags: Record<string, string> }): Promise<string> => {
    try {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: message.html, Charset: 'UTF-8' }, Text: { Data: message.text, Charset: 'UTF-8' } },
              ...(message.headers.length ? { Headers: message.headers.map(({ name, value }) => ({ Name: name, Value: value })) } : {}),
            },
          },
          // Tag values allow letters, digits, _ and - only.
          EmailTags: Object.entries(message.tags).map(([Name, Value]) => ({ Name, Value: Value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256) })),
          ...(configurationSetName ? { ConfigurationSetName: configurationSetName } : {}),
        }),
      );
      return result.MessageId ?? randomUUID();
    } catch (error) {
      return permanent(error, permanentEmailErrors);
    }
  };
}

export function smsSender(client = new PinpointSMSVoiceV2Client(providerTimeouts), configurationSetName?: string) {
  return async (message: { to: string; from?: string; body: string; marketing: boolean; context: Record<string, string> }): Promise<string> => {
    try {
      const result = await client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          ...(message.from ? { OriginationIdentity: message.from } : {}),
          MessageBody: message.body,
          MessageType: message.marketing ? 'PROMOTIONAL' : 'TRANSACTIONAL',
          Context: message.context,
          ...(configurationSetName ? { ConfigurationSetName: configurationSetName } : {}),
        }),
      );
      return result.MessageId ?? randomUUID();
    } catch (error) {
      return permanent(error, permanentSmsErrors);
    }
  };
}

/** Puts the request back on the notification queue at `until` with a one-time schedule. */
export function schedulerDeferral(options: { queueArn: string; roleArn: string; groupName?: string }, client = new SchedulerClient({})) {
  return async (request: NotificationRequest, until: string): Promise<void> => {
    const name = `ntf-${createHash('sha256').update(`${request.shopId}\n${request.deduplicationKey}\n${until}`).digest('hex').slice(0, 48)}`;
    const envelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': NotificationRequested.detailType,
      source: NotificationRequested.source,
      account: '000000000000',
      time: new Date().toISOString(),
      region: process.env.AWS_REGION ?? 'us-east-1',
      resources: [],
      detail: { ...request, notBefore: until },
    };
    try {
      await client.send(
        new CreateScheduleCommand({
          Name: name,
          GroupName: options.groupName ?? 'default',
          ScheduleExpression: atExpression(until),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: { Arn: options.queueArn, RoleArn: options.roleArn, Input: JSON.stringify(envelope) },
        }),
      );
    } catch (error) {
      // The same deferral was already scheduled by an earlier attempt.
      if ((error as Error).name !== 'ConflictException') throw error;
    }
  };
}
