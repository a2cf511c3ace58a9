/**
 * The child's plan (barnets plan) or SIP as PDF (issue 5 §8), in two versions:
 *
 *  - the family's version, in plain Swedish (lättläst, body text ≥ 12 pt): the child's own words
 *    first, then the wheel as a picture, then per area what the child said, what the family does
 *    at home and what the adults will do, with goals and when we look at them again; last, when
 *    we follow up and whom to ask. No internal markings.
 *  - the professionals' version: "Sekretess" on every page, the pseudonymous case label, version
 *    and status; for a SIP the four legal elements (a missing one says "Saknas"), participants,
 *    consent, the child's and relatives' participation; then the areas and the wheel. The footer
 *    says who printed it and when.
 *
 * Layout (pdfkit, Helvetica, tagged, Swedish) is shared with the minutes (./minutes.ts). The wheel
 * is drawn as vector graphics from the domain's radar geometry and tagged as a Figure whose
 * alternative text lists every area's values.
 */
import PDFDocument from 'pdfkit';
import { PLAN_KIND_LABELS, radarAxisPoint, radarPoints, radarRadius } from '@samsyn/domain';
import {
  ALERT,
  clause,
  CONFIDENTIAL_HEADER,
  FAMILY_STYLE,
  FONT,
  INK,
  MUTED,
  pdfSafe,
  quoted,
  stockholmDateTime,
  swedishLongDate,
  TEAM_STYLE,
  Writer,
  type Style,
} from './minutes.ts';

export interface PlanPdfArea {
  key: string;
  labelSv: string;
  /** What the area is about, in the child's voice (WheelArea.childDescriptionSv). */
  childDescriptionSv: string;
  childWords: string;
  guardiansWillDo: string;
  actions: {
    what: string;
    /** Who does it: "Karin Berg, Elevhälsan Björkskolan" or a unit name; null when nobody is named yet. */
    who: string | null;
    start: string | null; // YYYY-MM-DD
    end: string | null; // YYYY-MM-DD
  }[];
  goals: { text: string; followUpDate: string }[];
}

export interface PlanPdfWheel {
  /** In wheel order, clockwise from the top. */
  areas: { key: string; labelSv: string }[];
  scale: { min: number; max: number };
  /** One value per area (same order), null where not rated; the whole list null when the child has not rated. */
  child: (number | null)[] | null;
  professionals: (number | null)[] | null;
  childDate: string | null; // YYYY-MM-DD
  professionalsDate: string | null; // YYYY-MM-DD
}

export interface FamilyPlanPdf {
  /** The child's first name, or 'ditt barn'. */
  childLabel: string;
  kind: 'barnets_plan' | 'sip';
  versionNumber: number;
  status: 'draft' | 'adopted' | 'superseded';
  planDate: string; // YYYY-MM-DD
  adoptedOn: string | null; // YYYY-MM-DD
  childView: { strengths: string; challenges: string };
  guardiansView: { strengths: string; challenges: string };
  areas: PlanPdfArea[];
  wheel: PlanPdfWheel | null;
  nextFollowUp: string | null; // YYYY-MM-DD
  contact: { name: string; unitName: string } | null;
  generatedAt: string; // ISO instant
}

export interface ProfessionalPlanPdf extends Omit<FamilyPlanPdf, 'contact'> {
  /** The case's pseudonym. */
  caseLabel: string;
  readerName: string;
  readerUnitName: string;
  /** The SIP's own content; null for barnets plan (and printed as missing for a SIP). */
  sip: null | {
    supportNeeded: string;
    principalContributions: { principalName: string; provides: string }[];
    othersProvide: string;
    overallResponsibility: string | null;
    participants: string[];
    personConsent: { given: boolean; date: string | null } | null;
    childParticipation: { tookPart: boolean; how: string };
    relativesParticipated: string[];
    followUpDate: string | null;
  };
  protectedIdentity: boolean;
}

// ---------------------------------------------------------------------------------------------
// Wording

export const DRAFT_NOTICE = 'Utkast – inte bestämt än';
export const PROTECTED_IDENTITY_NOTICE = 'Skyddade personuppgifter: adress och kontaktuppgifter visas inte.';
export const MISSING = 'Saknas';

/** The SIP's four legal elements (SoL 2 kap. 7 §, HSL 16 kap. 4 §) as headings, in the law's order. */
export const SIP_ELEMENT_HEADINGS = [
  '1. Insatser som behövs',
  '2. Vad varje huvudman ansvarar för',
  '3. Vad andra än kommun och region gör',
  '4. Huvudman med det övergripande ansvaret',
] as const;

const STATUS_LABEL: Record<FamilyPlanPdf['status'], string> = { draft: 'Utkast', adopted: 'Fastställd', superseded: 'Ersatt' };

const text = (s: string | null | undefined): string => (s ?? '').trim();

/** A first name, or '' when the caller only knows "ditt barn". */
function firstName(childLabel: string): string {
  const t = text(childLabel);
  return t === '' || t.toLocaleLowerCase('sv') === 'ditt barn' ? '' : t;
}

/** Swedish genitive: "Elin" → "Elins", "Jonas" → "Jonas". */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function familyTitle(p: FamilyPlanPdf): string {
  if (p.kind === 'sip') return 'Vår samordnade plan (SIP)';
  return firstName(p.childLabel) ? 'Min plan' : 'Vår plan';
}

/**
 * An action in the family's words: "Karin Berg, Elevhälsan Björkskolan ska träffa dig varje
 * vecka. Från 1 december 2026 till 31 januari 2027." Missing dates are left out ("Från …." or
 * "Till …."); without a name it says that nobody is chosen yet.
 */
export function familyActionSentence(a: PlanPdfArea['actions'][number]): string {
  const owner = text(a.who);
  const parts = [owner ? `${owner} ska ${clause(a.what)}.` : `Vi ska ${clause(a.what)}.`];
  if (!owner) parts.push('Vi har inte bestämt vem som gör det än.');
  const start = text(a.start);
  const end = text(a.end);
  if (start && end) parts.push(`Från ${swedishLongDate(start)} till ${swedishLongDate(end)}.`);
  else if (start) parts.push(`Från ${swedishLongDate(start)}.`);
  else if (end) parts.push(`Till ${swedishLongDate(end)}.`);
  return parts.join(' ');
}

/** "Målet: Elin ska vilja gå till skolan. Vi tittar på det igen 15 mars 2027." */
export function familyGoalSentence(g: PlanPdfArea['goals'][number]): string {
  const goal = text(g.text).replace(/[.\s]+$/, '');
  const date = text(g.followUpDate);
  return date ? `Målet: ${goal}. Vi tittar på det igen ${swedishLongDate(date)}.` : `Målet: ${goal}.`;
}

function period(start: string | null, end: string | null): string {
  const s = text(start);
  const e = text(end);
  if (s && e) return `${swedishLongDate(s)} \u2013 ${swedishLongDate(e)}`;
  if (s) return `från ${swedishLongDate(s)}`;
  if (e) return `till ${swedishLongDate(e)}`;
  return 'Inte angiven';
}

// ---------------------------------------------------------------------------------------------
// Document frame

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

interface Frame {
  header: string | null;
  footerLeft: string;
}

interface Flow {
  w: Writer;
  /**
   * A figure at the top level of the document, after everything written so far: kept on one page
   * (`height` points from the cursor), drawn by `draw(top)`, tagged with its alternative text.
   */
  figure(alt: string, height: number, draw: (top: number) => void): void;
}

/**
 * The same frame as the minutes (A4, tagged, sv-SE, header and "Sida X av Y" footer as
 * pagination artifacts), with access to the structure root so that figures can be tagged.
 */
function render(
  info: { title: string; subject: string; generatedAt: string },
  style: Style,
  frame: Frame,
  body: (flow: Flow) => void,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    try {
      const created = new Date(info.generatedAt);
      const doc: Doc = new PDFDocument({
        size: 'A4',
        margins: style.margins,
        bufferPages: true,
        pdfVersion: '1.7',
        tagged: true,
        lang: 'sv-SE',
        displayTitle: true,
        info: {
          Title: info.title,
          Author: 'Samsyn',
          Subject: info.subject,
          Creator: 'Samsyn',
          Producer: 'Samsyn (pdfkit)',
          ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created, ModDate: created }),
        },
      });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);

      const root: Struct = doc.struct('Document');
      doc.addStructure(root);
      const w = new Writer(doc, root, style);
      body({
        w,
        figure(alt, height, draw) {
          w.ensureSpace(height);
          const top = doc.y;
          root.add(doc.struct('Figure', { alt: pdfSafe(alt) }, () => draw(top)));
          doc.x = w.left;
          doc.y = top + height;
        },
      });
      root.end();

      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const page = doc.page;
        const bottomMargin = page.margins.bottom;
        page.margins.bottom = 0; // drawing below the bottom margin must not start a new page
        const left = page.margins.left;
        const width = page.width - page.margins.left - page.margins.right;
        if (frame.header) {
          doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] });
          doc.font(FONT.bold).fontSize(style.small).fillColor(ALERT).text(pdfSafe(frame.header), left, 30, { width, lineBreak: false });
          doc.endMarkedContent();
        }
        const y = page.height - bottomMargin + 22;
        const pageLabel = `Sida ${i - range.start + 1} av ${range.count}`;
        const labelWidth = 70;
        doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
        doc.font(FONT.regular).fontSize(style.small).fillColor(MUTED);
        doc.text(pdfSafe(frame.footerLeft), left, y, { width: width - labelWidth - 10, height: style.small * 1.3, ellipsis: true });
        doc.text(pageLabel, left + width - labelWidth, y, { width: labelWidth, align: 'right', lineBreak: false });
        doc.endMarkedContent();
        page.margins.bottom = bottomMargin;
      }
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The wheel

const CHILD_COLOR = '#0b57a4'; // blue, 7.0:1 on white
const ADULT_COLOR = '#a33a06'; // dark orange, 6.4:1 on white
const GRID_COLOR = '#8c8c8c'; // 3.4:1 on white
const DASH = { length: 6, space: 4 };

interface WheelLayout {
  radius: number;
  labelWidth: number;
  labelSize: number;
  labelLines: number;
  legendSize: number;
  childLegend: string;
  adultLegend: string;
}

const withDate = (label: string, date: string | null) => (text(date) ? `${label} (${swedishLongDate(text(date))})` : label);

/** Values per area, the same length as the areas (missing entries and non-numbers are "not rated"). */
function valuesFor(wheel: PlanPdfWheel, values: (number | null)[] | null): (number | null)[] | null {
  if (!values) return null;
  return wheel.areas.map((_, i) => {
    const v = values[i];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  });
}

function wheelAlt(wheel: PlanPdfWheel, layout: WheelLayout): string {
  const describe = (label: string, values: (number | null)[] | null) => {
    if (!values) return `${label}: inte ifyllt.`;
    const rated = wheel.areas.map((a, i) => `${text(a.labelSv)} ${values[i] === null ? 'inte ifyllt' : String(values[i])}`);
    return `${label}: ${rated.join(', ')}.`;
  };
  return [
    `Hjulet med ${wheel.areas.length} områden, skala ${wheel.scale.min} till ${wheel.scale.max}.`,
    describe(layout.childLegend, valuesFor(wheel, wheel.child)),
    describe(layout.adultLegend, valuesFor(wheel, wheel.professionals)),
  ].join(' ');
}

function legendRows(wheel: PlanPdfWheel): number {
  return (wheel.child ? 1 : 0) + (wheel.professionals ? 1 : 0);
}

const labelText = (area: PlanPdfWheel['areas'][number]) => pdfSafe(text(area.labelSv) || area.key);
const maxLabelHeight = (layout: WheelLayout) => layout.labelSize * 1.25 * layout.labelLines;

/** Room above and below the rings for the area labels: the tallest label (wrapped, at most labelLines lines) and a gap. */
function labelBand(doc: Doc, wheel: PlanPdfWheel, layout: WheelLayout): number {
  doc.font(FONT.bold).fontSize(layout.labelSize);
  const tallest = Math.max(0, ...wheel.areas.map((a) => doc.heightOfString(labelText(a), { width: layout.labelWidth, lineGap: 0 })));
  return 10 + Math.min(maxLabelHeight(layout), tallest);
}

function wheelHeight(doc: Doc, wheel: PlanPdfWheel, layout: WheelLayout): number {
  return 2 * (layout.radius + labelBand(doc, wheel, layout)) + 14 + legendRows(wheel) * layout.legendSize * 1.9;
}

function marker(doc: Doc, kind: 'circle' | 'square', x: number, y: number, color: string): void {
  if (kind === 'circle') doc.circle(x, y, 3.6).fill(color);
  else doc.rect(x - 3.4, y - 3.4, 6.8, 6.8).fill(color);
}

function series(
  doc: Doc,
  wheel: PlanPdfWheel,
  values: (number | null)[],
  radius: number,
  center: { x: number; y: number },
  style: { color: string; dashed: boolean; fill: boolean; marker: 'circle' | 'square' },
): void {
  const points = radarPoints(values, wheel.scale, radius, center);
  if (points.length === 0) return;
  doc.save();
  doc.lineWidth(2.4).lineJoin('round').strokeColor(style.color);
  if (style.dashed) doc.dash(DASH.length, { space: DASH.space });
  const corners = points.map((p) => [p.x, p.y]);
  if (points.length >= 3) {
    doc.polygon(...corners);
    if (style.fill) doc.fillOpacity(0.16).fillAndStroke(style.color, style.color);
    else doc.stroke();
  } else if (points.length === 2) {
    doc.moveTo(points[0]!.x, points[0]!.y).lineTo(points[1]!.x, points[1]!.y).stroke();
  }
  doc.restore();
  for (const p of points) marker(doc, style.marker, p.x, p.y, style.color);
}

/** Draws the wheel (rings per scale step, spokes, labels, both polygons and a legend) from `top`. */
function drawWheel(doc: Doc, w: Writer, wheel: PlanPdfWheel, layout: WheelLayout, top: number): void {
  const n = wheel.areas.length;
  const { radius } = layout;
  const band = labelBand(doc, wheel, layout);
  const center = { x: w.left + w.width / 2, y: top + band + radius };
  const steps = wheel.scale.max - wheel.scale.min + 1;

  // Rings, one per step, and the spokes.
  doc.save();
  doc.lineWidth(0.7).strokeColor(GRID_COLOR);
  for (let s = 0; s < steps; s++) {
    const r = radarRadius(wheel.scale.min + s, wheel.scale, radius);
    if (n >= 3) doc.polygon(...wheel.areas.map((_, i) => radarAxisPoint(i, n, r, center)).map((p) => [p.x, p.y])).stroke();
    else doc.circle(center.x, center.y, r).stroke();
  }
  for (let i = 0; i < n; i++) {
    const end = radarAxisPoint(i, n, radius, center);
    doc.moveTo(center.x, center.y).lineTo(end.x, end.y).stroke();
  }
  doc.restore();

  // The step numbers, along the top spoke.
  doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
  for (let s = 0; s < steps; s++) {
    const v = wheel.scale.min + s;
    const r = radarRadius(v, wheel.scale, radius);
    doc.text(String(v), center.x + 3, center.y - r - 8, { lineBreak: false });
  }

  // The professionals under the child, so the child's shape is never hidden.
  const adults = valuesFor(wheel, wheel.professionals);
  const child = valuesFor(wheel, wheel.child);
  if (adults) series(doc, wheel, adults, radius, center, { color: ADULT_COLOR, dashed: true, fill: false, marker: 'square' });
  if (child) series(doc, wheel, child, radius, center, { color: CHILD_COLOR, dashed: false, fill: true, marker: 'circle' });

  // Area labels around the wheel, anchored on the side facing the centre.
  doc.font(FONT.bold).fontSize(layout.labelSize).fillColor(INK);
  const maxHeight = maxLabelHeight(layout);
  wheel.areas.forEach((area, i) => {
    const label = labelText(area);
    const at = radarAxisPoint(i, n, radius + 8, center);
    const angle = ((-90 + (i * 360) / n) * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const width = layout.labelWidth;
    const height = Math.min(maxHeight, doc.heightOfString(label, { width, lineGap: 0 }));
    const align = cos > 0.25 ? 'left' : cos < -0.25 ? 'right' : 'center';
    const x = align === 'left' ? at.x : align === 'right' ? at.x - width : at.x - width / 2;
    const y = sin < -0.25 ? at.y - height : sin > 0.25 ? at.y + 2 : at.y - height / 2;
    doc.text(label, x, y, { width, align, height: maxHeight, ellipsis: true, lineGap: 0 });
  });

  // Legend: a sample of each line with its marker, and what it means.
  let y = center.y + radius + band + 14;
  const entries: { label: string; color: string; dashed: boolean; marker: 'circle' | 'square' }[] = [];
  if (child) entries.push({ label: layout.childLegend, color: CHILD_COLOR, dashed: false, marker: 'circle' });
  if (adults) entries.push({ label: layout.adultLegend, color: ADULT_COLOR, dashed: true, marker: 'square' });
  for (const e of entries) {
    const mid = y + layout.legendSize * 0.6;
    doc.save().lineWidth(2.4).strokeColor(e.color);
    if (e.dashed) doc.dash(DASH.length, { space: DASH.space });
    doc
      .moveTo(w.left, mid)
      .lineTo(w.left + 34, mid)
      .stroke();
    doc.restore();
    marker(doc, e.marker, w.left + 17, mid, e.color);
    doc
      .font(FONT.regular)
      .fontSize(layout.legendSize)
      .fillColor(INK)
      .text(pdfSafe(e.label), w.left + 44, y, { width: w.width - 44, height: layout.legendSize * 1.3, ellipsis: true, lineGap: 0 });
    y += layout.legendSize * 1.9;
  }
}

/** A heading, an optional line of explanation and the wheel as a tagged figure, kept together on one page. */
function wheelSection(flow: Flow, wheel: PlanPdfWheel, layout: WheelLayout, heading: string, intro: string | null): void {
  const { w } = flow;
  const height = wheelHeight(w.doc, wheel, layout);
  const line = w.style.body + w.style.lineGap;
  w.ensureSpace(w.style.headings[1] * 2.6 + (intro ? line * 2 + w.style.paragraphGap : 0) + height);
  w.heading(2, heading);
  if (intro) w.paragraph(intro);
  flow.figure(wheelAlt(wheel, layout), height, (top) => drawWheel(w.doc, w, wheel, layout, top));
}

// ---------------------------------------------------------------------------------------------
// The family's version

export function renderFamilyPlanPdf(p: FamilyPlanPdf): Promise<Buffer> {
  const title = familyTitle(p);
  const name = firstName(p.childLabel);
  const date = swedishLongDate(p.planDate);
  const draft = p.status === 'draft';
  return render(
    { title: `${title} – ${date}`, subject: p.kind === 'sip' ? 'Samordnad individuell plan' : 'Barnets plan', generatedAt: p.generatedAt },
    FAMILY_STYLE,
    { header: draft ? DRAFT_NOTICE : null, footerLeft: `Utskrivet ${stockholmDateTime(p.generatedAt)}` },
    (flow) => {
      const { w } = flow;
      w.heading(1, title);
      if (draft) {
        w.paragraph(DRAFT_NOTICE, { font: FONT.bold, color: ALERT, size: w.style.headings[2] });
        w.paragraph('Planen kan fortfarande ändras. Vi bestämmer den tillsammans.');
      }
      if (p.kind === 'sip')
        w.paragraph(
          `Det här är planen för ${name || 'ditt barn'}. I en SIP bestämmer vi tillsammans vem som gör vad, så att ni får rätt hjälp och slipper berätta samma sak för många.`,
        );
      else w.paragraph(name ? `Det här är ${genitive(name)} plan.` : 'Det här är planen för ditt barn.');
      w.paragraph('Här står vad du tycker, vad din familj gör och vad de vuxna runt dig ska göra.');
      if (p.status === 'adopted') w.paragraph(`Vi bestämde planen ${swedishLongDate(text(p.adoptedOn) || p.planDate)}.`);
      else if (p.status === 'superseded') w.paragraph('Det här är en äldre plan. Det finns en nyare plan.', { font: FONT.bold });
      w.paragraph(`Planen är från ${date}. Version ${p.versionNumber}.`, { color: MUTED });

      // The child's own words come first.
      w.heading(2, 'Det här tycker jag');
      let said = false;
      for (const [label, words] of [
        ['Det här är bra för mig:', p.childView.strengths],
        ['Det här är svårt för mig:', p.childView.challenges],
      ] as const) {
        if (!text(words)) continue;
        said = true;
        w.ensureSpace((w.style.body + w.style.lineGap) * 3);
        w.paragraph(label, { font: FONT.bold });
        w.gap(-w.style.paragraphGap * 0.7);
        w.paragraph(text(words), { indent: 16 });
      }
      const areaWords = p.areas.filter((a) => text(a.childWords));
      if (areaWords.length) {
        said = true;
        w.paragraph('Om det som är viktigt för mig:', { font: FONT.bold });
        w.list(
          areaWords.map((a) => () => {
            const indent = w.style.body * 1.2;
            w.lineLabeled(text(a.labelSv) || a.key, quoted(a.childWords)!, { indent });
          }),
        );
      }
      if (!said) w.paragraph('Du har inte berättat något än. Du får gärna säga vad du tycker, när du vill.');

      const home = [
        ['Det här är bra hemma:', p.guardiansView.strengths],
        ['Det här är svårt hemma:', p.guardiansView.challenges],
      ].filter(([, words]) => text(words));
      if (home.length) {
        w.heading(2, 'Det här tycker min familj');
        for (const [label, words] of home) {
          w.ensureSpace((w.style.body + w.style.lineGap) * 3);
          w.paragraph(label!, { font: FONT.bold });
          w.gap(-w.style.paragraphGap * 0.7);
          w.paragraph(text(words), { indent: 16 });
        }
      }

      if (p.wheel && p.wheel.areas.length) {
        wheelSection(
          flow,
          p.wheel,
          {
            radius: 105,
            labelWidth: 110,
            labelSize: 12,
            labelLines: 3,
            legendSize: 12,
            childLegend: withDate('Det du tyckte', p.wheel.childDate),
            adultLegend: withDate('Det de vuxna runt dig tyckte', p.wheel.professionalsDate),
          },
          'Hjulet',
          'Hjulet visar hur du har det. Ju längre ut från mitten, desto bättre är det.',
        );
      }

      w.heading(2, 'Det här ska vi göra');
      if (!p.areas.length) w.paragraph('Planen har inga områden än.');
      for (const area of p.areas) {
        w.group('Sect', () => {
          w.heading(3, text(area.labelSv) || area.key);
          if (text(area.childDescriptionSv)) w.paragraph(text(area.childDescriptionSv), { font: FONT.italic, color: MUTED });

          w.heading(4, 'Det här sa jag');
          w.paragraph(quoted(area.childWords) ?? 'Du har inte sagt något om det här än.', quoted(area.childWords) ? {} : { color: MUTED });

          w.heading(4, 'Det här gör vi hemma');
          w.paragraph(text(area.guardiansWillDo) || 'Det har vi inte bestämt än.', text(area.guardiansWillDo) ? {} : { color: MUTED });

          w.heading(4, 'Det här gör de vuxna');
          const actions = area.actions.filter((a) => text(a.what));
          if (actions.length) w.list(actions.map(familyActionSentence));
          else w.paragraph('De vuxna har inte bestämt något här än.', { color: MUTED });

          const goals = area.goals.filter((g) => text(g.text));
          if (goals.length) {
            w.heading(4, goals.length > 1 ? 'Våra mål' : 'Vårt mål');
            if (goals.length === 1) w.paragraph(familyGoalSentence(goals[0]!));
            else w.list(goals.map(familyGoalSentence));
          }
        });
      }

      w.heading(2, 'Nästa gång vi följer upp');
      w.paragraph(
        text(p.nextFollowUp)
          ? `Vi tittar på planen tillsammans igen ${swedishLongDate(text(p.nextFollowUp), { weekday: true })}. Då pratar vi om hur det har gått.`
          : 'Vi har inte bestämt när vi tittar på planen igen. Vi hör av oss.',
      );

      w.heading(2, 'Har ni frågor?');
      if (p.contact && (text(p.contact.name) || text(p.contact.unitName))) {
        const who = [text(p.contact.name), text(p.contact.unitName)].filter(Boolean).join(' på ');
        w.paragraph(`Ni kan alltid höra av er till ${who}.`);
      } else w.paragraph('Ni kan alltid fråga någon av de vuxna i planen.');
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The professionals' version

function missing(w: Writer): void {
  w.paragraph(MISSING, { font: FONT.bold, color: ALERT });
}

function sipSection(w: Writer, sip: ProfessionalPlanPdf['sip']): void {
  w.heading(2, 'SIP – lagens fyra delar');
  const [h1, h2, h3, h4] = SIP_ELEMENT_HEADINGS;

  w.heading(3, h1);
  if (text(sip?.supportNeeded)) w.paragraph(text(sip?.supportNeeded));
  else missing(w);

  w.heading(3, h2);
  const contributions = (sip?.principalContributions ?? []).filter((c) => text(c.principalName) || text(c.provides));
  if (contributions.length)
    w.list(
      contributions.map((c) => () => {
        const indent = w.style.body * 1.2;
        w.lineLabeled(text(c.principalName) || 'Huvudman saknas', text(c.provides) || MISSING, { indent });
      }),
    );
  else missing(w);

  w.heading(3, h3);
  if (text(sip?.othersProvide)) w.paragraph(text(sip?.othersProvide));
  else missing(w);

  w.heading(3, h4);
  if (text(sip?.overallResponsibility)) w.paragraph(text(sip?.overallResponsibility));
  else missing(w);

  w.heading(2, 'Delaktighet och samtycke');
  const participants = (sip?.participants ?? []).map(text).filter(Boolean);
  w.heading(4, 'Deltog i planeringen');
  if (participants.length) w.list(participants);
  else missing(w);

  const consent = sip?.personConsent ?? null;
  w.labeled(
    'Samtycke till SIP',
    consent === null
      ? 'Inte registrerat'
      : consent.given
        ? `Ja${text(consent.date) ? `, ${swedishLongDate(text(consent.date))}` : ', datum saknas'}`
        : 'Nej, samtycke har inte lämnats',
    consent?.given ? {} : { color: ALERT },
  );
  const child = sip?.childParticipation;
  w.labeled(
    'Barnet deltog',
    !child
      ? 'Inte angivet'
      : child.tookPart
        ? text(child.how)
          ? `Ja – ${text(child.how)}`
          : 'Ja'
        : text(child.how)
          ? `Nej – ${text(child.how)}`
          : 'Nej',
  );
  const relatives = (sip?.relativesParticipated ?? []).map(text).filter(Boolean);
  w.labeled('Närstående som deltog', relatives.length ? relatives.join(', ') : 'Inga');
  w.labeled('Uppföljning av SIP', text(sip?.followUpDate) ? swedishLongDate(text(sip?.followUpDate)) : 'Inget datum');
}

function viewpoints(w: Writer, heading: string, v: { strengths: string; challenges: string }, empty: string): void {
  w.heading(3, heading);
  if (!text(v.strengths) && !text(v.challenges)) {
    w.paragraph(empty, { color: MUTED });
    return;
  }
  if (text(v.strengths)) w.labeled('Styrkor', text(v.strengths));
  if (text(v.challenges)) w.labeled('Svårigheter', text(v.challenges));
}

function professionalArea(w: Writer, area: PlanPdfArea): void {
  w.heading(3, text(area.labelSv) || area.key);
  w.heading(4, 'Barnets ord');
  const words = quoted(area.childWords);
  w.paragraph(words ?? 'Inte antecknat.', words ? { font: FONT.italic } : { color: MUTED });
  w.heading(4, 'Vårdnadshavarna gör');
  w.paragraph(text(area.guardiansWillDo) || 'Inte antecknat.', text(area.guardiansWillDo) ? {} : { color: MUTED });

  w.heading(4, 'Insatser');
  const actions = area.actions.filter((a) => text(a.what));
  if (!actions.length) w.paragraph('Inga insatser.', { color: MUTED });
  else
    w.list(
      actions.map((a) => () => {
        const indent = w.style.body * 1.8;
        w.line(text(a.what), { font: FONT.bold, indent });
        if (text(a.who)) w.lineLabeled('Ansvarig', text(a.who), { indent });
        else w.lineLabeled('Ansvarig', MISSING, { indent, color: ALERT });
        w.lineLabeled('Period', period(a.start, a.end), { indent });
      }),
      { numbered: true },
    );

  w.heading(4, 'Mål');
  const goals = area.goals.filter((g) => text(g.text));
  if (!goals.length) w.paragraph('Inga mål.', { color: MUTED });
  else
    w.list(
      goals.map((g) => () => {
        const indent = w.style.body * 1.8;
        w.line(text(g.text), { indent });
        w.lineLabeled('Följs upp', text(g.followUpDate) ? swedishLongDate(text(g.followUpDate)) : 'Inget datum', { indent });
      }),
      { numbered: true },
    );
}

export function renderProfessionalPlanPdf(p: ProfessionalPlanPdf): Promise<Buffer> {
  const kind = PLAN_KIND_LABELS[p.kind].sv;
  const status = STATUS_LABEL[p.status];
  return render(
    {
      title: `${kind} – ${p.caseLabel}, version ${p.versionNumber}`,
      subject: `${kind}, ${status.toLocaleLowerCase('sv')}`,
      generatedAt: p.generatedAt,
    },
    TEAM_STYLE,
    { header: CONFIDENTIAL_HEADER, footerLeft: `Utskrivet av ${p.readerName}, ${p.readerUnitName}, ${stockholmDateTime(p.generatedAt)}` },
    (flow) => {
      const { w } = flow;
      w.heading(1, kind);
      w.paragraph(`${text(p.caseLabel)} \u2013 version ${p.versionNumber} (${status.toLocaleLowerCase('sv')})`, {
        font: FONT.bold,
        size: w.style.headings[2],
      });
      if (p.protectedIdentity) {
        w.gap(2);
        w.paragraph(PROTECTED_IDENTITY_NOTICE, { font: FONT.bold, color: ALERT });
      }
      w.labeled('Ärende', text(p.caseLabel));
      w.labeled('Version', String(p.versionNumber));
      w.labeled(
        'Status',
        p.status === 'adopted' && text(p.adoptedOn) ? `${status} ${swedishLongDate(text(p.adoptedOn))}` : status,
        p.status === 'draft' ? { color: ALERT } : {},
      );
      w.labeled('Plandatum', swedishLongDate(p.planDate));
      w.labeled('Nästa uppföljning', text(p.nextFollowUp) ? swedishLongDate(text(p.nextFollowUp)) : 'Inget datum');

      if (p.kind === 'sip') sipSection(w, p.sip);

      w.heading(2, 'Barnets och vårdnadshavarnas syn');
      viewpoints(w, 'Barnet', p.childView, 'Barnets syn är inte antecknad.');
      viewpoints(w, 'Vårdnadshavarna', p.guardiansView, 'Vårdnadshavarnas syn är inte antecknad.');

      w.heading(2, 'Områden');
      if (!p.areas.length) w.paragraph('Planen har inga områden än.', { color: MUTED });
      for (const area of p.areas) {
        w.group('Sect', () => professionalArea(w, area));
        w.doc.outline.addItem(pdfSafe(text(area.labelSv) || area.key));
      }

      if (p.wheel && p.wheel.areas.length) {
        const wheel = p.wheel;
        const childLegend = withDate('Barnets bedömning', wheel.childDate);
        const adultLegend = withDate('Professionellas bedömning', wheel.professionalsDate);
        const layout = { radius: 115, labelWidth: 100, labelSize: 9.5, labelLines: 3, legendSize: 10, childLegend, adultLegend };
        wheelSection(flow, wheel, layout, 'Hjulet', `Skala ${wheel.scale.min}\u2013${wheel.scale.max}; högre värde är bättre.`);
        const child = valuesFor(wheel, wheel.child);
        const adults = valuesFor(wheel, wheel.professionals);
        w.gap(6);
        const value = (v: number | null | undefined) => (v === null || v === undefined ? 'ej bedömt' : String(v));
        w.list(
          wheel.areas.map((a, i) => {
            const parts = [];
            if (child) parts.push(`barnet ${value(child[i])}`);
            if (adults) parts.push(`professionella ${value(adults[i])}`);
            return `${text(a.labelSv) || a.key}: ${parts.length ? parts.join(', ') : 'ej bedömt'}`;
          }),
        );
      }
    },
  );
}
