import { describe, expect, it } from 'vitest';
import { isTransientFailure, OverloadTimeout, within } from '../../../shared/webhooks/overload.ts';

const sdkError = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });

describe('which failed calls a storefront should send again later', () => {
  it('takes throttling, timeouts, 5xx answers and dropped connections as passing', () => {
    expect(isTransientFailure(sdkError('ProvisionedThroughputExceededException'))).toBe(true);
    expect(isTransientFailure(sdkError('ThrottlingException'))).toBe(true);
    expect(isTransientFailure(sdkError('TimeoutError'))).toBe(true);
    expect(isTransientFailure(sdkError('UnknownError', { $metadata: { httpStatusCode: 502 } }))).toBe(true);
    expect(isTransientFailure(sdkError('Error', { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientFailure(sdkError('Anything', { $retryable: { throttling: true } }))).toBe(true);
    expect(isTransientFailure(new OverloadTimeout('late'))).toBe(true);
  });

  it('leaves bugs and refused requests as they are', () => {
    expect(isTransientFailure(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isTransientFailure(sdkError('ValidationException', { $metadata: { httpStatusCode: 400 } }))).toBe(false);
    expect(isTransientFailure(sdkError('AccessDeniedException', { $metadata: { httpStatusCode: 403 } }))).toBe(false);
    expect(isTransientFailure(undefined)).toBe(false);
  });
});

describe('answering within a time budget', () => {
  it('gives the work its result when it finishes in time', async () => {
    await expect(within(1_000, Promise.resolve('stored'))).resolves.toBe('stored');
  });

  it('gives up with OverloadTimeout when it does not', async () => {
    const late = new Promise((resolve) => setTimeout(() => resolve('stored'), 200));
    await expect(within(20, late)).rejects.toBeInstanceOf(OverloadTimeout);
    await late;
  });

  it('passes the work’s own failure through', async () => {
    await expect(within(1_000, Promise.reject(new TypeError('bug')))).rejects.toBeInstanceOf(TypeError);
  });
});
