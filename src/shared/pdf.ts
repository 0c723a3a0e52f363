import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * A small writer of A4 documents in the standard Helvetica font (pdf-lib): paragraphs that wrap, and tables whose
 * rows wrap and break across pages. Used by the documents the municipality prints or publishes (the accreditation
 * act, a workshop's attendance sheet). Pure: the same calls give the same bytes.
 */
export interface PdfTable {
  head: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** The least height of a row (room to sign by hand); rows grow with their text. */
  minRowHeight?: number;
  /** Draws every cell's borders (a form to fill in); else a line under each row. */
  grid?: boolean;
  /** Draws the head again at the top of every page the table runs onto. */
  repeatHead?: boolean;
}

export interface PdfWriter {
  paragraph(text: string, weight: 'regular' | 'bold', size: number): void;
  /** Moves down by `points`. */
  space(points: number): void;
  table(t: PdfTable, size: number): void;
  save(): Promise<Uint8Array>;
}

/** Only what Helvetica's WinAnsi encoding holds; anything else becomes '?'. */
export function printable(s: string): string {
  return s.normalize('NFC').replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, '?');
}

export interface PdfMeta {
  title: string;
  author: string;
  date: Date;
  language: string;
  /** The text at the foot of each page, given its number and the count of pages ("Página 2 de 5"); none if absent. */
  pageFoot?: (page: number, pages: number) => string;
  /** A line at the top of each page (what the document is), so a loose page still says where it belongs. */
  pageHead?: string;
}

export async function pdfWriter(meta: PdfMeta): Promise<PdfWriter> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(meta.title));
  doc.setAuthor(printable(meta.author));
  doc.setCreator('Concerta');
  doc.setProducer('Concerta (pdf-lib)');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.language);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const margin = 40;
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const newPage = () => { page = doc.addPage([595.28, 841.89]); y = page.getHeight() - margin; };
  const need = (h: number) => { if (y - h < margin) newPage(); };
  const wrap = (text: string, f: PDFFont, size: number, max: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of printable(text).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (f.widthOfTextAtSize(next, size) <= max || !line) line = next;
      else { lines.push(line); line = word; }
    }
    lines.push(line);
    return lines;
  };
  return {
    paragraph(text, weight, size) {
      const f = weight === 'bold' ? bold : font;
      for (const l of wrap(text, f, size, width)) {
        need(size + 4);
        page.drawText(l, { x: margin, y: y - size, size, font: f });
        y -= size + 4;
      }
      y -= 4;
    },
    space(points) {
      y -= points;
    },
    table(t, size) {
      const total = t.widths.reduce((a, b) => a + b, 0);
      const cols = t.widths.map((w) => (w / total) * width);
      const row = (cells: string[], f: PDFFont, least: number, onNewPage?: () => void) => {
        const wrapped = cells.map((cell, i) => wrap(cell, f, size, cols[i]! - 4));
        const h = Math.max(least, Math.max(...wrapped.map((w) => w.length)) * (size + 2) + 4);
        if (y - h < margin) {
          newPage();
          onNewPage?.();
        }
        let x = margin;
        wrapped.forEach((lines, i) => {
          lines.forEach((l, j) => page.drawText(l, { x: x + 2, y: y - size - 1 - j * (size + 2), size, font: f }));
          if (t.grid) page.drawRectangle({ x, y: y - h, width: cols[i]!, height: h, borderWidth: 0.5 });
          x += cols[i]!;
        });
        y -= h;
        if (!t.grid) page.drawLine({ start: { x: margin, y }, end: { x: margin + width, y }, thickness: 0.3 });
      };
      const head = () => row(t.head, bold, 0);
      // A head alone at the foot of a page is no use: it starts where a row fits under it.
      need(2 * (size + 6) + (t.minRowHeight ?? 0));
      head();
      for (const r of t.rows) row(r, font, t.minRowHeight ?? 0, t.repeatHead ? head : undefined);
    },
    save: () => {
      const pages = doc.getPages();
      pages.forEach((p, i) => {
        if (meta.pageHead) p.drawText(printable(meta.pageHead), { x: margin, y: p.getHeight() - margin / 2 - 4, size: 8, font });
        if (meta.pageFoot) {
          const text = printable(meta.pageFoot(i + 1, pages.length));
          p.drawText(text, { x: p.getWidth() - margin - font.widthOfTextAtSize(text, 8), y: margin / 2, size: 8, font });
        }
      });
      return doc.save({ useObjectStreams: false });
    },
  };
}
