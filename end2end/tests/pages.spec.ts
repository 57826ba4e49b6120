import { expect } from '@playwright/test';
import {
  expectNoAxeViolations, HOME_HEADINGS, jsEnabled, LOCALES, NOT_FOUND_TITLES, waitForHydration, watchConsole,
  test,
} from './support';

for (const locale of LOCALES) {
  test(`the ${locale} home page is in ${locale}, accessible and hydrates cleanly`, async ({ page }, info) => {
    const problems = watchConsole(page);
    const response = await page.goto(`/${locale}/`);
    expect(response?.status()).toBe(200);
    await waitForHydration(page, info);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOME_HEADINGS[locale]);
    // Absolute, as search engines want them.
    await expect(page.locator(`link[rel="alternate"][hreflang="sv"]`)).toHaveAttribute('href', new URL('/sv/', page.url()).href);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new URL(`/${locale}/`, page.url()).href);
    await expect(page.locator('.language-switcher [aria-current="page"]')).toHaveAttribute('hreflang', locale);
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
    expect(problems).toEqual([]);
  });

  test(`an unknown ${locale} page is a translated 404`, async ({ page }, info) => {
    const problems = watchConsole(page);
    const response = await page.goto(`/${locale}/no-such-page`);
    expect(response?.status()).toBe(404);
    await waitForHydration(page, info);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND_TITLES[locale]);
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
    // The browser itself reports the 404 of the document; anything else is a real problem.
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });
}

test('the root redirects to the language the browser asks for', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'sv-FI', extraHTTPHeaders: { 'Accept-Language': 'sv-FI,sv;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sv\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await context.close();
});

test('switching language keeps the page and is remembered for the next visit', async ({ page }, info) => {
  await page.goto('/fi/');
  await waitForHydration(page, info);
  await page.getByRole('navigation', { name: 'Kieli' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOME_HEADINGS.en);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
});

test('the language switcher on a 404 page leads to the same address in the other language', async ({ page }, info) => {
  await page.goto('/sv/finns-inte?x=1');
  await waitForHydration(page, info);
  await page.getByRole('link', { name: 'Suomi' }).click();
  await expect(page).toHaveURL(/\/fi\/finns-inte\?x=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND_TITLES.fi);
});

test('the skip link is the first stop of the keyboard and moves focus to the content', async ({ page }, info) => {
  await page.goto('/en/');
  await waitForHydration(page, info);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the search box sends a plain GET form to the search page of the language', async ({ page }, info) => {
  await page.goto('/sv/');
  await waitForHydration(page, info);
  // A searchbox without JavaScript, a combobox with it: the same input either way.
  await page.getByRole('search', { name: 'Sök bland hjälpartiklar' }).getByLabel('Sök hjälp').fill('lösenord');
  await page.getByRole('search', { name: 'Sök bland hjälpartiklar' }).getByRole('button', { name: 'Sök' }).click();
  await expect(page).toHaveURL(/\/sv\/search\?q=l%C3%B6senord$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('lösenord');
});

test('the page reflows at 320 pixels without horizontal scrolling', async ({ browser }, info) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: jsEnabled(info) });
  const page = await context.newPage();
  for (const path of ['/fi/', '/sv/', '/en/ei-ole']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('dark mode keeps every text readable', async ({ browser }, info) => {
  const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: jsEnabled(info) });
  const page = await context.newPage();
  await page.goto('/fi/');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info), colorScheme: 'dark' });
  await context.close();
});
