import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictitiousIdentityNumber, toSwedishDate } from '@samsyn/domain';
import { portalSignIn } from './portal-helpers.ts';
import { startTestServer, testConfig, type Session, type TestServer } from './harness.ts';
import { caller, yearsAgo, type Call } from './cases-helpers.ts';
import { createPortalAccount } from '../src/modules/portal/session.ts';

/**
 * Issue 7: "Mitt hjul" in the family portal and the child's private words and answers. The child
 * (assessed as mature, or from 15) may keep single wheel areas and their words before a meeting
 * from their guardians; the team sees them, marked. A guardian never gets them, and nothing hints
 * that something is hidden.
 */
interface Portal {
  cookie: string;
  csrf: string;
}

describe('family portal: the wheel and private words', () => {
  let server: TestServer;
  let call: Call;
  let kurator: Session;
  let elevC: string;
  let childId: string;
  const today = toSwedishDate(new Date());

  const portalLogin = (username: string, password?: string): Promise<Portal> => portalSignIn(server, username, password);
  const handleOf = async (p: Portal) => (await get(p, '/api/v1/portal/me')).body.children[0].id as string;
  const get = async (p: Portal, url: string) => {
    const res = await server.app.inject({ method: 'GET', url, headers: { cookie: p.cookie } });
    return { status: res.statusCode, body: res.body ? res.json() : null, text: res.body };
  };
  const send = async (p: Portal, method: 'POST' | 'PUT', url: string, body: unknown) => {
    const res = await server.app.inject({
      method,
      url,
      headers: { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const wheelUrl = (child: string) => `/api/v1/portal/children/${child}/wheel`;
  const stored = async () =>
    Number((await server.database.ownerQuery(`select count(*)::int as n from wheel_assessments where entered_via = 'portal'`)).rows[0]!.n);
  const voiceRow = async () =>
    (
      await server.database.ownerQuery(
        `select v.child_words, v.child_words_private, m.id as meeting_id from agenda_voices v join agenda_items ai on ai.id = v.agenda_item_id
          join meetings m on m.id = ai.meeting_id where ai.case_id = $1 and m.date >= $2 and m.status = 'planned' order by m.date limit 1`,
        [elevC, today],
      )
    ).rows[0] as { child_words: string | null; child_words_private: boolean; meeting_id: string };

  /** A child created by staff with one custodial guardian; portal accounts for the guardian and, if asked, the child. */
  async function family(prefix: string, birthDate: string, serial: number, childAccount = false) {
    const guardianNumber = fictitiousIdentityNumber('1975-05-05', serial);
    const childNumber = fictitiousIdentityNumber(birthDate, serial);
    const res = await call(kurator, 'POST', '/api/v1/children', {
      givenName: `Barn${serial}`,
      familyName: 'Hjulsson',
      identityNumber: childNumber,
      protectedIdentity: false,
      guardians: [{ name: `Vera Hjulsson${serial}`, custody: 'vardnadshavare', identityNumber: guardianNumber }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const account = (username: string, number: string) =>
      createPortalAccount(server.database.db, {
        username,
        password: 'Ett-langt-losenord-1',
        identityHash: server.deps.crypto.keyedHash(number),
        displayName: username,
      });
    await account(`${prefix}.vh`, guardianNumber);
    if (childAccount) await account(`${prefix}.barn`, childNumber);
    return res.body.id as string;
  }

  beforeAll(async () => {
    server = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', DEMO_MEETINGS: 'true' }) });
    call = caller(server);
    kurator = await server.login('kurator.bjork');
    const cases = (await call(kurator, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    elevC = cases.find((c) => c.pseudonym === 'Elev C')!.id;
    childId = (await server.database.ownerQuery(`select child_id from cases where id = $1`, [elevC])).rows[0]!.child_id as string;
  }, 60_000);
  afterAll(() => server?.stop());

  it('shows the wheel with the child’s words; a 10-year-old without a maturity assessment cannot keep anything private', async () => {
    const c = await portalLogin('portal.barn');
    const child = await handleOf(c);
    const res = await get(c, wheelUrl(child));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ canKeepPrivate: false, hasCase: true, answers: [] });
    expect(res.body.areas).toHaveLength(8);
    expect(res.body.areas[0]).toMatchObject({
      key: 'trygg',
      labelSv: 'Trygg',
      descriptionSv: 'Jag känner mig trygg hemma, i skolan och på fritiden.',
    });
    expect(res.body.scale).toMatchObject({ min: 1, max: 5 });
    expect(res.body.scale.anchors[4]).toEqual({ value: 5, labelSv: 'Det är jättebra', labelEn: 'It is really good' });

    const refused = await send(c, 'POST', wheelUrl(child), { ratings: [{ areaKey: 'trygg', rating: 4 }], privateAreaKeys: ['trygg'] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'privateAreaKeys', message: expect.stringMatching(/^Du kan inte/) })]);
    expect(await stored()).toBe(0);

    // Private words likewise: refused, nothing changes.
    const next = (await get(c, `/api/v1/portal/children/${child}/next-meeting`)).body;
    expect(next).toMatchObject({ canKeepPrivate: false, meeting: { wordsPrivate: false, childWords: null } });
    const before = await voiceRow();
    const words = await send(c, 'PUT', `/api/v1/portal/children/${child}/my-words`, {
      words: 'Hemligt',
      version: next.meeting.version,
      private: true,
    });
    expect(words.status).toBe(400);
    expect(words.body.errors[0].field).toBe('private');
    expect(await voiceRow()).toEqual(before);
  });

  it('refuses bad input with 400 and saves nothing', async () => {
    const c = await portalLogin('portal.barn');
    const g = await portalLogin('portal.vardnadshavare');
    const child = await handleOf(c);
    const gChild = await handleOf(g);
    const bad: [Portal, string, unknown, string][] = [
      [c, child, { ratings: [{ areaKey: 'trygg', rating: 7 }] }, 'ratings.0.rating'],
      [c, child, { ratings: [{ areaKey: 'trygg', rating: 0 }] }, 'ratings.0.rating'],
      [c, child, { ratings: [{ areaKey: 'trygg', rating: 2.5 }] }, 'ratings.0.rating'],
      [c, child, { ratings: [{ areaKey: 'hemligt_omrade', rating: 3 }] }, 'ratings.0.areaKey'],
      [c, child, { ratings: [{ areaKey: 'x'.repeat(41), rating: 3 }] }, 'ratings.0.areaKey'],
      [
        c,
        child,
        {
          ratings: [
            { areaKey: 'trygg', rating: 3 },
            { areaKey: 'trygg', rating: 4 },
          ],
        },
        'ratings.1.areaKey',
      ],
      [c, child, { ratings: [{ areaKey: 'trygg', rating: null }] }, 'ratings'],
      [c, child, { ratings: [] }, 'ratings'],
      [c, child, { ratings: Array.from({ length: 21 }, () => ({ areaKey: 'trygg', rating: 3 })) }, 'ratings'],
      [c, child, { ratings: [{ areaKey: 'trygg', rating: 3 }], privateAreaKeys: Array.from({ length: 21 }, () => 'trygg') }, 'privateAreaKeys'],
      [c, child, { ratings: [{ areaKey: 'trygg', rating: 3, worries: 'x' }] }, 'ratings.0'],
      [c, child, { ratings: [{ areaKey: 'trygg', rating: 3 }], perspective: 'professional' }, 'perspective'],
      [g, gChild, { ratings: [{ areaKey: 'trygg', rating: 3 }], privateAreaKeys: ['trygg'] }, 'privateAreaKeys'],
    ];
    for (const [who, handle, body, field] of bad) {
      const res = await send(who, 'POST', wheelUrl(handle), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        (res.body.errors as { field: string }[]).some((e) => e.field === field || e.field.startsWith(`${field}.`)),
        `${JSON.stringify(body)} → ${JSON.stringify(res.body.errors)}`,
      ).toBe(true);
    }
    const guardianRefusal = await send(g, 'POST', wheelUrl(gChild), { ratings: [{ areaKey: 'trygg', rating: 3 }], privateAreaKeys: ['trygg'] });
    expect(guardianRefusal.body.errors[0].message).toBe('Bara barnet själv kan välja att inte visa något för vårdnadshavare.');
    // Without the portal's CSRF token: refused.
    const noToken = await server.app.inject({
      method: 'POST',
      url: wheelUrl(child),
      headers: { cookie: c.cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ ratings: [{ areaKey: 'trygg', rating: 3 }] }),
    });
    expect(noToken.statusCode).toBe(403);
    expect(await stored()).toBe(0);
  });

  it('a child assessed as mature keeps one area private: the guardian never sees it, nor any hint; the team sees it marked', async () => {
    // The latest consent's maturity assessment says the child is mature.
    await server.database.ownerQuery(`update consents set maturity = $2::jsonb where child_id = $1`, [
      childId,
      JSON.stringify({ assessedBy: 'kurator.bjork', assessedAt: today, isMature: true, reasoning: 'Samtal med barnet.' }),
    ]);
    const c = await portalLogin('portal.barn');
    const child = await handleOf(c);
    expect((await get(c, wheelUrl(child))).body.canKeepPrivate).toBe(true);

    // Only answered areas can be private.
    const unrated = await send(c, 'POST', wheelUrl(child), {
      ratings: [
        { areaKey: 'trygg', rating: 4 },
        { areaKey: 'utvecklas', rating: null },
      ],
      privateAreaKeys: ['utvecklas'],
    });
    expect(unrated.status).toBe(400);
    expect(unrated.body.errors[0]).toMatchObject({ field: 'privateAreaKeys', message: 'Du kan bara dölja det du har svarat på.' });
    expect(await stored()).toBe(0);

    const saved = await send(c, 'POST', wheelUrl(child), {
      ratings: [
        { areaKey: 'trygg', rating: 4 },
        { areaKey: 'ma_bra', rating: 2 },
        { areaKey: 'utvecklas', rating: null },
      ],
      privateAreaKeys: ['ma_bra'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.answers).toEqual([
      expect.objectContaining({
        id: saved.body.id,
        date: today,
        perspective: 'child',
        mine: true,
        ratings: [expect.objectContaining({ areaKey: 'trygg', rating: 4 }), expect.objectContaining({ areaKey: 'ma_bra', rating: 2 })],
        privateAreaKeys: ['ma_bra'],
      }),
    ]);
    const row = (
      await server.database.ownerQuery(
        `select a.entered_by, a.entered_via, a.private_area_keys, a.perspective, a.owning_unit_id = c.owning_unit_id as owned, a.assessed_on::text as on
          from wheel_assessments a join cases c on c.id = a.case_id where a.id = $1`,
        [saved.body.id],
      )
    ).rows[0]!;
    expect(row).toMatchObject({ entered_by: null, entered_via: 'portal', perspective: 'child', owned: true, on: today });
    expect(String(row.private_area_keys)).toMatch(/ma_bra/);

    // An answer with only a private area: a guardian does not see that it exists.
    const onlyPrivate = await send(c, 'POST', wheelUrl(child), { ratings: [{ areaKey: 'ma_bra', rating: 1 }], privateAreaKeys: ['ma_bra'] });
    expect(onlyPrivate.status).toBe(201);

    const g = await portalLogin('portal.vardnadshavare');
    const gChild = await handleOf(g);
    const gView = await get(g, wheelUrl(gChild));
    expect(gView.status).toBe(200);
    expect(gView.body.canKeepPrivate).toBe(false);
    expect(gView.body.answers).toEqual([
      {
        id: saved.body.id,
        date: today,
        perspective: 'child',
        mine: false,
        ratings: [{ areaKey: 'trygg', rating: 4, labelSv: 'Trygg', labelEn: 'Safe' }],
        privateAreaKeys: [],
      },
    ]);
    const answersText = JSON.stringify(gView.body.answers);
    expect(answersText).not.toMatch(/ma_bra|Må bra|Healthy|onlyPrivate/);
    expect(answersText).not.toContain(onlyPrivate.body.id);
    expect(gView.text).not.toMatch(/"private[^"]*":true|hidden|dold/i);

    // The guardian's own answer: theirs; the child sees it too.
    const mine = await send(g, 'POST', wheelUrl(gChild), { ratings: [{ areaKey: 'trygg', rating: 3 }] });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body.answers.find((a: { id: string }) => a.id === mine.body.id)).toMatchObject({ perspective: 'guardian', mine: true });
    const childView = (await get(c, wheelUrl(child))).body;
    expect(childView.answers.map((a: { perspective: string; mine: boolean }) => [a.perspective, a.mine])).toEqual([
      ['guardian', false],
      ['child', true],
      ['child', true],
    ]);

    // The team (kurator.bjork, Elevhälsan Björkskolan owns the case) sees the private area, marked.
    const staff = await call(kurator, 'GET', `/api/v1/cases/${elevC}/assessments`);
    expect(staff.status).toBe(200);
    const item = staff.body.items.find((i: { id: string }) => i.id === saved.body.id);
    expect(item).toMatchObject({
      enteredVia: 'portal',
      enteredByName: 'Barnet, i familjeportalen',
      privateAreaKeys: ['ma_bra'],
      perspective: { kind: 'child' },
      ratings: expect.arrayContaining([{ areaKey: 'ma_bra', rating: 2 }]),
    });
    expect(staff.body.items.find((i: { id: string }) => i.id === mine.body.id)).toMatchObject({
      enteredVia: 'portal',
      enteredByName: 'Vårdnadshavare, i familjeportalen',
      privateAreaKeys: [],
      perspective: { kind: 'guardian' },
    });
    const events = (await call(kurator, 'GET', `/api/v1/cases/${elevC}/events`)).body.items as { text?: string }[];
    expect(events.some((e) => e.text === 'Barnet fyllde i välbefinnandehjulet i familjeportalen (barnets perspektiv).')).toBe(true);
    // Audited as portal access in the child's organisation.
    const audited = await server.database.ownerQuery(
      `select count(*)::int as n from audit_log where resource_type = 'portal_write_wheel' and outcome = 'allowed' and subject_child_id = $1`,
      [childId],
    );
    expect(Number(audited.rows[0]!.n)).toBe(3);
  });

  it('private words: the guardian does not get the child’s private words, and gets them once they are not private', async () => {
    const c = await portalLogin('portal.barn');
    const child = await handleOf(c);
    const g = await portalLogin('portal.vardnadshavare');
    const gChild = await handleOf(g);
    const words = 'Jag vill prata om något själv först.';
    const next = (await get(c, `/api/v1/portal/children/${child}/next-meeting`)).body;
    expect(next.canKeepPrivate).toBe(true);
    const saved = await send(c, 'PUT', `/api/v1/portal/children/${child}/my-words`, { words, version: next.meeting.version, private: true });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ canKeepPrivate: true, meeting: { myWords: words, wordsPrivate: true, childWords: null } });
    expect(await voiceRow()).toMatchObject({ child_words: words, child_words_private: true });

    const gNext = await get(g, `/api/v1/portal/children/${gChild}/next-meeting`);
    expect(gNext.body).toMatchObject({ canKeepPrivate: false, meeting: { childWords: null, wordsPrivate: false } });
    expect(gNext.text).not.toContain('själv först');
    // A guardian cannot set the flag, either way.
    const gPut = await send(g, 'PUT', `/api/v1/portal/children/${gChild}/my-words`, {
      words: 'Vi vill också säga något.',
      version: gNext.body.meeting.version,
      private: false,
    });
    expect(gPut.status).toBe(400);
    expect(gPut.body.errors[0].field).toBe('private');

    // The team sees the words, marked private.
    const { meeting_id } = await voiceRow();
    const voices = await call(kurator, 'GET', `/api/v1/meetings/${meeting_id}/voices`);
    expect(voices.status).toBe(200);
    expect(voices.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ childWords: words, childWordsPrivate: true })]));

    // Saving again without the flag keeps the choice; the guardian's own words leave it alone.
    const again = await send(c, 'PUT', `/api/v1/portal/children/${child}/my-words`, { words: `${words} Tack.`, version: saved.body.meeting.version });
    expect(again.body.meeting).toMatchObject({ wordsPrivate: true });
    const gSave = await send(g, 'PUT', `/api/v1/portal/children/${gChild}/my-words`, { words: 'Vi kommer.', version: again.body.meeting.version });
    expect(gSave.status).toBe(200);
    expect(gSave.body.meeting).toMatchObject({ myWords: 'Vi kommer.', childWords: null });
    expect(await voiceRow()).toMatchObject({ child_words_private: true });

    // Not private any more: the guardian gets the child's words.
    const shown = await send(c, 'PUT', `/api/v1/portal/children/${child}/my-words`, {
      words: `${words} Tack.`,
      version: gSave.body.meeting.version,
      private: false,
    });
    expect(shown.status).toBe(200);
    expect(shown.body.meeting).toMatchObject({ wordsPrivate: false });
    expect((await get(g, `/api/v1/portal/children/${gChild}/next-meeting`)).body.meeting.childWords).toBe(`${words} Tack.`);
  });

  it('a young person from 15 may keep things private without an assessment; without a case nothing is saved', async () => {
    await family('hjul.ung', yearsAgo(new Date(), 16), 71, true);
    const young = await portalLogin('hjul.ung.barn', 'Ett-langt-losenord-1');
    const handle = await handleOf(young);
    const view = (await get(young, wheelUrl(handle))).body;
    expect(view).toMatchObject({ canKeepPrivate: true, hasCase: false, answers: [] });
    const res = await send(young, 'POST', wheelUrl(handle), { ratings: [{ areaKey: 'trygg', rating: 5 }] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'ratings', message: 'Det finns inget ärende att spara i än.' });
    // Their guardian is never allowed to.
    const guardian = await portalLogin('hjul.ung.vh', 'Ett-langt-losenord-1');
    expect((await get(guardian, wheelUrl(await handleOf(guardian)))).body.canKeepPrivate).toBe(false);
  });

  it('another family’s guardian gets 404; a young adult’s former guardian gets 403', async () => {
    const c = await portalLogin('portal.barn');
    const elevChild = await handleOf(c);
    await family('hjul.annan', yearsAgo(new Date(), 9), 72);
    const adultChild = await family('hjul.vuxen', yearsAgo(new Date(), 19), 73);
    const other = await portalLogin('hjul.annan.vh', 'Ett-langt-losenord-1');
    const former = await portalLogin('hjul.vuxen.vh', 'Ett-langt-losenord-1');
    const adultHandle = await handleOf(former);
    expect(adultHandle.endsWith(adultChild)).toBe(true);
    const count = await stored();

    expect((await get(other, wheelUrl(elevChild))).status).toBe(404);
    expect((await send(other, 'POST', wheelUrl(elevChild), { ratings: [{ areaKey: 'trygg', rating: 3 }] })).status).toBe(404);
    expect((await get(other, `/api/v1/portal/children/${elevChild}/next-meeting`)).status).toBe(404);
    expect((await send(other, 'PUT', `/api/v1/portal/children/${elevChild}/my-words`, { words: 'x', version: 0 })).status).toBe(404);

    const refused = await get(former, wheelUrl(adultHandle));
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/fyllt 18 år/);
    expect((await send(former, 'POST', wheelUrl(adultHandle), { ratings: [{ areaKey: 'trygg', rating: 3 }] })).status).toBe(403);
    expect(await stored()).toBe(count);
  });
});
