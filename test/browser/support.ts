// Browser tests drive the ops console in Debian's Chromium with playwright-core, against the local
// stack the integration globalSetup starts. A failed test leaves a screenshot in test-results/browser/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { endpoints } from '../integration/support.ts';

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-results/browser');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One browser per file, a fresh context (fresh session storage) per test; `page()` is the test's page. */
export function useBrowser(): { page(): Page } {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
    });
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      mkdirSync(screenshotDir, { recursive: true });
      const name = `${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}-${Date.now()}.png`;
      await page.screenshot({ path: path.join(screenshotDir, name), fullPage: true }).catch(() => undefined);
    }
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { page: () => page };
}

export const consoleUrl = () => `${endpoints.api}/console/`;

/** Signs in on the local sign-in screen and, when given, opens a shop. */
export async function signIn(page: Page, role: 'viewer' | 'agent' | 'supervisor' | 'admin', shopId?: string): Promise<void> {
  await page.goto(consoleUrl());
  await page.getByRole('radio', { name: new RegExp(`^${role} `) }).check();
  await page.getByLabel('Email').fill(`${role}-browser@example.com`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(role);
  if (shopId) {
    await page.getByLabel('Shop', { exact: true }).fill(shopId);
    await page.getByRole('button', { name: 'Open' }).click();
  }
}

/** The text of the first element matching `selector`, once it contains `expected`. */
export async function waitForText(page: Page, selector: string, expected: string | RegExp): Promise<string> {
  await page.locator(selector).filter({ hasText: expected }).first().waitFor();
  return (await page.locator(selector).first().textContent()) ?? '';
}
