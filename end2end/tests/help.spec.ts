import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectNoAxeViolations, jsEnabled, receivedMail, waitForHydration, watchConsole, test } from './support';

const FLOWS = [
  {
    locale: 'fi',
    form: 'Kortti kadonnut tai lukittunut',
    start: 'Aloita',
    next: 'Jatka',
    stepOne: 'Mitä kortille tapahtui?',
    lost: 'Kortti katosi',
    stolen: 'Kortti varastettiin',
    debit: 'Debit-kortti',
    summary: 'Korjaa nämä kohdat',
    urgent: 'Tee tämä ensin',
    required: 'Vastaa tähän kysymykseen.',
    yes: 'Kyllä',
    no: 'Ei',
    describe: 'Kuvaile tuntemattomat tapahtumat',
    police: 'Oletko tehnyt rikosilmoituksen?',
    check: 'Tarkista vastauksesi',
    progress: 'Vaihe 2/3',
    contact: { name: 'Nimesi', email: 'Sähköpostiosoite', reply: 'ruotsi', describe: 'Kuvaile ongelma omin sanoin' },
    send: 'Lähetä',
    done: 'Pyyntösi on lähetetty',
    mailGreeting: 'Hej,',
    addInfo: 'Lägg till information',
    markSolved: 'Mitt problem är löst',
  },
  {
    locale: 'sv',
    form: 'Kortet borttappat eller spärrat',
    start: 'Börja',
    next: 'Fortsätt',
    stepOne: 'Vad hände med kortet?',
    lost: 'Kortet försvann',
    stolen: 'Kortet blev stulet',
    debit: 'Debetkort',
    summary: 'Rätta det här',
    urgent: 'Gör det här först',
    required: 'Svara på frågan.',
    yes: 'Ja',
    no: 'Nej',
    describe: 'Beskriv de okända köpen',
    police: 'Har du gjort en brottsanmälan?',
    check: 'Kontrollera dina svar',
    progress: 'Steg 2 av 3',
    contact: { name: 'Ditt namn', email: 'E-postadress', reply: 'finska', describe: 'Beskriv problemet med egna ord' },
    send: 'Skicka',
    done: 'Ditt supportärende har skickats',
    mailGreeting: 'Hei,',
    addInfo: 'Lisää tietoja',
    markSolved: 'Ongelmani on ratkennut',
  },
] as const;

/** The form's urgent notice opens the page, with the 24-hour blocking number as a link to call. */
async function expectUrgentNotice(page: Page, heading: string) {
  const notice = page.getByRole('region', { name: heading });
  await expect(notice.getByRole('link', { name: '020 333' })).toHaveAttribute('href', 'tel:020333');
}

/** The plain-text part of the confirmation mail of ticket `reference`. */
function mailAbout(reference: string): Promise<string> {
  return receivedMail((_, text) => text.includes(reference), `about ${reference}`);
}

async function axe(page: Page, info: Parameters<typeof jsEnabled>[0]) {
  await expectNoAxeViolations(page, { javaScript: jsEnabled(info) });
}

for (const t of FLOWS) {
  test(`a ${t.locale} customer answers step by step, fixes an error and checks the answers`, async ({ page }, info) => {
    // The whole journey, mail and status page included, with nine accessibility scans (each a
    // page load of its own without JavaScript): about 30 s on two cores, so three times the limit.
    test.slow();
    const problems = watchConsole(page);
    await page.goto(`/${t.locale}/help`);
    await waitForHydration(page, info);
    await axe(page, info);
    await page.getByRole('link', { name: t.form }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.form);
    await expectUrgentNotice(page, t.urgent);
    await axe(page, info);
    await page.getByRole('button', { name: t.start }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.stepOne);
    await expectUrgentNotice(page, t.urgent);
    await waitForHydration(page, info);
    await axe(page, info);

    // Nothing chosen: the error summary lists both questions and links to them.
    await page.getByRole('button', { name: t.next }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(t.summary);
    await expect(summary.getByRole('link')).toHaveCount(2);
    await expect(summary.getByRole('link').first()).toHaveText(t.required);
    await expect(page).toHaveTitle(new RegExp(`^${t.locale === 'fi' ? 'Virhe' : 'Fel'}: `));
    await axe(page, info);
    await summary.getByRole('link').first().click();
    await expect(page.getByLabel(t.lost)).toBeFocused();

    await page.getByLabel(t.stolen).check();
    await page.getByLabel(t.debit).check();
    await page.getByRole('button', { name: t.next }).click();
    await expect(page.getByText(t.progress)).toBeVisible();
    await waitForHydration(page, info);
    // The description is asked only when there are unknown transactions: with JavaScript it
    // appears when "yes" is chosen; without, it is always there.
    const describe = page.getByLabel(t.describe);
    if (jsEnabled(info)) {
      await expect(describe).toBeHidden();
      await page.getByRole('group', { name: /./ }).first().getByLabel(t.yes).check();
      await expect(describe).toBeVisible();
    } else {
      await expect(describe).toBeVisible();
      await page.getByRole('group', { name: /./ }).first().getByLabel(t.yes).check();
    }
    await expect(page.getByText(t.police)).toBeVisible();
    await axe(page, info);
    await describe.fill('12.3. 49,90 € Example Shop');
    await page.getByRole('button', { name: t.next }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.check);
    await expectUrgentNotice(page, t.urgent);
    await expect(page.locator('.summary-list')).toContainText(t.stolen);
    await expect(page.locator('.summary-list')).toContainText('49,90 € Example Shop');
    await axe(page, info);

    await page.getByRole('link', { name: t.next }).click();
    await waitForHydration(page, info);
    await page.getByLabel(t.contact.name).fill('Maija Meikäläinen');
    await page.getByLabel(t.contact.email).fill('maija@example');
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('alert')).toContainText(t.summary);
    await axe(page, info);
    // An address of this test's own: one address gets only a few confirmations an hour.
    await page.getByLabel(t.contact.email).fill(`maija.${Date.now().toString(36)}@example.fi`);
    await page.getByLabel(t.contact.reply).check();
    await page.getByLabel(t.contact.describe).fill('Kortti katosi eilen illalla kauppakeskuksessa.');
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.done);
    const reference = page.locator('.panel-confirmation__reference');
    await expect(reference).toHaveText(/^TK-\d{4}-\d{6}$/);
    await axe(page, info);

    // The confirmation mail (in the reply language chosen) links to the private status page.
    const ticket = await reference.innerText();
    const text = await mailAbout(ticket);
    expect(text).toContain(t.mailGreeting);
    const link = text.split('\n').find((line) => line.includes('/tickets/'))!.trim();
    await page.goto(new URL(link).pathname + new URL(link).search);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ticket);
    await axe(page, info);
    await page.getByLabel(t.addInfo).fill('Kortti löytyi / Kortet hittades');
    await page.getByRole('button', { name: t.markSolved }).click();
    await expect(page.locator('.messages')).toContainText('Kortti löytyi / Kortet hittades');
    await expect(page.getByRole('status')).toBeVisible();
    await axe(page, info);
    expect(problems).toEqual([]);
  });
}

test('"this solved my problem" ends the flow without a ticket', async ({ page }, info) => {
  await page.goto('/fi/help/locked-account');
  await waitForHydration(page, info);
  await page.getByRole('button', { name: 'Aloita' }).click();
  const suggestions = page.getByRole('complementary', { name: 'Ratkaiseeko jokin näistä ongelman?' });
  await expect(suggestions.getByRole('link').first()).toBeVisible();
  await axe(page, info);
  await suggestions.getByRole('button', { name: 'Tämä ratkaisi ongelmani' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hienoa, että saimme autettua');
  await axe(page, info);
  // Counted as deflected, and no ticket: the desk's report, run beside the running server.
  const row = deflectionReport().find((r) => r.form === 'locked-account' && r.locale === 'fi');
  expect(row?.solved).toBeGreaterThanOrEqual(1);
  expect(row?.tickets).toBe(0);
});

/** The rows of `tuki report deflection` on the server's data directory. */
function deflectionReport() {
  const tuki = process.env.TUKI_E2E_TUKI;
  const dataDir = process.env.TUKI_E2E_DATA_DIR;
  if (!tuki || !dataDir) throw new Error('TUKI_E2E_TUKI and TUKI_E2E_DATA_DIR are not set: run the tests with .ci/test');
  const text = execFileSync(tuki, ['report', 'deflection'], {
    env: { ...process.env, TUKI_DATA_DIR: dataDir, TUKI_LOG: 'warn' },
  }).toString();
  return text
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 7)
    .map(([form, locale, started, suggestions, opened, solved, tickets]) => ({
      form,
      locale,
      started: Number(started),
      suggestions: Number(suggestions),
      opened: Number(opened),
      solved: Number(solved),
      tickets: Number(tickets),
    }));
}

test('with JavaScript the suggestions follow what the customer types', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'live suggestions need JavaScript; without it they follow each sent step');
  const problems = watchConsole(page);
  await page.goto('/en/help/general-request');
  await waitForHydration(page, info);
  await page.getByRole('button', { name: 'Start' }).click();
  await waitForHydration(page, info);
  const suggestions = page.getByRole('complementary', { name: 'Does one of these solve it?' });
  await expect(suggestions.getByRole('link', { name: 'VPN does not connect' })).toHaveCount(0);
  await page.getByLabel('Your request in a few words').fill('my vpn does not connect');
  await expect(suggestions.getByRole('link', { name: 'VPN does not connect' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('answers fit what you wrote');
  // Opened from here, it is kept with the draft for the desk.
  const link = suggestions.getByRole('link', { name: 'VPN does not connect' });
  await expect(link).toHaveAttribute('href', /\/en\/articles\/vpn-cannot-connect\?via=general-request%2F/);
  await axe(page, info);
  expect(problems).toEqual([]);
});
