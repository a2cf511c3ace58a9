import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addWorkingDays, toSwedishDate } from '@samsyn/domain';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, createChild, UNIT, unitIds, yearsAgo, type Call } from './cases-helpers.ts';

/**
 * Issue 6 §3–6: interventions and warm hand-overs, the receiving unit's inbox, the warnings,
 * the stored per-case figures and "Vilka hjälper oss?", with the bad input the issue lists.
 */
describe('interventions and hand-overs', () => {
  let server: TestServer;
  let call: Call;
  let kurator: Session;
  let soc: Session;
  let bup: Session;
  let admin: Session;
  let units: Record<string, string>;
  let caseId: string;
  let childId: string;
  let guardianIds: string[];
  let consentId: string;
  const today = toSwedishDate(new Date());

  const propose = (body: Record<string, unknown>, s = kurator) =>
    call(s, 'POST', `/api/v1/cases/${caseId}/interventions`, { type: 'foraldraskapsstod', areaKeys: ['omvardad'], ...body });
  const handover = (id: string, body: Record<string, unknown> = {}) =>
    call(kurator, 'POST', `/api/v1/interventions/${id}/handover`, {
      message: 'Familjen vill ha stöd i föräldraskapet. Eleven är ofta hemma.',
      categories: ['familj_och_hem'],
      ...body,
    });
  const list = (s = kurator) => call(s, 'GET', `/api/v1/cases/${caseId}/interventions`);
  const events = async () =>
    ((await call(kurator, 'GET', `/api/v1/cases/${caseId}/events`)).body.items as { kind: string; text: string; occurredOn: string }[]) ?? [];

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server);
    kurator = await server.login('kurator.bjork');
    soc = await server.login('soc.oppen');
    bup = await server.login('bup');
    admin = await server.login('admin');
    units = await unitIds(call, kurator);
    const created = await call(kurator, 'POST', '/api/v1/cases', { pseudonym: 'Insats 1', ageBand: '10-12', description: 'Oro hemma och i skolan.' });
    caseId = created.body.id;
    const child = await createChild(call, kurator, yearsAgo(new Date(), 11), 'Ivar');
    childId = child.id;
    guardianIds = child.guardians.map((g) => g.id);
    await call(kurator, 'POST', `/api/v1/cases/${caseId}/link-child`, { version: created.body.version, childId });
    const res = await call(kurator, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet i TSI-teamet',
      unitIds: [units[UNIT.ehBjork], units[UNIT.socOppen]],
      categories: ['skolsituation', 'familj_och_hem', 'insatser'],
      validFrom: today,
      validUntil: addDays(addMonths(today, 12), -1),
      givers: guardianIds.map((id) => ({ giver: { kind: 'guardian', guardianId: id }, answer: 'given', method: 'written', documentedAt: today })),
      maturity: null,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    consentId = res.body.consents[0].id;
  }, 60_000);
  afterAll(() => server?.stop());

  let parenting: string;

  it('proposes an intervention, requests the hand-over with only what the consent covers, and the receiver answers it', async () => {
    const p = await propose({ name: 'Föräldraskapsstöd', providerUnitId: units[UNIT.socOppen] });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({ status: 'proposed', provider: { name: UNIT.socOppen }, mayDo: ['request', 'revoke'].slice(0, 1) });
    parenting = p.body.id;
    // Before the hand-over the provider knows nothing of it.
    expect((await list(soc)).body.items.map((i: { id: string }) => i.id)).toContain(parenting); // covered by consent for insatser
    expect((await call(soc, 'GET', '/api/v1/handovers/inbox')).body.items).toHaveLength(0);

    const notCovered = await handover(parenting, { categories: ['halsa'] });
    expect(notCovered.status).toBe(400);
    expect(notCovered.body.errors[0].message).toMatch(/Samtycket omfattar inte hälsa för Socialtjänsten – öppenvården/);
    const empty = await handover(parenting, { message: '   ' });
    expect(empty.status).toBe(400);
    const fromReceiver = await call(soc, 'POST', `/api/v1/interventions/${parenting}/handover`, { message: 'x', categories: [] });
    expect(fromReceiver.status).toBe(400);
    expect((await list()).body.items[0].status).toBe('proposed');

    const h = await handover(parenting);
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    expect(h.body.status).toBe('requested');
    expect(h.body.handover).toMatchObject({ status: 'requested', answerBy: addWorkingDays(today, 3), categories: ['insatser', 'familj_och_hem'] });

    const inbox = (await call(soc, 'GET', '/api/v1/handovers/inbox')).body.items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: parenting, mayDo: ['accept', 'decline'], case: { childName: 'Ivar Testsson' } });
    expect(inbox[0].handover.message).toMatch(/stöd i föräldraskapet/);

    const declineWithoutReason = await call(soc, 'POST', `/api/v1/interventions/${parenting}/decline`, { reason: '  ' });
    expect(declineWithoutReason.status).toBe(400);
    expect(declineWithoutReason.body.errors[0].message).toMatch(/Skriv varför ni avböjer/);
    const kuratorAccepts = await call(kurator, 'POST', `/api/v1/interventions/${parenting}/accept`, {});
    expect(kuratorAccepts.status).toBe(400);
    expect(kuratorAccepts.body.errors[0].message).toMatch(/mottagande verksamheten/);
    const endEarly = await call(soc, 'POST', `/api/v1/interventions/${parenting}/end`, { endReason: 'goal_reached' });
    expect(endEarly.status).toBe(400);
    expect(endEarly.body.errors[0].message).toBe('Insatsen kan inte avslutas innan den har startat.');

    // The receiving unit's staff were told, without the child's name; the e-mail says nothing of the case.
    const socNotes = (await call(soc, 'GET', '/api/v1/me/notifications')).body.items as { kind: string; titleSv: string; link: string }[];
    const note = socNotes.find((n) => n.kind === 'handover_requested');
    expect(note).toMatchObject({ link: '/overlamningar' });
    expect(note!.titleSv).toBe(`Ny överlämning från ${UNIT.ehBjork}: svara senast ${addWorkingDays(today, 3)}`);
    const accepted = await call(soc, 'POST', `/api/v1/interventions/${parenting}/accept`, { version: h.body.version });
    const kuratorNotes = (await call(kurator, 'GET', '/api/v1/me/notifications')).body.items as { kind: string; titleSv: string; link: string }[];
    expect(kuratorNotes.find((n) => n.kind === 'handover_answered')).toMatchObject({
      titleSv: `${UNIT.socOppen} har tagit emot överlämningen av ”Föräldraskapsstöd”`,
      link: `/arenden/${caseId}?flik=insatser`,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedOn: today, mayDo: ['start'] });
    const stale = await call(soc, 'POST', `/api/v1/interventions/${parenting}/start`, { version: h.body.version });
    expect(stale.status).toBe(409);
    const future = await call(soc, 'POST', `/api/v1/interventions/${parenting}/start`, { on: addDays(today, 2) });
    expect(future.status).toBe(400);
    const started = await call(soc, 'POST', `/api/v1/interventions/${parenting}/start`, { on: today });
    expect(started.body).toMatchObject({ status: 'started', startedOn: today, mayDo: ['end'] });
  });

  it('refuses accepting a revoked hand-over, and hand-overs to another tenant’s or a deactivated unit', async () => {
    const p = await propose({ name: 'Familjebehandling', type: 'familjebehandling', areaKeys: ['trygg'], providerUnitId: units[UNIT.socOppen] });
    await handover(p.body.id);
    const revoked = await call(kurator, 'POST', `/api/v1/interventions/${p.body.id}/revoke`, { reason: 'Familjen vill vänta.' });
    expect(revoked.body.status).toBe('revoked');
    const accept = await call(soc, 'POST', `/api/v1/interventions/${p.body.id}/accept`, {});
    expect(accept.status).toBe(400);
    expect(accept.body.errors[0].message).toMatch(/återkallad/);
    expect((await list()).body.items.find((i: { id: string }) => i.id === p.body.id).status).toBe('revoked');

    const other = await server.login('testkoping.kurator');
    const foreign = await propose({ name: 'Stöd', providerUnitId: other.me.actingUnit.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({ field: 'providerUnitId', message: 'Verksamheten finns inte i er organisation.' });

    // A unit deactivated after the proposal: the hand-over is refused and nothing changes.
    const principals = (await call(admin, 'GET', '/api/v1/principals')).body.items as { id: string; kind: string }[];
    const unit = await call(admin, 'POST', '/api/v1/admin/units', {
      name: 'Familjecentralen Exempelby',
      type: 'socialtjanst',
      principalId: principals.find((x) => x.kind === 'kommun')!.id,
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const q = await propose({ name: 'Öppen förskola', providerUnitId: unit.body.id });
    expect(q.status, JSON.stringify(q.body)).toBe(201);
    const off = await call(admin, 'PATCH', `/api/v1/admin/units/${unit.body.id}`, { version: unit.body.version, active: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const refused = await handover(q.body.id);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/inte längre aktiv/);
    expect((await list()).body.items.find((i: { id: string }) => i.id === q.body.id).status).toBe('proposed');
    const again = await propose({ name: 'Öppen förskola', providerUnitId: unit.body.id });
    expect(again.status).toBe(400);
    // A unit the consent does not name.
    const toBup = await propose({ name: 'Bedömning', type: 'psykologisk_behandling', areaKeys: ['ma_bra'], providerUnitId: units[UNIT.bup] });
    const noConsent = await handover(toBup.body.id, { categories: [] });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors[0].message).toMatch(/Inget aktivt samtycke omfattar BUP Region Exempel för insatser/);
    await call(kurator, 'POST', `/api/v1/interventions/${toBup.body.id}/revoke`, {});
  });

  it('warns of parallel interventions from different units and of plan actions nobody owns', async () => {
    const own = await propose({ name: 'Föräldraträff i elevhälsan', providerUnitId: units[UNIT.ehBjork] });
    expect(own.body.mayDo).toContain('start');
    const started = await call(kurator, 'POST', `/api/v1/interventions/${own.body.id}/start`, {});
    expect(started.body.status, JSON.stringify(started.body)).toBe('started');
    const warnings = (await list()).body.warnings as { kind: string; interventionIds: string[]; message: string }[];
    const parallel = warnings.find((w) => w.kind === 'parallel' && w.interventionIds.includes(own.body.id));
    expect(parallel?.message).toMatch(/Parallella insatser för samma slags stöd \(föräldraskapsstöd\)/);
    expect(parallel?.interventionIds).toContain(parenting);
    // The same warning reaches both units' "mina uppgifter".
    for (const s of [kurator, soc]) {
      const mine = (await call(s, 'GET', '/api/v1/me/intervention-warnings')).body.items as { caseId: string; warning: { kind: string } }[];
      expect(mine.some((m) => m.caseId === caseId && m.warning.kind === 'parallel')).toBe(true);
    }
    expect((await call(bup, 'GET', '/api/v1/me/intervention-warnings')).body.items).toHaveLength(0);

    const plan = (await call(kurator, 'POST', `/api/v1/cases/${caseId}/plans`, { kind: 'barnets_plan' })).body;
    const v = plan.versions[0];
    const action = { id: 'a1', what: 'Hitta en fritidsaktivitet', ownerUnitId: null, ownerUserId: null, start: null, end: null };
    const saved = await call(kurator, 'PUT', `/api/v1/plans/${plan.id}/versions/1`, {
      version: v.version,
      planDate: today,
      content: {
        ...v.content,
        areas: [{ areaKey: 'aktiv', childWords: 'Jag vill spela fotboll.', guardiansWillDo: '', actions: [action], goals: [] }],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const unowned = (await list()).body.warnings.find((w: { kind: string }) => w.kind === 'plan_action_unowned');
    expect(unowned?.message).toMatch(/”Hitta en fritidsaktivitet” \(Aktiv\) har varken en ansvarig eller en insats/);
    const fromPlan = await propose({
      name: 'Fritidsgården',
      type: 'fritid',
      areaKeys: ['aktiv'],
      providerUnitId: units[UNIT.fritid],
      plan: { planId: plan.id, actionKey: 'a1' },
    });
    expect(fromPlan.status, JSON.stringify(fromPlan.body)).toBe(201);
    expect(fromPlan.body.source).toBe('plan_action');
    expect((await list()).body.warnings.some((w: { kind: string }) => w.kind === 'plan_action_unowned')).toBe(false);
    const badAction = await propose({ name: 'X', providerUnitId: units[UNIT.fritid], plan: { planId: plan.id, actionKey: 'nope' } });
    expect(badAction.status).toBe(400);
  });

  it('warns when a hand-over is not answered in time and when an accepted intervention has not started', async () => {
    const p = await propose({ name: 'Samtalsstöd', type: 'samtalsstod', areaKeys: ['ma_bra'], providerUnitId: units[UNIT.socOppen] });
    await handover(p.body.id);
    const q = await propose({ name: 'Kontaktfamilj', type: 'kontaktperson', areaKeys: ['respekterad'], providerUnitId: units[UNIT.socOppen] });
    await handover(q.body.id);
    await call(soc, 'POST', `/api/v1/interventions/${q.body.id}/accept`, {});
    server.setClockOffsetDays(20);
    try {
      const warnings = (await list()).body.warnings as { kind: string; interventionIds: string[]; message: string }[];
      expect(warnings.find((w) => w.kind === 'handover_unanswered' && w.interventionIds[0] === p.body.id)?.message).toMatch(
        /skulle ha besvarats senast/,
      );
      expect(warnings.find((w) => w.kind === 'accepted_not_started' && w.interventionIds[0] === q.body.id)?.message).toMatch(
        /har inte startat inom 14 dagar/,
      );
      const mine = (await call(soc, 'GET', '/api/v1/me/intervention-warnings')).body.items as { warning: { kind: string } }[];
      expect(mine.map((m) => m.warning.kind)).toEqual(expect.arrayContaining(['handover_unanswered', 'accepted_not_started']));
      expect((await call(soc, 'GET', '/api/v1/handovers/inbox')).body.items.find((i: { id: string }) => i.id === p.body.id).handover.overdue).toBe(
        true,
      );
    } finally {
      server.setClockOffsetDays(0);
    }
    await call(kurator, 'POST', `/api/v1/interventions/${p.body.id}/revoke`, {});
    await call(kurator, 'POST', `/api/v1/interventions/${q.body.id}/revoke`, {});
  });

  it('ends with a reason from the list; the chronology, the stored figures and "Vilka hjälper oss?" follow every step', async () => {
    const helpers = (await call(kurator, 'GET', `/api/v1/cases/${caseId}/helpers`)).body;
    expect(helpers.interventions.map((i: { name: string; unit: string }) => `${i.name} – ${i.unit}`)).toContain(
      'Föräldraskapsstöd – ' + UNIT.socOppen,
    );

    const noReason = await call(soc, 'POST', `/api/v1/interventions/${parenting}/end`, { endReason: 'other' });
    expect(noReason.status).toBe(400);
    const before = await call(soc, 'POST', `/api/v1/interventions/${parenting}/end`, { endReason: 'goal_reached', on: addDays(today, -1) });
    expect(before.status).toBe(400);
    expect(before.body.errors[0].message).toMatch(/före startdagen/);
    const badReason = await call(soc, 'POST', `/api/v1/interventions/${parenting}/end`, { endReason: 'tired' });
    expect(badReason.status).toBe(400);
    const ended = await call(soc, 'POST', `/api/v1/interventions/${parenting}/end`, { endReason: 'goal_reached' });
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: today, endReasonLabel: 'Målet är nått' });

    const kinds = (await events()).map((e) => e.kind);
    for (const k of ['intervention_proposed', 'intervention_requested', 'intervention_accepted', 'intervention_started', 'intervention_ended'])
      expect(kinds, k).toContain(k);
    const texts = (await events()).map((e) => e.text).join('\n');
    expect(texts).toMatch(/Socialtjänsten – öppenvården tog emot överlämningen av ”Föräldraskapsstöd”/);
    expect(texts).toMatch(/”Föräldraskapsstöd” hos Socialtjänsten – öppenvården avslutades: målet är nått/);

    const figures = (await list()).body.figures;
    expect(figures).toMatchObject({
      signalOn: today,
      firstAcceptedHandoverOn: today,
      daysToFirstAcceptedHandover: 0,
      firstStartedOn: today,
      daysToFirstStarted: 0,
      endReasons: { goal_reached: 1, family_ended: 0, moved: 0, replaced: 0, other: 0 },
    });
    // Stored, not computed on read: the row is there for later group statistics.
    const stored = await server.database.ownerQuery(`select days_to_first_accepted_handover as d, end_reasons from case_figures where case_id = $1`, [
      caseId,
    ]);
    expect(Number(stored.rows[0]?.d)).toBe(0);
  });

  it('hides what a hand-over carries from the receiver once the consent is withdrawn, but keeps its status', async () => {
    const p = await propose({ name: 'Stödsamtal', type: 'samtalsstod', areaKeys: ['ma_bra'], providerUnitId: units[UNIT.socOppen] });
    await handover(p.body.id, { message: 'Hemligt innehåll om familjen.' });
    const consents = (await call(kurator, 'GET', `/api/v1/cases/${caseId}`)).body.consents as { id: string; version: number }[];
    const k = consents.find((c) => c.id === consentId)!;
    const w = await call(kurator, 'POST', `/api/v1/cases/${caseId}/consents/${k.id}/withdraw`, {
      version: k.version,
      giver: { kind: 'guardian', guardianId: guardianIds[0] },
      method: 'digital',
      documentedAt: today,
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    const inbox = (await call(soc, 'GET', '/api/v1/handovers/inbox')).body.items.find((i: { id: string }) => i.id === p.body.id);
    expect(inbox.handover).toMatchObject({ status: 'requested', message: null, messageHidden: true });
    expect(inbox.case.childName).toBeNull();
    expect(JSON.stringify(inbox)).not.toContain('Hemligt innehåll');
    const accept = await call(soc, 'POST', `/api/v1/interventions/${p.body.id}/accept`, {});
    expect(accept.status).toBe(400);
    expect(accept.body.errors[0].message).toMatch(/Samtycket omfattar inte längre er verksamhet/);
    // The sender still sees what it sent.
    expect((await list()).body.items.find((i: { id: string }) => i.id === p.body.id).handover.message).toBe('Hemligt innehåll om familjen.');
  });

  it('uses the organisation’s deadline for answering hand-overs; a bad value changes nothing', async () => {
    const put = (body: Record<string, unknown>) => call(admin, 'PUT', '/api/v1/admin/meeting-policy', { feedbackWorkingDays: 5, ...body });
    expect((await put({ handoverAnswerWorkingDays: 0 })).status).toBe(400);
    expect((await put({ startWithinDays: 91 })).status).toBe(400);
    expect((await call(admin, 'GET', '/api/v1/admin/meeting-policy')).body).toMatchObject({ handoverAnswerWorkingDays: 3, startWithinDays: 14 });
    expect((await put({ handoverAnswerWorkingDays: 5, startWithinDays: 7 })).body).toMatchObject({
      handoverAnswerWorkingDays: 5,
      startWithinDays: 7,
    });
    try {
      const k = await call(kurator, 'POST', `/api/v1/cases/${caseId}/consents`, {
        purposeCategory: 'samordning_tsi_team',
        purposeText: 'Samordna stödet i TSI-teamet',
        unitIds: [units[UNIT.ehBjork], units[UNIT.socOppen]],
        categories: ['insatser'],
        validFrom: today,
        validUntil: addDays(today, 60),
        givers: guardianIds.map((id) => ({ giver: { kind: 'guardian', guardianId: id }, answer: 'given', method: 'written', documentedAt: today })),
        maturity: null,
      });
      expect(k.status, JSON.stringify(k.body)).toBe(201);
      const p = await propose({ name: 'Samtalsstöd', type: 'samtalsstod', areaKeys: ['ma_bra'], providerUnitId: units[UNIT.socOppen] });
      const h = await handover(p.body.id, { categories: [] });
      expect(h.status, JSON.stringify(h.body)).toBe(200);
      expect(h.body.handover.answerBy).toBe(addWorkingDays(today, 5));
    } finally {
      await put({ handoverAnswerWorkingDays: 3, startWithinDays: 14 });
    }
  });
});
