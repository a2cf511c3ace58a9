import { describe, expect, it } from 'vitest';
import { baseUrl, expectNoAxeViolations, browserPages, logIn } from './support.ts';

/**
 * Issue 6 §1–2: "Vart vänder jag mig?" on a phone without a log-in, and "Vem gör vad" for staff:
 * the chef of Socialtjänsten – öppenvården adds an entry for the own unit after a refused one.
 * The E2E server is shared: the demo entries are only read; the chef's entry is retired again.
 */
const { newPage } = browserPages();

describe('Vart vänder jag mig? (no log-in, on a phone)', () => {
  it('finds the parenting support from the log-in page; a too long search is refused with a message', async () => {
    const page = await newPage({ width: 375, height: 667 });
    await page.goto(`${baseUrl()}/logga-in`);
    await page.getByRole('link', { name: 'Vart vänder jag mig? – stöd för barn och familjer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vart vänder jag mig?' }).waitFor();
    await expectNoAxeViolations(page, 'vart vänder jag mig: organisationer');
    await page.getByRole('link', { name: 'Samverkan Exempellän' }).click();
    const form = page.getByRole('search', { name: 'Sök stöd' });
    await form.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await form.getByLabel('Sök på ord').fill('föräldraskap');
    await form.getByRole('button', { name: 'Sök' }).click();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Föräldraskapsstöd – ABC' }) });
    await entry.waitFor();
    await entry.getByText('Socialtjänsten – öppenvården').waitFor();
    await entry.getByRole('link', { name: 'oppenvarden@exempelby.example' }).waitFor();
    await entry.getByText('Föräldraskapsstöd är kostnadseffektivt (TSI-boken).').waitFor();
    expect(await page.getByText('1 stöd passar sökningen.').count()).toBe(1);
    // Fits the phone: no sideways scrolling, and the search button is a large touch target.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const button = await form.getByRole('button', { name: 'Sök' }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(page, 'vart vänder jag mig: träffar');

    // 101 characters: refused on the page (HTTP 400), in Swedish first, and no search is made.
    await form.getByLabel('Sök på ord').fill('x'.repeat(101));
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/vart-vander-jag-mig/') && r.request().resourceType() === 'document'),
      page.getByRole('search', { name: 'Sök stöd' }).getByRole('button', { name: 'Sök' }).click(),
    ]);
    expect(response.status()).toBe(400);
    const alert = page.getByRole('alert');
    await alert.getByText('Sökordet är för långt: högst 100 tecken, du skrev 101.').waitFor();
    await alert.getByText('The search text is too long', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Stöd som passar' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'vart vänder jag mig: för lång sökning');
  });
});

describe('Vem gör vad (chef.soc)', () => {
  it('a bad entry shows the Swedish errors and saves nothing; a good one is added for the own unit', async () => {
    const page = await newPage();
    await logIn(page, 'chef.soc');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Vem gör vad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vem gör vad' }).waitFor();
    expect(await page.title()).toBe('Vem gör vad – Samsyn');

    // Staff search the same directory.
    const search = page.getByRole('search', { name: 'Sök insatser' });
    await search.getByLabel('Sök på ord').fill('föräldraskap');
    await search.getByRole('button', { name: 'Sök', exact: true }).click();
    const abc = page.getByRole('article', { name: 'Föräldraskapsstöd – ABC' });
    await abc.waitFor();
    await abc.getByText('Socialtjänsten – öppenvården').waitFor();
    // The chef's own unit's entry may be changed.
    await abc.getByRole('button', { name: 'Ändra Föräldraskapsstöd – ABC' }).waitFor();
    await expectNoAxeViolations(page, 'vem gör vad (chef)');
    await search.getByRole('button', { name: 'Rensa sökningen' }).click();

    // ---- A bad entry: the ages run backwards and there is no contact. ----
    const NAME = 'Syskongrupp E2E';
    await page.getByRole('button', { name: 'Lägg till insats' }).click();
    const form = page.getByRole('form', { name: 'Lägg till insats' });
    await form.waitFor();
    expect(await form.getByLabel('Verksamhet').locator('option:checked').textContent()).toBe('Socialtjänsten – öppenvården');
    await form.getByLabel('Namn på insatsen').fill(NAME);
    await form.getByLabel('Beskrivning').fill('Träffar för syskon till barn med en funktionsnedsättning.');
    await form.getByLabel('Nivå').selectOption({ label: 'För grupper med risk' });
    await form.getByLabel('Typ av insats').selectOption({ label: 'Service utan beslut' });
    await form.getByLabel('Lägsta ålder').fill('12');
    await form.getByLabel('Högsta ålder').fill('6');
    await form.getByRole('checkbox', { name: 'Omvårdad' }).check();
    await form.getByLabel('Så får man insatsen').fill('Ring öppenvården.');
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await form.getByText('Åldersspannet är bakvänt: från 12 till 6 år.').waitFor();
    await form.getByText('Ange en funktionsbrevlåda eller ett telefonnummer till verksamheten.').waitFor();
    expect(await form.getByLabel('Högsta ålder').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Funktionsbrevlåda (e-post)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'vem gör vad: felaktig insats');
    expect(await page.getByRole('article', { name: NAME }).count()).toBe(0);
    const saved = await page.request.get(`${baseUrl()}/api/v1/support-offers?q=${encodeURIComponent(NAME)}`);
    expect(((await saved.json()) as { items: unknown[] }).items).toEqual([]);

    // ---- Corrected: saved, and listed for everyone. ----
    await form.getByLabel('Högsta ålder').fill('15');
    await form.getByLabel('Funktionsbrevlåda (e-post)').fill('oppenvarden@exempelby.example');
    await form.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('status').getByText(`${NAME} är sparad.`).waitFor();
    const card = page.getByRole('article', { name: NAME });
    await card.getByText('12–15 år').waitFor();
    await card.getByText('Omvårdad').waitFor();
    await expectNoAxeViolations(page, 'vem gör vad: ny insats');

    // ---- Retired again, so the shared demo directory stays as it was. ----
    await card.getByRole('button', { name: `Ändra ${NAME}` }).click();
    await page
      .getByRole('form', { name: `Ändra ${NAME}` })
      .getByRole('button', { name: 'Ta bort ur katalogen' })
      .click();
    await page.getByRole('status').getByText(`${NAME} är borttagen ur katalogen.`).waitFor();
    // The list refreshes after the status is announced: wait for the card to go, then check.
    await page.getByRole('article', { name: NAME }).waitFor({ state: 'detached' });
    expect(await page.getByRole('article', { name: NAME }).count()).toBe(0);
  });
});
