import { execFileSync } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, receivedMail, waitForHydration, watchConsole, test } from './support';

const PASSWORD = 'kesäkuun sininen polkupyörä';

const TEXT = {
  fi: {
    email: 'Sähköpostiosoite', password: 'Salasana', signIn: 'Kirjaudu sisään', desk: 'Tukipyyntöjonot',
    ticket: 'Tukipyyntö', template: 'Vastauspohja', templateTitle: 'Maksu selvitetään', insert: 'Lisää pohja',
    reply: 'Vastaus asiakkaalle', send: 'Lähetä vastaus', done: 'Muutos tallennettiin.', greeting: 'Hei Maija',
    addInfo: 'Lisää tietoja', addSend: 'Lähetä', waiting: 'Odottaa vastaustasi', setStatus: 'Muuta tila',
    save: 'Tallenna', solved: 'Ratkaistu', open: 'Käsittelyssä', why: 'Miksi juuri silloin?',
  },
  sv: {
    email: 'E-postadress', password: 'Lösenord', signIn: 'Logga in', desk: 'Ärendeköer',
    ticket: 'Ärende', template: 'Svarsmall', templateTitle: 'Vi utreder betalningen', insert: 'Infoga mallen',
    reply: 'Svar till kunden', send: 'Skicka svaret', done: 'Ändringen har sparats.', greeting: 'Hej Maija',
    addInfo: 'Lägg till information', addSend: 'Skicka', waiting: 'Väntar på ditt svar', setStatus: 'Ändra status',
    save: 'Spara', solved: 'Löst', open: 'Under behandling', why: 'Varför just då?',
  },
} as const;

function tuki(args: string[], input?: string) {
  const binary = process.env.TUKI_E2E_TUKI;
  const dataDir = process.env.TUKI_E2E_DATA_DIR;
  if (!binary || !dataDir) throw new Error('TUKI_E2E_TUKI and TUKI_E2E_DATA_DIR are not set: run the tests with .ci/test');
  execFileSync(binary, args, { env: { ...process.env, TUKI_DATA_DIR: dataDir, TUKI_LOG: 'warn' }, input });
}

/** An agent of the payments team, made with the command line as an operator would. */
function createAgent(name: string, locale: string): string {
  const email = `${name}@bank.fi`;
  tuki(['user', 'add', email, '--role', 'agent', '--team', 'payments-and-online-services', '--locale', locale, '--name', 'Antti Agentti']);
  tuki(['user', 'passwd', email], `${PASSWORD}\n`);
  return email;
}

/** The customer's words for the e-invoice request type, page by page. */
const CUSTOMER = {
  fi: {
    form: 'E-laskut', start: 'Aloita', topic: 'Haluan tilata e-laskun', biller: 'Laskuttaja', next: 'Jatka',
    check: 'Tarkista vastauksesi', name: 'Nimesi', email: 'Sähköpostiosoite', reply: 'suomi',
    describe: 'Kuvaile ongelma omin sanoin', send: 'Lähetä', done: 'Pyyntösi on lähetetty',
  },
  sv: {
    form: 'E-fakturor', start: 'Börja', topic: 'Jag vill beställa e-faktura', biller: 'Fakturerare', next: 'Fortsätt',
    check: 'Kontrollera dina svar', name: 'Ditt namn', email: 'E-postadress', reply: 'svenska',
    describe: 'Beskriv problemet med egna ord', send: 'Skicka', done: 'Ditt supportärende har skickats',
  },
} as const;

/** A customer sends an e-invoice request through the guided form's pages; its request number. */
async function sendTicket(page: Page, info: TestInfo, locale: 'fi' | 'sv', email: string): Promise<string> {
  const c = CUSTOMER[locale];
  await page.goto(`/${locale}/help`);
  await waitForHydration(page, info);
  await page.getByRole('link', { name: c.form }).click();
  await page.getByRole('button', { name: c.start }).click();
  await waitForHydration(page, info);
  await page.getByLabel(c.topic).check();
  await page.getByLabel(c.biller).fill('Sähkö Oy');
  await page.getByRole('button', { name: c.next }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.check);
  await page.getByRole('link', { name: c.next }).click();
  await waitForHydration(page, info);
  await page.getByLabel(c.name).fill('Maija Meikäläinen');
  await page.getByLabel(c.email).fill(email);
  await page.getByLabel(c.reply, { exact: true }).check();
  await page.getByLabel(c.describe).fill('E-laskua ei näy verkkopankissa.');
  await page.getByRole('button', { name: c.send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.done);
  return page.locator('.panel-confirmation__reference').innerText();
}

/** The plain text of a mail to `to` that contains `words`. */
function mailTo(to: string, words: string): Promise<string> {
  return receivedMail((raw, text) => raw.includes(to) && text.includes(words), `to ${to} with ${words}`);
}

for (const locale of ['fi', 'sv'] as const) {
  test(`a ${locale} agent answers from a template and solves the request after the customer's answer`, async ({ page }, info) => {
    test.slow();
    const problems = watchConsole(page);
    const t = TEXT[locale];
    const javaScript = jsEnabled(info);
    const agent = createAgent(`agent-${locale}-${info.project.name}`, locale);
    const customer = `maija.desk.${locale}.${info.project.name}.${Date.now().toString(36)}@example.fi`;
    const reference = await sendTicket(page, info, locale, customer);

    await page.goto(`/${locale}/staff/sign-in`);
    await waitForHydration(page, info);
    await page.getByLabel(t.email).fill(agent);
    await page.getByLabel(t.password).fill(PASSWORD);
    await page.getByRole('button', { name: t.signIn }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/$`));
    await page.getByRole('link', { name: t.desk }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.desk);
    await waitForHydration(page, info);
    await expectNoAxeViolations(page, { javaScript });

    await page.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${t.ticket} ${reference}`);
    await waitForHydration(page, info);
    await page.getByText(t.why).first().click();
    await expectNoAxeViolations(page, { javaScript });

    await page.getByLabel(t.template).selectOption({ label: t.templateTitle });
    await page.getByRole('button', { name: t.insert }).click();
    await waitForHydration(page, info);
    const reply = page.getByLabel(t.reply);
    await expect(reply).toHaveValue(new RegExp(`^${t.greeting}`));
    const sentence = `${reference}: ${locale === 'fi' ? 'laskuttaja lisätty' : 'fakturerare tillagd'}.`;
    await reply.fill(`${await reply.inputValue()}\n\n${sentence}`);
    await page.getByRole('button', { name: t.send }).click();
    await expect(page.getByRole('status')).toHaveText(t.done);
    await expectNoAxeViolations(page, { javaScript });

    // The reply by mail, with a link to the status page; the customer answers there.
    const mail = await mailTo(customer, sentence);
    const link = mail.split('\n').find((line) => line.includes('/tickets/'))!.trim();
    await page.goto(new URL(link).pathname + new URL(link).search);
    await waitForHydration(page, info);
    await expect(page.locator('.messages')).toContainText(sentence);
    await expect(page.getByText(t.waiting).first()).toBeVisible();
    await page.getByLabel(t.addInfo).fill('Kiitos, nyt näkyy. / Tack, nu syns den.');
    await page.getByRole('button', { name: t.addSend, exact: true }).click();
    await expect(page.locator('.messages')).toContainText('Kiitos, nyt näkyy.');

    // Back on the desk: the answer is there and the request is open again; the agent solves it.
    await page.goto(`/${locale}/staff/desk/${reference}`);
    await waitForHydration(page, info);
    await expect(page.locator('.history')).toContainText('Kiitos, nyt näkyy.');
    await expect(page.locator('.summary-list').first()).toContainText(t.open);
    await page.getByLabel(t.setStatus).selectOption({ label: t.solved });
    await page.locator('form').filter({ has: page.getByLabel(t.setStatus) }).getByRole('button', { name: t.save }).click();
    await expect(page.getByRole('status')).toHaveText(t.done);
    await expect(page.locator('.summary-list').first()).toContainText(t.solved);
    await expectNoAxeViolations(page, { javaScript });
    expect(problems).toEqual([]);
  });
}

test('with JavaScript the queue shows a new request within a minute, without a reload', async ({ page }, info) => {
  test.skip(!jsEnabled(info), 'the refresh is JavaScript’s');
  test.setTimeout(120_000);
  const agent = createAgent('agent-refresh', 'fi');
  await page.goto('/fi/staff/sign-in');
  await waitForHydration(page, info);
  await page.getByLabel(TEXT.fi.email).fill(agent);
  await page.getByLabel(TEXT.fi.password).fill(PASSWORD);
  await page.getByRole('button', { name: TEXT.fi.signIn }).click();
  await expect(page).toHaveURL(/\/fi\/staff\/$/);
  await page.goto('/fi/staff/desk');
  await waitForHydration(page, info);
  // A customer sends a request meanwhile, with the plain posts a browser without JavaScript makes.
  const post = async (path: string, form: Record<string, string>) =>
    (await page.request.post(path, { form, maxRedirects: 0 })).headers()['location'];
  const step = await post('/fi/help/e-invoice', {});
  const check = await post(step, { topic: 'start', biller: 'Päivitys Oy' });
  const contact = { name: 'Raili', email: 'raili@example.fi', phone: '', 'reply-language': 'fi', description: 'E-lasku ei näy.' };
  const done = await post(check.replace('/check', '/contact'), contact);
  const reference = /TK-\d{4}-\d{6}/.exec(await (await page.request.get(done)).text())![0];
  await expect(page.getByRole('link', { name: reference })).toHaveCount(0);
  await expect(page.getByRole('link', { name: reference })).toBeVisible({ timeout: 75_000 });
});
