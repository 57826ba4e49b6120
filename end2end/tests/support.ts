import { test as base, expect, Page, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const HOME_HEADINGS: Record<Locale, string> = {
  fi: 'Miten voimme auttaa?',
  sv: 'Hur kan vi hjälpa dig?',
  en: 'How can we help you?',
};

export const NOT_FOUND_TITLES: Record<Locale, string> = {
  fi: 'Sivua ei löytynyt',
  sv: 'Sidan hittades inte',
  en: 'Page not found',
};

/**
 * Playwright's `test`, with every page watched for Content-Security-Policy violations: Chromium
 * reports each refused script, style or frame on the console, and a test whose page logged one
 * fails, whatever else it checked.
 */
export const test = base.extend<{ noCspViolations: void }>({
  noCspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) {
          violations.push(`${msg.text()} (${msg.location().url})`);
        }
      });
      await use();
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export const jsEnabled = (info: TestInfo) => info.project.name === 'js';

/**
 * Collects console errors and warnings (hydration mismatches among them) and page errors.
 * Chromium's note that the preloaded wasm bundle went unused is not one: with JavaScript off it
 * never runs, and the note comes whenever such a page stays open a few seconds (as while axe
 * scans it from a second context); with JavaScript on, `waitForHydration` proves it ran.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const unusedPreload = /\/pkg\/tuki(_bg\.wasm|\.js) was preloaded using link preload but not used/.test(msg.text());
    if ((msg.type() === 'error' || msg.type() === 'warning') && !unusedPreload) {
      problems.push(`${msg.type()}: ${msg.text()} (${msg.location().url})`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** With JavaScript on, waits until the wasm bundle has hydrated the page. */
export async function waitForHydration(page: Page, info: TestInfo) {
  if (!jsEnabled(info)) return;
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 15_000 });
}

/**
 * Runs axe (WCAG 2.x A and AA rules and best practices) and expects no violations.
 * axe is itself JavaScript: for a page opened with JavaScript off, the same URL is scanned in a
 * context where axe may run but the page's own scripts (the wasm bundle) are blocked, which
 * is exactly the server-rendered page a no-JS reader gets (with the same cookies: a signed-in
 * member's page is scanned as they see it).
 */
export async function expectNoAxeViolations(
  page: Page,
  { javaScript, colorScheme }: { javaScript: boolean; colorScheme?: 'light' | 'dark' },
) {
  if (javaScript) {
    await scanWithAxe(page);
    return;
  }
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const scanContext = await browser.newContext({ javaScriptEnabled: true, colorScheme });
  // The same cookies, so a signed-in member's page is scanned as they see it.
  await scanContext.addCookies(await page.context().cookies());
  await scanContext.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  try {
    const scanPage = await scanContext.newPage();
    await scanPage.goto(page.url());
    await scanWithAxe(scanPage);
  } finally {
    await scanContext.close();
  }
}

async function scanWithAxe(page: Page) {
  // After a form post the new page's DOM can be there before its stylesheet: wait for the
  // whole page, or axe judges an unstyled one (target sizes, contrast).
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/**
 * The plain-text part of a mail the tests' SMTP server received (a maildir that `.ci/test` points
 * `TUKI_E2E_MAILDIR` at) for which `wanted(raw message, text)` holds; waits up to 15 s.
 */
export async function receivedMail(wanted: (raw: string, text: string) => boolean, what: string): Promise<string> {
  const dir = process.env.TUKI_E2E_MAILDIR;
  if (!dir) throw new Error('TUKI_E2E_MAILDIR is not set: run the tests with .ci/test');
  for (let i = 0; i < 75; i++) {
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      // nothing received yet
    }
    for (const file of files) {
      const raw = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
      const part = raw.split('Content-Transfer-Encoding: base64\n\n')[1]?.split('\n--')[0] ?? '';
      const text = Buffer.from(part.replace(/\n/g, ''), 'base64').toString('utf8');
      if (wanted(raw, text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the SMTP server received no mail ${what} (maildir ${dir})`);
}
