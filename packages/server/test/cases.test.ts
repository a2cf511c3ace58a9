import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, toSwedishDate } from '@samsyn/domain';
import { refreshConsentWindows } from '../src/access/index.ts';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, createChild, UNIT, unitIds, yearsAgo, type Call } from './cases-helpers.ts';

/**
 * The issue-3 journey at API level: signal → anonymous consultation → child linked →
 * consent from both guardians → another unit sees the case with the reason → a guardian
 * withdraws → that unit immediately sees less and has an acknowledgement waiting.
 */
describe('cases, signals and the consent ledger', () => {
  let server: TestServer;
  let call: Call;
  let teacher: Session;
  let samordnare: Session;
  let soc: Session;
  let hab: Session;
  let units: Record<string, string>;
  let caseId: string;
  let signalId: string;
  let child: { id: string; guardians: { id: string; name: string }[] };
  const today = toSwedishDate(new Date());

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server);
    teacher = await server.login('larare.bjork');
    samordnare = await server.login('samordnare.f6');
    soc = await server.login('soc.oppen');
    hab = await server.login('hab');
    units = await unitIds(call, teacher);
  }, 60_000);
  afterAll(() => server?.stop());

  it('1. a teacher raises a concern addressed to the school health team', async () => {
    const res = await call(teacher, 'POST', '/api/v1/signals', {
      recipientUnitId: units[UNIT.ehBjork],
      category: 'skolsituation',
      noticed: 'Hög frånvaro sedan v. 38, verkar ledsen på rasterna.',
      signalKinds: ['skolfranvaro', 'maende'],
      protectiveFactors: 'Trivs med en kamrat i klassen.',
      actionsTaken: 'Mentorssamtal.',
      urgency: 'medel',
      reportOfConcern: 'nej',
    });
    expect(res.status).toBe(201);
    signalId = res.body.id;
    const received = await call(samordnare, 'GET', '/api/v1/signals?box=received');
    expect(received.body.items.map((s: { id: string }) => s.id)).toContain(signalId);
    // Social services does not see the school's signal.
    expect((await call(soc, 'GET', `/api/v1/signals/${signalId}`)).status).toBe(404);
  });

  it('refuses a signal naming a child to another principal, and identifying text in an anonymous signal', async () => {
    const c = await createChild(call, teacher, yearsAgo(new Date(), 9), 'Liv');
    const named = await call(teacher, 'POST', '/api/v1/signals', {
      childId: c.id,
      recipientUnitId: units[UNIT.bup],
      category: 'halsa',
      noticed: 'Ont i magen',
      signalKinds: ['halsa'],
      urgency: 'lag',
      reportOfConcern: 'nej',
    });
    expect(named.status).toBe(400);
    expect(named.body.errors[0].field).toBe('recipientUnitId');
    // Within the same principal the named signal goes through, and the recipient sees whom it is about.
    const inside = await call(teacher, 'POST', '/api/v1/signals', {
      childId: c.id,
      recipientUnitId: units[UNIT.ehBjork],
      category: 'halsa',
      noticed: 'Ont i magen flera morgnar.',
      signalKinds: ['halsa'],
      urgency: 'lag',
      reportOfConcern: 'nej',
    });
    expect(inside.status).toBe(201);
    const received = await call(samordnare, 'GET', `/api/v1/signals/${inside.body.id}`);
    expect(received.body.child).toMatchObject({ id: c.id, name: 'Liv Testsson' });
    expect((await call(soc, 'GET', `/api/v1/signals/${inside.body.id}`)).status).toBe(404);
    const anon = await call(teacher, 'POST', '/api/v1/signals', {
      recipientUnitId: units[UNIT.ehBjork],
      category: 'halsa',
      noticed: 'Ring mamma på 070-174 06 07',
      signalKinds: ['halsa'],
      urgency: 'lag',
      reportOfConcern: 'nej',
    });
    expect(anon.status).toBe(400);
    expect(anon.body.errors[0].message).toMatch(/telefonnummer/);
  });

  it('2. the samordnare opens an anonymous consultation; a personnummer in it is refused and nothing is saved', async () => {
    const before = (await call(samordnare, 'GET', '/api/v1/cases')).body.items.length;
    const bad = await call(samordnare, 'POST', '/api/v1/cases', {
      pseudonym: 'Elev A',
      ageBand: '10-12',
      description: 'Gäller 20140312-9834, hög frånvaro.',
      signalId,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'description' });
    expect(bad.body.errors[0].message).toMatch(/personnummer/);
    expect((await call(samordnare, 'GET', '/api/v1/cases')).body.items.length).toBe(before);

    const ok = await call(samordnare, 'POST', '/api/v1/cases', {
      pseudonym: 'Elev A',
      ageBand: '10-12',
      description: 'Elev i åk 4 med hög frånvaro och nedstämdhet.',
      signalId,
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ state: 'anonym', child: null, access: { level: 'owner' } });
    caseId = ok.body.id;
    // The signal may not be opened twice.
    const again = await call(samordnare, 'POST', '/api/v1/cases', { pseudonym: 'Elev B', ageBand: '10-12', description: 'x', signalId });
    expect(again.status).toBe(400);
  });

  it('links the consultation to an identified child, who must be a record of the same unit', async () => {
    child = await createChild(call, samordnare, yearsAgo(new Date(), 10), 'Nova');
    const version = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}`)).body.version;
    const res = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/link-child`, { version, childId: child.id });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('invantar_samtycke');
    expect(res.body.child).toMatchObject({ visible: true, givenName: 'Nova' });
    // Now the child's and guardians' names are known: they are refused in the description.
    const named = await call(samordnare, 'PATCH', `/api/v1/cases/${caseId}`, { version: res.body.version, description: 'Nova har hög frånvaro.' });
    expect(named.status).toBe(400);
  });

  it('refuses bad consent input with Swedish messages and changes nothing', async () => {
    const base = {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet kring skolfrånvaron',
      unitIds: [units[UNIT.ehBjork], units[UNIT.bjork], units[UNIT.socOppen], units[UNIT.bup]],
      categories: ['skolsituation', 'familj_och_hem', 'halsa'],
      validFrom: today,
      validUntil: addMonths(today, 6),
      givers: child.guardians.map((g) => ({
        giver: { kind: 'guardian', guardianId: g.id },
        answer: 'given',
        method: 'written',
        documentedAt: today,
      })),
    };
    const tooLong = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents`, { ...base, validUntil: addMonths(today, 14) });
    expect(tooLong.status).toBe(400);
    const backwards = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents`, { ...base, validUntil: addMonths(today, -1) });
    expect(backwards.status).toBe(400);
    const otherTenant = await server.login('testkoping.kurator');
    const foreignUnit = otherTenant.me.actingUnit.id;
    const foreign = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents`, { ...base, unitIds: [...base.unitIds, foreignUnit] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toMatch(/unitIds/);
    const strangerGuardian = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents`, {
      ...base,
      givers: [
        { giver: { kind: 'guardian', guardianId: '01890000-0000-7000-8000-000000000000' }, answer: 'given', method: 'oral', documentedAt: today },
      ],
    });
    expect(strangerGuardian.status).toBe(400);
    const caseNow = await call(samordnare, 'GET', `/api/v1/cases/${caseId}`);
    expect(caseNow.body.consents).toHaveLength(0);
  });

  it('3. records both guardians\u2019 consent for school, social services\u2019 open care and BUP', async () => {
    const defaults = await call(samordnare, 'GET', `/api/v1/cases/${caseId}/consent-defaults`);
    expect(defaults.status).toBe(200);
    expect(defaults.body.requiredGivers).toHaveLength(2);
    expect(defaults.body.maturityRequired).toBe(false);
    const res = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents`, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet kring skolfrånvaron',
      unitIds: [units[UNIT.ehBjork], units[UNIT.bjork], units[UNIT.socOppen], units[UNIT.bup]],
      categories: ['skolsituation', 'familj_och_hem', 'halsa'],
      validFrom: defaults.body.validFrom,
      validUntil: defaults.body.validUntil,
      givers: defaults.body.requiredGivers.map((g: { giver: unknown }) => ({
        giver: g.giver,
        answer: 'given',
        method: 'written',
        documentedAt: today,
      })),
    });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('aktiv');
    expect(res.body.consents[0]).toMatchObject({ status: 'active' });
    expect(res.body.consents[0].givers.every((g: { answer: string; required: boolean }) => g.answer === 'given' && g.required)).toBe(true);
    const ev = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/events`, {
      category: 'skolsituation',
      occurredOn: today,
      text: 'Samtal med eleven om frånvaron.',
    });
    expect(ev.status).toBe(201);
  });

  it('4. the social worker now sees the case, the child and the school\u2019s data, with the reason', async () => {
    const list = await call(soc, 'GET', '/api/v1/cases');
    const row = list.body.items.find((c: { id: string }) => c.id === caseId);
    expect(row).toMatchObject({ access: { level: 'consent' }, childName: 'Nova Testsson', state: 'aktiv' });
    const res = await call(soc, 'GET', `/api/v1/cases/${caseId}`);
    expect(res.status).toBe(200);
    expect(res.body.access.level).toBe('consent');
    expect(res.body.access.reasonSv).toMatch(
      /^Du ser detta eftersom samtycke #.* från båda vårdnadshavarna omfattar Elevhälsan Björkskolan → Socialtjänsten – öppenvården/,
    );
    expect(res.body.child).toMatchObject({ visible: true, givenName: 'Nova' });
    expect(res.body.signals[0]).toMatchObject({ hidden: false, noticed: expect.stringContaining('frånvaro') });
    const events = await call(soc, 'GET', `/api/v1/cases/${caseId}/events`);
    expect(events.body.items.find((e: { kind: string }) => e.kind === 'manual')).toMatchObject({
      hidden: false,
      text: 'Samtal med eleven om frånvaron.',
    });
    // A unit outside the consent does not even learn the case exists.
    expect((await call(hab, 'GET', `/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await call(hab, 'GET', '/api/v1/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('stores the signed consent form for the owning unit only, and refuses what is not a PDF or image', async () => {
    const c = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}`)).body;
    const url = `/api/v1/cases/${caseId}/consents/${c.consents[0].id}/attachment`;
    const pdf = Buffer.from('%PDF-1.4\n% påhittat samtycke\n%%EOF\n', 'latin1');
    const put = (sess: Session, body: Buffer, type: string) =>
      server.app.inject({
        method: 'PUT',
        url: `${url}?name=${encodeURIComponent('samtycke underskrivet.pdf')}`,
        headers: sess.headers({ 'content-type': type }),
        payload: body,
      });
    expect((await put(samordnare, Buffer.from('inte en pdf'), 'application/pdf')).statusCode).toBe(400);
    expect((await put(samordnare, pdf, 'text/plain')).statusCode).toBe(400);
    expect((await put(soc, pdf, 'application/pdf')).statusCode).toBe(404);
    const ok = await put(samordnare, pdf, 'application/pdf');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().consents[0].attachment).toMatchObject({ name: 'samtycke underskrivet.pdf', type: 'application/pdf', size: pdf.length });
    const got = await server.app.inject({ method: 'GET', url, headers: samordnare.headers() });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(got.headers['content-disposition']).toContain('attachment');
    expect((await server.app.inject({ method: 'GET', url, headers: soc.headers() })).statusCode).toBe(404);
  });

  it('refuses a withdrawal by someone who was not a giver, and a stale version', async () => {
    const c = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}`)).body;
    const k = c.consents[0];
    const byChild = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents/${k.id}/withdraw`, {
      version: k.version,
      giver: { kind: 'child' },
      method: 'oral',
      documentedAt: today,
    });
    expect(byChild.status).toBe(400);
    expect(byChild.body.errors[0].message).toMatch(/Bara den som har lämnat samtycket/);
    const stale = await call(samordnare, 'PATCH', `/api/v1/cases/${caseId}`, { version: c.version - 1, pseudonym: 'Elev Ö' });
    expect(stale.status).toBe(409);
  });

  it('5–6. one guardian withdraws: the next request already sees less, and an acknowledgement waits', async () => {
    const c = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}`)).body;
    const k = c.consents[0];
    const res = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents/${k.id}/withdraw`, {
      version: k.version,
      giver: { kind: 'guardian', guardianId: child.guardians[0]!.id },
      method: 'oral',
      documentedAt: today,
    });
    expect(res.status).toBe(200);
    expect(res.body.consents[0].status).toBe('withdrawn');
    expect(res.body.state).toBe('invantar_samtycke');

    const seen = await call(soc, 'GET', `/api/v1/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.access.level).toBe('participant');
    expect(seen.body.child).toMatchObject({ visible: false });
    expect(seen.body.signals[0]).toMatchObject({ hidden: true });
    expect(seen.body.signals[0].noticed).toBeUndefined();
    expect(seen.body.openNotices).toHaveLength(1);
    const events = await call(soc, 'GET', `/api/v1/cases/${caseId}/events`);
    expect(events.body.items.find((e: { kind: string }) => e.kind === 'manual')).toMatchObject({ hidden: true });
    expect(JSON.stringify(events.body)).not.toContain('Samtal med eleven');
    const list = await call(soc, 'GET', '/api/v1/cases');
    expect(list.body.items.find((x: { id: string }) => x.id === caseId)).toMatchObject({
      childName: null,
      access: { level: 'participant' },
      openNotices: 1,
    });

    const overview = await call(samordnare, 'GET', '/api/v1/overview');
    expect(overview.body.openNotices.map((n: { caseId: string }) => n.caseId)).toContain(caseId);
    expect(overview.body.awaitingConsent.map((n: { id: string }) => n.id)).toContain(caseId);

    const ack = await call(soc, 'POST', `/api/v1/consent-notices/${seen.body.openNotices[0].id}/acknowledge`);
    expect(ack.status).toBe(204);
    expect((await call(soc, 'GET', `/api/v1/cases/${caseId}`)).body.openNotices).toHaveLength(0);
  });

  it('7. the chronology shows every step, marking what was discussed anonymously', async () => {
    const events = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      'signal',
      'consultation_opened',
      'child_linked',
      'consent_recorded',
      'manual',
      'consent_attachment',
      'consent_withdrawn',
    ]);
    expect(events.filter((e: { anonymousPhase: boolean }) => e.anonymousPhase).map((e: { kind: string }) => e.kind)).toEqual([
      'signal',
      'consultation_opened',
    ]);
  });

  it('corrections are new versions; the corrected entry stays', async () => {
    const events = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items;
    const manual = events.find((e: { kind: string }) => e.kind === 'manual');
    const res = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/events/${manual.id}/corrections`, {
      text: 'Samtal med eleven och mentorn om frånvaron.',
      reason: 'Mentorn deltog också',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ correctsId: manual.id, correctionReason: 'Mentorn deltog också' });
    const after = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/events`)).body.items;
    expect(after.find((e: { id: string }) => e.id === manual.id)).toMatchObject({
      text: 'Samtal med eleven om frånvaron.',
      correctedBy: res.body.id,
    });
    const twice = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/events/${manual.id}/corrections`, { text: 'x', reason: 'igen' });
    expect(twice.status).toBe(400);
  });

  it('closes with a reason from the list ("annat" needs text) and reopens', async () => {
    let c = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}`)).body;
    expect((await call(samordnare, 'POST', `/api/v1/cases/${caseId}/close`, { version: c.version, reason: 'annat' })).status).toBe(400);
    const closed = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/close`, { version: c.version, reason: 'samtycke_aterkallat' });
    expect(closed.body).toMatchObject({ state: 'avslutad', closing: { reason: 'samtycke_aterkallat' } });
    c = closed.body;
    const reopened = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/reopen`, { version: c.version });
    expect(reopened.body.state).toBe('invantar_samtycke');
  });

  it('searches by name only within the own unit, although a consent lets the unit see another unit\u2019s child', async () => {
    // The demo seeds a case with a consent in force covering social services' open care.
    const all = (await call(soc, 'GET', '/api/v1/children')).body.items as { id: string; displayName: string; owningUnitId: string }[];
    const covered = all.find((c) => c.owningUnitId !== soc.me.actingUnit.id);
    expect(covered).toBeDefined();
    const byName = (await call(soc, 'GET', `/api/v1/children?q=${encodeURIComponent(covered!.displayName.split(' ')[0]!)}`)).body.items as {
      id: string;
    }[];
    expect(byName.map((c) => c.id)).not.toContain(covered!.id);
  });

  it('the daily job clears stored windows of consents that ran out', async () => {
    const kid = await createChild(call, samordnare, yearsAgo(new Date(), 7), 'Juni');
    const created = await call(samordnare, 'POST', '/api/v1/cases', { pseudonym: 'Elev J', ageBand: '6-9', description: 'Oro för mående.' });
    await call(samordnare, 'POST', `/api/v1/cases/${created.body.id}/link-child`, { version: created.body.version, childId: kid.id });
    const rec = await call(samordnare, 'POST', `/api/v1/cases/${created.body.id}/consents`, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet',
      unitIds: [units[UNIT.ehBjork], units[UNIT.socOppen]],
      categories: ['halsa'],
      validFrom: today,
      validUntil: addDays(today, 5),
      givers: kid.guardians.map((g) => ({ giver: { kind: 'guardian', guardianId: g.id }, answer: 'given', method: 'oral', documentedAt: today })),
    });
    const consentId = rec.body.consents[0].id;
    const stored = async () =>
      (await server.database.ownerQuery(`select active_until::text as u from consents where id = $1`, [consentId])).rows[0]!.u;
    expect(await stored()).toBe(addDays(today, 5));
    const changed = await refreshConsentWindows(server.deps.access.db, new Date(Date.now() + 10 * 86_400_000));
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBeNull();
    const audit = await server.database.ownerQuery(`select count(*)::int as n from audit_log where action = 'system_consent_refresh'`);
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('a new guardian with custody makes the consent incomplete at once', async () => {
    const kid = await createChild(call, samordnare, yearsAgo(new Date(), 8), 'Vide');
    const created = await call(samordnare, 'POST', '/api/v1/cases', { pseudonym: 'Elev V', ageBand: '6-9', description: 'Oro för mående.' });
    const linked = await call(samordnare, 'POST', `/api/v1/cases/${created.body.id}/link-child`, { version: created.body.version, childId: kid.id });
    expect(linked.status).toBe(200);
    const rec = await call(samordnare, 'POST', `/api/v1/cases/${created.body.id}/consents`, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet',
      unitIds: [units[UNIT.ehBjork], units[UNIT.socOppen]],
      categories: ['halsa'],
      validFrom: today,
      validUntil: addMonths(today, 6),
      givers: kid.guardians.map((g) => ({ giver: { kind: 'guardian', guardianId: g.id }, answer: 'given', method: 'oral', documentedAt: today })),
    });
    expect(rec.body.state).toBe('aktiv');
    const levelFor = async () =>
      (await call(soc, 'GET', '/api/v1/cases')).body.items.find((c: { id: string }) => c.id === created.body.id)?.access.level;
    expect(await levelFor()).toBe('consent');
    const childNow = (await call(samordnare, 'GET', `/api/v1/children/${kid.id}`)).body;
    const patched = await call(samordnare, 'PATCH', `/api/v1/children/${kid.id}`, {
      version: childNow.version,
      guardians: [
        ...childNow.guardians.map((g: { id: string; name: string; custody: string; phone: string | null; email: string | null }) => ({
          id: g.id,
          name: g.name,
          custody: g.custody,
          phone: g.phone,
          email: g.email,
        })),
        { name: 'Cilla Videsdotter', custody: 'sarskilt_forordnad', phone: null, email: null },
      ],
    });
    expect(patched.status).toBe(200);
    expect(await levelFor()).toBe('participant');
    const after = (await call(samordnare, 'GET', `/api/v1/cases/${created.body.id}`)).body;
    expect(after.consents[0].status).toBe('pending');
    expect(after.state).toBe('invantar_samtycke');
  });

  it('assigns the trygghetsperson and involved professionals; "who helps" follows consent', async () => {
    const people = (await call(samordnare, 'GET', `/api/v1/cases/${caseId}/assignable`)).body.items;
    const kurator = people.find((p: { name: string }) => p.name === 'Karin Berg');
    const omar = people.find((p: { name: string }) => p.name === 'Omar Sandberg');
    expect(
      (await call(samordnare, 'POST', `/api/v1/cases/${caseId}/roles`, { userId: kurator.userId, unitId: kurator.unitId, role: 'trygghetsperson' }))
        .status,
    ).toBe(200);
    const res = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/roles`, { userId: omar.userId, unitId: omar.unitId, role: 'involverad' });
    expect(res.body.helpers.map((h: { name: string; role: string }) => `${h.name}:${h.role}`)).toEqual([
      'Karin Berg:trygghetsperson',
      'Omar Sandberg:involverad',
    ]);
    // Without consent, social services sees its own role but not the school health team's.
    const socView = (await call(soc, 'GET', `/api/v1/cases/${caseId}`)).body;
    expect(socView.helpers.map((h: { name: string }) => h.name)).toEqual(['Omar Sandberg']);
    expect(socView.hiddenHelpers).toBe(1);
    // "My cases" filters: my role, state and text.
    const kuratorSession = await server.login('kurator.bjork');
    const ids = async (sess: Session, query: string) =>
      (await call(sess, 'GET', `/api/v1/cases?${query}`)).body.items.map((c: { id: string }) => c.id);
    expect(await ids(kuratorSession, 'mine=true')).toContain(caseId);
    expect((await ids(kuratorSession, 'mine=true')).length).toBeLessThan((await ids(kuratorSession, '')).length);
    expect(await ids(samordnare, 'mine=true')).toEqual([]);
    expect(await ids(samordnare, 'state=invantar_samtycke')).toContain(caseId);
    expect(await ids(samordnare, 'state=aktiv')).not.toContain(caseId);
    expect(await ids(samordnare, `q=${encodeURIComponent('elev a')}`)).toContain(caseId);
    expect(await ids(samordnare, `q=${encodeURIComponent('nova testsson')}`)).toContain(caseId);
    expect(await ids(soc, `q=${encodeURIComponent('nova')}`)).not.toContain(caseId);
    const wrongUnit = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/roles`, {
      userId: omar.userId,
      unitId: kurator.unitId,
      role: 'involverad',
    });
    expect(wrongUnit.status).toBe(400);
  });

  it('the administrator sets the organisation\u2019s consent policy; consents follow it and bad values are refused', async () => {
    const admin = await server.login('admin');
    const policy = await call(admin, 'GET', '/api/v1/admin/consent-policy');
    expect(policy.body).toMatchObject({
      maxValidityMonths: 12,
      defaultValidityMonths: 12,
      maturityAssessmentFromAge: 12,
      childConsentPresumedFromAge: 15,
    });
    expect((await call(samordnare, 'GET', '/api/v1/admin/consent-policy')).status).toBe(404);
    const bad = await call(admin, 'PUT', '/api/v1/admin/consent-policy', { ...policy.body, maxValidityMonths: 6, defaultValidityMonths: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('defaultValidityMonths');
    const ok = await call(admin, 'PUT', '/api/v1/admin/consent-policy', { ...policy.body, maxValidityMonths: 6, defaultValidityMonths: 6 });
    expect(ok.status).toBe(200);
    expect(ok.body.maxValidityMonths).toBe(6);

    const kid = await createChild(call, samordnare, yearsAgo(new Date(), 9), 'Saga');
    const created = await call(samordnare, 'POST', '/api/v1/cases', { pseudonym: 'Elev S', ageBand: '6-9', description: 'Oro för mående.' });
    await call(samordnare, 'POST', `/api/v1/cases/${created.body.id}/link-child`, { version: created.body.version, childId: kid.id });
    const defaults = await call(samordnare, 'GET', `/api/v1/cases/${created.body.id}/consent-defaults`);
    expect(defaults.body.maxValidUntil).toBe(addDays(addMonths(today, 6), -1));
    const tooLong = await call(samordnare, 'POST', `/api/v1/cases/${created.body.id}/consents`, {
      purposeCategory: 'samordning_tsi_team',
      purposeText: 'Samordna stödet',
      unitIds: [units[UNIT.ehBjork], units[UNIT.socOppen]],
      categories: ['halsa'],
      validFrom: today,
      validUntil: addMonths(today, 9),
      givers: kid.guardians.map((g) => ({ giver: { kind: 'guardian', guardianId: g.id }, answer: 'given', method: 'oral', documentedAt: today })),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('validUntil');
    await call(admin, 'PUT', '/api/v1/admin/consent-policy', policy.body);
  });
});
