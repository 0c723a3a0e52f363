import { pdfWriter } from '../shared/pdf.ts';
import type { ChallengeGround, ChallengeStatus, OrganizationType } from '@concerta/contracts';

/**
 * The accreditation act (acta de acreditación) of a definitive list, as HTML and as PDF (pdf-lib, the standard
 * Helvetica font), in Spanish like every document the municipality publishes. The public copy has no DNI column;
 * the staff copy adds it. Pure: the same content gives the same bytes (the PDF's dates are the publication's).
 */
export interface ActContent {
  municipalityName: string;
  processName: string;
  publishedAt: string;
  agents: { fullName: string; dni: string; zone: string; delegateOf: string | null }[];
  organizations: { name: string; type: OrganizationType; registryNumber: string; zone: string }[];
  challenges: { target: string; grounds: ChallengeGround; status: ChallengeStatus; decisionReason: string | null }[];
  commission: string[];
}

export const GROUND_LABELS: Record<ChallengeGround, string> = {
  not_resident: 'No reside en la jurisdicción',
  organization_not_constituted: 'Organización no constituida legalmente',
  duplicate_person: 'Persona inscrita dos veces',
  delegate_not_accredited: 'Delegado no acreditado por la organización',
  other: 'Otra causal',
};

const OUTCOME_LABELS: Record<ChallengeStatus, string> = { open: 'Sin resolver', upheld: 'Fundada: inscripción retirada', dismissed: 'Infundada' };

const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  neighbourhood_committee: 'Junta vecinal', ngo: 'ONG', union: 'Gremio o sindicato', womens_group: 'Organización de mujeres', business: 'Empresa', other: 'Otra',
};

interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
}

function tables(c: ActContent, withDni: boolean): Table[] {
  return [
    {
      title: `Agentes participantes acreditados (${c.agents.length})`,
      head: ['N.º', 'Nombre', ...(withDni ? ['DNI'] : []), 'Zona', 'Delegado(a) de'],
      widths: [1, 6, ...(withDni ? [2.5] : []), 4, 5],
      rows: c.agents.map((a, i) => [String(i + 1), a.fullName, ...(withDni ? [a.dni] : []), a.zone, a.delegateOf ?? '—']),
    },
    {
      title: `Organizaciones acreditadas (${c.organizations.length})`,
      head: ['N.º', 'Organización', 'Tipo', 'Partida registral', 'Zona'],
      widths: [1, 6, 3.5, 3, 4],
      rows: c.organizations.map((o, i) => [String(i + 1), o.name, ORGANIZATION_TYPE_LABELS[o.type], o.registryNumber, o.zone]),
    },
    {
      title: `Tachas presentadas y su resultado (${c.challenges.length})`,
      head: ['N.º', 'Inscripción tachada', 'Causal', 'Resultado', 'Motivo de la decisión'],
      widths: [1, 4.5, 4, 3.5, 6],
      rows: c.challenges.map((t, i) => [String(i + 1), t.target, GROUND_LABELS[t.grounds], OUTCOME_LABELS[t.status], t.decisionReason ?? '—']),
    },
  ];
}

function localDay(iso: string): string {
  return new Intl.DateTimeFormat('es-PE', { timeZone: 'America/Lima', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function actHtml(c: ActContent, copy: 'public' | 'staff'): string {
  // A wide table scrolls in its own region, which the keyboard can reach (a phone is 360px wide).
  const body = tables(c, copy === 'staff').map((t, i) => `<section><h2 id="t${i}">${escapeHtml(t.title)}</h2>${t.rows.length === 0 ? '<p>Ninguna.</p>'
    : `<div class="scroll" role="region" tabindex="0" aria-labelledby="t${i}"><table><thead><tr>${
    t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${
    t.rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`}</section>`).join('\n');
  const title = `Acta de acreditación de agentes participantes: ${c.processName}`;
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem;line-height:1.4;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{border:1px solid #777;padding:.25rem .4rem;text-align:left;vertical-align:top}.scroll{overflow-x:auto}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(c.municipalityName)}. Lista definitiva publicada el ${escapeHtml(localDay(c.publishedAt))}.</p>
<p>${copy === 'public' ? 'Copia pública: sin documento de identidad (DNI) ni datos de contacto.' : 'Copia para el personal de la municipalidad: incluye el DNI; no se publica.'}</p>
${body}
<section><h2>Comisión de acreditación</h2><ul>${c.commission.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul></section>
</main></body></html>
`;
}

export async function actPdf(c: ActContent, copy: 'public' | 'staff'): Promise<Uint8Array> {
  const pdf = await pdfWriter({ title: `Acta de acreditación: ${c.processName}`, author: c.municipalityName, date: new Date(c.publishedAt), language: 'es-PE' });
  pdf.paragraph(`Acta de acreditación de agentes participantes: ${c.processName}`, 'bold', 15);
  pdf.paragraph(`${c.municipalityName}. Lista definitiva publicada el ${localDay(c.publishedAt)}.`, 'regular', 10);
  pdf.paragraph(copy === 'public' ? 'Copia pública: sin documento de identidad (DNI) ni datos de contacto.' : 'Copia para el personal de la municipalidad: incluye el DNI; no se publica.', 'regular', 9);
  for (const t of tables(c, copy === 'staff')) {
    pdf.space(6);
    pdf.paragraph(t.title, 'bold', 11);
    if (t.rows.length === 0) { pdf.paragraph('Ninguna.', 'regular', 9); continue; }
    pdf.table(t, 8);
  }
  pdf.space(10);
  pdf.paragraph('Comisión de acreditación', 'bold', 11);
  for (const m of c.commission) pdf.paragraph(`• ${m}`, 'regular', 9);
  return pdf.save();
}
