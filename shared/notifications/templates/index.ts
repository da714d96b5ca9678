// Every customer message template, by message type.
import type { MessageTemplate } from './define.ts';
import { claimTemplates } from './refunds-claims.ts';
import { returnTemplates } from './returns.ts';
import { serviceTemplates } from './service.ts';

export const messageTemplates: readonly MessageTemplate[] = Object.freeze([...returnTemplates, ...serviceTemplates, ...claimTemplates]);

const byType = new Map(messageTemplates.map((template) => [template.messageType, template]));
if (byType.size !== messageTemplates.length) throw new Error('Two templates share a messageType');

export function findTemplate(messageType: string): MessageTemplate | undefined {
  return byType.get(messageType);
}
