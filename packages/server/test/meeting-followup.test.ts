import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isNonWorkingDay, isoWeekday, swedishPublicHolidays, toSwedishDate } from '@samsyn/domain';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, UNIT, unitIds, type Call } from './cases-helpers.ts';
import { familyDecisionSentence } from '../src/pdf/minutes.ts';
import { pdfText } from './pdf-text.ts';
import { remindFeedbackDue } from '../src/access/index.ts';

/**
 * Meetings issue §3, §5, §8: the child's and guardians' voice, the family's part, the feedback
 * task due in N working days (holidays skipped), the samordnare's follow-up and team statistics.
 */
describe('voice, feedback and follow-up', () => {
  let server: TestServer;
  let call: Call;
  let samordnare: Session;
  let kurator: Session;
  let soc: Session;
  let vc: Session;
  let polis: Session;
  let teamId: string;
  let units: Record<string, string>;
  let meetingId: string;
  let meetingDate: string;
  let caseItemId: string;
  let topicItemId: string;
  let holiday: string;
  const today = toSwedishDate(new Date());

  /** The next weekday public holiday at least two weeks away, and a meeting two working days before it. */
  function meetingBeforeHoliday() {
    const year = Number(today.slice(0, 4));
    const candidates = [...swedishPublicHolidays(year), ...swedishPublicHolidays(year + 1)]
      .map((h) => h.date)
      .filter((d) => d >= addDays(today, 14) && isoWeekday(d) <= 5 && d <= addDays(today, 300))
      .sort();
    for (const h of candidates) {
      let d = addDays(h, -1);
      let left = 2;
      while (left > 0) {
        if (!isNonWorkingDay(d)) left -= 1;
        if (left > 0) d = addDays(d, -1);
      }
      if (!isNonWorkingDay(d)) return { meeting: d, holiday: h };
    }
    throw new Error('no holiday found');
  }

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server);
    samordnare = await server.login('samordnare.f6');
    kurator = await server.login('kurator.bjork');
    soc = await server.login('soc.oppen');
    vc = await server.login('vc');
    polis = await server.login('polis');
    units = await unitIds(call, samordnare);
    const mine = await call(samordnare, 'GET', '/api/v1/teams/mine');
    teamId = mine.body.items.find((t: { name: string }) => t.name.startsWith('TSI-team F–6')).id;
    const plan = meetingBeforeHoliday();
    meetingDate = plan.meeting;
    holiday = plan.holiday;
    const series = await call(samordnare, 'POST', `/api/v1/teams/${teamId}/meeting-series`, {
      startDate: meetingDate,
      untilDate: meetingDate,
      intervalWeeks: 1,
      weekday: isoWeekday(meetingDate),
      startTime: '13:00',
      endTime: '14:30',
    });
    expect(series.status, JSON.stringify(series.body)).toBe(201);
    meetingId = series.body.meetings[0].id;
    const cases = (await call(samordnare, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    const elevC = cases.find((c) => c.pseudonym === 'Elev C')!.id;
    const agenda = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
      kind: 'case',
      caseId: elevC,
      invitedUnitIds: [units[UNIT.socOppen], units['Vårdcentralen Exempelby']],
    });
    expect(agenda.status, JSON.stringify(agenda.body)).toBe(201);
    const topic = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
      kind: 'topic',
      title: 'Problematisk frånvaro i åk 5',
      invitedUnitIds: [units[UNIT.ehBjork]],
    });
    caseItemId = agenda.body.items.find((i: { kind: string }) => i.kind === 'case').id;
    topicItemId = topic.body.items.find((i: { kind: string }) => i.kind === 'topic').id;
  }, 60_000);
  afterAll(() => server?.stop());

  it('records the child’s and guardians’ own words and the family’s part; consent decides who sees them', async () => {
    const url = `/api/v1/agenda-items/${caseItemId}/voice`;
    const saved = await call(kurator, 'PUT', url, {
      version: 0,
      childWords: 'Jag vill ha lugn på rasterna.',
      guardianWords: 'Vi vill veta vem vi kan ringa.',
      familyStatus: 'invited',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ familyStatus: 'invited', version: 1, updatedByName: 'Karin Berg' });
    // A second writer from the same starting point gets the saved text back; nothing is overwritten.
    const stale = await call(samordnare, 'PUT', url, { version: 0, childWords: 'Annat', familyStatus: 'accepted' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.childWords).toBe('Jag vill ha lugn på rasterna.');
    const accepted = await call(samordnare, 'PUT', url, { ...saved.body, version: 1, familyStatus: 'accepted', unit: undefined });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(400); // strict body: unknown fields are refused
    const ok = await call(samordnare, 'PUT', url, {
      version: 1,
      childWords: saved.body.childWords,
      guardianWords: saved.body.guardianWords,
      familyStatus: 'accepted',
    });
    expect(ok.body).toMatchObject({ familyStatus: 'accepted', version: 2 });
    // "Attended" cannot be recorded before the meeting is held; a topic has no family voice.
    const early = await call(samordnare, 'PUT', url, { version: 2, childWords: 'x', familyStatus: 'attended' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].message).toMatch(/inte har hållits/);
    expect((await call(samordnare, 'PUT', `/api/v1/agenda-items/${topicItemId}/voice`, { version: 0, familyStatus: 'invited' })).status).toBe(400);
    // Social services is covered by the consent: it sees the words. The health centre is not: it sees nothing.
    const covers = async (who: Session) =>
      ((await call(who, 'GET', `/api/v1/meetings/${meetingId}/agenda`)).body.items as { id: string; readerCovered: boolean | null }[]).find(
        (i) => i.id === caseItemId,
      )!.readerCovered;
    expect([await covers(samordnare), await covers(soc), await covers(vc), await covers(await server.login('bup'))]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    const socVoices = await call(soc, 'GET', `/api/v1/meetings/${meetingId}/voices`);
    expect(socVoices.body.items.map((v: { childWords: string }) => v.childWords)).toEqual(['Jag vill ha lugn på rasterna.']);
    const vcVoices = await call(vc, 'GET', `/api/v1/meetings/${meetingId}/voices`);
    expect(vcVoices.status).toBe(200);
    expect(vcVoices.body.items).toEqual([]);
    expect((await call(vc, 'PUT', url, { version: 2, childWords: 'Skrivet av vårdcentralen', familyStatus: 'invited' })).status).toBe(404);
    expect((await call(polis, 'GET', `/api/v1/meetings/${meetingId}/voices`)).status).toBe(404);
    const after = await call(samordnare, 'GET', `/api/v1/meetings/${meetingId}/voices`);
    expect(after.body.items[0]).toMatchObject({ version: 2, familyStatus: 'accepted' });
  });

  it('carries documents and links from the case on an item; the consent decides who sees them', async () => {
    const url = `/api/v1/agenda-items/${caseItemId}/attachments`;
    const link = await call(samordnare, 'POST', url, { kind: 'link', label: 'Skolans handlingsplan', url: 'https://skolan.example/plan' });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    for (const bad of ['javascript:alert(1)', 'http://skolan.example', '//evil.example', 'https://user:pw@skolan.example'])
      expect((await call(samordnare, 'POST', url, { kind: 'link', label: 'Plan', url: bad })).status, bad).toBe(400);
    // The case's own unit may add; a covered unit that is not the samordnare may not; an uncovered unit gets 404.
    expect((await call(kurator, 'POST', url, { kind: 'link', label: 'Elevens schema', url: '/arenden' })).status).toBe(201);
    const bySoc = await call(soc, 'POST', url, { kind: 'link', label: 'Socialtjänstens plan', url: 'https://soc.example' });
    expect(bySoc.status).toBe(400);
    expect(bySoc.body.errors[0].message).toMatch(/Bara samordnaren/);
    expect((await call(vc, 'POST', url, { kind: 'link', label: 'Vårdcentralen', url: 'https://vc.example' })).status).toBe(404);
    // A chronology entry of the case, and one of another case (refused).
    const caseId = (await call(samordnare, 'GET', '/api/v1/cases')).body.items.find((c: { pseudonym: string }) => c.pseudonym === 'Elev C').id;
    const events = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items as { id: string; hidden: boolean; text?: string }[];
    const visible = events.find((e) => !e.hidden && e.text)!;
    const ref = await call(samordnare, 'POST', url, { kind: 'case_event', caseEventId: visible.id });
    expect(ref.status, JSON.stringify(ref.body)).toBe(201);
    expect(ref.body.caseEvent).toMatchObject({ id: visible.id, text: visible.text, hidden: false });
    const otherCase = (await call(samordnare, 'GET', '/api/v1/cases')).body.items.find((c: { pseudonym: string }) => c.pseudonym === 'Elev A').id;
    const otherEvent = (await call(samordnare, 'GET', `/api/v1/cases/${otherCase}/events`)).body.items[0];
    expect((await call(samordnare, 'POST', url, { kind: 'case_event', caseEventId: otherEvent.id })).status).toBe(400);
    // A general topic: no identifying data in a label.
    const topicUrl = `/api/v1/agenda-items/${topicItemId}/attachments`;
    expect((await call(samordnare, 'POST', topicUrl, { kind: 'link', label: 'Om 20140312-9834', url: 'https://skolverket.example' })).status).toBe(
      400,
    );
    expect(
      (await call(samordnare, 'POST', topicUrl, { kind: 'link', label: 'Skolverkets stöd om frånvaro', url: 'https://skolverket.example' })).status,
    ).toBe(201);
    // An anonymous consultation is discussed de-identified: its links are for every invited member.
    const anon = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
      kind: 'anonymous',
      caseId: otherCase,
      invitedUnitIds: [units[UNIT.socOppen]],
    });
    const anonItem = anon.body.items.find((i: { kind: string }) => i.kind === 'anonymous');
    expect(
      (
        await call(samordnare, 'POST', `/api/v1/agenda-items/${anonItem.id}/attachments`, {
          kind: 'link',
          label: 'Stödmaterial om frånvaro',
          url: 'https://stod.example',
        })
      ).status,
    ).toBe(201);
    // Who sees what.
    const labels = async (who: Session) =>
      ((await call(who, 'GET', `/api/v1/meetings/${meetingId}/attachments`)).body.items as { label: string }[]).map((a) => a.label);
    expect(await labels(soc)).toEqual(expect.arrayContaining(['Skolans handlingsplan', 'Skolverkets stöd om frånvaro']));
    expect(await labels(vc)).toEqual(['Skolverkets stöd om frånvaro', 'Stödmaterial om frånvaro']);
    expect((await call(polis, 'GET', `/api/v1/meetings/${meetingId}/attachments`)).status).toBe(404);
    // Removing: not by another unit; by the samordnare.
    expect((await call(soc, 'DELETE', `/api/v1/agenda-item-attachments/${link.body.id}`)).status).toBe(400);
    expect((await call(samordnare, 'DELETE', `/api/v1/agenda-item-attachments/${link.body.id}`)).status).toBe(204);
    expect(await labels(samordnare)).not.toContain('Skolans handlingsplan');
  });

  it('names who gives the family feedback, due in 5 working days with the public holiday skipped', async () => {
    const me = kurator.me;
    const url = `/api/v1/agenda-items/${caseItemId}/feedback-task`;
    // Bad input first: an owner who does not work in the unit, a unit not covered by the consent.
    const wrongUnit = await call(samordnare, 'POST', url, { ownerUserId: me.id, ownerUnitId: units[UNIT.socOppen] });
    expect(wrongUnit.status).toBe(400);
    const vcMe = vc.me;
    const notCovered = await call(samordnare, 'POST', url, { ownerUserId: vcMe.id, ownerUnitId: vcMe.actingUnit.id });
    expect(notCovered.status).toBe(400);
    expect(notCovered.body.errors[0].message).toMatch(/omfattas inte av samtycket/);
    expect(
      (await call(samordnare, 'POST', `/api/v1/agenda-items/${topicItemId}/feedback-task`, { ownerUserId: me.id, ownerUnitId: me.actingUnit.id }))
        .status,
    ).toBe(400);

    const created = await call(samordnare, 'POST', url, { ownerUserId: me.id, ownerUnitId: me.actingUnit.id });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Count five working days by hand, with weekends only: the holiday pushes the due date one day later.
    let weekendsOnly = meetingDate;
    for (let left = 5; left > 0;) {
      weekendsOnly = addDays(weekendsOnly, 1);
      if (isoWeekday(weekendsOnly) <= 5) left -= 1;
    }
    expect(holiday > meetingDate && holiday <= weekendsOnly).toBe(true);
    expect(created.body.dueDate > weekendsOnly).toBe(true);
    expect(created.body).toMatchObject({ status: 'open', owner: { name: 'Karin Berg' }, meetingDate });
    expect((await call(samordnare, 'POST', url, { ownerUserId: me.id, ownerUnitId: me.actingUnit.id })).status).toBe(400);

    // Mina uppgifter, the samordnare's overview and the case chronology.
    const tasks = await call(kurator, 'GET', '/api/v1/me/tasks');
    expect(tasks.body.feedbackTasks.map((t: { id: string }) => t.id)).toEqual([created.body.id]);
    const caseId = created.body.caseId;
    const events = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items as { text?: string }[];
    expect(events.some((e) => e.text?.startsWith('Återkoppling till barnet och vårdnadshavarna efter mötet'))).toBe(true);
    // Social services is covered for skolsituation/familj/hälsa, not insatser: it does not see the task.
    expect((await call(soc, 'GET', `/api/v1/meetings/${meetingId}/feedback-tasks`)).body.items).toEqual([]);

    // Only the owner closes it, with a note.
    const byOther = await call(samordnare, 'POST', `/api/v1/feedback-tasks/${created.body.id}/done`, { version: 1, note: 'Ringde familjen.' });
    expect(byOther.status).toBe(400);
    expect((await call(kurator, 'POST', `/api/v1/feedback-tasks/${created.body.id}/done`, { version: 1, note: '' })).status).toBe(400);
    expect((await call(kurator, 'POST', `/api/v1/feedback-tasks/${created.body.id}/done`, { version: 7, note: 'Ringde.' })).status).toBe(409);
    const done = await call(kurator, 'POST', `/api/v1/feedback-tasks/${created.body.id}/done`, {
      version: 1,
      note: 'Ringde mamman, hon var nöjd med förslaget.',
    });
    expect(done.body).toMatchObject({ status: 'done', onTime: true, doneOn: today });
    expect((await call(kurator, 'GET', '/api/v1/me/tasks')).body.feedbackTasks).toEqual([]);
    const events2 = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items as { text?: string }[];
    expect(events2.map((e) => e.text)).toContain('Återkoppling till familjen gjord: Ringde mamman, hon var nöjd med förslaget.');
  });

  it('prints the minutes: the team’s version by consent, the family’s version in plain Swedish', async () => {
    const what = 'Kurator träffar eleven varje vecka';
    const decision = await call(kurator, 'POST', `/api/v1/agenda-items/${caseItemId}/decisions`, {
      what,
      ownerUserId: kurator.me.id,
      ownerUnitId: kurator.me.actingUnit.id,
      dueDate: addDays(meetingDate, 14),
      supportTarget: 'barn',
    });
    expect(decision.status).toBe(201);
    await call(kurator, 'PUT', `/api/v1/agenda-items/${caseItemId}/note`, { version: 0, text: 'Eleven har börjat komma till första lektionen.' });
    const pdf = async (s: Session, url: string) => {
      const res = await server.app.inject({ method: 'GET', url, headers: s.headers() });
      return { status: res.statusCode, type: res.headers['content-type'], text: res.statusCode === 200 ? await pdfText(res.rawPayload) : '' };
    };
    const family = await pdf(kurator, `/api/v1/agenda-items/${caseItemId}/family-minutes.pdf`);
    expect(family.status).toBe(200);
    expect(family.type).toBe('application/pdf');
    expect(family.text).toContain('Jag vill ha lugn på rasterna.');
    expect(family.text).toContain(
      familyDecisionSentence({
        what,
        ownerName: 'Karin Berg',
        ownerUnitName: UNIT.ehBjork,
        dueDate: addDays(meetingDate, 14),
        supportTarget: 'barn',
        followUpDate: null,
        status: 'open',
        nobodysJob: false,
      }),
    );
    // The family's version holds no internal notes.
    expect(family.text).not.toContain('första lektionen');
    // The health centre is not covered by the consent: no family version, and the team's version de-identifies the item.
    expect((await pdf(vc, `/api/v1/agenda-items/${caseItemId}/family-minutes.pdf`)).status).toBe(404);
    const vcTeam = await pdf(vc, `/api/v1/meetings/${meetingId}/minutes.pdf`);
    expect(vcTeam.status).toBe(200);
    expect(vcTeam.text).toContain('avidentifierad');
    expect(vcTeam.text).not.toContain('lugn på rasterna');
    expect(vcTeam.text).not.toContain(what);
    expect(vcTeam.text).toContain('Problematisk frånvaro i åk 5');
    const own = await pdf(samordnare, `/api/v1/meetings/${meetingId}/minutes.pdf`);
    expect(own.text).toContain('Jag vill ha lugn på rasterna.');
    expect(own.text).toContain('första lektionen');
    expect(own.text).toContain(what);
    expect((await pdf(polis, `/api/v1/meetings/${meetingId}/minutes.pdf`)).status).toBe(404);
    // Closing the decision is entered in the case chronology.
    const closed = await call(kurator, 'POST', `/api/v1/decisions/${decision.body.id}/close`, {
      version: decision.body.version,
      note: 'Görs varje måndag.',
    });
    expect(closed.status).toBe(200);
    const caseId = (await call(samordnare, 'GET', '/api/v1/cases')).body.items.find((c: { pseudonym: string }) => c.pseudonym === 'Elev C').id;
    const texts = ((await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items as { text?: string }[]).map((e) => e.text);
    expect(texts).toContain(`Beslut avslutat: ${what} – Görs varje måndag.`);
    const log = await call(await server.login('logg'), 'GET', '/api/v1/audit-log?username=kurator.bjork&limit=200');
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(JSON.stringify(log.body)).toContain('family_minutes');
  });

  it('uses the tenant’s number of working days, set by the admin', async () => {
    const admin = await server.login('admin');
    expect((await call(admin, 'GET', '/api/v1/admin/meeting-policy')).body).toEqual({
      feedbackWorkingDays: 5,
      handoverAnswerWorkingDays: 3,
      startWithinDays: 14,
    });
    expect((await call(admin, 'PUT', '/api/v1/admin/meeting-policy', { feedbackWorkingDays: 0 })).status).toBe(400);
    expect((await call(admin, 'PUT', '/api/v1/admin/meeting-policy', { feedbackWorkingDays: 2.5 })).status).toBe(400);
    expect((await call(samordnare, 'PUT', '/api/v1/admin/meeting-policy', { feedbackWorkingDays: 3 })).status).toBe(404);
    expect((await call(admin, 'PUT', '/api/v1/admin/meeting-policy', { feedbackWorkingDays: 10 })).body).toEqual({
      feedbackWorkingDays: 10,
      handoverAnswerWorkingDays: 3,
      startWithinDays: 14,
    });
    // A second case item in the same meeting now gets 10 working days.
    const cases = (await call(samordnare, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    const agenda = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
      kind: 'case',
      caseId: cases.find((c) => c.pseudonym === 'Elev D')!.id,
      invitedUnitIds: [units[UNIT.ehBjork]],
    });
    const item = agenda.body.items.find((i: { title: string }) => i.title === 'Elev D');
    const me = kurator.me;
    const task = await call(samordnare, 'POST', `/api/v1/agenda-items/${item.id}/feedback-task`, {
      ownerUserId: me.id,
      ownerUnitId: me.actingUnit.id,
    });
    let expected = meetingDate;
    for (let left = 10; left > 0;) {
      expected = addDays(expected, 1);
      if (!isNonWorkingDay(expected)) left -= 1;
    }
    expect(task.body.dueDate).toBe(expected);
    await call(admin, 'PUT', '/api/v1/admin/meeting-policy', { feedbackWorkingDays: 5 });
  });

  it('shows the samordnare what is overdue, due this week and nobody’s job', async () => {
    const soon = addDays(today, 7 - isoWeekday(today));
    const owned = await call(kurator, 'POST', `/api/v1/agenda-items/${topicItemId}/decisions`, {
      what: 'Kartlägg frånvaron i åk 5',
      ownerUserId: kurator.me.id,
      ownerUnitId: kurator.me.actingUnit.id,
      dueDate: soon,
      supportTarget: 'personal',
    });
    expect(owned.status).toBe(201);
    const orphan = await call(kurator, 'POST', `/api/v1/agenda-items/${topicItemId}/decisions`, {
      what: 'Prata med föräldraföreningen',
      supportTarget: 'vardnadshavare',
    });
    expect(orphan.body.nobodysJob).toBe(true);
    const res = await call(samordnare, 'GET', `/api/v1/teams/${teamId}/follow-up`);
    expect(res.status).toBe(200);
    expect(res.body.dueThisWeek.map((e: { id: string }) => e.id)).toContain(owned.body.id);
    expect(res.body.withoutOwner.map((e: { id: string }) => e.id)).toContain(orphan.body.id);
    expect(res.body.overdue).toEqual([]);
    // Two weeks later the decision is overdue.
    server.setClockOffsetDays(14);
    const later = await call(samordnare, 'GET', `/api/v1/teams/${teamId}/follow-up`);
    expect(later.body.overdue.map((e: { id: string }) => e.id)).toContain(owned.body.id);
    server.setClockOffsetDays(0);
    expect((await call(kurator, 'GET', `/api/v1/teams/${teamId}/follow-up`)).status).toBe(404);
    expect((await call(polis, 'GET', `/api/v1/teams/${teamId}/follow-up`)).status).toBe(404);
  });

  it('team statistics per term show small counts as "<5" and never send them', async () => {
    const term = `${Number(meetingDate.slice(5, 7)) <= 6 ? 'VT' : 'HT'}${meetingDate.slice(0, 4)}`;
    const res = await call(samordnare, 'GET', `/api/v1/teams/${teamId}/statistics?term=${term}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.case).toEqual({ value: null, display: '<5' });
    expect(res.body.meetings.upcoming).toEqual({ value: null, display: '<5' });
    expect(JSON.stringify(res.body)).not.toMatch(/"value":[0-4]\b/);
    // A chef of a member unit sees the aggregates; a chef of another unit and a member do not.
    const chef = await server.login('chef.soc');
    const access = async (who: Session) =>
      ((await call(who, 'GET', '/api/v1/teams/statistics-access')).body.items as { id: string }[]).map((t) => t.id);
    expect(await access(chef)).toContain(teamId);
    expect(await access(samordnare)).toContain(teamId);
    expect(await access(kurator)).toEqual([]);
    expect(await access(await server.login('rektor.bjork'))).toEqual([]);
    expect((await call(chef, 'GET', `/api/v1/teams/${teamId}/statistics?term=${term}`)).status).toBe(200);
    expect((await call(await server.login('rektor.bjork'), 'GET', `/api/v1/teams/${teamId}/statistics?term=${term}`)).status).toBe(404);
    expect((await call(kurator, 'GET', `/api/v1/teams/${teamId}/statistics?term=${term}`)).status).toBe(404);
    const bad = await call(samordnare, 'GET', `/api/v1/teams/${teamId}/statistics?term=2026`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/HT2026/);
    // Five or more is shown: create five general topics on the meeting.
    for (let i = 0; i < 5; i++)
      await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
        kind: 'topic',
        title: `Allmän fråga ${i + 1}`,
        invitedUnitIds: [units[UNIT.ehBjork]],
      });
    const more = await call(samordnare, 'GET', `/api/v1/teams/${teamId}/statistics?term=${term}`);
    expect(more.body.items.topic).toEqual({ value: 6, display: '6' });
  });

  it('refuses an invitee or an owner from another tenant and changes nothing', async () => {
    const other = await server.login('testkoping.kurator');
    const foreignUnit = other.me.actingUnit.id;
    const before = (await call(samordnare, 'GET', `/api/v1/meetings/${meetingId}/agenda`)).body.items.length;
    const invite = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
      kind: 'topic',
      title: 'Samverkan',
      invitedUnitIds: [foreignUnit],
    });
    expect(invite.status).toBe(400);
    expect(invite.body.errors[0].message).toMatch(/finns inte/);
    expect((await call(samordnare, 'GET', `/api/v1/meetings/${meetingId}/agenda`)).body.items.length).toBe(before);
    const decision = await call(samordnare, 'POST', `/api/v1/agenda-items/${topicItemId}/decisions`, {
      what: 'Bjud in grannkommunen',
      ownerUserId: other.me.id,
      ownerUnitId: foreignUnit,
      dueDate: addDays(today, 5),
      supportTarget: 'personal',
    });
    expect(decision.status).toBe(400);
    const feedback = await call(samordnare, 'POST', `/api/v1/agenda-items/${caseItemId}/feedback-task`, {
      ownerUserId: other.me.id,
      ownerUnitId: foreignUnit,
    });
    expect(feedback.status).toBe(400);
  });

  it('notifies invitations, decisions assigned to me, feedback due and agenda changes', async () => {
    type Note = { kind: string; titleSv: string; link: string; read: boolean };
    const mine = async (who: Session) => (await call(who, 'GET', '/api/v1/me/notifications')).body.items as Note[];
    // Social services was invited to the case item; the samordnare who added it is not notified.
    const soc1 = await mine(soc);
    expect(soc1.some((n) => n.kind === 'invitation' && n.link === `/moten/${meetingId}` && n.titleSv.includes('Elev C'))).toBe(true);
    expect((await mine(samordnare)).filter((n) => n.kind === 'invitation')).toEqual([]);
    // The feedback task's owner was told at once.
    expect((await mine(kurator)).some((n) => n.kind === 'feedback_due' && n.link === '/mina-uppgifter')).toBe(true);
    // A decision the samordnare assigns to the kurator.
    const d = await call(samordnare, 'POST', `/api/v1/agenda-items/${topicItemId}/decisions`, {
      what: 'Skicka ut frånvarorutinen',
      ownerUserId: kurator.me.id,
      ownerUnitId: kurator.me.actingUnit.id,
      dueDate: addDays(today, 20),
      supportTarget: 'personal',
    });
    expect(d.status).toBe(201);
    expect((await mine(kurator)).some((n) => n.kind === 'decision_assigned' && n.titleSv.includes('Problematisk frånvaro i åk 5'))).toBe(true);
    // The daily reminder: once per open task and due date, however often it runs.
    const later = new Date(Date.now() + 60 * 24 * 60 * 60 * 1000);
    const first = await remindFeedbackDue(server.database.db, later);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await remindFeedbackDue(server.database.db, later)).toBe(0);
    expect((await mine(kurator)).filter((n) => n.kind === 'feedback_due').length).toBeGreaterThanOrEqual(2);
    // Moving the meeting tells the whole team.
    const meeting = (await call(samordnare, 'GET', `/api/v1/meetings/${meetingId}`)).body.meeting;
    const target = addDays(meetingDate, 1);
    const moved = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/move`, {
      version: meeting.version,
      date: target,
      startTime: '10:00',
      endTime: '11:00',
    });
    expect(moved.status).toBe(200);
    expect((await mine(vc)).some((n) => n.kind === 'agenda_changed' && n.titleSv.includes('är flyttat till'))).toBe(true);
    // E-mails wait in the outbox without case content.
    const outbox = await server.database.ownerQuery(`select body_text from email_outbox where to_address = 'soc.oppen@exempelby.example'`, []);
    const bodies = (outbox.rows as { body_text: string }[]).map((r) => r.body_text).join('\n');
    expect(bodies).toContain(`/moten/${meetingId}`);
    expect(bodies).not.toContain('Elev C');
  });

  it('lists the case’s meeting decisions, and a plan action can link to one of them (not to another case’s)', async () => {
    const caseId = (await call(kurator, 'GET', '/api/v1/cases')).body.items.find((c: { pseudonym: string }) => c.pseudonym === 'Elev C').id;
    const list = await call(kurator, 'GET', `/api/v1/cases/${caseId}/decisions`);
    expect(list.status).toBe(200);
    const decision = list.body.items.find((d: { what: string }) => d.what === 'Kurator träffar eleven varje vecka');
    expect(decision).toMatchObject({ meetingDate: expect.any(String) });
    expect((await call(vc, 'GET', `/api/v1/cases/${caseId}/decisions`)).status).toBe(404);
    const plan = (await call(kurator, 'POST', `/api/v1/cases/${caseId}/plans`, { kind: 'barnets_plan' })).body;
    const v = plan.versions[0];
    const content = (decisionId: string) => ({
      ...v.content,
      areas: [
        {
          areaKey: 'trygg',
          childWords: 'Jag vill prata med någon.',
          guardiansWillDo: '',
          actions: [{ what: 'Träffa eleven varje vecka', ownerUnitId: null, ownerUserId: null, start: null, end: null, decisionId }],
          goals: [],
        },
      ],
    });
    const bad = await call(kurator, 'PUT', `/api/v1/plans/${plan.id}/versions/1`, {
      version: v.version,
      planDate: today,
      content: content(topicItemId),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/Beslutet finns inte/);
    const ok = await call(kurator, 'PUT', `/api/v1/plans/${plan.id}/versions/1`, {
      version: v.version,
      planDate: today,
      content: content(decision.id),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.content.areas[0].actions[0].decisionId).toBe(decision.id);
  });
});
