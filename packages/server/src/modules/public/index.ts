import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { directoryPage, organisationsPage, PUBLIC_CSS_PATH, PUBLIC_PATH, unknownOrganisationPage } from './page.ts';
import { systemListPublicOffers, systemListPublicOrganisations, systemPublicWheelAreas } from './read.ts';
import { filterOffers, parseSearch } from './search.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Anyone may search, so modestly: enough for a person, too little for a scraper hammering the database. */
const PUBLIC_ROUTE = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

const sendHtml = (reply: FastifyReply, status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').send(body);

/**
 * Issue 6 §2: "Vart vänder jag mig?" – the "vem gör vad" directory for children, families and
 * anyone else, without a log-in. Server-rendered HTML (found by search engines, works on any
 * phone without JavaScript). It shows only the public fields of active entries of active units;
 * bad input gets a clear message (Swedish, then English) and HTTP 400, an unknown organisation 404.
 * Hidden from the OpenAPI document: these are pages, not API operations.
 */
export function registerPublicRoutes(app: FastifyInstance, deps: AppDeps): void {
  const css = readFileSync(join(import.meta.dirname, 'public.css'), 'utf8');
  const db = deps.database.db;

  app.get(PUBLIC_CSS_PATH, { config: PUBLIC_ROUTE, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css),
  );

  app.get(PUBLIC_PATH, { config: PUBLIC_ROUTE, schema: { hide: true } }, async (_request, reply) => {
    const orgs = await systemListPublicOrganisations(db);
    // One organisation (a single municipality's installation): straight to its directory.
    if (orgs.length === 1) return reply.redirect(`${PUBLIC_PATH}/${orgs[0]!.id}`, 302);
    return sendHtml(reply, 200, organisationsPage(orgs));
  });

  app.get<{ Params: { tenantId: string } }>(`${PUBLIC_PATH}/:tenantId`, { config: PUBLIC_ROUTE, schema: { hide: true } }, async (request, reply) => {
    const orgs = await systemListPublicOrganisations(db);
    const id = request.params.tenantId;
    const org = UUID.test(id) ? orgs.find((o) => o.id === id.toLowerCase()) : undefined;
    if (!org) return sendHtml(reply, 404, unknownOrganisationPage());
    const areas = await systemPublicWheelAreas(db, org.id);
    const { input, filter, errors } = parseSearch(
      request.query,
      areas.filter((a) => !a.retired).map((a) => a.key),
    );
    const showOrganisationsLink = orgs.length > 1;
    if (errors.length > 0) return sendHtml(reply, 400, directoryPage({ org, showOrganisationsLink, areas, input, errors, results: null }));
    const results = filterOffers(await systemListPublicOffers(db, org.id), filter);
    return sendHtml(reply, 200, directoryPage({ org, showOrganisationsLink, areas, input, errors, results }));
  });
}
