import { expect } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, waitForHydration, watchConsole, test } from './support';

const SEARCHES = [
  { locale: 'fi', query: 'kortti kadonnut', first: 'Kortti kadonnut tai varastettu' },
  { locale: 'sv', query: 'glomt losenord', first: 'Byta ett glömt lösenord' },
  { locale: 'en', query: 'stolen crad', first: 'Card lost or stolen' },
] as const;

for (const { locale, query, first } of SEARCHES) {
  test(`searching "${query}" in ${locale} finds the right answer first and opens it`, async ({ page }, info) => {
    const problems = watchConsole(page);
    await page.goto(`/${locale}/`);
    await waitForHydration(page, info);
    const home = page.locator('#home-search');
    await home.fill(query);
    await home.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${locale}/search\\?q=`));
    const firstHit = page.locator('.result__title a').first();
    await expect(firstHit).toHaveText(first);
    await expect(page.locator('.result__snippet mark').first()).toBeVisible();
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
    await firstHit.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
    expect(problems).toEqual([]);
  });
}

test('a search that finds nothing offers the guided forms', async ({ page }, info) => {
  await page.goto('/en/search?q=zzxqvvw');
  await waitForHydration(page, info);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Nothing found for “zzxqvvw”');
  await expect(page.getByRole('link', { name: 'Get help with a guided form' })).toHaveAttribute('href', '/en/help');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
});

test('results can be filtered to solved cases of one category', async ({ page }, info) => {
  await page.goto('/en/search?q=card');
  await waitForHydration(page, info);
  await page.getByLabel('Category').selectOption({ label: 'Cards' });
  await page.getByLabel('Type').selectOption('case');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/category=cards/);
  const kinds = await page.locator('.result__kind').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['Solved case']));
});

test('the helpful vote is recorded and thanked', async ({ page }, info) => {
  await page.goto('/fi/articles/reset-forgotten-password');
  await waitForHydration(page, info);
  await page.getByLabel('Mitä voisimme parantaa? (vapaaehtoinen)').fill('Selkeä ohje');
  await page.getByRole('button', { name: 'Kyllä' }).click();
  await expect(page.getByRole('status')).toHaveText('Kiitos palautteestasi!');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
});

test('categories list their documents and lead to them', async ({ page }, info) => {
  await page.goto('/sv/');
  await waitForHydration(page, info);
  await page.getByRole('link', { name: 'Kort', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kort');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
  await page.getByRole('link', { name: 'Spärra kortet tillfälligt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spärra kortet tillfälligt');
});

test('an unknown article is a translated 404', async ({ page }) => {
  const response = await page.goto('/sv/articles/finns-inte');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan hittades inte');
});
