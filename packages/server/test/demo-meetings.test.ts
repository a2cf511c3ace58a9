import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSwedishDate } from '@samsyn/domain';
import { startTestServer, testConfig, type TestServer } from './harness.ts';
import { caller, type Call } from './cases-helpers.ts';
import { refreshDueCaseFigures } from '../src/access/index.ts';

/** The demo (npm start) shows the meetings issue at work: a held meeting with its follow-up, and the next one prepared. */
describe('demo meetings', () => {
  let server: TestServer;
  let call: Call;
  const today = toSwedishDate(new Date());

  beforeAll(async () => {
    server = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', DEMO_MEETINGS: 'true' }) });
    call = caller(server);
  }, 60_000);
  afterAll(() => server?.stop());

  it('seeds every other Tuesday, a held meeting with decisions and an overdue feedback task, and the next agenda', async () => {
    const samordnare = await server.login('samordnare.f6');
    const team = (await call(samordnare, 'GET', '/api/v1/teams/mine')).body.items.find((t: { name: string }) => t.name.startsWith('TSI-team F–6'));
    const meetings = (await call(samordnare, 'GET', `/api/v1/teams/${team.id}/meetings?from=2000-01-01&to=2100-01-01`)).body.meetings as {
      id: string;
      date: string;
    }[];
    expect(meetings.length).toBeGreaterThan(8);
    const held = meetings[0]!;
    expect(held.date < today).toBe(true);
    const next = meetings.find((m) => m.date >= today)!;
    expect((await call(samordnare, 'GET', `/api/v1/meetings/${next.id}/agenda`)).body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'case',
      'anonymous',
      'topic',
    ]);
    const voices = (await call(samordnare, 'GET', `/api/v1/meetings/${held.id}/voices`)).body.items;
    expect(voices[0]).toMatchObject({ familyStatus: 'accepted' });
    const followUp = (await call(samordnare, 'GET', `/api/v1/teams/${team.id}/follow-up`)).body;
    expect(followUp.overdue.map((e: { type: string }) => e.type)).toContain('feedback');
    expect(followUp.withoutOwner.map((e: { what: string }) => e.what)).toContain('Ta fram rutin för tidig kontakt vid frånvaro');
    const kurator = await server.login('kurator.bjork');
    const tasks = (await call(kurator, 'GET', '/api/v1/me/tasks')).body;
    expect(tasks.decisions.map((d: { what: string }) => d.what)).toContain('Kurator träffar eleven varje måndag morgon');
    expect(tasks.feedbackTasks[0]).toMatchObject({ overdue: true });
    // The health centre is in the team but outside Elev C's consent: it sees no voice.
    const vc = await server.login('vc');
    expect((await call(vc, 'GET', `/api/v1/meetings/${held.id}/voices`)).body.items).toEqual([]);
  });

  it('shows the decision that became the pupil health’s own intervention, started the day of the meeting', async () => {
    const kurator = await server.login('kurator.bjork');
    const cases = (await call(kurator, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    const elevC = cases.find((c) => c.pseudonym === 'Elev C')!.id;
    const res = (await call(kurator, 'GET', `/api/v1/cases/${elevC}/interventions`)).body;
    expect(res.items).toHaveLength(1);
    expect(res.items[0]).toMatchObject({ name: 'Samtalsstöd hos kurator', status: 'started', source: 'decision', mayDo: ['end'] });
    expect(res.items[0].startedOn < today).toBe(true);
    expect(res.figures.firstStartedOn).toBe(res.items[0].startedOn);
  });

  it('keeps the stored case figures current when an open feedback task goes late with the calendar alone', async () => {
    const later = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
    const refreshed = await refreshDueCaseFigures(server.database.db, later);
    expect(refreshed).toBeGreaterThan(0);
    const rows = (
      await server.database.ownerQuery(`select feedback_late, feedback_pending, computed_on::text as on from case_figures where computed_on = $1`, [
        toSwedishDate(later),
      ])
    ).rows;
    expect(rows.length).toBe(refreshed);
    for (const r of rows) expect(Number(r.feedback_late)).toBeGreaterThan(0);
    // Once refreshed for the day, the job leaves them alone.
    expect(await refreshDueCaseFigures(server.database.db, later)).toBe(0);
  });
});
