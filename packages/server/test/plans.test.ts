import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_WHEEL_AREAS, DEFAULT_WHEEL_SCALE, toSwedishDate } from '@samsyn/domain';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, type Call } from './cases-helpers.ts';
import { pdfText } from './pdf-text.ts';

/** Issue 5: the wellbeing wheel, assessments over time, the child's plan and the SIP with its legal elements. */
describe('wheel, assessments, plans and SIP', () => {
  let server: TestServer;
  let call: Call;
  let kurator: Session;
  let soc: Session;
  let vc: Session;
  let admin: Session;
  let caseC: string;
  let caseD: string;
  let guardianId: string;
  let principals: { id: string; name: string; kind: string }[];
  const today = toSwedishDate(new Date());

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server);
    kurator = await server.login('kurator.bjork');
    soc = await server.login('soc.oppen');
    vc = await server.login('vc');
    admin = await server.login('admin');
    const cases = (await call(kurator, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    caseC = cases.find((c) => c.pseudonym === 'Elev C')!.id;
    caseD = cases.find((c) => c.pseudonym === 'Elev D')!.id;
    const c = (await call(kurator, 'GET', `/api/v1/cases/${caseC}`)).body;
    const child = (await call(kurator, 'GET', `/api/v1/children/${c.child.id}`)).body;
    guardianId = child.guardians[0].id;
    principals = (await call(kurator, 'GET', '/api/v1/principals')).body.items;
  }, 60_000);
  afterAll(() => server?.stop());

  const ratings = (values: Record<string, number | null>) => Object.entries(values).map(([areaKey, rating]) => ({ areaKey, rating }));

  it('has the eight SHANARRI areas and the 1–5 scale by default', async () => {
    const wheel = (await call(kurator, 'GET', '/api/v1/wheel')).body;
    expect(wheel.version).toBe(1);
    expect(wheel.areas.map((a: { labelSv: string }) => a.labelSv)).toEqual([
      'Trygg',
      'Må bra',
      'Utvecklas',
      'Omvårdad',
      'Aktiv',
      'Respekterad',
      'Ansvarstagande',
      'Delaktig',
    ]);
    expect([wheel.scale.min, wheel.scale.max]).toEqual([1, 5]);
  });

  it('records assessments from several perspectives and shows first vs latest and the gaps', async () => {
    const url = `/api/v1/cases/${caseC}/assessments`;
    const first = await call(kurator, 'POST', url, {
      date: addDays(today, -60),
      perspective: { kind: 'professional' },
      ratings: [{ areaKey: 'trygg', rating: 2, worries: 'Otrygg på rasterna.' }, ...ratings({ ma_bra: 3, utvecklas: 2 })],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(
      (
        await call(kurator, 'POST', url, {
          date: today,
          perspective: { kind: 'professional' },
          ratings: ratings({ trygg: 4, ma_bra: 3, utvecklas: 4 }),
        })
      ).status,
    ).toBe(201);
    expect(
      (await call(kurator, 'POST', url, { date: today, perspective: { kind: 'child' }, ratings: ratings({ trygg: 2, ma_bra: 3, utvecklas: 4 }) }))
        .status,
    ).toBe(201);
    expect(
      (await call(kurator, 'POST', url, { date: today, perspective: { kind: 'guardian', guardianId }, ratings: ratings({ trygg: 3 }) })).status,
    ).toBe(201);

    // Bad input changes nothing.
    const bad = [
      { date: today, perspective: { kind: 'child' }, ratings: ratings({ trygg: 7 }) },
      { date: today, perspective: { kind: 'child' }, ratings: ratings({ trygg: 2.5 }) },
      { date: today, perspective: { kind: 'child' }, ratings: ratings({ simma: 3 }) },
      { date: addDays(today, 3), perspective: { kind: 'child' }, ratings: ratings({ trygg: 3 }) },
      { date: today, perspective: { kind: 'guardian', guardianId: '00000000-0000-4000-8000-000000000000' }, ratings: ratings({ trygg: 3 }) },
    ];
    for (const body of bad) {
      const res = await call(kurator, 'POST', url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0].message).toMatch(/[a-zåäö]/);
    }
    const outside = await call(kurator, 'POST', url, { date: today, perspective: { kind: 'child' }, ratings: ratings({ trygg: 7 }) });
    expect(outside.body.errors[0].message).toMatch(/mellan 1 och 5/);

    const res = await call(kurator, 'GET', url);
    expect(res.body.items).toHaveLength(4);
    const trygg = res.body.radar.professionals.find((r: { areaKey: string }) => r.areaKey === 'trygg');
    expect(trygg).toMatchObject({ first: { rating: 2, date: addDays(today, -60) }, latest: { rating: 4, date: today }, change: 2 });
    const gap = res.body.radar.gaps.find((g: { areaKey: string }) => g.areaKey === 'trygg');
    expect(gap).toMatchObject({ child: 2, professional: 4, gap: -2, highlighted: true });
    expect(res.body.radar.gaps.find((g: { areaKey: string }) => g.areaKey === 'ma_bra')).toMatchObject({ gap: 0, highlighted: false });
    expect(res.body.items.find((i: { perspective: { kind: string } }) => i.perspective.kind === 'guardian').perspective.guardianName).toMatch(/\S/);

    // The demo consent does not cover assessments (bedömningar och planer): social services sees none and may not add.
    expect((await call(soc, 'GET', url)).body.items).toEqual([]);
    expect((await call(soc, 'POST', url, { date: today, perspective: { kind: 'professional' }, ratings: ratings({ trygg: 3 }) })).status).toBe(400);
    expect((await call(vc, 'GET', url)).status).toBe(404);
    expect((await call(kurator, 'GET', url)).body.items).toHaveLength(4);
  });

  it('versions the wheel: a retired area takes no new ratings, old assessments keep theirs', async () => {
    const areas = DEFAULT_WHEEL_AREAS.map((a) => ({ ...a, ...(a.key === 'ansvarstagande' ? { retired: true } : {}) }));
    const removed = await call(admin, 'PUT', '/api/v1/admin/wheel', { areas: areas.filter((a) => a.key !== 'delaktig'), scale: DEFAULT_WHEEL_SCALE });
    expect(removed.status).toBe(400);
    expect(removed.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/kan inte tas bort/);
    expect((await call(kurator, 'PUT', '/api/v1/admin/wheel', { areas, scale: DEFAULT_WHEEL_SCALE })).status).toBe(404);
    const added = [...areas, { ...DEFAULT_WHEEL_AREAS[0]!, key: 'fritid', labelSv: 'Fritid', labelEn: 'Leisure', position: 9 }];
    const res = await call(admin, 'PUT', '/api/v1/admin/wheel', { areas: added, scale: DEFAULT_WHEEL_SCALE });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(2);
    const retired = await call(kurator, 'POST', `/api/v1/cases/${caseC}/assessments`, {
      date: today,
      perspective: { kind: 'child' },
      ratings: ratings({ ansvarstagande: 3 }),
    });
    expect(retired.status).toBe(400);
    expect(retired.body.errors[0].message).toMatch(/används inte längre/);
    const list = (await call(kurator, 'GET', `/api/v1/cases/${caseC}/assessments`)).body;
    expect(list.items.every((i: { wheelVersion: number }) => i.wheelVersion === 1)).toBe(true);
    expect(list.wheel.version).toBe(2);
  });

  it('drafts, adopts and versions the child’s plan; an adopted version is never edited', async () => {
    const created = await call(kurator, 'POST', `/api/v1/cases/${caseC}/plans`, { kind: 'barnets_plan' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const plan = created.body;
    const draft = plan.versions[0];
    expect(draft).toMatchObject({ number: 1, status: 'draft' });
    const content = {
      ...draft.content,
      childView: { strengths: 'Jag är bra på att rita.', challenges: 'Morgnarna är svåra.' },
      areas: [
        {
          areaKey: 'trygg',
          childWords: 'Jag vill ha en vuxen att gå till på rasten.',
          guardiansWillDo: 'Vi följer med till skolan på måndagar.',
          actions: [
            {
              what: 'Träffa eleven varje måndag morgon',
              ownerUnitId: kurator.me.actingUnit.id,
              ownerUserId: kurator.me.id,
              start: today,
              end: addDays(today, 90),
            },
          ],
          goals: [{ text: 'Eleven känner sig trygg på rasterna', followUpDate: addDays(today, 60) }],
        },
        { areaKey: 'utvecklas', childWords: 'Jag vill hinna med matten.', guardiansWillDo: '', actions: [], goals: [] },
      ],
    };
    const url = `/api/v1/plans/${plan.id}/versions/1`;
    const early = await call(kurator, 'PUT', url, {
      version: draft.version,
      planDate: today,
      content: { ...content, areas: [{ ...content.areas[0], goals: [{ text: 'Mål', followUpDate: addDays(today, -1) }] }] },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].message).toMatch(/före planens datum/);
    const saved = await call(kurator, 'PUT', url, { version: draft.version, planDate: today, content });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // A stale save: the saved draft comes back, nothing is overwritten.
    const stale = await call(kurator, 'PUT', url, { version: draft.version, planDate: today, content: { ...content, areas: [] } });
    expect(stale.status).toBe(409);
    expect(stale.body.current.content.areas).toHaveLength(2);

    const adopted = await call(kurator, 'POST', `${url}/adopt`, { version: saved.body.version });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body.status).toBe('adopted');
    const edit = await call(kurator, 'PUT', url, { version: adopted.body.version, planDate: today, content });
    expect(edit.status).toBe(400);
    expect(edit.body.errors[0].message).toMatch(/fastställd plan kan inte ändras/);
    // The database refuses too.
    await expect(
      server.database.ownerQuery(`update plan_versions set content = '{}'::jsonb where plan_id = $1 and number = 1`, [plan.id]),
    ).rejects.toThrow(/frozen/);

    const v2 = await call(kurator, 'POST', `/api/v1/plans/${plan.id}/versions`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ number: 2, status: 'draft' });
    const changed = {
      ...v2.body.content,
      areas: [
        {
          ...v2.body.content.areas[0],
          actions: [
            ...v2.body.content.areas[0].actions,
            { what: 'Mentor ringer hem varje fredag', ownerUnitId: null, ownerUserId: null, start: null, end: null },
          ],
        },
      ],
    };
    expect(
      (await call(kurator, 'PUT', `/api/v1/plans/${plan.id}/versions/2`, { version: v2.body.version, planDate: today, content: changed })).status,
    ).toBe(200);
    const diff = await call(kurator, 'GET', `/api/v1/plans/${plan.id}/diff?from=1&to=2`);
    const texts = diff.body.changes.map((c: { textSv: string }) => c.textSv).join('\n');
    expect(texts).toContain('Mentor ringer hem varje fredag');
    expect(texts).toMatch(/Utvecklas/);
    const events = (await call(kurator, 'GET', `/api/v1/cases/${caseC}/events`)).body.items.map((e: { text?: string }) => e.text);
    expect(events).toContain('Barnets plan version 1 fastställd.');
    // The family's version: the child's words first, then the actions; the professionals' version is marked confidential.
    const pdf = async (who: Session, url: string) => {
      const res = await server.app.inject({ method: 'GET', url, headers: who.headers() });
      return { status: res.statusCode, text: res.statusCode === 200 ? await pdfText(res.rawPayload) : '' };
    };
    const family = await pdf(kurator, `/api/v1/plans/${plan.id}/versions/1/family.pdf`);
    expect(family.status).toBe(200);
    expect(family.text).toContain('Jag vill ha en vuxen att gå till på rasten.');
    expect(family.text).toContain('träffa eleven varje måndag morgon');
    expect(family.text.indexOf('Jag vill ha en vuxen att gå till på rasten.')).toBeLessThan(family.text.indexOf('träffa eleven varje måndag morgon'));
    expect(family.text).not.toContain('Sekretess');
    const professional = await pdf(kurator, `/api/v1/plans/${plan.id}/versions/1/professional.pdf`);
    expect(professional.text).toContain('Sekretess');
    expect((await pdf(soc, `/api/v1/plans/${plan.id}/versions/1/family.pdf`)).status).toBe(404);
    // Outside the case: 404.
    expect((await call(vc, 'GET', `/api/v1/plans/${plan.id}`)).status).toBe(404);
    expect((await call(soc, 'GET', `/api/v1/plans/${plan.id}`)).status).toBe(404);
  });

  it('follows up the adopted plan: overdue in Mina uppgifter and the overview until each goal is marked', async () => {
    const plan = (await call(kurator, 'GET', `/api/v1/cases/${caseC}/plans`)).body.items.find((p: { kind: string }) => p.kind === 'barnets_plan');
    const adopted = plan.versions.find((v: { status: string }) => v.status === 'adopted');
    expect(adopted.followUpOverdue).toBe(false);
    expect(adopted.nextFollowUp).toBe(addDays(today, 60));
    server.setClockOffsetDays(61);
    try {
      const tasks = (await call(kurator, 'GET', '/api/v1/me/tasks')).body;
      expect(tasks.planFollowUps).toEqual([
        expect.objectContaining({ planId: plan.id, number: adopted.number, dueDate: addDays(today, 60), pseudonym: 'Elev C' }),
      ]);
      const overview = (await call(kurator, 'GET', '/api/v1/overview')).body;
      expect(overview.overdueFollowUps.map((o: { planId: string }) => o.planId)).toContain(plan.id);
      const url = `/api/v1/plans/${plan.id}/versions/${adopted.number}/follow-ups`;
      expect((await call(kurator, 'POST', `/api/v1/plans/${plan.id}/versions/2/follow-ups`, { outcomes: [{ outcome: 'achieved' }] })).status).toBe(
        400,
      );
      expect((await call(kurator, 'POST', url, { outcomes: [{ outcome: 'kanske' }] })).status).toBe(400);
      expect((await call(kurator, 'POST', url, { outcomes: [{ outcome: 'achieved' }, { outcome: 'not' }] })).status).toBe(400);
      const done = await call(kurator, 'POST', url, { outcomes: [{ outcome: 'partly', comment: 'Tryggare på rasterna, men inte på morgnarna.' }] });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.followUps[0].outcomes[0]).toMatchObject({ outcome: 'partly', goal: 'Eleven känner sig trygg på rasterna' });
      expect(done.body.followUpOverdue).toBe(false);
      expect((await call(kurator, 'GET', '/api/v1/me/tasks')).body.planFollowUps).toEqual([]);
      const events = (await call(kurator, 'GET', `/api/v1/cases/${caseC}/events`)).body.items.map((e: { text?: string }) => e.text);
      expect(
        events.some(
          (t: string | undefined) => t?.startsWith('Uppföljning av barnets plan version 1: 1 delvis uppnått') && t.includes('ny bedömning'),
        ),
      ).toBe(true);
    } finally {
      server.setClockOffsetDays(0);
    }
  });

  it('offers a SIP only with social services and health care, and refuses adoption until the legal elements are there', async () => {
    const list = await call(kurator, 'GET', `/api/v1/cases/${caseD}/plans`);
    expect(list.body.sipOffered).toBe(false);
    const refused = await call(kurator, 'POST', `/api/v1/cases/${caseD}/plans`, { kind: 'sip' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/socialtjänsten och hälso- och sjukvården/);

    expect((await call(kurator, 'GET', `/api/v1/cases/${caseC}/plans`)).body.sipOffered).toBe(true);
    const sip = (await call(kurator, 'POST', `/api/v1/cases/${caseC}/plans`, { kind: 'sip' })).body;
    const kommun = principals.find((p) => p.kind === 'kommun')!;
    const region = principals.find((p) => p.kind === 'region')!;
    const content = {
      ...sip.versions[0].content,
      sip: {
        supportNeeded: 'Stöd för att komma till skolan och må bättre.',
        principalContributions: [
          { principalId: kommun.id, provides: 'Kurator i skolan och föräldrastöd från socialtjänsten.' },
          { principalId: region.id, provides: 'Samtal på BUP varannan vecka.' },
        ],
        othersProvide: 'Inga.',
        overallResponsibility: null,
        participants: ['Karin Berg, kurator', 'Eleven', 'Vårdnadshavarna'],
        personConsent: { given: true, date: today },
        childParticipation: { tookPart: true, how: 'Var med på mötet och sa vad hen tycker.' },
        relativesParticipated: ['Mormor'],
        followUpDate: addDays(today, 90),
      },
    };
    const saved = await call(kurator, 'PUT', `/api/v1/plans/${sip.id}/versions/1`, { version: 1, planDate: today, content });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.missingElements.map((m: { element: number }) => m.element)).toEqual([4]);
    const notYet = await call(kurator, 'POST', `/api/v1/plans/${sip.id}/versions/1/adopt`, { version: saved.body.version });
    expect(notYet.status).toBe(400);
    expect(notYet.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/övergripande ansvar/);
    expect((await call(kurator, 'GET', `/api/v1/plans/${sip.id}`)).body.versions[0].status).toBe('draft');
    const complete = await call(kurator, 'PUT', `/api/v1/plans/${sip.id}/versions/1`, {
      version: saved.body.version,
      planDate: today,
      content: { ...content, sip: { ...content.sip, overallResponsibility: { principalId: kommun.id } } },
    });
    expect(complete.body.missingElements).toEqual([]);
    expect(complete.body.content.sip.overallResponsibility.principalName).toBe(kommun.name);
    const adopted = await call(kurator, 'POST', `/api/v1/plans/${sip.id}/versions/1/adopt`, { version: complete.body.version });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body.status).toBe('adopted');
    const sipPdf = await server.app.inject({ method: 'GET', url: `/api/v1/plans/${sip.id}/versions/1/professional.pdf`, headers: kurator.headers() });
    const sipText = await pdfText(sipPdf.rawPayload);
    for (const heading of [
      '1. Insatser som behövs',
      '2. Vad varje huvudman ansvarar för',
      '3. Vad andra än kommun och region gör',
      '4. Huvudman med det övergripande ansvaret',
    ])
      expect(sipText).toContain(heading);
    expect(sipText).toContain('Samtal på BUP varannan vecka.');
    // A principal of another tenant does not exist here.
    const other = await server.login('testkoping.kurator');
    const foreign = (await call(other, 'GET', '/api/v1/principals')).body.items[0].id;
    const v2 = (await call(kurator, 'POST', `/api/v1/plans/${sip.id}/versions`)).body;
    const bad = await call(kurator, 'PUT', `/api/v1/plans/${sip.id}/versions/2`, {
      version: v2.version,
      planDate: today,
      content: { ...v2.content, sip: { ...v2.content.sip, overallResponsibility: { principalId: foreign } } },
    });
    expect(bad.status).toBe(400);
  });
});
