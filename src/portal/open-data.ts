import { stringify } from 'csv-stringify/sync';

/**
 * The open data's schema, version 1: every file, every field, its type and meaning. This is the one source of truth:
 * the files are written from it (fields in this order), `GET /api/open-data/schema/1` serves it, and
 * docs/open-data.md is its Markdown rendering (`schemaMarkdown()`; a test keeps the two equal).
 *
 * The files hold nothing personal: no DNI, no contact, no person's name (a proposal names the organization that
 * brought it, if any), and no link between a ballot and a voter. Results exist only once the vote is closed.
 * A new field or file is a new version of the schema; version 1 never changes.
 */

export const OPEN_DATA_SCHEMA = 'concerta.open-data/1';
export const OPEN_DATA_VERSION = 1;

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time';

export interface FieldDoc {
  name: string;
  type: FieldType;
  nullable: boolean;
  meaning: string;
}

export interface FileDoc {
  name: OpenDataFile;
  title: string;
  description: string;
  fields: FieldDoc[];
}

export const OPEN_DATA_FILES = ['processes', 'proposals', 'evaluations', 'results'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];
export const OPEN_DATA_FORMATS = ['csv', 'json'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

const f = (name: string, type: FieldType, meaning: string, nullable = false): FieldDoc => ({ name, type, nullable, meaning });

const WHERE = [
  f('municipality', 'string', "The municipality's slug on this installation (its address: /m/<slug>)."),
  f('processId', 'string', 'The process (one fiscal year of participatory budgeting) the row belongs to.'),
  f('fiscalYear', 'integer', 'The fiscal year whose investment budget the process decides.'),
];

export const FILES: Record<OpenDataFile, FileDoc> = {
  processes: {
    name: 'processes', title: 'Processes',
    description: "One row per process of the municipality: its envelope in soles and as a share of the municipality's investment budget.",
    fields: [
      ...WHERE,
      f('name', 'string', 'The name of the process.'),
      f('phase', 'string', 'Its phase: preparation, concertation, coordination, formalization, execution or closed.'),
      f('envelopeCents', 'integer', 'The envelope put to participatory budgeting, in céntimos of sol (S/ 1 = 100).'),
      f('investmentBudgetCents', 'integer', "The municipality's investment budget that year, in céntimos."),
      f('envelopeShare', 'number', 'envelopeCents / investmentBudgetCents, 0..1 with 4 decimals.', true),
      f('voteClosed', 'boolean', 'Whether the formalization vote is closed (only then are there results).'),
      f('voteClosedAt', 'date-time', 'When the vote closed (ISO 8601, UTC); empty until then.', true),
    ],
  },
  proposals: {
    name: 'proposals', title: 'Proposals',
    description: 'One row per project proposal, as its current version stands, with where it stands in the process.',
    fields: [
      ...WHERE,
      f('proposalId', 'string', 'The proposal.'),
      f('number', 'integer', "The proposal's number in its process."),
      f('title', 'string', 'Its title.'),
      f('zoneCode', 'string', "The code of the zone it serves (the municipality's zoning)."),
      f('zone', 'string', 'The name of that zone.'),
      f('axisCode', 'string', "The code of the development plan's thematic axis it belongs to."),
      f('axis', 'string', 'The name of that axis.'),
      f('objectiveCode', 'string', "The code of the plan's strategic objective it serves."),
      f('requestedCostCents', 'integer', 'The cost its authors estimated, in céntimos.'),
      f('cofinancingCents', 'integer', 'Co-financing pledged by the community and others (money and in kind), in céntimos.'),
      f('beneficiariesCount', 'integer', 'How many people its authors expect to benefit.'),
      f('organization', 'string', 'The organization that brought it; empty when a person brought it on their own (no person is named).', true),
      f('source', 'string', 'How it was submitted: online, or paper (typed in by staff).'),
      f('proposalStatus', 'string', 'submitted, or withdrawn by its authors.'),
      f('submittedAt', 'date-time', 'When it was submitted (ISO 8601, UTC).'),
      f('workshopVotes', 'integer', 'Votes it got in the concertation workshops, summed; empty when no workshop voted on it.', true),
      f('status', 'string', 'Where it stands: withdrawn, in_evaluation, not_viable, evaluated (viable, vote not closed), funded or not_funded (by the closed vote).'),
    ],
  },
  evaluations: {
    name: 'evaluations', title: 'Technical evaluations',
    description: 'One row per proposal whose technical evaluation is published (every assigned evaluator has finished).',
    fields: [
      ...WHERE,
      f('proposalId', 'string', 'The proposal evaluated.'),
      f('number', 'integer', "The proposal's number in its process."),
      f('viability', 'string', "The most cautious of its evaluators': viable, viable_with_changes or not_viable."),
      f('adjustedCostCents', 'integer', "The highest of its evaluators' adjusted costs, in céntimos."),
      f('weightedScore', 'number', "The mean over its evaluators of the prioritization matrix's weighted score, 0..100."),
      f('evaluators', 'integer', 'How many members of the technical team evaluated it.'),
      f('publishedAt', 'date-time', 'When the evaluation was published (the last evaluator finished).'),
    ],
  },
  results: {
    name: 'results', title: 'Vote results',
    description: "One row per project on the ballot of a closed vote, envelope by envelope. Processes whose vote is not closed have no rows (and the process's own file answers that the results are not published yet).",
    fields: [
      ...WHERE,
      f('closedAt', 'date-time', 'When the vote closed.'),
      f('outcomeRule', 'string', "The outcome rule that chose the funded projects (the rules library's name: greedy, mes, ...)."),
      f('envelope', 'string', "The envelope (a zone's id, or municipality for the district-wide rest)."),
      f('envelopeName', 'string', "The zone's name; empty for the district-wide envelope.", true),
      f('envelopeBudgetCents', 'integer', "The envelope's budget, in céntimos."),
      f('proposalId', 'string', 'The project (a proposal).'),
      f('number', 'integer', "The proposal's number in its process."),
      f('title', 'string', 'Its title.'),
      f('costCents', 'integer', 'Its cost on the ballot (the adjusted cost), in céntimos.'),
      f('votes', 'integer', 'The votes (or points) it got.'),
      f('funded', 'boolean', 'Whether the vote funded it.'),
      f('priority', 'integer', 'Its place in its envelope: funded projects first in the order the rule funded them, then the alternates by votes.'),
    ],
  },
};

export type OpenDataRow = Record<string, string | number | boolean | null>;

/** Keeps exactly the file's fields, in their order (so a row can never carry anything the schema does not name). */
export function project(file: OpenDataFile, row: OpenDataRow): OpenDataRow {
  return Object.fromEntries(FILES[file].fields.map((field) => [field.name, row[field.name] ?? null]));
}

export function toCsv(file: OpenDataFile, rows: readonly OpenDataRow[]): string {
  const columns = FILES[file].fields.map((field) => field.name);
  return stringify(rows.map((r) => columns.map((c) => {
    const v = r[c];
    return v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : v;
  })), { header: true, columns, bom: false });
}

export function toJson(file: OpenDataFile, rows: readonly OpenDataRow[], about: { municipality: { slug: string; name: string }; processId: string | null; generatedAt: string }): string {
  return `${JSON.stringify({ schema: OPEN_DATA_SCHEMA, file, generatedAt: about.generatedAt, municipality: about.municipality, processId: about.processId, rows }, null, 1)}\n`;
}

export function render(file: OpenDataFile, format: OpenDataFormat, rows: readonly OpenDataRow[], about: Parameters<typeof toJson>[2]): string {
  return format === 'csv' ? toCsv(file, rows) : toJson(file, rows, about);
}

export const CONTENT_TYPES: Record<OpenDataFormat, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** The schema as JSON (what `GET /api/open-data/schema/1` answers). */
export function schemaDocument() {
  return {
    schema: OPEN_DATA_SCHEMA,
    version: OPEN_DATA_VERSION,
    formats: [...OPEN_DATA_FORMATS],
    json: 'Each JSON file is an object: schema (this id), file (its name), generatedAt, municipality {slug, name}, processId (null for a municipality-wide file) and rows (objects with the fields below).',
    csv: 'Each CSV file is UTF-8, comma separated, with a header row of the field names below; an empty cell is null; booleans are true or false.',
    files: OPEN_DATA_FILES.map((name) => FILES[name]),
  };
}

/** docs/open-data.md: the schema in Markdown. */
export function schemaMarkdown(): string {
  const lines = [
    '# Open data: schema `concerta.open-data/1`',
    '',
    '<!-- Written from src/portal/open-data.ts (schemaMarkdown); a test keeps this file equal to it. -->',
    '',
    "Every public figure of a municipality's participatory budgeting can be downloaded, per process and per municipality,",
    'as CSV and JSON, with no account. The same schema is served as JSON at `/api/open-data/schema/1` and as this text at',
    '`/api/open-data/schema/1.md`. Version 1 never changes: a new field or file is a new version.',
    '',
    '## Where the files are',
    '',
    '| What | URL |',
    '| --- | --- |',
    "| A process's file | `/api/municipalities/<slug>/processes/<processId>/open-data/<file>.<csv or json>` |",
    "| A municipality's file (every process) | `/api/municipalities/<slug>/open-data/<file>.<csv or json>` |",
    "| Everything public of a municipality (zip) | `/api/municipalities/<slug>/open-data/bulk.zip` |",
    "| The list of a process's or a municipality's files | `/api/municipalities/<slug>/processes/<processId>/open-data`, `/api/municipalities/<slug>/open-data` |",
    "| An envelope's anonymous ballots (Pabulib), after the close | `/api/municipalities/<slug>/processes/<processId>/vote/results/<envelope>.pb` |",
    '| Check that a ballot was counted, by its receipt code | `/api/municipalities/<slug>/processes/<processId>/vote/receipt?code=<code>` |',
    "| The Acta de Acuerdos y Compromisos, once issued (PDF of a version) | `/api/municipalities/<slug>/processes/<processId>/acta/versions/<version>/acta.pdf` |",
    '',
    'The zip holds `processes.csv` and `processes.json`, then a folder per fiscal year with that process\'s files (its',
    '`results` only when its vote is closed), `index.json` (what it holds, the address of each envelope\'s Pabulib',
    'ballots and of the issued Acta\'s PDF) and this schema as `open-data.md`.',
    '',
    '## Formats',
    '',
    `- JSON: ${schemaDocument().json}`,
    `- CSV: ${schemaDocument().csv}`,
    '- Money is in whole céntimos of sol (S/ 1.00 = 100). Times are ISO 8601 in UTC.',
    '',
    '## What is never in the files',
    '',
    'No DNI, phone, email or address of anyone; no name of a person (a proposal names its organization, if any); no',
    'link between a ballot and a voter. Vote results (and the Pabulib ballots) appear only after the vote is closed.',
    '',
  ];
  for (const name of OPEN_DATA_FILES) {
    const file = FILES[name];
    lines.push(`## \`${file.name}\`: ${file.title}`, '', file.description, '', '| Field | Type | Meaning |', '| --- | --- | --- |');
    for (const field of file.fields) lines.push(`| \`${field.name}\` | ${field.type}${field.nullable ? ', may be empty' : ''} | ${field.meaning} |`);
    lines.push('');
  }
  return lines.join('\n');
}
