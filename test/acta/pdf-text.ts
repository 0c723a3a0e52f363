import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';

/**
 * The text drawn on a PDF's pages, one string per shown text, as a reader would copy it: pdf-lib writes each line
 * as a hex string (`<...> Tj`) in WinAnsi (Latin-1 for what the Acta prints) inside compressed content streams.
 */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const shown: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const content = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) shown.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
  }
  return shown;
}
