import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictitiousIdentityNumber } from '@samsyn/domain';
import { portalSignIn } from './portal-helpers.ts';
import { startTestServer, testConfig, type Session, type TestServer } from './harness.ts';
import { caller, yearsAgo, type Call } from './cases-helpers.ts';
import { createPortalAccount } from '../src/modules/portal/session.ts';

/**
 * Issue 7 "Done when": the family portal's access matrix. Every portal read of a child — who
 * helps, consents, the read log, the next meeting, the wheel, the plan (and its PDF), the
 * feedback question — for six people: the child herself (Elev E, 13), her guardian, another
 * family's guardian, a young adult (19) and that young adult's former guardian, and a person
 * with no case; against three children. A cell is unauthorised when anything but the person's
 * own linked child answers 200. Writes are tried too: nobody writes about a child they are not
 * linked to, and nothing changes.
 */
interface Portal {
  cookie: string;
  csrf: string;
}

const READS = ['helpers', 'consents', 'read-log', 'next-meeting', 'wheel', 'plan', 'plan.pdf', 'feedback'];

describe('family portal: access matrix', () => {
  let server: TestServer;
  let call: Call;
  let kurator: Session;

  const login = (username: string, password?: string): Promise<Portal> => portalSignIn(server, username, password);
  const handles = async (p: Portal) =>
    (await server.app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie: p.cookie } })).json().children as {
      id: string;
      relation: string;
      adult: boolean;
    }[];

  beforeAll(async () => {
    server = await startTestServer({ config: testConfig({ SEED_DEMO: 'true', DEMO_MEETINGS: 'true' }) });
    call = caller(server);
    kurator = await server.login('kurator.bjork');
  }, 60_000);
  afterAll(() => server?.stop());

  it('0 unauthorised reads and writes over child, guardian, other family, young adult, former guardian and no case', async () => {
    // A young adult (19) with a case, a portal account of their own and one for their former guardian.
    const birth = yearsAgo(new Date(), 19);
    const adultNumber = fictitiousIdentityNumber(birth, 81);
    const guardianNumber = fictitiousIdentityNumber('1975-05-05', 82);
    const res = await call(kurator, 'POST', '/api/v1/children', {
      givenName: 'Vuxen',
      familyName: 'Portalsson',
      identityNumber: adultNumber,
      protectedIdentity: false,
      guardians: [{ name: 'Vera Portalsson', custody: 'vardnadshavare', identityNumber: guardianNumber }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const hash = (n: string) => server.deps.crypto.keyedHash(n);
    const pw = 'Ett-langt-losenord-1';
    await createPortalAccount(server.database.db, {
      username: 'm.vuxen',
      password: pw,
      identityHash: hash(adultNumber),
      displayName: 'Vuxen Portalsson',
    });
    await createPortalAccount(server.database.db, {
      username: 'm.forra',
      password: pw,
      identityHash: hash(guardianNumber),
      displayName: 'Vera Portalsson',
    });
    await createPortalAccount(server.database.db, {
      username: 'm.okand',
      password: pw,
      identityHash: hash(fictitiousIdentityNumber('1970-01-01', 83)),
      displayName: 'Okänd Person',
    });

    const child = await login('portal.ung');
    const guardian = await login('portal.foralder');
    const other = await login('portal.vardnadshavare');
    const youngAdult = await login('m.vuxen', pw);
    const former = await login('m.forra', pw);
    const unknown = await login('m.okand', pw);

    const [tilde] = await handles(child);
    const [tildeForGuardian] = await handles(guardian);
    const [otherChild] = await handles(other);
    const [adultSelf] = await handles(youngAdult);
    const [adultForFormer] = await handles(former);
    expect(tilde).toMatchObject({ relation: 'self' });
    expect(tildeForGuardian).toMatchObject({ relation: 'guardian', adult: false, id: tilde!.id });
    expect(adultSelf).toMatchObject({ relation: 'self', adult: false });
    expect(adultForFormer).toMatchObject({ relation: 'guardian', adult: true, id: adultSelf!.id });
    expect(await handles(unknown)).toEqual([]);

    const targets = [tilde!.id, otherChild!.id, adultSelf!.id];
    const viewers: [string, Portal, string[]][] = [
      ['the child', child, [tilde!.id]],
      ['her guardian', guardian, [tilde!.id]],
      ["another family's guardian", other, [otherChild!.id]],
      ['the young adult', youngAdult, [adultSelf!.id]],
      ["the young adult's former guardian", former, []],
      ['a person with no case', unknown, []],
    ];
    let cells = 0;
    let unauthorised = 0;
    const problems: string[] = [];
    for (const [who, p, allowed] of viewers)
      for (const target of targets)
        for (const what of READS) {
          const r = await server.app.inject({ method: 'GET', url: `/api/v1/portal/children/${target}/${what}`, headers: { cookie: p.cookie } });
          cells++;
          const ok = allowed.includes(target);
          if (r.statusCode === 200 && !ok) unauthorised++;
          // Allowed: 200, or 404 only for the plan PDF when there is no adopted plan.
          const expected = ok ? [200, ...(what === 'plan.pdf' ? [404] : [])] : who.includes('former') && target === adultSelf!.id ? [403] : [404];
          if (!expected.includes(r.statusCode)) problems.push(`${who} → ${what} of ${targets.indexOf(target)}: ${r.statusCode}`);
          if (r.statusCode === 403) expect(r.json().detail).toMatch(/fyllt 18 år/);
        }

    // Writes about a child one is not linked to: refused, nothing written.
    const before = await server.database.ownerQuery(
      `select (select count(*)::int from agenda_voices) as v, (select count(*)::int from wheel_assessments) as w,
        (select coalesce(sum(version), 0)::int from consents) as k`,
      [],
    );
    const [tildeConsent] = (
      await server.app.inject({ method: 'GET', url: `/api/v1/portal/children/${tilde!.id}/consents`, headers: { cookie: child.cookie } })
    ).json() as { id: string; unitChoices: { id: string; canWithdraw: boolean }[] }[];
    const unit = tildeConsent!.unitChoices.find((u) => u.canWithdraw)!.id;
    const writes: [string, string, unknown][] = [
      ['PUT', 'my-words', { words: 'Inte min', version: 0 }],
      ['POST', 'wheel', { ratings: [{ areaKey: 'trygg', rating: 3 }] }],
      ['POST', `consents/${tildeConsent!.id}/withdraw-unit`, { unitId: unit }],
      ['POST', `consents/${tildeConsent!.id}/answer`, { answer: 'refused' }],
      ['POST', `consents/${tildeConsent!.id}/withdraw`, {}],
    ];
    for (const [who, p] of [
      ["another family's guardian", other],
      ['the young adult', youngAdult],
      ['a person with no case', unknown],
    ] as const)
      for (const [method, path, payload] of writes) {
        const r = await server.app.inject({
          method: method as 'PUT' | 'POST',
          url: `/api/v1/portal/children/${tilde!.id}/${path}`,
          headers: { cookie: p.cookie, 'x-csrf-token': p.csrf },
          payload: payload as object,
        });
        cells++;
        if (r.statusCode < 300) unauthorised++;
        if (r.statusCode !== 404) problems.push(`${who} → ${method} ${path}: ${r.statusCode}`);
      }
    // The former guardian of a young adult who turned 18: every write refused (403, with the reason), nothing written.
    for (const [method, path, payload] of [
      ['PUT', 'my-words', { words: 'Vi vill säga något', version: 0 }],
      ['POST', 'wheel', { ratings: [{ areaKey: 'trygg', rating: 3 }] }],
    ] as const) {
      const r = await server.app.inject({
        method,
        url: `/api/v1/portal/children/${adultSelf!.id}/${path}`,
        headers: { cookie: former.cookie, 'x-csrf-token': former.csrf },
        payload,
      });
      cells++;
      if (r.statusCode < 300) unauthorised++;
      if (r.statusCode !== 403) problems.push(`former guardian → ${method} ${path}: ${r.statusCode}`);
      else expect(r.json().detail).toMatch(/fyllt 18 år/);
    }
    const after = await server.database.ownerQuery(
      `select (select count(*)::int from agenda_voices) as v, (select count(*)::int from wheel_assessments) as w,
        (select coalesce(sum(version), 0)::int from consents) as k`,
      [],
    );
    expect(after.rows).toEqual(before.rows);

    console.log(`access matrix (portal, issue 7): ${cells} cells, ${unauthorised} unauthorised`);
    expect(problems).toEqual([]);
    expect(unauthorised).toBe(0);
  });
});
