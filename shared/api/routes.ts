// Every HTTP route of the platform, declared once (one file per area under routes/). The OpenAPI
// document (`npm run openapi`), request validation (`parseRequest`), the TypeScript types and the
// typed client derive from these.
import type { Route } from './define.ts';
import { dryRunCampaignSettings, getCampaignResults, getCampaignSettings, previewNudges, updateCampaignSettings } from './routes/campaigns.ts';
import { chooseClaimResolution, fileOpsParcelClaim, fileParcelClaim, getClaimOffer } from './routes/claims.ts';
import { createCustomerSession, getCustomerOrder } from './routes/customer.ts';
import { discardDeadLetter, getDeadLetter, getOpsHealth, listAuditRecords, listDeadLetters, redriveDeadLetter } from './routes/dead-letters.ts';
import { getDelayMetrics, listDelayedOrders, receiveHelpdeskTicket } from './routes/delays.ts';
import { dryRunDelaySettings, getDelaySettings, updateDelaySettings } from './routes/delay-settings.ts';
import { getKpis } from './routes/kpis.ts';
import { getNotificationPreferences, getUnsubscribePage, listNotifications, unsubscribe, updateNotificationPreferences } from './routes/notifications.ts';
import { getCustomer, getOrder, getOrderTimeline, listCustomers, listOrders } from './routes/orders.ts';
import { getEventCatalogue, getOpenApiDocument } from './routes/public.ts';
import { getPrivacyExport, listPrivacyExports } from './routes/privacy.ts';
import { dryRunRefundRules, getRefundRules, updateRefundRules } from './routes/refund-rules.ts';
import { decideRefund, getDecisionExplanation, getOrderLedger, listRefundReviews } from './routes/refunds.ts';
import { dryRunReturnPolicy, getReturnPolicy, updateReturnPolicy } from './routes/return-policy.ts';
import { receiveCarrierTracking, recordReturnShipment } from './routes/return-shipments.ts';
import { approveReturn, createReturn, getReturn, getReturnCase, listReturns, reassignReturn, recordInspection, recordReturnReceipt, rejectReturn } from './routes/returns.ts';
import { answerSurvey, getFollowUpCase, getSurveyAnswerPage, listFollowUpCases, listSurveyResponses, resolveFollowUpCase } from './routes/surveys.ts';
import { receiveGenericWebhook, receiveShopifyWebhook, receiveWooCommerceWebhook } from './routes/webhooks.ts';

export * from './routes/campaigns.ts';
export * from './routes/claims.ts';
export * from './routes/customer.ts';
export * from './routes/dead-letters.ts';
export * from './routes/delays.ts';
export * from './routes/delay-settings.ts';
export * from './routes/kpis.ts';
export * from './routes/notifications.ts';
export * from './routes/orders.ts';
export * from './routes/public.ts';
export * from './routes/privacy.ts';
export * from './routes/refund-rules.ts';
export * from './routes/refunds.ts';
export * from './routes/return-policy.ts';
export * from './routes/return-shipments.ts';
export * from './routes/returns.ts';
export * from './routes/surveys.ts';
export * from './routes/webhooks.ts';

/** Every route, in the order the document lists them. */
export const routes: readonly Route[] = Object.freeze([
  getEventCatalogue,
  getOpenApiDocument,
  receiveShopifyWebhook,
  receiveWooCommerceWebhook,
  receiveGenericWebhook,
  receiveCarrierTracking,
  listOrders,
  getOrder,
  getOrderTimeline,
  listCustomers,
  getCustomer,
  getOpsHealth,
  listDeadLetters,
  getDeadLetter,
  redriveDeadLetter,
  discardDeadLetter,
  listAuditRecords,
  listNotifications,
  getUnsubscribePage,
  unsubscribe,
  getNotificationPreferences,
  updateNotificationPreferences,
  createCustomerSession,
  getCustomerOrder,
  getSurveyAnswerPage,
  answerSurvey,
  listSurveyResponses,
  listFollowUpCases,
  getFollowUpCase,
  resolveFollowUpCase,
  createReturn,
  getReturn,
  recordReturnShipment,
  listReturns,
  getReturnCase,
  approveReturn,
  rejectReturn,
  recordReturnReceipt,
  recordInspection,
  reassignReturn,
  getReturnPolicy,
  updateReturnPolicy,
  dryRunReturnPolicy,
  listRefundReviews,
  decideRefund,
  getOrderLedger,
  getDecisionExplanation,
  fileParcelClaim,
  getClaimOffer,
  chooseClaimResolution,
  fileOpsParcelClaim,
  getRefundRules,
  updateRefundRules,
  dryRunRefundRules,
  getCampaignSettings,
  updateCampaignSettings,
  dryRunCampaignSettings,
  previewNudges,
  getCampaignResults,
  listDelayedOrders,
  getDelayMetrics,
  getDelaySettings,
  updateDelaySettings,
  dryRunDelaySettings,
  receiveHelpdeskTicket,
  getKpis,
  listPrivacyExports,
  getPrivacyExport,
]);
