import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.ts';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * The wheel and plans issue's journey in Chromium, as the kurator (Karin Berg, Elevhälsan
 * Björkskolan, the unit that owns the demo case "Elev C"), with axe on every state checked:
 *  1. records her unit's wheel assessment (a future date is refused at the field first);
 *  2. records the child's own assessment, shown with the child's words, with different ratings
 *     (Trygg: verksamheten 4, barnet 2);
 *  3. the charts show both: the legend names both series, the tables hold the ratings, and the
 *     Trygg row is highlighted "Stor skillnad"; the radar is an image, not a tab stop;
 *  4. drafts the child's plan with two areas (child's words, one action, one goal each) and a SIP;
 *  5. adopting the SIP is refused until the principal with the overall responsibility is named,
 *     then succeeds; the child's plan is adopted too;
 *  6. a change after adoption is a new version; two people save the same draft: the second gets
 *     "Någon annan har ändrat planen", keeps their text and sees the saved draft, then saves on
 *     top; the versions' differences are listed;
 *  7. the family's PDF of the child's plan holds the child's words and the action; the SIP's PDF
 *     for the units can be downloaded.
 * Only this file creates assessments and plans for Elev C; assertions on the history allow for
 * more assessments than its own.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  await browser?.close();
});

const CHILD_WORDS_TRYGG = 'Jag vill ha en vuxen att gå till på rasterna.';
const ACTION_TRYGG = 'träffa eleven på rasterna varje måndag';
const GOAL_TRYGG = 'Eleven känner sig trygg på rasterna.';
const CHILD_WORDS_MA_BRA = 'Jag vill sova bättre.';
const ACTION_MA_BRA = 'erbjuda familjen stödsamtal om kvällsrutiner';
const GOAL_MA_BRA = 'Eleven somnar före klockan tio de flesta kvällar.';
const KARIN_V2 = 'Jag vill ha en vuxen att gå till på rasterna och i matsalen.';
const SARA_V2 = 'Jag vill ha en vuxen att prata med varje dag.';

const flat = (s: string): string => s.replace(/\s+/g, '');

function isoDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

async function session(username: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'sv-SE' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await logIn(page, username);
  return page;
}

async function openCase(page: Page, pseudonym: string) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina ärenden', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
  await page.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: pseudonym, exact: true }).first().click();
  await page.getByRole('tab', { name: 'Översikt' }).waitFor();
}

/** An area's fieldset: its name is the area's label, followed by the area's description in the assessment form. */
const areaGroup = (scope: Page | Locator, area: string) => scope.getByRole('group', { name: new RegExp(`^${area}(\\s|$)`) });
const rate = (form: Locator, area: string, label: RegExp) =>
  areaGroup(form, area).getByRole('group', { name: 'Betyg' }).getByRole('radio', { name: label }).check();
const row = (table: Locator, area: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: area, exact: true }) });

async function addArea(plan: Locator, label: string, childWords: string, action: { what: string; who: string }, goal: string, followUp: string) {
  await plan.getByLabel('Lägg till område', { exact: true }).selectOption({ label });
  await plan.getByRole('button', { name: 'Lägg till området' }).click();
  const area = areaGroup(plan, label);
  await area.getByLabel('Det här tycker barnet att hen behöver').fill(childWords);
  await area.getByRole('button', { name: 'Lägg till insats' }).click();
  const a = area.getByRole('group', { name: 'Insats 1' });
  await a.getByLabel('Vad', { exact: true }).fill(action.what);
  await a.getByLabel('Vem', { exact: true }).selectOption({ label: action.who });
  await a.getByLabel('Från', { exact: true }).fill(isoDay(0));
  await a.getByLabel('Till', { exact: true }).fill(isoDay(60));
  await area.getByRole('button', { name: 'Lägg till mål' }).click();
  const g = area.getByRole('group', { name: 'Mål 1' });
  await g.getByLabel('Mål', { exact: true }).fill(goal);
  await g.getByLabel('Uppföljningsdatum').fill(followUp);
}

describe('wheel assessments, charts, the child’s plan and the SIP', () => {
  it('runs the journey', async () => {
    const today = isoDay(0);
    const karin = await session('kurator.bjork');
    await openCase(karin, 'Elev C');
    const caseUrl = karin.url();

    // ---- 1. The unit's own assessment; a future date is refused at the field. ----
    await karin.getByRole('tab', { name: 'Hjulet' }).click();
    await karin.getByRole('heading', { level: 2, name: 'Välbefinnandehjulet' }).waitFor();
    await expectNoAxeViolations(karin, 'hjulet');
    await karin.getByRole('button', { name: 'Ny bedömning' }).click();
    const form = karin.getByRole('form', { name: 'Ny bedömning' });
    await form.getByRole('group', { name: 'Vems bedömning?' }).getByRole('radio', { name: 'Min verksamhets (Elevhälsan Björkskolan)' }).check();
    await rate(form, 'Trygg', /^4 – Bra$/);
    await rate(form, 'Må bra', /^3 – /);
    await rate(form, 'Aktiv', /^4 – /);
    await areaGroup(form, 'Trygg').getByLabel('Oro').fill('Eleven är ofta ensam på rasterna.');
    await expectNoAxeViolations(karin, 'ny bedömning (verksamheten)');
    const date = form.getByLabel('Datum för bedömningen');
    await date.fill(isoDay(2));
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Datumet för bedömningen kan inte ligga i framtiden.').waitFor();
    await expectNoAxeViolations(karin, 'bedömning med fel');
    await date.fill(today);
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await karin.getByText('Bedömningen är sparad.').waitFor();

    // ---- 2. The child's own assessment, in the child's words. ----
    await karin.getByRole('button', { name: 'Ny bedömning' }).click();
    await form.getByRole('radio', { name: 'Barnets egen' }).check();
    // The child-friendly anchors replace the professional ones.
    await areaGroup(form, 'Trygg').getByRole('radio', { name: '2 – Det är ganska svårt' }).waitFor();
    expect(
      await areaGroup(form, 'Trygg')
        .getByRole('radio', { name: /Behöver stöd/ })
        .count(),
    ).toBe(0);
    await rate(form, 'Trygg', /^2 – /);
    await rate(form, 'Må bra', /^3 – /);
    await rate(form, 'Aktiv', /^5 – /);
    await areaGroup(form, 'Trygg').getByLabel('Behov').fill('Någon att vara med på rasterna.');
    await expectNoAxeViolations(karin, 'ny bedömning (barnets egen)');
    await form.getByRole('button', { name: 'Spara bedömningen' }).click();
    await karin.getByText('Bedömningen är sparad.').waitFor();
    await form.waitFor({ state: 'detached' });

    // ---- 3. The charts show both; the Trygg gap is highlighted. ----
    const gaps = karin.getByRole('table', { name: 'Barnets och verksamheternas senaste betyg per område' });
    await gaps.waitFor();
    const tryggGap = row(gaps, 'Trygg');
    expect(await tryggGap.getByRole('cell').allTextContents()).toEqual(['2', '4', '−2 Stor skillnad']);
    expect(await tryggGap.getAttribute('class')).toContain('gap-row--highlighted');
    expect(await row(gaps, 'Må bra').textContent()).not.toContain('Stor skillnad');
    const gapChart = karin.getByRole('img', { name: /^Radardiagram\. Barnets bedömning .* Stor skillnad: Trygg/ });
    await gapChart.waitFor();
    expect(await gapChart.getAttribute('tabindex')).toBeNull();
    const gapFigure = karin.locator('figure').filter({ has: gapChart });
    expect(await gapFigure.getByRole('listitem').allTextContents()).toEqual([
      `Barnet (${today}), heldragen linje`,
      `Verksamheterna (${today}), streckad linje`,
    ]);
    const firstLatest = karin.getByRole('table', { name: 'Första och senaste bedömningen' });
    expect(await row(firstLatest, 'Trygg').getByRole('cell').first().textContent()).toBe(`4 (${today})`);
    await karin.getByLabel('Perspektiv').selectOption({ label: 'Barnet' });
    await expect.poll(() => row(firstLatest, 'Trygg').getByRole('cell').first().textContent()).toBe(`2 (${today})`);
    const history = karin.getByRole('table', { name: 'Trygg', exact: true });
    const historyText = await history.textContent();
    expect(historyText).toContain('Elevhälsan Björkskolan');
    expect(historyText).toContain('Barnet');
    expect(historyText).toContain('Oro: Eleven är ofta ensam på rasterna.');
    expect(await history.getByRole('row').count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(karin, 'hjulet med diagram');

    // ---- 4. The child's plan with two areas, and a SIP. ----
    await karin.getByRole('tab', { name: 'Plan' }).click();
    await karin.getByRole('heading', { level: 2, name: 'Planer' }).waitFor();
    await expectNoAxeViolations(karin, 'planer (ingen plan)');
    await karin.getByRole('button', { name: 'Påbörja barnets plan' }).click();
    await karin.getByText('Barnets plan är påbörjad.').waitFor();
    const childPlan = karin.getByRole('region', { name: 'Barnets plan' });
    await childPlan.getByRole('heading', { name: 'Utkast, version 1' }).waitFor();
    await childPlan.getByRole('group', { name: 'Barnets syn' }).getByLabel('Styrkor').fill('Jag är bra på att rita.');
    await childPlan.getByRole('group', { name: 'Vårdnadshavarnas syn' }).getByLabel('Utmaningar').fill('Morgnarna är stressiga.');
    await addArea(
      childPlan,
      'Trygg',
      CHILD_WORDS_TRYGG,
      { what: ACTION_TRYGG, who: 'Jag (Karin Berg, Elevhälsan Björkskolan)' },
      GOAL_TRYGG,
      isoDay(60),
    );
    await addArea(childPlan, 'Må bra', CHILD_WORDS_MA_BRA, { what: ACTION_MA_BRA, who: 'Socialtjänsten – öppenvården' }, GOAL_MA_BRA, isoDay(90));
    await expectNoAxeViolations(karin, 'barnets plan (utkast)');
    await childPlan.getByRole('button', { name: 'Spara utkast' }).click();
    await karin.getByText('Barnets plan: utkastet är sparat.').waitFor();

    await karin.getByRole('button', { name: 'Påbörja SIP' }).click();
    await karin.getByText('Samordnad individuell plan (SIP) är påbörjad.').waitFor();
    const sip = karin.getByRole('region', { name: 'Samordnad individuell plan (SIP)' });
    await sip.getByLabel('1. Insatser som behövs').fill('Stöd på rasterna, stödsamtal för familjen och en utredning av koncentrationen.');
    const principals = sip.getByRole('group', { name: '2. Vad varje huvudman ansvarar för' });
    await principals.getByLabel('Exempelby kommun', { exact: true }).fill('Elevhälsan ger stöd på rasterna; socialtjänsten ger familjen stödsamtal.');
    await principals.getByLabel('Region Exempel', { exact: true }).fill('BUP utreder koncentrationssvårigheterna.');
    await sip.getByLabel('3. Vad andra än kommun och region gör').fill('Inga');
    await sip.getByLabel('Deltagare', { exact: true }).fill('Karin Berg, kurator\nSocialsekreterare, öppenvården');
    const consent = sip.getByRole('group', { name: 'Personens samtycke till SIP' });
    await consent.getByLabel('Samtycke har lämnats').check();
    await consent.getByLabel('Datum för samtycket').fill(today);
    const participation = sip.getByRole('group', { name: 'Barnets delaktighet' });
    await participation.getByLabel('Barnet har varit delaktigt', { exact: true }).check();
    await participation.getByLabel('Hur barnet har varit delaktigt').fill('Barnet var med en stund och berättade om rasterna.');
    await sip.getByLabel('Uppföljning', { exact: true }).fill(isoDay(90));
    await sip.getByRole('button', { name: 'Spara utkast' }).click();
    await karin.getByText('Samordnad individuell plan (SIP): utkastet är sparat.').waitFor();
    const missing = sip.getByRole('list', { name: 'Det här saknas innan SIP:en kan fastställas' });
    await expect
      .poll(() => missing.getByRole('listitem').allTextContents())
      .toEqual(['Det saknas vilken huvudman som har det övergripande ansvaret.']);
    await expectNoAxeViolations(karin, 'SIP (utkast)');

    // ---- 5. Adoption is refused until the overall responsibility is named. ----
    await sip.getByRole('button', { name: 'Fastställ' }).click();
    const refused = sip.locator('.form-alert').filter({ hasText: 'Planen kan inte fastställas än' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/övergripande ansvar/);
    const overall = sip.getByLabel('4. Huvudman med det övergripande ansvaret');
    await expect.poll(() => overall.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(karin, 'SIP kan inte fastställas');
    await overall.selectOption({ label: 'Exempelby kommun' });
    await sip.getByRole('button', { name: 'Fastställ' }).click();
    await karin.getByText(`Samordnad individuell plan (SIP) är fastställd ${today}.`).waitFor();
    await sip.getByText(`Fastställd ${today}`, { exact: true }).first().waitFor();
    await sip.getByRole('button', { name: 'Ändra (ny version)' }).waitFor();
    expect(await sip.getByRole('button', { name: 'Fastställ' }).count()).toBe(0);

    await childPlan.getByRole('button', { name: 'Fastställ' }).click();
    await karin.getByText(`Barnets plan är fastställd ${today}.`).waitFor();
    await childPlan.getByText(CHILD_WORDS_TRYGG).first().waitFor();
    await expectNoAxeViolations(karin, 'planer fastställda');

    // ---- 6. A change is a new version; two people save the same draft. ----
    await childPlan.getByRole('button', { name: 'Ändra (ny version)' }).click();
    await childPlan.getByRole('heading', { name: 'Utkast, version 2' }).waitFor();
    const sara = await session('samordnare.f6');
    await sara.goto(caseUrl);
    await sara.getByRole('tab', { name: 'Plan' }).click();
    const saraPlan = sara.getByRole('region', { name: 'Barnets plan' });
    await saraPlan.getByRole('heading', { name: 'Utkast, version 2' }).waitFor();

    const karinWords = areaGroup(childPlan, 'Trygg').getByLabel('Det här tycker barnet att hen behöver');
    expect(await karinWords.inputValue()).toBe(CHILD_WORDS_TRYGG);
    await karinWords.fill(KARIN_V2);
    await childPlan.getByRole('button', { name: 'Spara utkast' }).click();
    await karin.getByText('Barnets plan: utkastet är sparat.').waitFor();

    const saraWords = areaGroup(saraPlan, 'Trygg').getByLabel('Det här tycker barnet att hen behöver');
    await saraWords.fill(SARA_V2);
    await saraPlan.getByRole('button', { name: 'Spara utkast' }).click();
    await saraPlan.getByRole('heading', { name: 'Någon annan har ändrat planen' }).waitFor();
    expect(await saraWords.inputValue()).toBe(SARA_V2);
    await saraPlan.getByRole('heading', { name: 'Sparat utkast från Karin Berg' }).waitFor();
    await saraPlan.locator('.plan-conflict__saved').getByText(KARIN_V2).waitFor();
    await expectNoAxeViolations(sara, 'plan: någon annan har ändrat');
    await saraPlan.getByRole('button', { name: 'Spara mina ändringar' }).click();
    await sara.getByText('Barnets plan: utkastet är sparat.').waitFor();
    expect(await saraPlan.getByRole('heading', { name: 'Någon annan har ändrat planen' }).count()).toBe(0);
    expect(await saraWords.inputValue()).toBe(SARA_V2);

    await saraPlan.getByRole('button', { name: 'Visa skillnader mellan version 1 och 2 (Barnets plan)' }).click();
    const changes = saraPlan.getByRole('list', { name: 'Skillnader mellan version 1 och 2' });
    await changes.waitFor();
    expect(await changes.getByRole('listitem').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(sara, 'plan: skillnader mellan versioner');

    // ---- 7. The family's version of the child's plan as a PDF. ----
    const familyLink = childPlan.getByRole('link', { name: 'Ladda ner familjens version (PDF): Barnets plan, version 1' });
    expect(await familyLink.textContent()).toBe('Ladda ner familjens version (PDF)');
    const href = await familyLink.getAttribute('href');
    const pdf = await karin.request.get(new URL(href!, caseUrl).toString());
    expect(pdf.status(), `GET ${href} (the family PDF route)`).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = flat(await pdfText(await pdf.body()));
    expect(text).toContain(flat(CHILD_WORDS_TRYGG));
    // The action as the family reads it: "<who> ska <what>." (familyActionSentence in packages/server/src/pdf/plan.ts).
    expect(text).toContain(flat(`Karin Berg, Elevhälsan Björkskolan ska ${ACTION_TRYGG}.`));
    // The SIP for the units names the principal with the overall responsibility.
    const sipLink = sip.getByRole('link', { name: 'Ladda ner SIP:en för verksamheterna (PDF): version 1' });
    const sipPdf = await karin.request.get(new URL((await sipLink.getAttribute('href'))!, caseUrl).toString());
    expect(sipPdf.status(), 'GET professional.pdf').toBe(200);
    expect(flat(await pdfText(await sipPdf.body()))).toContain(flat('Exempelby kommun'));
  }, 240_000);
});
