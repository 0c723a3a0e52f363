import fs from 'node:fs/promises';
import { ballotLogExportSchema } from '../voting/voting.schemas.ts';
import { checkVoteExport, describeVoteCheck, type BallotLogExport } from '../voting/ballot-log.ts';

/**
 * `concerta verify-vote EXPORT [--receipt CODE]`: checks a closed vote's ballot log as downloaded from
 * GET /api/municipalities/:slug/processes/:processId/vote/ballot-log (docs/verify-vote.md). Prints each finding;
 * 0 when everything verifies, 2 when something does not.
 */
export async function verifyVote(file: string, receipt: string | undefined, print: (line: string) => void): Promise<number> {
  let raw: unknown;
  try { raw = JSON.parse(await fs.readFile(file, 'utf8')); } catch (err) { throw new Error(`${file}: not a readable JSON file (${err instanceof Error ? err.message : String(err)})`); }
  const parsed = ballotLogExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a Concerta ballot log export (${issue ? `${issue.path.join('.') || 'top'}: ${issue.message}` : 'unexpected shape'})`);
  }
  const check = checkVoteExport(parsed.data as unknown as BallotLogExport, receipt);
  print(`vote ${parsed.data.voteId} of ${parsed.data.municipality} ${parsed.data.fiscalYear}, closed ${parsed.data.closedAt}`);
  for (const line of describeVoteCheck(check)) print(line);
  return check.ok ? 0 : 2;
}
