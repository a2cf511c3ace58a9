import { fictitiousIdentityNumber } from '@samsyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from './harness.ts';

let s: TestServer;
let kurator: Session;
let samordnare: Session;
let bup: Session;
let schoolId: string;
const PNR = '20150704-9946';

beforeAll(async () => {
  s = await startTestServer();
  kurator = await s.login('kurator.bjork');
  samordnare = await s.login('samordnare.f6'); // acts for Elevhälsan Björkskolan first (alphabetical)
  bup = await s.login('bup');
  schoolId = (await s.app.inject({ method: 'GET', url: '/api/v1/units/schools', headers: kurator.headers() })).json().items[0].id;
});
afterAll(async () => {
  await s?.stop();
});

const post = (sess: Session, payload: unknown) =>
  s.app.inject({ method: 'POST', url: '/api/v1/children', headers: sess.headers(), payload: payload as object });
const child = (overrides: Record<string, unknown> = {}) => ({
  givenName: 'Tova',
  familyName: 'Påhittadsson',
  identityNumber: PNR,
  protectedIdentity: false,
  address: 'Låtsasgatan 1, 999 99 Exempelby',
  schoolUnitId: schoolId,
  guardians: [{ name: 'Tina Påhittadsson', custody: 'vardnadshavare', phone: '070-000 12 34', email: 'tina@exempel.example' }],
  ...overrides,
});

describe('child record', () => {
  let id: string;

  it('creates a record owned by the acting unit, with the birth date from the personnummer, audited', async () => {
    expect(PNR.replace('-', '')).toBe(fictitiousIdentityNumber('2015-07-04', 14));
    const res = await post(kurator, child());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body).toMatchObject({ birthDate: '2015-07-04', identityNumber: '201507049946', owningUnitId: kurator.me.actingUnit.id, version: 1 });
    expect(body.abilities).toEqual({ canEdit: true, canSeeProtectedDetails: true, canManageNamedProfessionals: true });
    const stored = await s.database.ownerQuery(`select identity_number_enc, identity_number_hash from children where id = $1`, [id]);
    expect(String(stored.rows[0]!.identity_number_enc)).not.toContain('20150704');
    const audit = await s.database.ownerQuery(`select action from audit_log where subject_child_id = $1 order by id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'read']);
  });

  it('refuses bad identity numbers, future birth dates, bad phones and non-schools, at the field', async () => {
    const bad = await post(kurator, child({ identityNumber: '20150704-9815' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'identityNumber', message: 'Ogiltigt personnummer eller samordningsnummer' });
    const future = await post(kurator, child({ identityNumber: fictitiousIdentityNumber('2031-01-01', 2) }));
    expect(future.json().errors[0]).toMatchObject({ field: 'identityNumber', message: 'Födelsedatumet ligger i framtiden' });
    const phone = await post(
      kurator,
      child({ identityNumber: fictitiousIdentityNumber('2016-01-01', 3), guardians: [{ name: 'X Y', custody: 'annan', phone: 'ring mig' }] }),
    );
    expect(phone.json().errors[0].field).toBe('guardians.0.phone');
    const notSchool = await post(
      kurator,
      child({ identityNumber: fictitiousIdentityNumber('2016-01-02', 4), schoolUnitId: kurator.me.actingUnit.id }),
    );
    expect(notSchool.json().errors[0]).toMatchObject({ field: 'schoolUnitId' });
    const count = await s.database.ownerQuery(
      `select count(*)::int as n from children where birth_date in ('2031-01-01', '2016-01-01', '2016-01-02')`,
    );
    expect(count.rows[0]!.n).toBe(0);
  });

  it('accepts a samordningsnummer', async () => {
    const res = await post(kurator, child({ identityNumber: '701063-2391', givenName: 'Sam' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().birthDate).toBe('1970-10-03');
  });

  it('refuses a duplicate in the same unit, but another unit keeps its own record without learning of the first', async () => {
    const dup = await post(samordnare, child());
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ field: 'identityNumber', message: 'Barnet finns redan i din verksamhet' });
    const elsewhere = await post(bup, child({ schoolUnitId: null }));
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().id).not.toBe(id);
  });

  it('search by personnummer shows only what the searcher may see, and does not log the number', async () => {
    const mine = (await s.app.inject({ method: 'GET', url: `/api/v1/children/search?identityNumber=${PNR}`, headers: kurator.headers() })).json()
      .items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([id]);
    const theirs = (await s.app.inject({ method: 'GET', url: `/api/v1/children/search?identityNumber=${PNR}`, headers: bup.headers() })).json().items;
    expect(theirs).toHaveLength(1);
    expect(theirs[0].id).not.toBe(id);
    const chef = await s.login('rektor.bjork');
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/v1/children/search?identityNumber=${PNR}`, headers: chef.headers() })).json().items,
    ).toEqual([]);
    const audit = await s.database.ownerQuery(`select details::text as d from audit_log where action = 'search' and actor_user_id = $1`, [
      kurator.me.id,
    ]);
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const r of audit.rows) expect(String(r.d)).not.toMatch(/2015070|9946/);
    const invalid = await s.app.inject({ method: 'GET', url: '/api/v1/children/search?identityNumber=123', headers: kurator.headers() });
    expect(invalid.json().errors[0].field).toBe('identityNumber');
  });

  it('filters by name within what the actor may see', async () => {
    const res = (await s.app.inject({ method: 'GET', url: '/api/v1/children?q=p%C3%A5hittad', headers: kurator.headers() })).json().items as {
      displayName: string;
    }[];
    expect(res.length).toBeGreaterThan(0);
    expect(res.every((c) => /påhittad/i.test(c.displayName))).toBe(true);
  });

  it('edits with optimistic concurrency; another unit cannot edit', async () => {
    const ok = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/children/${id}`,
      headers: kurator.headers(),
      payload: { version: 1, givenName: 'Tove' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ givenName: 'Tove', version: 2, address: 'Låtsasgatan 1, 999 99 Exempelby' });
    const stale = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/children/${id}`,
      headers: samordnare.headers(),
      payload: { version: 1, givenName: 'Skriver över' },
    });
    expect(stale.statusCode).toBe(409);
    const other = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/children/${id}`,
      headers: bup.headers(),
      payload: { version: 2, givenName: 'Hackad' },
    });
    expect(other.statusCode).toBe(404);
    const now = (await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: kurator.headers() })).json();
    expect(now.givenName).toBe('Tove');
  });

  it('keeps a stored guardian’s personnummer and address when an edit leaves them out', async () => {
    const created = await post(
      kurator,
      child({
        identityNumber: fictitiousIdentityNumber('2016-03-03', 7),
        guardians: [
          {
            name: 'Gun Gammal',
            custody: 'vardnadshavare',
            identityNumber: fictitiousIdentityNumber('1980-01-01', 8),
            address: 'Gamla vägen 2',
            phone: '070-000 00 01',
          },
        ],
      }),
    );
    const c = created.json();
    const g = c.guardians[0];
    const edited = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/children/${c.id}`,
      headers: kurator.headers(),
      payload: {
        version: c.version,
        guardians: [
          { id: g.id, name: 'Gun Gammal', custody: 'vardnadshavare', phone: '070-000 00 02', email: null },
          { name: 'Nils Ny', custody: 'annan', phone: null, email: null },
        ],
      },
    });
    expect(edited.statusCode).toBe(200);
    const rows = await s.database.ownerQuery(
      `select name, phone, address, identity_number_hash is not null as has_pnr from guardians where child_id = $1 order by name`,
      [c.id],
    );
    expect(rows.rows).toEqual([
      { name: 'Gun Gammal', phone: '070-000 00 02', address: 'Gamla vägen 2', has_pnr: true },
      { name: 'Nils Ny', phone: null, address: null, has_pnr: false },
    ]);
    const foreign = await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/children/${c.id}`,
      headers: kurator.headers(),
      payload: {
        version: edited.json().version,
        givenName: 'Ändrad',
        guardians: [{ id: '01890000-0000-7000-8000-000000000099', name: 'X', custody: 'annan', phone: null, email: null }],
      },
    });
    expect(foreign.json().errors[0].field).toBe('guardians.0.id');
    const after = (await s.app.inject({ method: 'GET', url: `/api/v1/children/${c.id}`, headers: kurator.headers() })).json();
    expect(after.givenName).toBe('Tova'); // the refused edit changed nothing
  });

  it('protected identity: only named professionals see address, school and guardian contacts', async () => {
    const v = (await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: kurator.headers() })).json().version;
    await s.app.inject({
      method: 'PATCH',
      url: `/api/v1/children/${id}`,
      headers: kurator.headers(),
      payload: { version: v, protectedIdentity: true },
    });
    const hidden = (await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: kurator.headers() })).json();
    expect(hidden).toMatchObject({ address: null, schoolUnitName: null, abilities: { canSeeProtectedDetails: false } });
    expect(hidden.guardians[0].phone).toBeNull();
    const eligible = (await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}/eligible-professionals`, headers: kurator.headers() })).json()
      .items as { userId: string }[];
    expect(eligible.map((e) => e.userId)).toContain(kurator.me.id);
    const wrong = await s.app.inject({
      method: 'PUT',
      url: `/api/v1/children/${id}/named-professionals`,
      headers: kurator.headers(),
      payload: { userIds: [bup.me.id] },
    });
    expect(wrong.json().errors[0].field).toBe('userIds.0');
    const named = await s.app.inject({
      method: 'PUT',
      url: `/api/v1/children/${id}/named-professionals`,
      headers: kurator.headers(),
      payload: { userIds: [kurator.me.id] },
    });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ address: 'Låtsasgatan 1, 999 99 Exempelby', abilities: { canSeeProtectedDetails: true } });
    expect(named.json().guardians[0].phone).toBe('070-000 12 34');
    const colleague = (await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: samordnare.headers() })).json();
    expect(colleague).toMatchObject({ address: null, schoolUnitName: null });
  });

  it('is 404 for roles without individual data and for other units', async () => {
    for (const who of ['rektor.bjork', 'admin', 'logg']) {
      const sess = await s.login(who);
      expect((await post(sess, child({ identityNumber: fictitiousIdentityNumber('2017-05-05', 6) }))).statusCode).toBe(404);
      expect((await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}`, headers: sess.headers() })).statusCode).toBe(404);
    }
    expect((await s.app.inject({ method: 'GET', url: `/api/v1/children/${id}/eligible-professionals`, headers: bup.headers() })).statusCode).toBe(
      404,
    );
  });
});
