import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * The foundation journey: an admin creates a unit and a user with two
 * memberships and changes the consent rules; that user logs in and switches
 * acting unit; a non-admin sees no admin pages and gets 404 from the admin API.
 * axe runs on every page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'sv-SE' });
  return { context, page: await context.newPage() };
}

const stamp = Date.now().toString(36);
const unitName = `Familjecentralen Exempelby ${stamp}`;
const username = `nils.ny.${stamp}`;
const password = 'Nils-har-ett-langt-losen';
const resetPassword = 'Nils-fick-ett-nytt-losen';

describe('admin creates a unit and a user; the user switches unit', () => {
  it('log-in page is accessible and shows a clear error for a wrong password', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${baseUrl()}/logga-in`);
    await expectNoAxeViolations(page, 'logga-in');
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord').fill('fel-losenord-123');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByText('Fel användarnamn eller lösenord').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'logga-in med fel');
    await context.close();
  });

  it('admin creates a unit and a user with two memberships, by keyboard-friendly forms', async () => {
    const { context, page } = await freshPage();
    await logIn(page, 'admin');
    await expectNoAxeViolations(page, 'start (admin)');

    await page.getByRole('link', { name: 'Verksamheter' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'verksamheter');
    await page.getByRole('button', { name: 'Ny verksamhet' }).click();
    // Validation at the field: save with an empty name.
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'ny verksamhet med fel');
    await page.getByLabel('Namn').fill(unitName);
    await page.getByLabel('Typ av verksamhet').selectOption('socialtjanst');
    const principal = page.getByLabel('Huvudman');
    const firstPrincipal = await principal.locator('option').nth(1).getAttribute('value');
    if (firstPrincipal) await principal.selectOption(firstPrincipal);
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: unitName }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: unitName, exact: true }).count()).toBe(1);

    await page.getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('button', { name: 'Ny användare' }).waitFor();
    await expectNoAxeViolations(page, 'användare');
    await page.getByRole('button', { name: 'Ny användare' }).click();
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Namn', { exact: true }).fill('Nils Nyanställd');
    await page.getByLabel('E-post').fill(`${username}@exempelby.example`);
    await page.getByLabel('Första lösenord').fill(password);
    const m1 = page.getByRole('group', { name: 'Medlemskap 1' });
    await m1.getByLabel('Verksamhet').selectOption({ label: unitName });
    await m1.getByLabel('Roll').selectOption('professional');
    await page.getByRole('button', { name: 'Lägg till medlemskap' }).click();
    const m2 = page.getByRole('group', { name: 'Medlemskap 2' });
    await m2.getByLabel('Verksamhet').selectOption({ label: 'BVC Exempelby' });
    await m2.getByLabel('Roll').selectOption('samordnare');
    await expectNoAxeViolations(page, 'ny användare');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Nils Nyanställd' }).waitFor();

    // Nils forgets the password: the administrator sets a new one.
    await page.getByRole('button', { name: 'Ändra Nils Nyanställd' }).click();
    await page.getByLabel('Nytt lösenord (frivilligt)').fill(resetPassword);
    await expectNoAxeViolations(page, 'ändra användare');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Nils Nyanställd' }).waitFor();

    await page.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('button', { name: 'Nytt team' }).waitFor();
    await expectNoAxeViolations(page, 'team');
    await context.close();
  });

  it('admin changes the consent rules; a default longer than the maximum is shown at the field', async () => {
    const { context, page } = await freshPage();
    await logIn(page, 'admin');
    await page.getByRole('link', { name: 'Samtyckesregler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samtyckesregler' }).waitFor();
    const fields = {
      max: page.getByLabel('Längsta giltighetstid (månader)'),
      default: page.getByLabel('Förvald giltighetstid (månader)'),
      maturity: page.getByLabel('Mognadsbedömning från (år)'),
      presumed: page.getByLabel('Barnets eget samtycke förutsätts från (år)'),
      backdate: page.getByLabel('Får börja så många dagar bakåt'),
    };
    await expect.poll(() => fields.max.inputValue()).not.toBe('');
    const original = {
      max: await fields.max.inputValue(),
      default: await fields.default.inputValue(),
      maturity: await fields.maturity.inputValue(),
      presumed: await fields.presumed.inputValue(),
      backdate: await fields.backdate.inputValue(),
    };
    expect(original).toEqual({ max: '12', default: '12', maturity: '12', presumed: '15', backdate: '30' });
    await expectNoAxeViolations(page, 'samtyckesregler');

    // The server refuses a default longer than the maximum; the message is at the field and the values stay.
    await fields.max.fill('12');
    await fields.default.fill('13');
    await page.getByRole('button', { name: 'Spara samtyckesregler' }).click();
    await expect.poll(() => fields.default.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ((await fields.default.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(' ')).toContain('Förvald giltighetstid ska vara minst 1 månad och högst den längsta.');
    expect(await fields.max.getAttribute('aria-invalid')).not.toBe('true');
    expect(await fields.default.inputValue()).toBe('13');
    await expectNoAxeViolations(page, 'samtyckesregler med fel');

    // Back to the original rules (other journeys rely on them).
    await fields.max.fill(original.max);
    await fields.default.fill(original.default);
    await fields.maturity.fill(original.maturity);
    await fields.presumed.fill(original.presumed);
    await fields.backdate.fill(original.backdate);
    await page.getByRole('button', { name: 'Spara samtyckesregler' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Samtyckesreglerna är sparade.' });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/Samtyckesreglerna är sparade\. \d+ samtycken? prövades om\./);
    await expect.poll(() => fields.default.getAttribute('aria-invalid')).not.toBe('true');
    const policy = (await (await page.request.get(`${baseUrl()}/api/v1/admin/consent-policy`)).json()) as Record<string, number>;
    expect(policy).toEqual({
      maxValidityMonths: 12,
      defaultValidityMonths: 12,
      maturityAssessmentFromAge: 12,
      childConsentPresumedFromAge: 15,
      maxBackdateDays: 30,
    });
    await context.close();
  });

  it('the new user logs in, switches acting unit and sees the account page', async () => {
    const { context, page } = await freshPage();
    await logIn(page, username, resetPassword);
    const switcher = page.getByLabel('Agerar för');
    const before = await switcher.inputValue();
    const options = await switcher.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toHaveLength(2);
    const target = options.find((v) => v !== before)!;
    await switcher.selectOption(target);
    await expect
      .poll(async () => (await page.request.get(`${baseUrl()}/api/v1/me`)).json().then((m: { actingUnit: { id: string } }) => m.actingUnit.id))
      .toBe(target);
    await expect.poll(() => switcher.inputValue()).toBe(target);
    await expectNoAxeViolations(page, 'start efter byte');
    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByLabel('Nuvarande lösenord').waitFor();
    await expectNoAxeViolations(page, 'mitt konto');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').waitFor();
    await context.close();
  });

  it('a non-admin sees no admin pages and gets 404 from the admin API', async () => {
    const { context, page } = await freshPage();
    await logIn(page, 'kurator.bjork');
    expect(await page.getByRole('link', { name: 'Verksamheter' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Användare' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Samtyckesregler' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'start (kurator)');
    // The child list and one child's page, through the access choke point.
    const firstChild = page.getByRole('table').getByRole('link').first();
    const childName = (await firstChild.textContent())!.trim();
    await firstChild.click();
    await page.getByRole('heading', { level: 1, name: childName }).waitFor();
    await expectNoAxeViolations(page, 'barn');
    const api = await page.request.get(`${baseUrl()}/api/v1/admin/units`);
    expect(api.status()).toBe(404);
    expect((await page.request.get(`${baseUrl()}/api/v1/admin/consent-policy`)).status()).toBe(404);
    await page.goto(`${baseUrl()}/admin/verksamheter`);
    await page.getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
    await expectNoAxeViolations(page, '404');
    await context.close();
  });

  it('switches the interface to English and back, keyboard only', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${baseUrl()}/logga-in`);
    await page.getByLabel('Användarnamn').waitFor();
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(skip).toContain('Hoppa till huvudinnehåll');
    // Keyboard only: Tab on to the "English" button and press Enter.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent ?? '')) === 'English') break;
    }
    await page.keyboard.press('Enter');
    await page.getByLabel('Username').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page, 'log-in (English)');
    await page.getByLabel('Username').focus();
    await page.keyboard.type('samordnare.79');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Samsyn-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await context.close();
  });
});
