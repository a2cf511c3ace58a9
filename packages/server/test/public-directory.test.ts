import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../src/modules/public/html.ts';
import { startTestServer, type Session, type TestServer } from './harness.ts';
import { caller, UNIT, unitIds, type Call } from './cases-helpers.ts';

/**
 * Issue 6 §2: the public page "Vart vänder jag mig?". No log-in; only the public fields of active
 * entries of active units of the chosen organisation; bad input is a clear message and a 400.
 */
describe('escapeHtml and html``', () => {
  it('escapes the five special characters and keeps nested templates as markup', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    const name = '<b>Stöd</b>';
    expect(html`<li>${name}</li>`.value).toBe('<li>&lt;b&gt;Stöd&lt;/b&gt;</li>');
    const items = [name, 'ok'].map((n) => html`<li>${n}</li>`);
    // Prettier formats html`` templates; the whitespace between tags is not what is tested here.
    expect(
      html`<ul>
        ${items}
      </ul>`.value.replace(/>\s+</g, '><'),
    ).toBe('<ul><li>&lt;b&gt;Stöd&lt;/b&gt;</li><li>ok</li></ul>');
    expect(html`<p>${null}${undefined}${false}${0}</p>`.value).toBe('<p>0</p>');
  });
});

describe('public page "Vart vänder jag mig?"', () => {
  let server: TestServer;
  let call: Call;
  let admin: Session;
  let chef: Session;
  let units: Record<string, string>;
  let tenantId: string;

  const page = async (url: string) => {
    const res = await server.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.body, headers: res.headers };
  };
  /** The entries' names (h3) on a page, unescaped. */
  const names = (body: string) =>
    [...body.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
  const search = async (query: string) => {
    const res = await page(`/vart-vander-jag-mig/${tenantId}${query}`);
    expect(res.status, res.body).toBe(200);
    return names(res.body);
  };
  const entry = (overrides: Record<string, unknown> = {}) => ({
    unitId: units[UNIT.bup],
    name: 'Stödsamtal',
    description: 'Samtal för barn som oroar sig.',
    level: 'indicated',
    ageMin: 6,
    ageMax: 17,
    areaKeys: ['ma_bra'],
    kind: 'health_care',
    howToGet: 'Ring oss.',
    contactEmail: 'stod@regionexempel.example',
    ...overrides,
  });

  beforeAll(async () => {
    server = await startTestServer();
    call = caller(server);
    admin = await server.login('admin');
    chef = await server.login('chef.soc');
    units = await unitIds(call, admin);
    tenantId = admin.me.tenant.id;
  }, 60_000);
  afterAll(() => server?.stop());

  it('lists the organisations without a log-in, and serves its stylesheet', async () => {
    const res = await page('/vart-vander-jag-mig');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain('<html lang="sv">');
    expect(res.body).toContain(`<a href="/vart-vander-jag-mig/${tenantId}">Samverkan Exempellän</a>`);
    expect(res.body).toContain('Testköpings kommun');
    const css = await page('/vart-vander-jag-mig.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    // The page lives outside /api and is not an API operation.
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('vart-vander'))).toEqual([]);
  });

  it('finds the demo parenting support without a cookie, with only the public fields', async () => {
    const res = await page(`/vart-vander-jag-mig/${tenantId}?q=${encodeURIComponent('föräldraskap')}`);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['Föräldraskapsstöd – ABC']);
    for (const text of [
      'Socialtjänsten – öppenvården',
      'För grupper med risk',
      '3–12 år',
      'Omvårdad, Trygg',
      'Service utan beslut',
      'Ring eller mejla öppenvården.',
      '<a href="mailto:oppenvarden@exempelby.example">oppenvarden@exempelby.example</a>',
      '<a href="tel:0999123450">0999-12 34 50</a>',
      'En ny grupp startar ungefär var sjätte vecka.',
      'Föräldraskapsstöd är kostnadseffektivt (TSI-boken).',
    ])
      expect(res.body).toContain(text);
    // Who wrote the entries (the demo admin) is never on the page.
    for (const secret of ['Alva Administratör', 'admin@exempelby.example', admin.me.id]) expect(res.body).not.toContain(secret);
  });

  it('filters by area, age, level and text', async () => {
    expect(await search('?omrade=aktiv')).toEqual(['Fritidsgården Navet – öppen verksamhet']);
    expect(await search('?alder=20')).toEqual(['Ungdomsmottagningen']);
    expect(await search('?niva=universal&alder=11')).toEqual(['Fritidsgården Navet – öppen verksamhet']);
    expect(await search('?omrade=omvardad&alder=2')).toEqual(['Familjebehandling']);
    expect(await search(`?q=${encodeURIComponent('KURATOR')}&omrade=&alder=&niva=`)).toEqual(['Samtalsstöd hos kurator']);
    expect(await search('?q=finnsinte')).toEqual([]);
    expect((await search('')).length).toBeGreaterThanOrEqual(6);
    const none = await page(`/vart-vander-jag-mig/${tenantId}?q=finnsinte`);
    expect(none.body).toContain('Inget stöd passar sökningen.');
    // The form keeps what was chosen.
    const kept = await page(`/vart-vander-jag-mig/${tenantId}?omrade=aktiv&alder=11&niva=universal&q=navet`);
    expect(kept.body).toContain('<option value="aktiv" selected>Aktiv</option>');
    expect(kept.body).toContain('<option value="universal" selected>För alla</option>');
    expect(kept.body).toContain('value="11"');
    expect(kept.body).toContain('value="navet"');
  });

  it('answers bad input with a Swedish (then English) message and HTTP 400, and searches nothing', async () => {
    const cases: [string, RegExp][] = [
      [`?q=${'x'.repeat(101)}`, /Sökordet är för långt: högst 100 tecken, du skrev 101\./],
      ['?alder=26', /Skriv åldern i hela år, från 0 till 25\./],
      ['?alder=-1', /Skriv åldern i hela år/],
      ['?alder=tio', /Skriv åldern i hela år/],
      ['?niva=hemlig', /Nivån finns inte\./],
      ['?omrade=okant', /Området finns inte\./],
      ['?q=a&q=b', /bara finnas en gång/],
      [`?q=${encodeURIComponent('a\u0000b')}`, /tecken som inte är tillåtna/],
    ];
    for (const [query, message] of cases) {
      const res = await page(`/vart-vander-jag-mig/${tenantId}${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body, query).toMatch(message);
      expect(res.body).toContain('<div class="error" role="alert">');
      expect(res.body).toContain('lang="en"');
      expect(res.body).not.toContain('Stöd som passar');
      expect(names(res.body), query).toEqual([]);
    }
    const long = await page(`/vart-vander-jag-mig/${tenantId}?q=${'x'.repeat(101)}`);
    expect(long.body).toContain('The search text is too long');
  });

  it('answers an unknown organisation with 404', async () => {
    for (const id of [randomUUID(), 'inte-ett-id', `${tenantId}x`]) {
      const res = await page(`/vart-vander-jag-mig/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body).toContain('Organisationen finns inte');
    }
  });

  it('never shows another organisation’s entries', async () => {
    const other = await server.login('testkoping.admin');
    const created = await call(other, 'POST', '/api/v1/support-offers', {
      ...entry({ unitId: other.me.actingUnit.id, name: 'Läxhjälp i Testköping', areaKeys: ['utvecklas'] }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await search('')).not.toContain('Läxhjälp i Testköping');
    const theirs = await page(`/vart-vander-jag-mig/${other.me.tenant.id}`);
    expect(names(theirs.body)).toEqual(['Läxhjälp i Testköping']);
    expect(theirs.body).not.toContain('Föräldraskapsstöd');
  });

  it('does not show a retired entry or the entries of an inactive unit', async () => {
    const retired = (await call(admin, 'POST', '/api/v1/support-offers', entry({ name: 'Tillfälligt stöd' }))).body;
    expect(await search('')).toContain('Tillfälligt stöd');
    const put = await call(admin, 'PUT', `/api/v1/support-offers/${retired.id}`, entry({ name: 'Tillfälligt stöd', version: 1, active: false }));
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(await search('')).not.toContain('Tillfälligt stöd');

    const hab = await call(admin, 'POST', '/api/v1/support-offers', entry({ unitId: units[UNIT.hab], name: 'Habiliteringens föräldrakurs' }));
    expect(hab.status).toBe(201);
    expect(await search('')).toContain('Habiliteringens föräldrakurs');
    const unit = ((await call(admin, 'GET', '/api/v1/admin/units')).body.items as { id: string; version: number }[]).find(
      (u) => u.id === units[UNIT.hab],
    )!;
    const off = await call(admin, 'PATCH', `/api/v1/admin/units/${unit.id}`, { version: unit.version, active: false });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(await search('')).not.toContain('Habiliteringens föräldrakurs');
  });

  it('escapes every output and never shows who wrote an entry', async () => {
    const nasty = await call(
      chef,
      'POST',
      '/api/v1/support-offers',
      entry({
        unitId: units[UNIT.socOppen],
        name: '<script>alert("x")</script> Stödgrupp',
        description: 'Träffar <img src=x onerror=alert(1)> & "samtal"',
        howToGet: "Kom till oss'><b>nu</b>",
        typicalWait: '</dd><script>1</script>',
        areaKeys: ['trygg'],
        kind: 'service',
      }),
    );
    expect(nasty.status, JSON.stringify(nasty.body)).toBe(201);
    const res = await page(`/vart-vander-jag-mig/${tenantId}?q=${encodeURIComponent('Stödgrupp')}`);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['<script>alert("x")</script> Stödgrupp']);
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Stödgrupp');
    expect(res.body).toContain('Träffar &lt;img src=x onerror=alert(1)&gt; &amp; &quot;samtal&quot;');
    expect(res.body).not.toMatch(/<script|<img|<b>/);
    // The chef who wrote it, and any id, are not on the page.
    for (const secret of ['Cecilia Dahl', 'chef.soc', chef.me.id, nasty.body.id, units[UNIT.socOppen]!]) expect(res.body).not.toContain(secret);
    // What the visitor typed is escaped too.
    const typed = await page(`/vart-vander-jag-mig/${tenantId}?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(typed.body).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(typed.body).not.toContain('<script');
  });
});

describe('public page with one organisation', () => {
  it('goes straight to the only organisation, and says so when there is none', async () => {
    const server = await startTestServer({ seed: false });
    try {
      const empty = await server.app.inject({ method: 'GET', url: '/vart-vander-jag-mig' });
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain('Det finns ingen organisation att visa än.');
      const id = randomUUID();
      await server.database.ownerQuery(`insert into tenants (id, name, kind) values ($1, 'Ensamby kommun', 'kommun')`, [id]);
      const one = await server.app.inject({ method: 'GET', url: '/vart-vander-jag-mig' });
      expect(one.statusCode).toBe(302);
      expect(one.headers.location).toBe(`/vart-vander-jag-mig/${id}`);
      // No wheel yet: the default areas are offered, and the empty directory says so.
      const directory = await server.app.inject({ method: 'GET', url: `/vart-vander-jag-mig/${id}` });
      expect(directory.statusCode).toBe(200);
      expect(directory.body).toContain('<option value="trygg">Trygg</option>');
      expect(directory.body).toContain('Inget stöd passar sökningen.');
      expect(directory.body).not.toContain('Välj en annan organisation');
    } finally {
      await server.stop();
    }
  }, 60_000);
});
