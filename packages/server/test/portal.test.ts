import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictitiousIdentityNumber, toSwedishDate } from '@samsyn/domain';
import { startTestServer, testConfig, type Session, type TestServer } from './harness.ts';
import { caller, yearsAgo, type Call } from './cases-helpers.ts';
import { createPortalAccount } from '../src/modules/portal/session.ts';

/**
 * Issue 7, first slice: the family portal's sign-in (demo accounts), the children a person is
 * linked to, "Vilka hjälper oss?", consents in plain language and "Vem har läst om oss?" — with
 * an access matrix over a guardian, the child, another family's guardian, a young adult's former
 * guardian and a person with no case.
 */
interface Portal {
  cookie: string;
  csrf: string;
}

describe('family portal', () => {
  let server: TestServer;
  let call: Call;
  let kurator: Session;
  let soc: Session;
  let elevC: string;
  const today = toSwedishDate(new Date());

  async function portalLogin(username: string, password = 'Samsyn-demo-2026'): Promise<Portal & { linked: boolean }> {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const raw = String(res.headers['set-cookie']);
    const cookie = raw.split(';')[0]!;
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } });
    return { cookie, csrf: me.json().csrfToken, linked: res.json().linked };
  }
  const get = async (p: Portal, url: string) => {
    const res = await server.app.inject({ method: 'GET', url, headers: { cookie: p.cookie } });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };

  /** A child created by staff, with one custodial guardian whose personnummer we know, and a portal account for that guardian. */
  async function familyWithAccount(username: string, birthDate: string, serial: number) {
    const guardianNumber = fictitiousIdentityNumber('1975-05-05', serial);
    const res = await call(kurator, 'POST', '/api/v1/children', {
      givenName: `Barn${serial}`,
      familyName: 'Portalsson',
      identityNumber: fictitiousIdentityNumber(birthDate, serial),
      protectedIdentity: false,
      guardians: [{ name: `Vera Portalsson${serial}`, custody: 'vardnadshavare', identityNumber: guardianNumber }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await createPortalAccount(server.database.db, {
      username,
      password: 'Ett-langt-losenord-1',
      identityHash: server.deps.crypto.keyedHash(guardianNumber),
      displayName: `Vera Portalsson${serial}`,
    });
    return res.body.id as string;
  }

  beforeAll(async () => {
    // With the demo's meetings: the next team meeting has Elev C on the agenda, the family invited.
    server = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', DEMO_MEETINGS: 'true' }) });
    call = caller(server);
    kurator = await server.login('kurator.bjork');
    soc = await server.login('soc.oppen');
    const cases = (await call(kurator, 'GET', '/api/v1/cases')).body.items as { id: string; pseudonym: string }[];
    elevC = cases.find((c) => c.pseudonym === 'Elev C')!.id;
  }, 60_000);
  afterAll(() => server?.stop());

  it('signs a guardian in and lists their child, who helps, and the consent in plain language', async () => {
    const g = await portalLogin('portal.vardnadshavare');
    expect(g.linked).toBe(true);
    const me = (await get(g, '/api/v1/portal/me')).body;
    expect(me.children).toHaveLength(1);
    expect(me.children[0]).toMatchObject({ relation: 'guardian', adult: false, hasCase: true });
    const child = me.children[0].id;

    const helpers = (await get(g, `/api/v1/portal/children/${child}/helpers`)).body;
    expect(helpers.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'Trygghetsperson', name: 'Karin Berg', unit: 'Elevhälsan Björkskolan' }),
        expect.objectContaining({ role: 'Arbetar med ärendet', name: 'Omar Sandberg', unit: 'Socialtjänsten – öppenvården' }),
      ]),
    );

    const consents = (await get(g, `/api/v1/portal/children/${child}/consents`)).body;
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ status: 'active', myAnswer: 'given' });
    expect(consents[0].units).toEqual(expect.arrayContaining(['BUP Region Exempel', 'Socialtjänsten – öppenvården']));
    expect(consents[0].about).toEqual(['hur det går i skolan', 'familjen och hemmet', 'hälsa']);
    expect(consents[0].statusText).toMatch(/^Gäller till och med \d{4}-\d{2}-\d{2}\.$/);
  });

  it('shows "Vem har läst om oss?" with unit, role, date, purpose and the consent relied on, without staff names by default', async () => {
    expect((await call(kurator, 'GET', `/api/v1/cases/${elevC}`)).status).toBe(200);
    expect((await call(soc, 'GET', `/api/v1/cases/${elevC}`)).status).toBe(200);
    const g = await portalLogin('portal.vardnadshavare');
    const child = (await get(g, '/api/v1/portal/me')).body.children[0].id;
    const log = (await get(g, `/api/v1/portal/children/${child}/read-log`)).body;
    expect(log.staffNamesShown).toBe(false);
    const soc1 = log.items.find((i: { unit: string }) => i.unit === 'Socialtjänsten – öppenvården');
    expect(soc1).toMatchObject({ date: today, role: 'Yrkesperson', name: null, purpose: 'Samordna stödet till barnet' });
    expect(soc1.consent).toMatch(/^Samtycket som gäller \d{4}-\d{2}-\d{2} till \d{4}-\d{2}-\d{2}\.$/);
    const own = log.items.find((i: { unit: string }) => i.unit === 'Elevhälsan Björkskolan');
    expect(own.consent).toBe('Verksamheten har barnets uppgifter själv. Inget samtycke behövs.');
    // Never the portal's own reads, never security details.
    const text = JSON.stringify(log);
    expect(text).not.toMatch(/portal_read|session|[0-9a-f]{8}-[0-9a-f]{4}/);
    // The portal's reads are themselves in the organisation's audit log.
    const audited = await server.database.ownerQuery(
      `select count(*)::int as n from audit_log where action = 'portal_read' and details->>'relation' = 'guardian'`,
    );
    expect(Number(audited.rows[0]!.n)).toBeGreaterThan(0);
  });

  it('tells the sign-in page whether e-ID is configured, without a session', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/portal/sign-in-options' });
    expect(res.json()).toEqual({ oidc: false });
  });

  it('lets the child sign in to their own record', async () => {
    const c = await portalLogin('portal.barn');
    const me = (await get(c, '/api/v1/portal/me')).body;
    expect(me.children).toEqual([expect.objectContaining({ relation: 'self', hasCase: true })]);
    expect((await get(c, `/api/v1/portal/children/${me.children[0].id}/helpers`)).status).toBe(200);
  });

  it('access matrix: nobody opens a child they are not linked to; a guardian loses access at 18', async () => {
    const g = await portalLogin('portal.vardnadshavare');
    const elevChild = (await get(g, '/api/v1/portal/me')).body.children[0].id as string;
    const otherChild = await familyWithAccount('portal.annan', yearsAgo(new Date(), 9), 61);
    const adultChild = await familyWithAccount('portal.vuxen', yearsAgo(new Date(), 19), 62);
    await createPortalAccount(server.database.db, {
      username: 'portal.okand',
      password: 'Ett-langt-losenord-1',
      identityHash: server.deps.crypto.keyedHash(fictitiousIdentityNumber('1970-01-01', 63)),
      displayName: 'Okänd Person',
    });
    const other = await portalLogin('portal.annan', 'Ett-langt-losenord-1');
    const formerGuardian = await portalLogin('portal.vuxen', 'Ett-langt-losenord-1');
    const unknown = await portalLogin('portal.okand', 'Ett-langt-losenord-1');
    expect(unknown.linked).toBe(false);
    expect((await get(unknown, '/api/v1/portal/me')).body.children).toEqual([]);

    const adultHandle = (await get(formerGuardian, '/api/v1/portal/me')).body.children[0];
    expect(adultHandle).toMatchObject({ adult: true });
    const otherHandle = (await get(other, '/api/v1/portal/me')).body.children[0].id as string;
    expect(otherHandle.endsWith(otherChild)).toBe(true);
    expect(adultHandle.id.endsWith(adultChild)).toBe(true);

    const viewers: [string, Portal, string[]][] = [
      ['guardian', g, [elevChild]],
      ['other family', other, [otherHandle]],
      ['former guardian', formerGuardian, []],
      ['no case', unknown, []],
    ];
    let cells = 0;
    let unauthorised = 0;
    for (const [who, p, allowed] of viewers)
      for (const target of [elevChild, otherHandle, adultHandle.id as string])
        for (const what of ['helpers', 'consents', 'read-log']) {
          const res = await get(p, `/api/v1/portal/children/${target}/${what}`);
          cells++;
          const ok = allowed.includes(target);
          if (res.status === 200 && !ok) unauthorised++;
          expect(res.status, `${who} → ${what}`).toBe(ok ? 200 : target === adultHandle.id && who === 'former guardian' ? 403 : 404);
          if (res.status === 403) expect(res.body.detail).toMatch(/fyllt 18 år/);
        }
    console.log(`access matrix (portal): ${cells} cells, ${unauthorised} unauthorised reads`);
    expect(unauthorised).toBe(0);
    expect((await get(g, '/api/v1/portal/children/not-a-child/helpers')).status).toBe(400);
  });

  it('keeps portal and staff sessions apart, needs the CSRF token to sign out, and refuses a wrong password', async () => {
    const g = await portalLogin('portal.vardnadshavare');
    const staffRead = await server.app.inject({ method: 'GET', url: `/api/v1/cases/${elevC}`, headers: { cookie: g.cookie } });
    expect(staffRead.statusCode).toBe(401);
    const portalWithStaff = await server.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: kurator.headers() });
    expect(portalWithStaff.statusCode).toBe(401);
    const noCsrf = await server.app.inject({ method: 'POST', url: '/api/v1/portal/logout', headers: { cookie: g.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await server.app.inject({ method: 'POST', url: '/api/v1/portal/logout', headers: { cookie: g.cookie, 'x-csrf-token': g.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await get(g, '/api/v1/portal/me')).status).toBe(401);
    const wrong = await server.app.inject({ method: 'POST', url: '/api/v1/portal/login', payload: { username: 'portal.barn', password: 'fel' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().title).toBe('Fel användarnamn eller lösenord');
  });

  it('"Det här vill jag säga": the child’s and the guardian’s own words go straight into the next meeting’s agenda item', async () => {
    const c = await portalLogin('portal.barn');
    const child = (await get(c, '/api/v1/portal/me')).body.children[0].id as string;
    const next = (await get(c, `/api/v1/portal/children/${child}/next-meeting`)).body.meeting;
    expect(next).toMatchObject({ invited: true, myWords: 'Måndagarna med kuratorn hjälper. Jag vill fortsätta med dem.', version: 1 });
    expect(next.date >= today).toBe(true);
    const put = (p: Portal, handle: string, body: unknown) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/v1/portal/children/${handle}/my-words`,
        headers: { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const saved = await put(c, child, { words: 'Jag vill ha mindre läxor på måndagar.', version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().meeting).toMatchObject({ myWords: 'Jag vill ha mindre läxor på måndagar.', version: 2 });
    const stale = await put(c, child, { words: 'Något annat', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.myWords).toBe('Jag vill ha mindre läxor på måndagar.');
    expect((await put(c, child, { words: 'x'.repeat(2001), version: 2 })).statusCode).toBe(400);

    const g = await portalLogin('portal.vardnadshavare');
    const gChild = (await get(g, '/api/v1/portal/me')).body.children[0].id as string;
    const gNext = (await get(g, `/api/v1/portal/children/${gChild}/next-meeting`)).body.meeting;
    expect(gNext.myWords).toBeNull(); // the guardians' words, not the child's
    expect((await put(g, gChild, { words: 'Vi vill kunna ringa en person.', version: gNext.version })).statusCode).toBe(200);

    const row = (
      await server.database.ownerQuery(
        `select child_words, guardian_words, updated_via from agenda_voices where agenda_item_id in
        (select ai.id from agenda_items ai join cases c on c.id = ai.case_id join meetings m on m.id = ai.meeting_id where c.id = $1 and m.date >= $2)`,
        [elevC, today],
      )
    ).rows[0]!;
    expect(row).toMatchObject({
      child_words: 'Jag vill ha mindre läxor på måndagar.',
      guardian_words: 'Vi vill kunna ringa en person.',
      updated_via: 'portal',
    });
  });

  it('lets a guardian withdraw their own consent, at once; a consent they did not give is refused and nothing changes', async () => {
    const g = await portalLogin('portal.vardnadshavare');
    const child = (await get(g, '/api/v1/portal/me')).body.children[0].id as string;
    const [consent] = (await get(g, `/api/v1/portal/children/${child}/consents`)).body as { id: string; status: string }[];
    const post = (p: Portal, url: string) =>
      server.app.inject({
        method: 'POST',
        url,
        headers: { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json' },
        payload: '{}',
      });
    const eventText = 'Trygghetspersonen har haft ett första samtal med eleven.';
    const socSees = async () => JSON.stringify((await call(soc, 'GET', `/api/v1/cases/${elevC}/events`)).body).includes(eventText);
    expect(await socSees()).toBe(true);

    // The child did not give it (the guardians did): refused, nothing changes.
    const c = await portalLogin('portal.barn');
    const childHandle = (await get(c, '/api/v1/portal/me')).body.children[0].id as string;
    const byChild = await post(c, `/api/v1/portal/children/${childHandle}/consents/${consent!.id}/withdraw`);
    expect(byChild.statusCode).toBe(400);
    expect(byChild.json().errors[0].message).toBe('Bara den som har lämnat samtycket kan återkalla det.');
    expect(await socSees()).toBe(true);
    // Another child's consent id through this child: not found.
    expect((await post(g, `/api/v1/portal/children/${child}/consents/${crypto.randomUUID()}/withdraw`)).statusCode).toBe(404);
    // Without the portal CSRF token: refused.
    const noToken = await server.app.inject({
      method: 'POST',
      url: `/api/v1/portal/children/${child}/consents/${consent!.id}/withdraw`,
      headers: { cookie: g.cookie, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noToken.statusCode).toBe(403);

    const res = await post(g, `/api/v1/portal/children/${child}/consents/${consent!.id}/withdraw`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0]).toMatchObject({
      status: 'withdrawn',
      myAnswer: 'withdrawn',
      statusText: 'Samtycket är återkallat. Det gäller inte längre.',
    });
    // At once: social services no longer sees what the consent covered.
    expect(await socSees()).toBe(false);
    const events = (await call(kurator, 'GET', `/api/v1/cases/${elevC}/events`)).body.items as { text?: string }[];
    expect(events.some((e) => e.text === 'En vårdnadshavare återkallade samtycket i familjeportalen. Det gäller inte längre, från och med nu.')).toBe(
      true,
    );
    const again = await post(g, `/api/v1/portal/children/${child}/consents/${consent!.id}/withdraw`);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].message).toBe('Du har redan återkallat samtycket.');
  });
});
