/**
 * Minutes (minnesanteckningar) of a TSI meeting as PDF, in two versions:
 *
 *  - the team's version: every agenda item in order, with what this reader may see. An item the
 *    reader may not see is printed as "Punkt N: avidentifierad" and the reason, and nothing else –
 *    the renderer ignores whatever else the caller passed for it.
 *  - the family's version for one child's item, in plain Swedish (lättläst): what we talked about,
 *    what the child and the guardians said, what we will do, who tells the family how it goes, and
 *    when we meet next. No internal unit notes and nothing about other children.
 *
 * pdfkit with its built-in Helvetica (WinAnsi). Text is made WinAnsi-safe before it is drawn
 * (pdfSafe); the document is tagged (headings, paragraphs, lists), Swedish, with page numbers.
 */
import PDFDocument from 'pdfkit';

export interface MinutesDecision {
  what: string;
  ownerName: string | null;
  ownerUnitName: string | null;
  dueDate: string | null; // YYYY-MM-DD
  supportTarget: 'barn' | 'vardnadshavare' | 'personal';
  followUpDate: string | null; // YYYY-MM-DD
  status: 'open' | 'done';
  nobodysJob: boolean;
}

export interface TeamMinutesItem {
  position: number;
  kind: 'anonymous' | 'case' | 'topic';
  title: string;
  description: string | null;
  invitedUnitNames: string[];
  /** When set, the item is de-identified for this reader: only "Punkt N: avidentifierad" and this reason are printed. */
  hiddenReason: string | null;
  childWords: string | null;
  guardianWords: string | null;
  /** Swedish label, e.g. 'Inbjuden', 'Tackat ja'. */
  familyStatus: string | null;
  notes: { unitName: string; text: string }[];
  decisions: MinutesDecision[];
  feedback: { ownerName: string; ownerUnitName: string; dueDate: string; done: boolean } | null;
}

export interface TeamMinutes {
  teamName: string;
  meetingDate: string; // YYYY-MM-DD
  startTime: string; // HH:MM
  endTime: string; // HH:MM
  location: string | null;
  status: 'planned' | 'cancelled';
  readerName: string;
  readerUnitName: string;
  generatedAt: string; // ISO instant
  present: string[]; // "Name, Unit"
  absent: string[];
  items: TeamMinutesItem[];
}

export interface FamilyMinutes {
  /** The child's first name, or "ditt barn". */
  childLabel: string;
  teamName: string;
  meetingDate: string; // YYYY-MM-DD
  /** Plain lines about what was talked about; may be empty. */
  topics: string[];
  childWords: string | null;
  guardianWords: string | null;
  decisions: MinutesDecision[];
  feedback: { ownerName: string; ownerUnitName: string; dueDate: string } | null;
  nextMeeting: { date: string; startTime: string } | null;
  contact: { name: string; unitName: string } | null;
  generatedAt: string; // ISO instant
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * '2026-12-04' → '4 december 2026'; with { weekday: true } → 'fredag 4 december 2026'.
 * Anything that is not a real YYYY-MM-DD date is returned unchanged.
 */
export function swedishLongDate(iso: string, options: { weekday?: boolean } = {}): string {
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return iso;
  const date = `${day} ${MONTHS[month - 1]} ${year}`;
  return options.weekday ? `${WEEKDAYS[utc.getUTCDay()]} ${date}` : date;
}

/** 'HH:MM' (or 'HH:MM:SS') → 'HH:MM'. */
function clock(time: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(time.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : time;
}

const STOCKHOLM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant as Swedish local time: '4 december 2026 kl. 14:05'. */
export function stockholmDateTime(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) return isoInstant;
  const parts = STOCKHOLM.formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${swedishLongDate(`${part('year')}-${part('month')}-${part('day')}`)} kl. ${part('hour')}:${part('minute')}`;
}

// ---------------------------------------------------------------------------------------------
// WinAnsi-safe text

/** Characters outside Latin-1 that WinAnsiEncoding (cp1252) still has. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020,
  0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Close equivalents for common characters that neither WinAnsi has nor decompose to a letter it has. */
const CLOSE: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  ĸ: 'k',
  ſ: 's',
  ə: 'e',
  Ə: 'E',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2028': '\n',
  '\u2029': '\n',
};

function winAnsi(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

function allWinAnsi(s: string): boolean {
  for (const ch of s) if (!winAnsi(ch.codePointAt(0)!)) return false;
  return true;
}

/** Format characters with no glyph of their own: soft hyphen, zero-width space/joiners, word joiner, BOM, variation selectors, skin tones, tags. */
function invisible(cp: number): boolean {
  return (
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200d) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

function withoutInvisible(s: string): string {
  let out = '';
  for (const ch of s) if (!invisible(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** Nothing to do: only line breaks and printable Latin-1 (the soft hyphen, 0xAD, is dropped like the other invisibles). */
const SIMPLE = /^[\n\x20-\x7e\xa0-\xac\xae-\xff]*$/;
const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/**
 * Text the built-in PDF fonts can draw: line breaks normalised, invisible format characters
 * (zero-width joiners, variation selectors, skin-tone modifiers, soft hyphens) dropped, other
 * spaces made plain, letters with diacritics WinAnsi lacks reduced to their base letter (ą → a,
 * ł → l), and anything else – an emoji, a flag – replaced by one '?' per visible character.
 */
export function pdfSafe(text: string): string {
  const s = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  if (SIMPLE.test(s)) return s;
  let out = '';
  for (const cluster of graphemes.segment(s)) {
    // Invisible parts go; what is left of an emoji sequence (joined by ZWJ) is still one cluster.
    const segment = withoutInvisible(cluster.segment);
    if (segment === '') continue;
    if (allWinAnsi(segment)) {
      out += segment;
      continue;
    }
    const mapped = CLOSE[segment];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const base = segment.normalize('NFD').replace(/\p{M}/gu, '');
    if (base === '' || /^\p{Cc}+$/u.test(base)) continue; // a stray mark or a control character
    out += allWinAnsi(base) ? base : '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Plain-Swedish sentences for the family version

/** "Boka ett möte." → "boka ett möte" (a leading capital is kept for abbreviations such as "BUP"). */
export function clause(what: string): string {
  const t = what
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLocaleLowerCase('sv') + t.slice(1) : t;
}

function who(name: string | null, unitName: string | null): string | null {
  const n = name?.trim();
  const u = unitName?.trim();
  if (n && u) return `${n} på ${u}`;
  if (n) return n;
  if (u) return `Någon på ${u}`;
  return null;
}

const FOR_WHOM: Record<MinutesDecision['supportTarget'], string> = {
  barn: 'Det är till för dig.',
  vardnadshavare: 'Det är till för er som föräldrar.',
  personal: 'Det är till för personalen runt dig.',
};

/**
 * The family version's plain-Swedish sentence for one decision, e.g. "Kim Kurator på Elevhälsan
 * Björkskolan ska boka ett samtal med dig. Senast 4 december 2026. Det är till för dig."
 */
export function familyDecisionSentence(d: MinutesDecision): string {
  const owner = who(d.ownerName, d.ownerUnitName);
  const parts = [owner ? `${owner} ska ${clause(d.what)}.` : `Vi ska ${clause(d.what)}.`];
  if (!owner) parts.push('Vi har inte bestämt vem som gör det än.');
  if (d.status === 'done') parts.push('Det är redan klart.');
  else if (d.dueDate) parts.push(`Senast ${swedishLongDate(d.dueDate)}.`);
  else parts.push('Vi har inte bestämt när än.');
  parts.push(FOR_WHOM[d.supportTarget]);
  if (d.followUpDate && d.status !== 'done') parts.push(`Vi tittar på hur det har gått ${swedishLongDate(d.followUpDate)}.`);
  return parts.join(' ');
}

/** "Kim Kurator på Elevhälsan Björkskolan hör av sig till er och berättar hur det går. Senast 4 december 2026." */
export function familyFeedbackSentence(f: FamilyMinutes['feedback']): string {
  if (!f) return 'Vi har inte bestämt vem som ska berätta för er hur det går. Hör gärna av er till oss.';
  const person = who(f.ownerName, f.ownerUnitName) ?? 'Någon av oss';
  return `${person} hör av sig till er och berättar hur det går. Senast ${swedishLongDate(f.dueDate)}.`;
}

/** "Vi ses torsdag 14 januari 2027 klockan 13:00." or "Vi har inte bestämt nästa möte än." */
export function familyNextMeetingSentence(next: FamilyMinutes['nextMeeting']): string {
  if (!next) return 'Vi har inte bestämt nästa möte än.';
  return `Vi ses ${swedishLongDate(next.date, { weekday: true })} klockan ${clock(next.startTime)}.`;
}

// ---------------------------------------------------------------------------------------------
// Layout

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const INK = '#1a1a1a';
export const MUTED = '#4a4a4a'; // 8.9:1 on white
export const ALERT = '#a4001d'; // 7.6:1 on white

export interface Style {
  body: number;
  small: number;
  headings: [number, number, number, number]; // H1–H4
  lineGap: number;
  paragraphGap: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

export const TEAM_STYLE: Style = {
  body: 10.5,
  small: 8.5,
  headings: [20, 15, 12.5, 11],
  lineGap: 2,
  paragraphGap: 5,
  margins: { top: 62, bottom: 62, left: 56, right: 56 },
};

export const FAMILY_STYLE: Style = {
  body: 13,
  small: 10,
  headings: [24, 17, 14, 13],
  lineGap: 5,
  paragraphGap: 10,
  margins: { top: 64, bottom: 70, left: 64, right: 64 },
};

interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  indent?: number;
}

/** Draws into a tagged document: every block is a structure element (H1–H4, P, L/LI/Lbl/LBody, Sect). */
export class Writer {
  private parent: Struct;

  constructor(
    readonly doc: Doc,
    root: Struct,
    readonly style: Style,
  ) {
    this.parent = root;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `points` fit below the cursor. */
  ensureSpace(points: number): void {
    if (this.doc.y + points > this.bottom) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  private block(type: string, draw: () => void): void {
    this.parent.add(this.doc.struct(type, {}, draw));
  }

  group(type: string, fill: () => void): void {
    const el = this.doc.struct(type);
    this.parent.add(el);
    const outer = this.parent;
    this.parent = el;
    try {
      fill();
    } finally {
      this.parent = outer;
      el.end();
    }
  }

  private draw(text: string, s: TextStyle, continued = false): void {
    const indent = s.indent ?? 0;
    this.doc
      .font(s.font ?? FONT.regular)
      .fontSize(s.size ?? this.style.body)
      .fillColor(s.color ?? INK)
      .text(pdfSafe(text), this.left + indent, this.doc.y, { width: this.width - indent, lineGap: this.style.lineGap, continued });
  }

  heading(level: 1 | 2 | 3 | 4, text: string, color = INK): void {
    const size = this.style.headings[level - 1]!;
    if (level > 1) this.gap(size * (level === 2 ? 0.9 : 0.6));
    // Keep a heading together with at least two lines of what follows it.
    this.ensureSpace(size * 1.5 + (this.style.body + this.style.lineGap) * 3);
    this.block(`H${level}`, () => this.draw(text, { font: FONT.bold, size, color }));
    this.gap(size * 0.25);
  }

  paragraph(text: string, s: TextStyle = {}): void {
    this.block('P', () => this.draw(text, s));
    this.gap(this.style.paragraphGap);
  }

  /** "Label: value" with the label in bold, as one paragraph. */
  labeled(label: string, value: string, s: TextStyle = {}): void {
    this.block('P', () => {
      this.draw(`${label}: `, { ...s, font: FONT.bold }, true);
      this.doc.font(s.font ?? FONT.regular).text(pdfSafe(value), { width: this.width - (s.indent ?? 0), lineGap: this.style.lineGap });
    });
    this.gap(this.style.paragraphGap * 0.6);
  }

  /** A list; each entry is either a line of text or a function drawing the entry's body. */
  list(entries: (string | (() => void))[], opts: { numbered?: boolean; indent?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const labelWidth = opts.numbered ? this.style.body * 1.8 : this.style.body * 1.2;
    this.group('L', () => {
      entries.forEach((entry, i) => {
        this.ensureSpace((this.style.body + this.style.lineGap) * 2);
        const top = this.doc.y;
        this.group('LI', () => {
          this.block('Lbl', () => {
            this.doc
              .font(FONT.regular)
              .fontSize(this.style.body)
              .fillColor(INK)
              .text(opts.numbered ? `${i + 1}.` : '\u2022', this.left + indent, top, { lineBreak: false });
          });
          this.doc.y = top;
          this.block('LBody', () => {
            if (typeof entry === 'string') this.draw(entry, { indent: indent + labelWidth });
            else entry();
          });
        });
        this.gap(this.style.paragraphGap);
      });
    });
  }

  /** Draws a line of body text at an indent, for use inside a list entry. */
  line(text: string, s: TextStyle = {}): void {
    this.draw(text, s);
  }

  /** Inline "Label: value" inside a list entry. */
  lineLabeled(label: string, value: string, s: TextStyle = {}): void {
    this.draw(`${label}: `, { ...s, font: FONT.bold }, true);
    this.doc.font(s.font ?? FONT.regular).text(pdfSafe(value), { width: this.width - (s.indent ?? 0), lineGap: this.style.lineGap });
  }
}

interface Frame {
  header: string | null;
  footerLeft: string;
}

function render(
  info: { title: string; subject: string; generatedAt: string },
  style: Style,
  frame: Frame,
  body: (w: Writer) => void,
): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    try {
      const created = new Date(info.generatedAt);
      const doc = new PDFDocument({
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

      const root = doc.struct('Document');
      doc.addStructure(root);
      body(new Writer(doc, root, style));
      root.end();

      // Header and footer on every page, as pagination artifacts (not part of the reading order).
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
// The team's version

const KIND_LABEL: Record<TeamMinutesItem['kind'], string> = {
  anonymous: 'Anonym konsultation',
  case: 'Ärende',
  topic: 'Allmän fråga',
};

const TARGET_LABEL: Record<MinutesDecision['supportTarget'], string> = {
  barn: 'Barnet',
  vardnadshavare: 'Vårdnadshavarna',
  personal: 'Personalen',
};

export const NOBODYS_JOB_FLAG = 'Ingens uppgift – saknar ansvarig eller datum';
export const CONFIDENTIAL_HEADER = 'Sekretess: innehåller uppgifter om enskild';

export function quoted(words: string | null): string | null {
  const t = words?.trim();
  return t ? `\u201d${t}\u201d` : null;
}

function teamItem(w: Writer, item: TeamMinutesItem): void {
  if (item.hiddenReason !== null) {
    // De-identified for this reader: the number and the reason, nothing else.
    w.heading(3, `Punkt ${item.position}: avidentifierad`);
    w.paragraph(item.hiddenReason.trim() || 'Du har inte behörighet att se den här punkten.', { color: MUTED });
    return;
  }
  w.heading(3, `Punkt ${item.position}: ${item.title}`);
  w.labeled('Typ', KIND_LABEL[item.kind]);
  w.labeled('Inbjudna enheter', item.invitedUnitNames.length ? item.invitedUnitNames.join(', ') : 'Inga');
  if (item.description?.trim()) w.paragraph(item.description.trim());

  if (item.kind === 'case') {
    // The family's own words come first.
    w.heading(4, 'Barnets röst');
    w.paragraph(quoted(item.childWords) ?? 'Inte antecknad.', quoted(item.childWords) ? { font: FONT.italic } : { color: MUTED });
    w.heading(4, 'Vårdnadshavarnas röst');
    w.paragraph(quoted(item.guardianWords) ?? 'Inte antecknad.', quoted(item.guardianWords) ? { font: FONT.italic } : { color: MUTED });
    w.labeled('Familjens deltagande', item.familyStatus?.trim() || 'Inte angivet');
  }

  w.heading(4, 'Anteckningar');
  const notes = item.notes.filter((n) => n.text.trim());
  if (!notes.length) w.paragraph('Inga anteckningar.', { color: MUTED });
  for (const note of notes) {
    w.ensureSpace((w.style.body + w.style.lineGap) * 3);
    w.paragraph(note.unitName, { font: FONT.bold });
    w.gap(-w.style.paragraphGap * 0.6);
    w.paragraph(note.text.trim(), { indent: 10 });
  }

  w.heading(4, 'Beslut');
  if (!item.decisions.length) w.paragraph('Inga beslut.', { color: MUTED });
  else
    w.list(
      item.decisions.map((d) => () => {
        const indent = w.style.body * 1.8;
        w.line(d.what.trim(), { font: FONT.bold, indent });
        const owner = [d.ownerName?.trim(), d.ownerUnitName?.trim()].filter(Boolean).join(', ');
        w.lineLabeled('Ansvarig', owner || 'Saknas', { indent });
        w.lineLabeled('Klart senast', d.dueDate ? swedishLongDate(d.dueDate) : 'Inget datum', { indent });
        w.lineLabeled('Stöd till', TARGET_LABEL[d.supportTarget], { indent });
        if (d.followUpDate) w.lineLabeled('Uppföljning', swedishLongDate(d.followUpDate), { indent });
        w.lineLabeled('Status', d.status === 'done' ? 'Klart' : 'Öppet', { indent });
        if (d.nobodysJob) w.line(NOBODYS_JOB_FLAG, { font: FONT.bold, color: ALERT, indent });
      }),
      { numbered: true },
    );

  if (item.feedback || item.kind === 'case') {
    w.heading(4, 'Återkoppling till familjen');
    const f = item.feedback;
    if (!f) w.paragraph('Ingen ansvarig för återkopplingen.', { color: MUTED });
    else
      w.paragraph(
        `${[f.ownerName.trim(), f.ownerUnitName.trim()].filter(Boolean).join(', ')} återkopplar senast ${swedishLongDate(f.dueDate)}. ${f.done ? 'Klart.' : 'Inte gjort än.'}`,
      );
  }
}

export function renderTeamMinutes(m: TeamMinutes): Promise<Buffer> {
  const date = swedishLongDate(m.meetingDate);
  return render(
    { title: `Minnesanteckningar – ${m.teamName} ${date}`, subject: `Minnesanteckningar från teammöte ${date}`, generatedAt: m.generatedAt },
    TEAM_STYLE,
    { header: CONFIDENTIAL_HEADER, footerLeft: `Utskrivet av ${m.readerName}, ${m.readerUnitName}, ${stockholmDateTime(m.generatedAt)}` },
    (w) => {
      w.heading(1, 'Minnesanteckningar');
      w.paragraph(m.teamName, { font: FONT.bold, size: w.style.headings[2] });
      w.labeled('Datum', swedishLongDate(m.meetingDate, { weekday: true }));
      w.labeled('Tid', `${clock(m.startTime)}\u2013${clock(m.endTime)}`);
      w.labeled('Plats', m.location?.trim() || 'Inte angiven');
      if (m.status === 'cancelled') {
        w.gap(4);
        w.paragraph('Mötet är inställt.', { font: FONT.bold, color: ALERT, size: w.style.headings[2] });
      }

      w.heading(2, 'Närvaro');
      w.heading(3, `Närvarande (${m.present.length})`);
      if (m.present.length) w.list(m.present);
      else w.paragraph('Ingen registrerad.', { color: MUTED });
      w.heading(3, `Frånvarande (${m.absent.length})`);
      if (m.absent.length) w.list(m.absent);
      else w.paragraph('Ingen registrerad.', { color: MUTED });

      w.heading(2, 'Dagordning');
      const items = [...m.items].sort((a, b) => a.position - b.position);
      if (!items.length) w.paragraph('Inga punkter på dagordningen.', { color: MUTED });
      for (const item of items) {
        w.group('Sect', () => teamItem(w, item));
        if (item.hiddenReason === null) w.doc.outline.addItem(pdfSafe(`Punkt ${item.position}: ${item.title}`));
        else w.doc.outline.addItem(`Punkt ${item.position}: avidentifierad`);
      }
    },
  );
}

// ---------------------------------------------------------------------------------------------
// The family's version

export function renderFamilyMinutes(m: FamilyMinutes): Promise<Buffer> {
  const date = swedishLongDate(m.meetingDate);
  const child = m.childLabel.trim() || 'ditt barn';
  return render(
    { title: `Det här bestämde vi – ${date}`, subject: `Från mötet ${date}`, generatedAt: m.generatedAt },
    FAMILY_STYLE,
    { header: null, footerLeft: `Utskrivet ${stockholmDateTime(m.generatedAt)}` },
    (w) => {
      w.heading(1, 'Det här bestämde vi');
      w.paragraph(`Vi hade ett möte ${swedishLongDate(m.meetingDate, { weekday: true })}. Mötet handlade om ${child}.`);
      if (m.teamName.trim()) w.paragraph(`Mötet hölls av ${m.teamName.trim()}.`);
      w.paragraph('Här kan ni läsa vad vi pratade om och vad vi bestämde.');

      w.heading(2, 'Det här pratade vi om');
      const topics = m.topics.map((t) => t.trim()).filter(Boolean);
      if (topics.length) w.list(topics);
      else w.paragraph(`Vi pratade om hur ${child} har det och vad som kan hjälpa.`);

      w.heading(2, 'Det här sa du / ni');
      const childWords = quoted(m.childWords);
      const guardianWords = quoted(m.guardianWords);
      // The child's own words first, then the guardians'.
      for (const [label, words] of [
        ['Du sa:', childWords],
        ['Ni som föräldrar sa:', guardianWords],
      ] as const) {
        if (!words) continue;
        w.ensureSpace((w.style.body + w.style.lineGap) * 3);
        w.paragraph(label, { font: FONT.bold });
        w.gap(-w.style.paragraphGap * 0.7);
        w.paragraph(words, { indent: 16 });
      }
      if (!childWords && !guardianWords) w.paragraph('Vi skrev inte ner något som du eller ni sa den här gången. Ni får gärna berätta för oss.');

      w.heading(2, 'Det här ska vi göra');
      if (m.decisions.length) w.list(m.decisions.map(familyDecisionSentence));
      else w.paragraph('Vi bestämde inget nytt den här gången.');

      w.heading(2, 'Någon berättar för er');
      w.paragraph(familyFeedbackSentence(m.feedback));

      w.heading(2, 'Nästa gång vi ses');
      w.paragraph(familyNextMeetingSentence(m.nextMeeting));

      if (m.contact) {
        w.heading(2, 'Har ni frågor?');
        w.paragraph(`Ni kan alltid höra av er till ${who(m.contact.name, m.contact.unitName) ?? m.contact.name}.`);
      }
    },
  );
}
