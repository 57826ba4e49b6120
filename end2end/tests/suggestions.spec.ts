import { expect } from '@playwright/test';
import { expectNoAxeViolations, waitForHydration, watchConsole, test } from './support';

test.describe('search suggestions as you type', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'suggestions need JavaScript; without it the box is a plain search form');

  test('arrow keys choose a suggestion and Enter opens it', async ({ page }, info) => {
    const problems = watchConsole(page);
    await page.goto('/fi/');
    await waitForHydration(page, info);
    const box = page.getByRole('combobox', { name: 'Hae ohjeita' }).first();
    await box.pressSequentially('kortti kadon', { delay: 30 });
    const listbox = page.getByRole('listbox', { name: 'Ehdotetut vastaukset' }).first();
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expect(listbox.getByRole('option').first()).toHaveText('Kortti kadonnut tai varastettu');
    await expectNoAxeViolations(page, { javaScript: true });
    await box.press('ArrowDown');
    const firstOption = listbox.getByRole('option').first();
    await expect(firstOption).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await firstOption.getAttribute('id')) ?? '');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/fi\/articles\/card-lost-or-stolen$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kortti kadonnut tai varastettu');
    expect(problems).toEqual([]);
  });

  test('Escape closes the list and Enter then searches', async ({ page }, info) => {
    await page.goto('/en/');
    await waitForHydration(page, info);
    const box = page.locator('#home-search');
    await box.pressSequentially('vpn', { delay: 30 });
    const listbox = page.locator('#home-search-suggestions');
    await expect(listbox).toBeVisible();
    await box.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/en\/search\?q=vpn$/);
  });
});
