import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn } from './support.ts';

/**
 * The follow-up of an adopted plan, as the kurator (Karin Berg, Elevhälsan Björkskolan) on the demo
 * case "Elev D" (owned by her unit, child linked; no other file makes plans for it). If the case has
 * no child's plan yet, she starts one with one goal and adopts it. Then she follows the plan up
 * (a follow-up is allowed any time on the adopted version; the goal's date is in the future, so the
 * overdue state cannot be reached without a clock): a missing outcome is refused at the goal, the
 * recorded follow-up is listed with the outcome and comment, and "Gör en ny bedömning med hjulet"
 * opens the Hjulet tab. "Mina uppgifter" and "Samordning" show their plan follow-up sections (empty).
 * axe on every state checked.
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

const PSEUDONYM = 'Elev D';
const GOAL = 'Eleven har en kompis att vara med på rasterna.';
const COMMENT = 'Eleven är med andra på rasterna oftare, men inte varje dag.';

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

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true });

async function openCase(page: Page, pseudonym: string) {
  await nav(page, 'Mina ärenden').click();
  await page.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
  await page.getByRole('table', { name: 'Ärenden' }).getByRole('link', { name: pseudonym, exact: true }).first().click();
  await page.getByRole('tab', { name: 'Översikt' }).waitFor();
}

interface PlanListing {
  items: { id: string; kind: string; versions: { number: number; status: string; content: { areas: { goals: { text: string }[] }[] } }[] }[];
}

/** Starts the child's plan with one area (Trygg) and one goal, and adopts it. */
async function startAndAdopt(page: Page, plan: Locator, followUp: string) {
  await page.getByRole('button', { name: 'Påbörja barnets plan' }).click();
  await page.getByText('Barnets plan är påbörjad.').waitFor();
  await plan.getByRole('heading', { name: 'Utkast, version 1' }).waitFor();
  await plan.getByRole('group', { name: 'Barnets syn' }).getByLabel('Styrkor').fill('Jag är bra på fotboll.');
  await plan.getByLabel('Lägg till område', { exact: true }).selectOption({ label: 'Trygg' });
  await plan.getByRole('button', { name: 'Lägg till området' }).click();
  const area = plan.getByRole('group', { name: /^Trygg(\s|$)/ });
  await area.getByLabel('Det här tycker barnet att hen behöver').fill('Någon att vara med på rasterna.');
  await area.getByRole('button', { name: 'Lägg till mål' }).click();
  const goal = area.getByRole('group', { name: 'Mål 1' });
  await goal.getByLabel('Mål', { exact: true }).fill(GOAL);
  await goal.getByLabel('Uppföljningsdatum').fill(followUp);
  await plan.getByRole('button', { name: 'Fastställ' }).click();
  await page.getByText(`Barnets plan är fastställd ${isoDay(0)}.`).waitFor();
}

describe('following up an adopted plan', () => {
  it('records a follow-up, lists it and suggests a new assessment with the wheel', async () => {
    const today = isoDay(0);
    const karin = await session('kurator.bjork');
    await openCase(karin, PSEUDONYM);
    const caseId = /\/arenden\/([^/?#]+)/.exec(karin.url())?.[1];
    expect(caseId).toBeTruthy();

    // The plans of the case decide the way in: start and adopt the child's plan, or use the adopted one.
    const res = await karin.request.get(new URL(`/api/v1/cases/${caseId}/plans`, karin.url()).toString());
    expect(res.status(), 'GET /cases/:id/plans').toBe(200);
    const existing = ((await res.json()) as PlanListing).items.find((p) => p.kind === 'barnets_plan');
    const adoptedBefore = existing?.versions.find((v) => v.status === 'adopted');

    await karin.getByRole('tab', { name: 'Plan' }).click();
    await karin.getByRole('heading', { level: 2, name: 'Planer' }).waitFor();
    const plan = karin.getByRole('region', { name: 'Barnets plan' });
    let goalText = GOAL;
    if (!existing) {
      await startAndAdopt(karin, plan, isoDay(60));
    } else {
      expect(adoptedBefore, 'Elev D has a child’s plan without an adopted version').toBeTruthy();
      goalText = adoptedBefore!.content.areas.flatMap((a) => a.goals)[0]!.text;
    }

    // ---- The follow-up section of the adopted version. ----
    const followUp = plan.getByRole('region', { name: 'Uppföljning' });
    await followUp.waitFor();
    if (!existing) await followUp.getByText(`Nästa uppföljning ${isoDay(60)}`, { exact: true }).waitFor();
    else await followUp.getByText(/^(Nästa uppföljning \d{4}-\d{2}-\d{2}|Ingen uppföljning är planerad\.)$/).waitFor();
    expect(await followUp.getByText('Uppföljningen är försenad').count()).toBe(0);
    const form = followUp.getByRole('form', { name: 'Följ upp planen' });
    const goal = form.getByRole('group', { name: `Mål: ${goalText}` });
    const how = goal.getByRole('group', { name: 'Hur gick det?' });
    for (const name of ['Uppnått', 'Delvis uppnått', 'Inte uppnått', 'Inte längre aktuellt'])
      await how.getByRole('radio', { name, exact: true }).waitFor();
    await expectNoAxeViolations(karin, 'plan: uppföljning');

    // Nothing marked: refused at the goal, focus on its first choice.
    await form.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await how.getByText('Markera hur det gick med målet.').waitFor();
    await expect.poll(() => how.getByRole('radio', { name: 'Uppnått', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(karin, 'plan: uppföljning med fel');

    await how.getByRole('radio', { name: 'Delvis uppnått', exact: true }).check();
    await goal.getByLabel('Kommentar').fill(COMMENT);
    await form.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await karin.getByRole('status').getByText('Barnets plan: uppföljningen är sparad.').waitFor();

    // ---- Listed under "Genomförda uppföljningar", with the prompt to assess again. ----
    const done = followUp.getByRole('list', { name: 'Genomförda uppföljningar' });
    const latest = done
      .getByRole('listitem')
      .filter({ hasText: `Uppföljning ${today} av Karin Berg` })
      .first();
    await latest.waitFor();
    const latestText = await latest.textContent();
    expect(latestText).toContain(`Trygg: ${goalText} – Delvis uppnått`);
    if (!existing) expect(latestText).toContain(`Kommentar: ${COMMENT}`);
    expect(await how.getByRole('radio', { checked: true }).count()).toBe(0);
    const prompt = followUp.getByRole('heading', { name: 'Gör en ny bedömning med hjulet' });
    await prompt.waitFor();
    await expect.poll(() => prompt.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(karin, 'plan: uppföljningen är sparad');

    await followUp.getByRole('button', { name: 'Gör en ny bedömning med hjulet' }).click();
    await karin.getByRole('heading', { level: 2, name: 'Välbefinnandehjulet' }).waitFor();
    expect(await karin.getByRole('tab', { name: 'Hjulet' }).getAttribute('aria-selected')).toBe('true');
    await karin.getByRole('button', { name: 'Ny bedömning' }).waitFor();

    // The chronology has the follow-up.
    await karin.getByRole('tab', { name: 'Kronologi' }).click();
    await karin
      .getByRole('list', { name: 'Händelser i ärendet' })
      .getByText(/Uppföljning av barnets plan version \d+: .*delvis uppnått/i)
      .first()
      .waitFor();

    // ---- "Mina uppgifter": the plans to follow up (none overdue). ----
    await nav(karin, 'Mina uppgifter').click();
    await karin.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    const plans = karin.getByRole('region', { name: 'Planer att följa upp' });
    await plans.getByText('Du har inga planer att följa upp.').waitFor();
    await expectNoAxeViolations(karin, 'mina uppgifter');

    // ---- "Samordning": the unit's plans with an overdue follow-up (none). ----
    const sara = await session('samordnare.f6');
    await nav(sara, 'Samordning').click();
    await sara.getByRole('heading', { level: 1, name: 'Samordnaröversikt' }).waitFor();
    const overdue = sara.getByRole('region', { name: 'Planer med försenad uppföljning' });
    await overdue.getByText('Ingen av verksamhetens planer har en försenad uppföljning.').waitFor();
    await expectNoAxeViolations(sara, 'samordning');
  }, 180_000);
});
