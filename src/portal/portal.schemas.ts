import { z } from 'zod';
import { PHASES } from '@concerta/contracts';
import { text } from '../http/input.ts';
import { named } from '../http/schemas.ts';
import { OPEN_DATA_FILES, OPEN_DATA_FORMATS } from './open-data.ts';
import { PORTAL_STATUSES } from './portal.ts';

const id = z.string().min(1).max(80);
const share = z.number().nullable();
const page = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};
const words = text(100).optional();
const lang = z.enum(['es', 'en']).optional();

export const langQuery = z.strictObject({ lang });

export const processParams = z.strictObject({ slug: id, processId: id });

export const nationalQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  region: id.optional(),
  province: id.optional(),
  q: words,
  lang,
  ...page,
});

const figures = {
  envelopeCents: z.number(), investmentBudgetCents: z.number(),
  envelopeShare: share.describe('envelope / investment budget, 0..1; null without a budget'),
  approved: z.number().describe('Approved participating agents'), women: z.number().describe('Of them, women'),
  womenShare: share.describe('women / approved, 0..1; null when nobody is approved'),
};

export const nationalSchema = named('NationalView', z.object({
  year: z.number().nullable().describe('The fiscal year of the groups and the municipalities (the latest with a process unless asked)'),
  places: z.object({
    regions: z.array(z.object({ id: z.string(), name: z.string() })).describe('Every region with a municipality on this installation'),
    provinces: z.array(z.object({ id: z.string(), name: z.string() })).describe('The provinces of the region asked for (none without one)'),
  }),
  years: z.array(named('NationalYear', z.object({
    fiscalYear: z.number(), running: z.number().describe('Municipalities with a process that year'), ...figures,
  }))).describe('Every fiscal year with a process, oldest first, over the municipalities the filter keeps'),
  groupedBy: z.enum(['region', 'province']),
  groups: z.array(named('NationalGroup', z.object({
    id: z.string(), name: z.string(), level: z.enum(['region', 'province']),
    municipalities: z.number().describe('Municipalities on this installation in the group'),
    running: z.number().describe('Of them, those with a process in the year'), ...figures,
  }))),
  municipalities: z.object({
    total: z.number(), limit: z.number(), offset: z.number(),
    rows: z.array(named('NationalMunicipality', z.object({
      id: z.string(), slug: z.string(), name: z.string(), kind: z.enum(['provincial', 'district']),
      province: z.object({ id: z.string(), name: z.string() }), region: z.object({ id: z.string(), name: z.string() }),
      process: z.object({ id: z.string(), name: z.string(), phase: z.string(), ...figures }).nullable().describe('Its process of the year; null when it did not run PB that year'),
    }))),
  }),
}));

export const historySchema = named('MunicipalityHistory', z.object({
  processes: z.array(named('HistoryProcess', z.object({
    id: z.string(), fiscalYear: z.number(), name: z.string(), phase: z.enum(PHASES),
    envelopeCents: z.number(), investmentBudgetCents: z.number(), envelopeShare: share,
  }))).describe('Oldest first'),
}));

export const portalProposalsQuery = z.strictObject({
  q: words,
  zoneId: id.optional(),
  axisId: id.optional(),
  status: z.enum(PORTAL_STATUSES).optional(),
  lang,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: page.offset,
});

const ref = z.object({ id: z.string(), name: z.string() });

export const portalProposalsSchema = named('PortalProposals', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number(), name: z.string(), phase: z.enum(PHASES) }),
  voteClosed: z.boolean().describe('Vote results appear only once this is true'),
  counts: z.record(z.enum(PORTAL_STATUSES), z.number()).describe('Proposals per status, over the search and zone and axis filters'),
  total: z.number(), limit: z.number(), offset: z.number(),
  proposals: z.array(named('PortalProposal', z.object({
    id: z.string(), number: z.number(), title: z.string(), zone: ref, axis: ref.extend({ code: z.string() }),
    requestedCostCents: z.number(), cofinancingCents: z.number(), organization: z.string().nullable(),
    proposalStatus: z.enum(['submitted', 'withdrawn']),
    evaluation: z.object({
      viability: z.enum(['viable', 'viable_with_changes', 'not_viable']), adjustedCostCents: z.number(),
      weightedScore: z.number(), evaluators: z.number(), publishedAt: z.string(),
    }).nullable().describe('Null until the evaluation is published'),
    workshopVotes: z.number().nullable().describe('Votes in the workshops, summed; null when no workshop voted on it'),
    vote: z.object({
      envelope: z.string(), envelopeName: z.string().nullable(), votes: z.number(), funded: z.boolean(), priority: z.number(),
    }).nullable().describe('Null before the vote is closed, and for a proposal that was not on the ballot'),
    status: z.enum(PORTAL_STATUSES),
  }))),
}));

export const fileParams = z.strictObject({
  slug: id, processId: id,
  file: z.enum(OPEN_DATA_FILES.flatMap((f) => OPEN_DATA_FORMATS.map((fmt) => `${f}.${fmt}` as const)) as [string, ...string[]]),
});

export const municipalityFileParams = fileParams.omit({ processId: true });

const link = z.object({ file: z.enum(OPEN_DATA_FILES), format: z.enum(OPEN_DATA_FORMATS), url: z.string() });

export const processOpenDataSchema = named('ProcessOpenData', z.object({
  schema: z.string(), schemaUrl: z.string(),
  voteClosed: z.boolean(),
  files: z.array(link).describe('The results files answer OPEN_DATA_RESULTS_NOT_YET until the vote is closed'),
  pabulib: z.array(z.object({ envelope: z.string(), envelopeName: z.string().nullable(), url: z.string() })).describe("Each envelope's anonymous ballots (Pabulib), after the close"),
  receiptCheckUrl: z.string().describe('Where anyone checks, with a receipt code, that an online ballot was counted'),
  acta: z.object({ version: z.number(), contentHash: z.string(), pdfUrl: z.string() }).nullable()
    .describe('The latest issued version of the Acta de Acuerdos y Compromisos (SHA-256 of its frozen content, its PDF); null before it is issued'),
}));

export const municipalityOpenDataSchema = named('MunicipalityOpenData', z.object({
  schema: z.string(), schemaUrl: z.string(),
  files: z.array(link), bulkUrl: z.string().describe('Everything public of the municipality, one zip'),
  processes: z.array(z.object({ id: z.string(), fiscalYear: z.number(), name: z.string(), openDataUrl: z.string() })),
}));
