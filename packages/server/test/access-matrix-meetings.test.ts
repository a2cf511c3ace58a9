import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeekday, toSwedishDate } from '@samsyn/domain';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, createChild, UNIT, unitIds, yearsAgo, type Call } from './cases-helpers.ts';
import { pdfText } from './pdf-text.ts';

/**
 * Access matrix for the personal data of the meetings issue — agenda items, the child's and
 * guardians' voice, documents and links, notes per item, decisions, feedback tasks and the minutes PDFs — over
 *   viewer (owning unit, unit in the consent, member outside the consent, non-member, other
 *   tenant, chef) × consent state (none, active, active for school matters only, withdrawn,
 *   expired) × action (list, read in the team PDF, family PDF, write).
 * Every cell is compared with the expected outcome; a read that the rule does not allow is
 * counted as unauthorised, and the count must be 0.
 */
const STATES = ['none', 'active', 'school_only', 'withdrawn', 'expired'] as const;
type State = (typeof STATES)[number];
type ViewerClass = 'owner' | 'covered' | 'member_outside' | 'non_member' | 'other_tenant' | 'chef';

const VIEWERS: { username: string; cls: ViewerClass }[] = [
  { username: 'samordnare.f6', cls: 'owner' },
  { username: 'kurator.bjork', cls: 'owner' },
  { username: 'soc.oppen', cls: 'covered' },
  { username: 'bup', cls: 'member_outside' },
  { username: 'vc', cls: 'member_outside' },
  { username: 'skolskoterska.ek', cls: 'member_outside' },
  { username: 'polis', cls: 'non_member' },
  { username: 'testkoping.kurator', cls: 'other_tenant' },
  { username: 'chef.soc', cls: 'chef' },
];

interface Fixture {
  state: State;
  itemId: string;
  voice: string;
  note: string;
  decision: string;
  decisionId: string;
  taskId: string;
  link: string;
}

/** What a viewer class may see of a case item in a consent state. */
function expected(cls: ViewerClass, state: State, later: boolean) {
  const owner = cls === 'owner';
  const activeNow = state === 'active' || state === 'school_only' || (state === 'expired' && !later);
  const coveredNow = cls === 'covered' && activeNow;
  return {
    item: owner || cls === 'covered' || cls === 'member_outside',
    // The voice is said for the team's coordination: any active consent for the purpose covers it.
    voice: owner || coveredNow,
    // Notes follow bedömningar och planer; decisions and feedback tasks follow insatser.
    note: owner || (coveredNow && state !== 'school_only'),
    decision: owner || (coveredNow && state !== 'school_only'),
    write: owner || coveredNow,
  };
}

let server: TestServer;
let call: Call;
const sessions = new Map<string, Session>();
const fixtures: Fixture[] = [];
let meetingId: string;
let unauthorised = 0;
let checked = 0;
const today = toSwedishDate(new Date());

function record(ok: boolean, allowedByRule: boolean, actual: boolean) {
  checked++;
  if (actual && !allowedByRule) unauthorised++;
  return ok;
}

beforeAll(async () => {
  server = await startTestServer();
  call = caller(server);
  for (const v of VIEWERS) sessions.set(v.username, await server.login(v.username));
  const samordnare = sessions.get('samordnare.f6')!;
  const kurator = sessions.get('kurator.bjork')!;
  const units = await unitIds(call, samordnare);
  const teamId = (await call(samordnare, 'GET', '/api/v1/teams/mine')).body.items.find((t: { name: string }) => t.name.startsWith('TSI-team F–6')).id;
  // A meeting 150 days ahead, so it is still to come when the clock moves 100 days.
  let date = addDays(today, 150);
  while (isoWeekday(date) !== 3) date = addDays(date, 1);
  const series = await call(samordnare, 'POST', `/api/v1/teams/${teamId}/meeting-series`, {
    startDate: date,
    untilDate: date,
    intervalWeeks: 1,
    weekday: 3,
    startTime: '09:00',
    endTime: '11:00',
  });
  meetingId = series.body.meetings[0].id;

  for (const state of STATES) {
    const created = await call(samordnare, 'POST', '/api/v1/cases', {
      pseudonym: `Möte ${state}`,
      ageBand: '10-12',
      description: 'Oro för frånvaro.',
    });
    const caseId = created.body.id;
    const child = await createChild(call, samordnare, yearsAgo(new Date(), 10), `Mote${STATES.indexOf(state)}`);
    await call(samordnare, 'POST', `/api/v1/cases/${caseId}/link-child`, { version: created.body.version, childId: child.id });
    if (state !== 'none') {
      const res = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents`, {
        purposeCategory: 'samordning_tsi_team',
        purposeText: 'Samordna stödet i TSI-teamet',
        unitIds: [units[UNIT.ehBjork], units[UNIT.socOppen]],
        categories: state === 'school_only' ? ['skolsituation'] : ['skolsituation', 'insatser', 'bedomningar_och_planer'],
        validFrom: today,
        validUntil: state === 'expired' ? addDays(today, 30) : addDays(addMonths(today, 12), -1),
        givers: child.guardians.map((g) => ({
          giver: { kind: 'guardian', guardianId: g.id },
          answer: 'given',
          method: 'written',
          documentedAt: today,
        })),
        maturity: null,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      if (state === 'withdrawn') {
        const k = res.body.consents[0];
        const w = await call(samordnare, 'POST', `/api/v1/cases/${caseId}/consents/${k.id}/withdraw`, {
          version: k.version,
          giver: { kind: 'guardian', guardianId: child.guardians[0]!.id },
          method: 'digital',
          documentedAt: today,
        });
        expect(w.status).toBe(200);
      }
    }
    const agenda = await call(samordnare, 'POST', `/api/v1/meetings/${meetingId}/agenda`, {
      kind: 'case',
      caseId,
      invitedUnitIds: [units[UNIT.socOppen], units[UNIT.bup], units['Vårdcentralen Exempelby']],
    });
    expect(agenda.status, JSON.stringify(agenda.body)).toBe(201);
    const itemId = agenda.body.items.find((i: { title: string }) => i.title === `Möte ${state}`).id;
    const voice = `Barnets ord i läget ${state}`;
    const note = `Elevhälsans anteckning i läget ${state}`;
    const decision = `Beslut i läget ${state}`;
    expect(
      (await call(kurator, 'PUT', `/api/v1/agenda-items/${itemId}/voice`, { version: 0, childWords: voice, familyStatus: 'invited' })).status,
    ).toBe(200);
    expect((await call(kurator, 'PUT', `/api/v1/agenda-items/${itemId}/note`, { version: 0, text: note })).status).toBe(200);
    const d = await call(kurator, 'POST', `/api/v1/agenda-items/${itemId}/decisions`, {
      what: decision,
      ownerUserId: kurator.me.id,
      ownerUnitId: kurator.me.actingUnit.id,
      dueDate: addDays(date, 14),
      supportTarget: 'barn',
    });
    expect(d.status).toBe(201);
    const t = await call(samordnare, 'POST', `/api/v1/agenda-items/${itemId}/feedback-task`, {
      ownerUserId: kurator.me.id,
      ownerUnitId: kurator.me.actingUnit.id,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    const link = `Länk i läget ${state}`;
    expect(
      (await call(samordnare, 'POST', `/api/v1/agenda-items/${itemId}/attachments`, { kind: 'link', label: link, url: 'https://skolan.example' }))
        .status,
    ).toBe(201);
    fixtures.push({ state, itemId, voice, note, decision, decisionId: d.body.id, taskId: t.body.id, link });
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function pdf(s: Session, url: string) {
  const res = await server.app.inject({ method: 'GET', url, headers: s.headers() });
  return { status: res.statusCode, text: res.statusCode === 200 ? await pdfText(res.rawPayload) : '' };
}

async function runMatrix(later: boolean) {
  for (const v of VIEWERS) {
    const s = sessions.get(v.username)!;
    const agenda = await call(s, 'GET', `/api/v1/meetings/${meetingId}/agenda`);
    const voices = await call(s, 'GET', `/api/v1/meetings/${meetingId}/voices`);
    const notes = await call(s, 'GET', `/api/v1/meetings/${meetingId}/notes`);
    const decisions = await call(s, 'GET', `/api/v1/meetings/${meetingId}/decisions`);
    const tasks = await call(s, 'GET', `/api/v1/meetings/${meetingId}/feedback-tasks`);
    const attachments = await call(s, 'GET', `/api/v1/meetings/${meetingId}/attachments`);
    const team = await pdf(s, `/api/v1/meetings/${meetingId}/minutes.pdf`);
    const all = JSON.stringify([agenda.body, voices.body, notes.body, decisions.body, tasks.body, attachments.body]);
    for (const f of fixtures) {
      const exp = expected(v.cls, f.state, later);
      const label = `${v.username} (${v.cls}) × ${f.state}${later ? ' +100 d' : ''}`;
      const listed = agenda.status === 200 && agenda.body.items.some((i: { id: string }) => i.id === f.itemId);
      expect(record(listed === exp.item, exp.item, listed), `${label}: agenda item`).toBe(true);
      if (!exp.item)
        expect([agenda.status, voices.status, notes.status, decisions.status, tasks.status, attachments.status, team.status], label).toEqual([
          404, 404, 404, 404, 404, 404, 404,
        ]);

      const voiceSeen = all.includes(f.voice);
      expect(record(voiceSeen === exp.voice, exp.voice, voiceSeen), `${label}: voice`).toBe(true);
      const linkSeen = all.includes(f.link);
      expect(record(linkSeen === exp.voice, exp.voice, linkSeen), `${label}: document or link`).toBe(true);
      const noteSeen = all.includes(f.note);
      expect(record(noteSeen === exp.note, exp.note, noteSeen), `${label}: note`).toBe(true);
      const decisionSeen = all.includes(f.decisionId);
      expect(record(decisionSeen === exp.decision, exp.decision, decisionSeen), `${label}: decision`).toBe(true);
      const taskSeen = all.includes(f.taskId);
      expect(record(taskSeen === exp.decision, exp.decision, taskSeen), `${label}: feedback task`).toBe(true);

      // The team's minutes hold exactly what the lists hold.
      for (const [text, allowed, what] of [
        [f.voice, exp.voice, 'voice'],
        [f.note, exp.note, 'note'],
        [f.decision, exp.decision, 'decision'],
      ] as const) {
        const inPdf = team.text.includes(text);
        expect(record(inPdf === allowed, allowed, inPdf), `${label}: ${what} in the team's minutes`).toBe(true);
      }
      const family = await pdf(s, `/api/v1/agenda-items/${f.itemId}/family-minutes.pdf`);
      const familyOk = family.status === 200;
      expect(record(familyOk === exp.voice, exp.voice, familyOk), `${label}: family minutes (${family.status})`).toBe(true);
      if (!familyOk) expect(family.status).toBe(404);

      // A write with a stale version: allowed writers get 409 (with the text they may see), others 404 and nothing.
      const write = await call(s, 'PUT', `/api/v1/agenda-items/${f.itemId}/voice`, {
        version: 0,
        childWords: 'Skrivet över',
        familyStatus: 'invited',
      });
      const writeAllowed = write.status === 409;
      expect(record(writeAllowed === exp.write, exp.write, writeAllowed), `${label}: voice write (${write.status})`).toBe(true);
      if (!exp.write) expect(write.status, label).toBe(404);
    }
  }
}

describe('access matrix: meetings, agenda items, voice, notes, decisions and feedback', () => {
  it('today: none, active, school matters only, withdrawn, and a consent that will expire', async () => {
    await runMatrix(false);
  }, 300_000);

  it('100 days later: the short consent has expired', async () => {
    server.setClockOffsetDays(100);
    try {
      await runMatrix(true);
    } finally {
      server.setClockOffsetDays(0);
    }
  }, 300_000);

  it('reports 0 unauthorised reads', () => {
    console.log(`access matrix (meetings): ${checked} cells checked, ${unauthorised} unauthorised reads`);
    expect(checked).toBeGreaterThan(500);
    expect(unauthorised).toBe(0);
  });
});
