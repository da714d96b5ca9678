// When a storage or queue call fails for a reason that passes (throttling, a timeout, a 5xx, a
// dropped connection), the receiver refuses the delivery with 503 and Retry-After instead of a bare
// 500: the storefront retries it, and the retry is deduplicated. An error that will not pass by
// retrying (a bug, a bad request to AWS) stays a 500.

/** Seconds a refused storefront is asked to wait before it sends the delivery again. */
export const overloadRetryAfterSeconds = 5;

const transientNames = new Set([
  'ProvisionedThroughputExceededException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded', 'TooManyRequestsException',
  'InternalServerError', 'InternalFailure', 'ServiceUnavailable', 'RequestThrottled', 'KMSThrottlingException',
  'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError', 'OverloadTimeout',
]);
const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED']);

/** Whether a failed AWS SDK call is worth trying again later (the SDK's own retries already gave up). */
export function isTransientFailure(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, code, $retryable, $metadata } = error as { name?: string; code?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if ($retryable) return true;
  if (name && transientNames.has(name)) return true;
  if (code && transientCodes.has(code)) return true;
  const status = $metadata?.httpStatusCode;
  return status !== undefined && (status >= 500 || status === 429);
}

export class OverloadTimeout extends Error {
  override readonly name = 'OverloadTimeout';
}

/**
 * Runs `work`, rejecting with OverloadTimeout after `ms` so the function answers before its own
 * timeout would turn the request into a bare 500. The work itself goes on: whatever it stored is
 * found by the retry (writes are conditional and the normalizer is idempotent).
 */
export async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new OverloadTimeout(`Not done within ${ms} ms`)), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
