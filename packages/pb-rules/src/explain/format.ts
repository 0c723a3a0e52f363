import { formatNumber, type Locale } from '../arith/format.ts';
import type { Explanation, ExplanationCode, ScoreKind } from './explanation.ts';

type ParamsOf<C extends ExplanationCode> = Extract<Explanation, { code: C }>['params'];
type Render<C extends ExplanationCode> = (p: ParamsOf<C>, n: (v: string | number) => string) => string;

const ordinalEn = (k: number): string => {
  const tens = k % 100;
  if (tens >= 11 && tens <= 13) return `${k}th`;
  return `${k}${['th', 'st', 'nd', 'rd'][k % 10] ?? 'th'}`;
};

const scoreEn: Record<ScoreKind, string> = {
  votes: 'votes',
  points: 'points',
  'votes-per-cost': 'votes per unit of cost',
  'points-per-cost': 'points per unit of cost',
};
const scoreEs: Record<ScoreKind, string> = {
  votes: 'votos',
  points: 'puntos',
  'votes-per-cost': 'votos por unidad de costo',
  'points-per-cost': 'puntos por unidad de costo',
};
// Ratios are tiny numbers: show more decimals than for money.
const decimalsFor = (k: ScoreKind): number => (k.endsWith('per-cost') ? 8 : 2);

const EN: { [C in ExplanationCode]: Render<C> } = {
  GREEDY_FUNDED: (p, n) =>
    `funded: ranked ${ordinalEn(p.rank)} with ${formatNumber(p.score, 'en', decimalsFor(p.scoreKind))} ${scoreEn[p.scoreKind]}; ${n(p.remaining)} were left and it costs ${n(p.cost)}`,
  GREEDY_SKIPPED: (p, n) => `skipped: ${n(p.remaining)} left, costs ${n(p.cost)}`,
  GREEDY_STOPPED_HERE: (p, n) => `not funded: ${n(p.remaining)} left, costs ${n(p.cost)}; the count stops at the first project that does not fit`,
  GREEDY_NOT_REACHED: (p) => `not funded: ranked after project ${p.stoppedAt}, where the count stopped`,
  GREEDY_EXCLUDED: (p) => `not funded (rank ${p.rank}): excludes project ${p.by}, funded before it`,
  GREEDY_RESERVE_FUNDED: (p, n) =>
    `funded from reserve funds (rank ${p.rank}): it does not fit, but the ${n(p.remaining)} left cover at least ${p.share}% of its cost ${n(p.cost)}; the count stops here`,
  BELOW_THRESHOLD: (p) =>
    `below threshold: ${formatNumber(p.score, 'en', decimalsFor(p.scoreKind))} ${scoreEn[p.scoreKind]}, at least ${formatNumber(p.threshold, 'en', 2)} needed to be eligible`,
  NO_SUPPORT: () => `not funded: no ballot supports it`,
  MES_FUNDED: (p, n) =>
    p.minPayment === p.maxPayment
      ? `funded in round ${p.round}: its ${n(p.supporters)} supporters paid ${n(p.maxPayment)} each (cost ${n(p.cost)})`
      : `funded in round ${p.round}: its ${n(p.supporters)} supporters paid between ${n(p.minPayment)} and ${n(p.maxPayment)} each (cost ${n(p.cost)})`,
  MES_FUNDED_FREE: (p, n) => `funded: costs nothing and has ${n(p.supporters)} supporters`,
  MES_NOT_REACHED: (p, n) => `not reached: its ${n(p.supporters)} supporters' remaining budgets sum to ${n(p.available)} < cost ${n(p.cost)}`,
  COMPLETION_FUNDED: (p, n) => `funded in the completion step (greedy on the leftover): ${n(p.remaining)} were left and it costs ${n(p.cost)}`,
  COMPLETION_SKIPPED: (p, n) => `skipped in the completion step: ${n(p.remaining)} left, costs ${n(p.cost)}`,
  PHRAGMEN_FUNDED: (p, n) => `funded in round ${p.round}: its ${n(p.supporters)} supporters reached a load of ${n(p.load)} each`,
  PHRAGMEN_STOPPED: (p, n) => `not funded: the rule stopped when project ${p.stoppedAt} (cost ${n(p.stopCost)}) did not fit in the ${n(p.remaining)} left`,
  OVER_BUDGET: (p, n) => `not funded: costs ${n(p.cost)}, more than the whole budget ${n(p.budget)}`,
  COMPARISON_GREEDY_USED: (p, n) =>
    `greedy outcome used: ${n(p.prefersGreedy)} voters prefer it, ${n(p.prefersEqualShares)} prefer the Equal Shares outcome`,
};

const ES: { [C in ExplanationCode]: Render<C> } = {
  GREEDY_FUNDED: (p, n) =>
    `financiado: puesto ${p.rank} con ${formatNumber(p.score, 'es', decimalsFor(p.scoreKind))} ${scoreEs[p.scoreKind]}; quedaban ${n(p.remaining)} y cuesta ${n(p.cost)}`,
  GREEDY_SKIPPED: (p, n) => `omitido: quedan ${n(p.remaining)}, cuesta ${n(p.cost)}`,
  GREEDY_STOPPED_HERE: (p, n) =>
    `no financiado: quedan ${n(p.remaining)}, cuesta ${n(p.cost)}; el conteo se detiene en el primer proyecto que no cabe`,
  GREEDY_NOT_REACHED: (p) => `no financiado: está después del proyecto ${p.stoppedAt}, donde se detuvo el conteo`,
  GREEDY_EXCLUDED: (p) => `no financiado (puesto ${p.rank}): excluye al proyecto ${p.by}, financiado antes`,
  GREEDY_RESERVE_FUNDED: (p, n) =>
    `financiado con fondos de reserva (puesto ${p.rank}): no cabe, pero los ${n(p.remaining)} restantes cubren al menos el ${p.share}% de su costo ${n(p.cost)}; el conteo se detiene aquí`,
  BELOW_THRESHOLD: (p) =>
    `bajo el umbral: ${formatNumber(p.score, 'es', decimalsFor(p.scoreKind))} ${scoreEs[p.scoreKind]}, se necesitan al menos ${formatNumber(p.threshold, 'es', 2)} para participar`,
  NO_SUPPORT: () => `no financiado: ninguna cédula lo apoya`,
  MES_FUNDED: (p, n) =>
    p.minPayment === p.maxPayment
      ? `financiado en la ronda ${p.round}: sus ${n(p.supporters)} votantes pagaron ${n(p.maxPayment)} cada uno (costo ${n(p.cost)})`
      : `financiado en la ronda ${p.round}: sus ${n(p.supporters)} votantes pagaron entre ${n(p.minPayment)} y ${n(p.maxPayment)} cada uno (costo ${n(p.cost)})`,
  MES_FUNDED_FREE: (p, n) => `financiado: no cuesta nada y tiene ${n(p.supporters)} votantes a favor`,
  MES_NOT_REACHED: (p, n) =>
    `no alcanzado: los presupuestos restantes de sus ${n(p.supporters)} votantes suman ${n(p.available)} < costo ${n(p.cost)}`,
  COMPLETION_FUNDED: (p, n) => `financiado en la etapa de completado (voraz sobre el saldo): quedaban ${n(p.remaining)} y cuesta ${n(p.cost)}`,
  COMPLETION_SKIPPED: (p, n) => `omitido en la etapa de completado: quedan ${n(p.remaining)}, cuesta ${n(p.cost)}`,
  PHRAGMEN_FUNDED: (p, n) => `financiado en la ronda ${p.round}: sus ${n(p.supporters)} votantes alcanzaron una carga de ${n(p.load)} cada uno`,
  PHRAGMEN_STOPPED: (p, n) =>
    `no financiado: la regla se detuvo cuando el proyecto ${p.stoppedAt} (costo ${n(p.stopCost)}) no cupo en los ${n(p.remaining)} restantes`,
  OVER_BUDGET: (p, n) => `no financiado: cuesta ${n(p.cost)}, más que todo el presupuesto ${n(p.budget)}`,
  COMPARISON_GREEDY_USED: (p, n) =>
    `se usó el resultado voraz: ${n(p.prefersGreedy)} votantes lo prefieren y ${n(p.prefersEqualShares)} prefieren el de Partes Iguales`,
};

const CATALOGUE: Record<Locale, { [C in ExplanationCode]: Render<C> }> = { en: EN, es: ES };

/** One explanation as a sentence in Spanish (`es`, with Peruvian number formatting) or English. */
export function formatExplanation(e: Explanation, locale: Locale): string {
  const render = CATALOGUE[locale][e.code] as Render<typeof e.code>;
  return render(e.params as never, (v) => formatNumber(v, locale, 2));
}
