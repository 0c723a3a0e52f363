/**
 * The oversight committee's election rule, as a pure function (no I/O).
 *
 * The candidates are ranked by votes, most first; equal votes are broken by the declared rule: whoever stood first
 * (registered as a candidate earlier) goes ahead, then the agent id, so the ranking never depends on the order the
 * counts were typed in. Seats are filled down the ranking, except that men take at most `seats - minWomen` seats (or
 * `seats - women standing`, when fewer women stood than the quota asks): once men have those seats, a man is passed
 * over and the next woman in the ranking takes the seat. With at least as many candidates as seats every seat is
 * filled, and the women's minimum is met whenever enough women stood.
 */

export interface Standing {
  agentId: string;
  female: boolean;
  votes: number;
  /** When they stood (ISO time): the tie rule's first key. */
  stoodAt: string;
}

export interface CommitteeResult {
  /** Every candidate, ranked by votes and the tie rule. */
  ranking: Standing[];
  /** The elected, in ranking order. */
  elected: string[];
  /** Men passed over by the quota: a woman ranked below them took the seat. */
  passedOver: string[];
}

export function rankCandidates(candidates: readonly Standing[]): Standing[] {
  return [...candidates].sort((a, b) => b.votes - a.votes || a.stoodAt.localeCompare(b.stoodAt) || a.agentId.localeCompare(b.agentId));
}

export function electCommittee(candidates: readonly Standing[], seats: number, minWomen: number): CommitteeResult {
  const ranking = rankCandidates(candidates);
  const womenStanding = ranking.filter((c) => c.female).length;
  const menSeats = seats - Math.min(minWomen, womenStanding);
  const elected: string[] = [];
  const passedOver: string[] = [];
  let men = 0;
  for (const c of ranking) {
    if (elected.length === seats) break;
    if (c.female) elected.push(c.agentId);
    else if (men < menSeats) { elected.push(c.agentId); men++; }
    else passedOver.push(c.agentId);
  }
  return { ranking, elected, passedOver };
}

/** The rule above, as the committee's page states it. */
export const ELECTION_RULE = {
  es: 'Se eligen los candidatos con más votos hasta llenar los puestos; si los más votados dejaran sin cumplir la cuota de mujeres, el puesto pasa a la siguiente mujer más votada. A igualdad de votos va primero quien postuló antes.',
  en: 'The candidates with the most votes fill the seats; if the most voted would leave the women quota unmet, the seat goes to the next most voted woman. On equal votes, whoever stood first goes ahead.',
} as const;
