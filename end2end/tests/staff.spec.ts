import { execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, waitForHydration, watchConsole, test } from './support';

const PASSWORD = 'kesäkuun sininen polkupyörä';

const TEXT = {
  fi: { title: 'Henkilökunnan kirjautuminen', signIn: 'Kirjaudu sisään', home: 'Henkilökunnan sivut', wrong: 'Sähköpostiosoite tai salasana on väärin.', out: 'Olet kirjautunut ulos.', role: 'Sisällöntuottaja', signOut: 'Kirjaudu ulos' },
  sv: { title: 'Inloggning för personalen', signIn: 'Logga in', home: 'Personalens sidor', wrong: 'E-postadressen eller lösenordet är fel.', out: 'Du har loggat ut.', role: 'Redaktör', signOut: 'Logga ut' },
} as const;

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

for (const locale of ['fi', 'sv'] as const) {
  test(`a ${locale} editor signs in, sees their page and signs out`, async ({ page }, info) => {
    const problems = watchConsole(page);
    const email = createEditor(`eeva-${locale}-${info.project.name}`);
    const text = TEXT[locale];
    await page.goto(`/${locale}/staff/sign-in`);
    await waitForHydration(page, info);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });

    await page.getByLabel(locale === 'fi' ? 'Sähköpostiosoite' : 'E-postadress').fill(email);
    await page.getByLabel(locale === 'fi' ? 'Salasana' : 'Lösenord').fill('not the password');
    await page.getByRole('button', { name: text.signIn }).click();
    await expect(page.locator('.form-error[role="alert"]')).toContainText(text.wrong);
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });

    await page.getByLabel(locale === 'fi' ? 'Sähköpostiosoite' : 'E-postadress').fill(email);
    await page.getByLabel(locale === 'fi' ? 'Salasana' : 'Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: text.signIn }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/$`));
    await waitForHydration(page, info);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.home);
    await expect(page.getByText(text.role, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });

    await page.getByRole('button', { name: text.signOut, exact: true }).click();
    await expect(page.locator('.notice[role="status"]')).toHaveText(text.out);
    const after = await page.goto(`/${locale}/staff/`);
    expect(after?.status()).toBe(401);
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });
}

test('a member who forgot the password asks for a link and is told the same for any address', async ({ page }, info) => {
  const problems = watchConsole(page);
  await page.goto('/fi/staff/sign-in');
  await waitForHydration(page, info);
  await page.getByRole('link', { name: 'Unohditko salasanasi?' }).click();
  await expect(page).toHaveURL(/\/fi\/staff\/password-reset$/);
  await waitForHydration(page, info);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uusi salasana sähköpostilla');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
  await page.getByLabel('Sähköpostiosoite').fill(`nobody-${info.project.name}@bank.fi`);
  await page.getByRole('button', { name: 'Lähetä linkki' }).click();
  await expect(page.locator('.notice[role="status"]')).toContainText('Jos osoitteella on käyttäjätili');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
  expect(problems).toEqual([]);
});

test('an admin creates an account, which is then invited by mail, and reads the audit log', async ({ page }, info) => {
  const problems = watchConsole(page);
  const tuki = process.env.TUKI_E2E_TUKI;
  const dataDir = process.env.TUKI_E2E_DATA_DIR;
  if (!tuki || !dataDir) throw new Error('TUKI_E2E_TUKI and TUKI_E2E_DATA_DIR are not set: run the tests with .ci/test');
  const admin = `aino-${info.project.name}@bank.fi`;
  const env = { ...process.env, TUKI_DATA_DIR: dataDir, TUKI_LOG: 'warn' };
  execFileSync(tuki, ['user', 'add', admin, '--role', 'admin', '--name', 'Aino Admin'], { env });
  execFileSync(tuki, ['user', 'passwd', admin], { env, input: `${PASSWORD}\n` });

  await page.goto('/fi/staff/sign-in');
  await waitForHydration(page, info);
  await page.getByLabel('Sähköpostiosoite').fill(admin);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await page.getByRole('link', { name: 'Henkilökunnan käyttäjätilit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Henkilökunnan käyttäjätilit');
  await waitForHydration(page, info);
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });

  const invited = `uusi-${info.project.name}@bank.fi`;
  await page.getByLabel('Sähköpostiosoite').fill(invited);
  await page.getByLabel('Nimi').fill('Uusi Käsittelijä');
  await page.getByLabel('Käsittelijä', { exact: true }).check();
  await page.getByLabel('Maksut ja verkkopalvelut').check();
  await page.getByRole('button', { name: 'Luo käyttäjätili' }).click();
  await expect(page.locator('.notice[role="status"]')).toContainText('Käyttäjätili on luotu');
  const row = page.getByRole('row').filter({ hasText: invited });
  await expect(row).toContainText('Kutsuttu: ei vielä salasanaa');
  await expect(row).toContainText('Maksut ja verkkopalvelut');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });

  await row.getByRole('button', { name: /^Poista käytöstä/ }).click();
  await expect(page.locator('.notice[role="status"]')).toContainText('Käyttäjätili on poistettu käytöstä');
  await expect(page.getByRole('row').filter({ hasText: invited })).toContainText('Poistettu käytöstä');

  await page.getByRole('link', { name: 'Tapahtumaloki' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tapahtumaloki');
  await waitForHydration(page, info);
  await expect(page.getByRole('row').filter({ hasText: `staff:${invited}` }).first()).toContainText('Aino Admin');
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
  expect(problems).toEqual([]);
});
