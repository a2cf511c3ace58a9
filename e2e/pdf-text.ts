/**
 * Text and metadata of a PDF, for assertions in tests: pdfjs-dist (legacy build, which runs in
 * Node without a canvas), no system fonts, no font faces. A copy lives in packages/server/test/pdf-text.ts; keep
 * the two the same.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfBytes = Uint8Array | Buffer;

async function open(buf: PdfBytes) {
  // pdfjs takes ownership of (detaches) the array it is given, so it gets a copy.
  return getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

/**
 * All text of a PDF. Within a page, every run of whitespace (line breaks included) becomes one
 * space, so a sentence that wraps over two lines can be found as it was written; pages are
 * separated by a line break.
 */
export async function pdfText(buf: PdfBytes): Promise<string> {
  const doc = await open(buf);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += ' ';
      }
      pages.push(text.replace(/\s+/g, ' ').trim());
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}

/** The document information (Title, Author, …), the language and the number of pages. */
export async function pdfInfo(buf: PdfBytes): Promise<{ title: string | null; author: string | null; language: string | null; pages: number }> {
  const doc = await open(buf);
  try {
    const { info } = await doc.getMetadata();
    const dict = (info ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    return { title: str(dict.Title), author: str(dict.Author), language: str(dict.Language), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
