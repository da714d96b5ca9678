import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** Attributes that name or locate a person, whatever their value: dropped from every log line. */
const personalKeys = new Set([
  'email', 'emailaddress', 'customeremail', 'phone', 'phonenumber', 'mobile', 'customerphone',
  'address', 'address1', 'address2', 'street', 'streetaddress', 'line1', 'line2', 'shippingaddress', 'billingaddress',
  'firstname', 'lastname', 'fullname', 'customername', 'zip', 'postcode', 'postalcode',
]);
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// International numbers only (a leading +): bare digit runs are order and line ids.
const phonePattern = /\+\d(?:[\s().-]?\d){6,14}/g;

/** Masks emails and phone numbers in free text (messages, error messages and stacks). */
export function maskPersonalText(text: string): string {
  return text.replace(emailPattern, '[email]').replace(phonePattern, '[phone]');
}

/**
 * The logger's JSON replacer: every value of a log line passes through it (errors too, once
 * formatted), so personal data never reaches CloudWatch whichever handler logs it.
 */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (personalKeys.has(key.toLowerCase().replace(/[_-]/g, ''))) return '[redacted]';
  return typeof value === 'string' ? maskPersonalText(value) : value;
}

// Service name and namespace come from POWERTOOLS_* variables set by the CDK app.
export const logger = new Logger({ jsonReplacerFn: redactPersonalData });
export const metrics = new Metrics();
