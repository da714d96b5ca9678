// Templates of the delay, repeat-purchase, survey and ops-alert flows (one file per family).
import type { MessageTemplate } from './define.ts';
import { delayCourtesyTemplates } from './service-delay-courtesy.ts';
import { delayTemplates } from './service-delays.ts';
import { feedbackTemplates } from './service-feedback.ts';
import { marketingTemplates } from './service-marketing.ts';

export const serviceTemplates: MessageTemplate[] = [...delayTemplates, ...delayCourtesyTemplates, ...marketingTemplates, ...feedbackTemplates];
