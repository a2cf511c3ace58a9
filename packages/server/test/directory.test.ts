import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, UNIT, unitIds, type Call } from './cases-helpers.ts';

/** Issue 6 §1: the "vem gör vad" directory, maintained by admins and each unit's chef. */
describe('support directory', () => {
  let server: TestServer;
  let call: Call;
  let admin: Session;
  let chef: Session;
  let kurator: Session;
  let units: Record<string, string>;
  const offer = () => ({
    unitId: units[UNIT.socOppen],
    name: 'Föräldraskapsstöd i grupp',
    description: 'Träffar för föräldrar om vardagen med barn.',
    level: 'selective',
    ageMin: 3,
    ageMax: 12,
    areaKeys: ['trygg', 'omvardad'],
    kind: 'service',
    howToGet: 'Ring eller mejla oss, du behöver ingen remiss.',
    contactEmail: 'foraldrastod@exempelby.example',
    typicalWait: 'Cirka 4 veckor',
    evidenceNote: 'Föräldraskapsstöd är kostnadseffektivt.',
  });

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server);
    admin = await server.login('admin');
    chef = await server.login('chef.soc');
    kurator = await server.login('kurator.bjork');
    units = await unitIds(call, kurator);
  }, 60_000);
  afterAll(() => server?.stop());

  it('a unit chef adds an entry for the own unit; staff find it by need, age, level and text', async () => {
    const created = await call(chef, 'POST', '/api/v1/support-offers', offer());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ unit: { name: UNIT.socOppen }, mayEdit: true, version: 1 });
    // Sorted here: the server's order by name follows the database's collation.
    const find = async (query: string) =>
      ((await call(kurator, 'GET', `/api/v1/support-offers${query}`)).body.items as { name: string; mayEdit: boolean }[]).map((i) => i.name).sort();
    // The demo directory has its own parenting support (ABC) from the same unit.
    expect(await find('?area=trygg&age=8&level=selective')).toEqual(['Föräldraskapsstöd i grupp', 'Föräldraskapsstöd – ABC'].sort());
    expect(await find('?age=15')).not.toContain('Föräldraskapsstöd i grupp');
    expect(await find('?area=aktiv')).not.toContain('Föräldraskapsstöd i grupp');
    expect(await find('?q=föräldra')).toEqual(['Föräldraskapsstöd i grupp', 'Föräldraskapsstöd – ABC'].sort());
    expect(await find(`?q=föräldra&unitId=${units[UNIT.bup]}`)).toEqual([]);
    const asKurator = (await call(kurator, 'GET', '/api/v1/support-offers')).body;
    expect(asKurator.items.every((i: { mayEdit: boolean }) => !i.mayEdit)).toBe(true);
    // Who may add entries for which unit comes from the server: nobody for a professional, the own unit for a chef, all for an admin.
    expect(asKurator.addableUnits).toEqual([]);
    expect((await call(chef, 'GET', '/api/v1/support-offers')).body.addableUnits).toEqual([{ id: units[UNIT.socOppen], name: UNIT.socOppen }]);
    expect((await call(admin, 'GET', '/api/v1/support-offers')).body.addableUnits.length).toBe(Object.keys(units).length);
    expect((await call(kurator, 'GET', `/api/v1/support-offers?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('refuses bad entries with Swedish messages and changes nothing', async () => {
    const before = (await call(admin, 'GET', '/api/v1/support-offers')).body.items.length;
    const noContact = await call(admin, 'POST', '/api/v1/support-offers', { ...offer(), contactEmail: null, contactPhone: null });
    expect(noContact.status).toBe(400);
    expect(noContact.body.errors[0].message).toMatch(/funktionsbrevlåda eller ett telefonnummer/);
    const backwards = await call(admin, 'POST', '/api/v1/support-offers', { ...offer(), ageMin: 12, ageMax: 6 });
    expect(backwards.body.errors[0].message).toBe('Åldersspannet är bakvänt: från 12 till 6 år.');
    const person = await call(admin, 'POST', '/api/v1/support-offers', { ...offer(), contactEmail: 'kurator.bjork@exempelby.example' });
    expect(person.body.errors[0].message).toMatch(/persons egen e-postadress/);
    // A chef may not add entries for another unit; a professional may not add any.
    expect((await call(chef, 'POST', '/api/v1/support-offers', { ...offer(), unitId: units[UNIT.bup] })).status).toBe(404);
    expect((await call(kurator, 'POST', '/api/v1/support-offers', offer())).status).toBe(404);
    // Another tenant's unit does not exist here.
    const other = await server.login('testkoping.kurator');
    const foreign = await call(admin, 'POST', '/api/v1/support-offers', { ...offer(), unitId: other.me.actingUnit.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].message).toMatch(/finns inte/);
    expect((await call(admin, 'GET', '/api/v1/support-offers')).body.items.length).toBe(before);
  });

  it('changes an entry with a version check, and retires it', async () => {
    const created = (
      await call(admin, 'POST', '/api/v1/support-offers', { ...offer(), unitId: units[UNIT.bup], name: 'Samtal om oro', kind: 'health_care' })
    ).body;
    const stale = await call(admin, 'PUT', `/api/v1/support-offers/${created.id}`, { ...offer(), unitId: units[UNIT.bup], version: 9, active: true });
    expect(stale.status).toBe(409);
    const retired = await call(admin, 'PUT', `/api/v1/support-offers/${created.id}`, {
      ...offer(),
      unitId: units[UNIT.bup],
      name: 'Samtal om oro',
      kind: 'health_care',
      version: created.version,
      active: false,
    });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(((await call(kurator, 'GET', '/api/v1/support-offers')).body.items as { name: string }[]).map((i) => i.name)).not.toContain(
      'Samtal om oro',
    );
    expect(
      (await call(chef, 'PUT', `/api/v1/support-offers/${created.id}`, { ...offer(), unitId: units[UNIT.bup], version: 2, active: true })).status,
    ).toBe(404);
  });
});
