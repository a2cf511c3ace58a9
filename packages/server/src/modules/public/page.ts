import { SUPPORT_KIND_LABELS, SUPPORT_LEVEL_LABELS, SUPPORT_LEVELS } from '@samsyn/domain';
import { html, type SafeHtml } from './html.ts';
import type { PublicArea, PublicOffer, PublicOrganisation } from './read.ts';
import { QUERY_MAX, type SearchError, type SearchInput } from './search.ts';

export const PUBLIC_PATH = '/vart-vander-jag-mig';
export const PUBLIC_CSS_PATH = '/vart-vander-jag-mig.css';
const TITLE = 'Vart vänder jag mig?';

interface Layout {
  title: string;
  description: string;
  /** Shown in the page header: the organisation, when one is chosen. */
  header?: string;
  /** Link back to the list of organisations (there is more than one). */
  showOrganisationsLink?: boolean;
  body: SafeHtml;
}

/** The whole document: lang="sv", a skip link, one <main>, no scripts. */
function layout(p: Layout): string {
  return html`<!doctype html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title}</title>
        <meta name="description" content="${p.description}" />
        <link rel="stylesheet" href="${PUBLIC_CSS_PATH}" />
      </head>
      <body>
        <a class="skip-link" href="#main">Hoppa till huvudinnehåll</a>
        <header class="site-header"><p>${p.header ?? 'Samsyn'}</p></header>
        <main id="main" tabindex="-1">${p.body}</main>
        <footer class="site-footer">
          <p>
            ${p.showOrganisationsLink ? html`<a href="${PUBLIC_PATH}">Välj en annan organisation</a> · ` : ''}<a href="/logga-in"
              >Inloggning för personal</a
            >
          </p>
        </footer>
      </body>
    </html> `.value;
}

function errorBox(heading: string, errors: readonly SearchError[]): SafeHtml {
  return html`<div class="error" role="alert">
    <h2>${heading}</h2>
    ${errors.map(
      (e) =>
        html`<p>${e.sv}</p>
          <p lang="en">${e.en}</p>`,
    )}
  </div>`;
}

export function organisationsPage(orgs: readonly PublicOrganisation[]): string {
  const body = html`<h1>${TITLE}</h1>
    <p class="lead">Stöd för barn, unga och familjer. Välj kommunen eller samverkan du bor i.</p>
    <p lang="en">Where can I turn? Support for children, young people and families. Choose your municipality.</p>
    ${
      orgs.length === 0
        ? html`<p>Det finns ingen organisation att visa än.</p>`
        : html`<h2>Organisationer</h2>
            <ul class="org-list">
              ${orgs.map((o) => html`<li><a href="${PUBLIC_PATH}/${o.id}">${o.name}</a></li>`)}
            </ul>`
    }`;
  return layout({ title: `${TITLE} – stöd för barn och familjer`, description: 'Hitta stöd för barn, unga och familjer.', body });
}

export function unknownOrganisationPage(): string {
  const body = html`<h1>Organisationen finns inte</h1>
    ${errorBox('Sidan finns inte', [
      {
        sv: 'Det finns ingen organisation med den adressen. Kontrollera adressen eller välj en organisation i listan.',
        en: 'There is no organisation at this address. Check the address or choose an organisation from the list.',
      },
    ])}
    <p><a href="${PUBLIC_PATH}">Visa organisationerna</a></p>`;
  return layout({ title: `Organisationen finns inte – ${TITLE}`, description: 'Organisationen finns inte.', body });
}

interface DirectoryPage {
  org: PublicOrganisation;
  showOrganisationsLink: boolean;
  areas: readonly PublicArea[];
  input: SearchInput;
  errors: readonly SearchError[];
  /** null when the search was not run (bad input). */
  results: readonly PublicOffer[] | null;
}

const option = (value: string, label: string, current: string) =>
  value === current ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`;

function searchForm(p: DirectoryPage): SafeHtml {
  const active = p.areas.filter((a) => !a.retired).sort((a, b) => a.position - b.position);
  return html`<form class="search" method="get" action="${PUBLIC_PATH}/${p.org.id}" role="search" aria-labelledby="search-heading">
    <h2 id="search-heading">Sök stöd</h2>
    <div class="grid">
      <div class="field">
        <label for="omrade">Område</label>
        <span class="hint" id="omrade-hint">Vad behöver barnet eller familjen stöd med?</span>
        <select id="omrade" name="omrade" aria-describedby="omrade-hint">
          ${option('', 'Alla områden', p.input.omrade)} ${active.map((a) => option(a.key, a.labelSv, p.input.omrade))}
        </select>
      </div>
      <div class="field">
        <label for="alder">Barnets ålder</label>
        <span class="hint" id="alder-hint">I hela år, från 0 till 25.</span>
        <input id="alder" name="alder" type="text" inputmode="numeric" autocomplete="off" value="${p.input.alder}" aria-describedby="alder-hint" />
      </div>
      <div class="field">
        <label for="niva">Nivå</label>
        <span class="hint" id="niva-hint">För alla, för grupper med risk eller för enskilda med behov.</span>
        <select id="niva" name="niva" aria-describedby="niva-hint">
          ${option('', 'Alla nivåer', p.input.niva)} ${SUPPORT_LEVELS.map((l) => option(l, SUPPORT_LEVEL_LABELS[l].sv, p.input.niva))}
        </select>
      </div>
      <div class="field">
        <label for="q">Sök på ord</label>
        <span class="hint" id="q-hint">Till exempel föräldraskap eller kurator. Högst ${QUERY_MAX} tecken.</span>
        <input id="q" name="q" type="search" autocomplete="off" value="${p.input.q}" aria-describedby="q-hint" />
      </div>
    </div>
    <div class="actions">
      <button type="submit">Sök</button>
      <a href="${PUBLIC_PATH}/${p.org.id}">Visa allt stöd</a>
    </div>
  </form>`;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

function offerItem(o: PublicOffer, areaLabels: ReadonlyMap<string, string>): SafeHtml {
  const areas = o.areaKeys.flatMap((k) => {
    const label = areaLabels.get(k);
    return label ? [label] : [];
  });
  const contact = [
    o.contactEmail ? html`<a href="mailto:${o.contactEmail}">${o.contactEmail}</a>` : null,
    o.contactPhone ? html`<a href="${telHref(o.contactPhone)}">${o.contactPhone}</a>` : null,
  ].filter((c): c is SafeHtml => c !== null);
  return html`<li class="offer">
    <h3>${o.name}</h3>
    <p class="unit">${o.unitName}</p>
    <p class="text">${o.description}</p>
    <dl>
      <dt>För vem</dt>
      <dd>${SUPPORT_LEVEL_LABELS[o.level].sv}</dd>
      <dt>Ålder</dt>
      <dd>${o.ageMin === o.ageMax ? `${o.ageMin} år` : `${o.ageMin}–${o.ageMax} år`}</dd>
      ${
        areas.length > 0
          ? html`<dt>Område</dt>
              <dd>${areas.join(', ')}</dd>`
          : ''
      }
      <dt>Typ av stöd</dt>
      <dd>${SUPPORT_KIND_LABELS[o.kind].sv}</dd>
      <dt>Så får ni stödet</dt>
      <dd>${o.howToGet}</dd>
      <dt>Kontakt</dt>
      <dd>${contact.map((c, i) => html`${i > 0 ? html`<br />` : ''}${c}`)}</dd>
      ${
        o.typicalWait
          ? html`<dt>Väntetid</dt>
              <dd>${o.typicalWait}</dd>`
          : ''
      }
      ${
        o.evidenceNote
          ? html`<dt>Kunskap om stödet</dt>
              <dd>${o.evidenceNote}</dd>`
          : ''
      }
    </dl>
  </li>`;
}

function resultList(p: DirectoryPage, results: readonly PublicOffer[]): SafeHtml {
  const labels = new Map(p.areas.map((a) => [a.key, a.labelSv]));
  const count = results.length === 1 ? '1 stöd passar sökningen.' : `${results.length} stöd passar sökningen.`;
  return html`<h2 id="results-heading">Stöd som passar</h2>
    ${
      results.length === 0
        ? html`<p>Inget stöd passar sökningen. Prova att ta bort något av valen.</p>`
        : html`<p>${count}</p>
            <ul class="results" aria-labelledby="results-heading">
              ${results.map((o) => offerItem(o, labels))}
            </ul>`
    }`;
}

export function directoryPage(p: DirectoryPage): string {
  const body = html`<h1>${TITLE}</h1>
    <p class="lead">
      Här hittar du stöd för barn, unga och familjer i ${p.org.name}. Du behöver inte logga in. Sök på område, ålder, nivå eller ord.
    </p>
    <p lang="en">Where can I turn? Support for children, young people and families. Search by need, age, level or word.</p>
    ${p.errors.length > 0 ? errorBox('Sökningen gick inte att göra', p.errors) : ''} ${searchForm(p)} ${p.results ? resultList(p, p.results) : ''}`;
  return layout({
    title: p.errors.length > 0 ? `Fel i sökningen – ${TITLE} – ${p.org.name}` : `${TITLE} – ${p.org.name}`,
    description: `Stöd för barn, unga och familjer i ${p.org.name}: vem gör vad, för vilken ålder och hur man får stödet.`,
    header: p.org.name,
    showOrganisationsLink: p.showOrganisationsLink,
    body,
  });
}
