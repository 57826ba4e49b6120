import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, waitForHydration, watchConsole, test } from './support';

const PASSWORD = 'kesäkuun sininen polkupyörä';

const TEXT = {
  fi: {
    email: 'Sähköpostiosoite', password: 'Salasana', signIn: 'Kirjaudu sisään', open: 'Avaa sisällöntuottajien työtila',
    workspace: 'Sisällöntuottajien työtila', search: 'Otsikossa tai osoitteessa on', filter: 'Rajaa', body: 'Teksti',
    major: 'Merkittävä muutos: merkitys muuttuu', preview: 'Esikatsele', publish: 'Julkaise', previewHeading: 'Esikatselu',
    published: 'Julkaistu. Asiakkaat näkevät tekstin, ja haku löytää sen.', outOfDate: 'Vanhentunut käännös',
    outdatedHeading: 'Tämä on vanhentunut käännös', history: 'Versiot ja muutokset', restore: /^Palauta versio \d+$/,
    restored: 'Vanha versio on nyt luonnos.', signOut: 'Kirjaudu ulos',
    newDocument: 'Uusi ohje tai ratkaistu tapaus', categories: 'Aiheet', analytics: 'Analytiikka',
  },
  sv: {
    email: 'E-postadress', password: 'Lösenord', signIn: 'Logga in', open: 'Öppna redaktörernas arbetsyta',
    workspace: 'Redaktörernas arbetsyta', search: 'Rubriken eller adressen innehåller', filter: 'Avgränsa', body: 'Text',
    major: 'En väsentlig ändring: betydelsen ändras', preview: 'Förhandsgranska', publish: 'Publicera',
    previewHeading: 'Förhandsgranskning', published: 'Publicerat. Kunderna ser texten och sökningen hittar den.',
    outOfDate: 'Inaktuell översättning', outdatedHeading: 'Det här är en inaktuell översättning',
    history: 'Versioner och ändringar', restore: /^Återställ version \d+$/, restored: 'Den gamla versionen är nu utkastet.',
    signOut: 'Logga ut', newDocument: 'Ny artikel eller löst fråga', categories: 'Ämnen', analytics: 'Analys',
  },
} as const;

/** One article per test, so tests running side by side never edit the same text. */
const ARTICLES: Record<string, string> = {
  'fi-js': 'loan-statement-for-taxes',
  'fi-no-js': 'out-of-office-reply',
  'sv-js': 'download-account-statement',
  'sv-no-js': 'change-daily-limits',
};

/** Creates an editor with the command line, as an operator would; returns the address. */
function createEditor(name: string): string {
  const tuki = process.env.TUKI_E2E_TUKI;
  const dataDir = process.env.TUKI_E2E_DATA_DIR;
  if (!tuki || !dataDir) throw new Error('TUKI_E2E_TUKI and TUKI_E2E_DATA_DIR are not set: run the tests with .ci/test');
  const email = `${name}@bank.fi`;
  const env = { ...process.env, TUKI_DATA_DIR: dataDir, TUKI_LOG: 'warn' };
  execFileSync(tuki, ['user', 'add', email, '--role', 'editor', '--name', 'Eeva Editori'], { env });
  execFileSync(tuki, ['user', 'passwd', email], { env, input: `${PASSWORD}\n` });
  return email;
}

/** True once the search API finds `slug` for `word`. */
async function searchFinds(page: Page, word: string, slug: string): Promise<boolean> {
  const response = await page.request.get(`/api/v1/search?q=${encodeURIComponent(word)}&locale=fi&limit=5`);
  const body = await response.json();
  return body.hits.some((hit: { slug: string }) => hit.slug === slug);
}

for (const locale of ['fi', 'sv'] as const) {
  test(`a ${locale} editor changes a Finnish article in a major way, publishes it and restores it`, async ({ page }, info) => {
    test.setTimeout(90_000);
    const problems = watchConsole(page);
    const text = TEXT[locale];
    const slug = ARTICLES[`${locale}-${info.project.name}`];
    const word = `kvarkki${locale}${info.project.name.replace('-', '')}`;
    const email = createEditor(`editor-${locale}-${info.project.name}`);
    const javaScript = jsEnabled(info);

    await page.goto(`/${locale}/staff/sign-in`);
    await waitForHydration(page, info);
    await page.getByLabel(text.email).fill(email);
    await page.getByLabel(text.password).fill(PASSWORD);
    await page.getByRole('button', { name: text.signIn }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/$`));
    await page.getByRole('link', { name: text.open }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.workspace);
    await waitForHydration(page, info);
    await expectNoAxeViolations(page, { javaScript });

    // The pages that make documents and categories, and the analytics.
    for (const link of [text.newDocument, text.categories, text.analytics]) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(link);
      await waitForHydration(page, info);
      await expectNoAxeViolations(page, { javaScript });
      await page.goto(`/${locale}/staff/content`);
      await waitForHydration(page, info);
    }

    // Find the article and open its Finnish text (the original).
    await page.getByLabel(text.search).fill(slug);
    await page.getByRole('button', { name: text.filter }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${slug}`));
    const row = page.getByRole('row').filter({ hasText: slug });
    await expect(row).toHaveCount(1);
    await row.getByRole('rowheader').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/content/article/${slug}/fi$`));
    await waitForHydration(page, info);
    await expectNoAxeViolations(page, { javaScript });

    // A major change, previewed: live while typing with JavaScript, with the button without.
    const body = page.getByLabel(text.body, { exact: true });
    const original = await body.inputValue();
    await body.fill(`${original}\n\n**${word}** on uusi sana.`);
    const preview = page.locator('#preview');
    if (javaScript) {
      await expect(preview.locator('strong', { hasText: word })).toBeVisible();
    }
    await page.getByLabel(text.major).check();
    await page.getByRole('button', { name: text.preview, exact: true }).click();
    await expect(page).toHaveURL(/\?preview=1#preview$/);
    await waitForHydration(page, info);
    await expect(page.getByRole('heading', { name: text.previewHeading })).toBeVisible();
    await expect(preview.locator('strong', { hasText: word })).toBeVisible();
    expect(await searchFinds(page, word, slug)).toBe(false);
    await expectNoAxeViolations(page, { javaScript });

    // Published: searchable within two seconds.
    await page.getByLabel(text.major).check();
    await page.getByRole('button', { name: text.publish, exact: true }).click();
    await expect(page.locator('.notice[role="status"]')).toHaveText(text.published);
    const publishedAt = Date.now();
    await expect.poll(() => searchFinds(page, word, slug), { timeout: 2_000, intervals: [100] }).toBe(true);
    expect(Date.now() - publishedAt).toBeLessThan(2_000);

    // The Swedish translation is out of date: in the workspace, in its editor, and for customers.
    await page.goto(`/${locale}/staff/content?state=out-of-date&locale=sv&q=${slug}`);
    await waitForHydration(page, info);
    const swedish = page.getByRole('row').filter({ hasText: slug }).getByRole('link', { name: text.outOfDate }).first();
    await expect(swedish).toBeVisible();
    await swedish.click();
    await waitForHydration(page, info);
    await expect(page.getByRole('heading', { name: text.outdatedHeading })).toBeVisible();
    await expect(page.locator('.diff ins', { hasText: word })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript });
    await page.goto(`/sv/articles/${slug}`);
    await waitForHydration(page, info);
    await expect(page.getByRole('link', { name: 'Läs originaltexten på finska' })).toHaveAttribute('href', `/fi/articles/${slug}`);

    // Restore the previous revision of the Finnish text and publish it: the word is gone.
    await page.goto(`/${locale}/staff/content/article/${slug}/fi`);
    await waitForHydration(page, info);
    await page.getByRole('link', { name: text.history }).click();
    await waitForHydration(page, info);
    await expect(page.locator('.diff ins', { hasText: word })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript });
    await page.getByRole('button', { name: text.restore }).click();
    await expect(page.locator('.notice[role="status"]')).toContainText(text.restored);
    await waitForHydration(page, info);
    await page.getByRole('button', { name: text.publish, exact: true }).click();
    await expect(page.locator('.notice[role="status"]')).toHaveText(text.published);
    await expect.poll(() => searchFinds(page, word, slug), { timeout: 2_000, intervals: [100] }).toBe(false);
    const customer = await page.request.get(`/fi/articles/${slug}`);
    expect(await customer.text()).not.toContain(word);

    await page.goto(`/${locale}/staff/`);
    await page.getByRole('button', { name: text.signOut, exact: true }).click();
    const after = await page.goto(`/${locale}/staff/content`);
    expect(after?.status()).toBe(401);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });
}
