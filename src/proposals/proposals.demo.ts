import { appendAudit } from '../audit/audit-log.ts';
import { demoKey, type AreaDemo } from '../kernel/area.ts';
import { DEMO_ZONES } from '../plan/plan.demo.ts';
import { objectiveRefs } from '../plan/plan.queries.ts';
import { DEMO_PAST_PROCESSES } from '../processes/processes.demo.ts';
import { agentProfiles } from '../registration/registration.queries.ts';
import { newId } from '../shared/clock.ts';
import { insertProposal, insertVersion, setCurrentVersion } from './proposals.repository.ts';
import type { Pledge, ProposalContent } from './proposals.ts';

/** The demo's proposals: the fiscal year and the ids, by number, for the steps that evaluate and rank them. */
export const DEMO_PROPOSALS = demoKey<{ processId: string; fiscalYear: number; ids: readonly string[] }>('proposals: the demo proposals');

/** The year whose Concertation the demo shows in full: the last closed process, with its April and May of proposals. */
const YEAR = 2007;

type Kind = 'paving' | 'water' | 'health' | 'school' | 'waste' | 'fishing' | 'park' | 'tourism' | 'organizations';

const KINDS: Record<Kind, { objective: string; groups: string; problem: string; description: string }> = {
  paving: {
    objective: 'OE1.3', groups: 'familias del sector, escolares, mototaxistas',
    problem: 'La vía es de tierra: polvo todo el año, barro con las lloviznas de invierno y enfermedades respiratorias en los niños.',
    description: 'Pavimentación con concreto f\'c 210 kg/cm², veredas, sardineles y rampas para personas con discapacidad; incluye señalización.',
  },
  water: {
    objective: 'OE1.2', groups: 'familias sin conexión domiciliaria, comedores populares',
    problem: 'Las familias compran agua de camiones cisterna a S/ 5 el cilindro y no tienen desagüe; hay casos de diarrea infantil.',
    description: 'Red de agua potable y alcantarillado con conexiones domiciliarias, buzones y empalme a la red de la EPS Ilo.',
  },
  health: {
    objective: 'OE2.2', groups: 'madres gestantes, niños menores de cinco años, adultos mayores',
    problem: 'El puesto de salud más cercano queda a más de 40 minutos; no hay atención de control prenatal ni de crecimiento en el sector.',
    description: 'Construcción y equipamiento de un puesto de salud de primer nivel (I-2) con consultorios, tópico, farmacia y sala de espera.',
  },
  school: {
    objective: 'OE2.1', groups: 'alumnos de inicial y primaria, docentes, padres de familia',
    problem: 'Las aulas son de material prefabricado, con más de 35 alumnos cada una, sin servicios higiénicos suficientes ni sombra en el patio.',
    description: 'Ampliación y mejoramiento de la infraestructura educativa: aulas de material noble, servicios higiénicos y cobertura del patio.',
  },
  waste: {
    objective: 'OE1.1', groups: 'todas las familias del sector, recicladores',
    problem: 'Los residuos se acumulan en botaderos informales en las quebradas y en la playa; el camión recolector pasa una vez por semana.',
    description: 'Contenedores soterrados, un punto de acopio para reciclaje con la asociación de recicladores y campaña de segregación en la fuente.',
  },
  fishing: {
    objective: 'OE3.1', groups: 'pescadores artesanales, comerciantes de pescado',
    problem: 'La pesca se pierde por falta de frío; los pescadores venden a intermediarios al precio del día.',
    description: 'Cámara de frío y fábrica de hielo en el desembarcadero artesanal, con manejo a cargo del sindicato de pescadores.',
  },
  park: {
    objective: 'OE1.3', groups: 'niños, jóvenes y adultos mayores del sector',
    problem: 'El terreno destinado a parque está abandonado y se usa como botadero; no hay espacios de recreación en el sector.',
    description: 'Recuperación del espacio público: losa deportiva, juegos infantiles, áreas verdes con riego tecnificado e iluminación.',
  },
  tourism: {
    objective: 'OE3.2', groups: 'comerciantes del malecón, artesanos, visitantes',
    problem: 'El borde costero está deteriorado y sin servicios; los visitantes no se quedan y el comercio local no crece.',
    description: 'Mejoramiento del malecón con iluminación, servicios higiénicos, módulos para artesanos y señalización turística.',
  },
  organizations: {
    objective: 'OE4.1', groups: 'juntas vecinales, comités de vigilancia, dirigentes',
    problem: 'Las organizaciones no tienen un local para reunirse; las asambleas se hacen en la calle o en casas particulares.',
    description: 'Construcción de un local comunal de uso múltiple con sala de reuniones, cocina comunal y servicios higiénicos.',
  },
};

/** [title, kind, zone code, cost in soles, beneficiaries, location]. */
const PROPOSALS: readonly [string, Kind, string, number, number, string][] = [
  ['Pavimentación de la calle Los Pescadores', 'paving', 'Z02', 612_000, 1_450, 'Calle Los Pescadores, cuadras 1 a 6, Pampa Inalámbrica'],
  ['Pavimentación de la avenida Miramar', 'paving', 'Z04', 845_000, 2_100, 'Av. Miramar, del óvalo al mercado'],
  ['Pavimentación del pasaje Santa Rosa', 'paving', 'Z02', 186_000, 420, 'Pasaje Santa Rosa, sector 3'],
  ['Pistas y veredas de la calle Moquegua', 'paving', 'Z01', 398_000, 980, 'Calle Moquegua, cuadras 4 a 8, Cercado'],
  ['Pavimentación de la calle Los Ángeles', 'paving', 'Z03', 457_000, 1_120, 'Calle Los Ángeles, Alto Ilo'],
  ['Veredas y rampas de la avenida Costanera', 'paving', 'Z05', 233_000, 760, 'Av. Costanera, Villa del Mar'],
  ['Pavimentación de la calle 7, Nuevo Ilo', 'paving', 'Z06', 529_000, 1_300, 'Calle 7, manzanas C a H, Nuevo Ilo'],
  ['Trocha carrozable al sector El Algarrobal', 'paving', 'Z07', 690_000, 540, 'Camino del valle, km 8 a km 14'],
  ['Agua potable y desagüe del sector 5', 'water', 'Z02', 1_380_000, 2_600, 'Sector 5, manzanas A a R, Pampa Inalámbrica'],
  ['Ampliación de la red de agua de Alto Ilo', 'water', 'Z03', 964_000, 1_850, 'Asentamiento Humano Alto Ilo, zona alta'],
  ['Conexiones domiciliarias de desagüe en Miramar', 'water', 'Z04', 412_000, 890, 'Junta Vecinal Miramar, calles 1 a 5'],
  ['Reservorio elevado para Nuevo Ilo', 'water', 'Z06', 1_120_000, 3_200, 'Cerro al este de Nuevo Ilo'],
  ['Canal de riego revestido en el valle', 'water', 'Z07', 575_000, 310, 'Canal Chiribaya, tramo Pampa de Palo'],
  ['Agua potable para la asociación Villa del Mar', 'water', 'Z05', 488_000, 720, 'Asociación de Vivienda Villa del Mar'],
  ['Puesto de salud de la Pampa Inalámbrica', 'health', 'Z02', 1_650_000, 6_500, 'Terreno municipal frente al mercado del sector 4'],
  ['Equipamiento del centro de salud de Alto Ilo', 'health', 'Z03', 318_000, 9_200, 'Centro de Salud Alto Ilo'],
  ['Puesto de salud de Nuevo Ilo', 'health', 'Z06', 1_240_000, 4_100, 'Manzana J, lote de equipamiento urbano, Nuevo Ilo'],
  ['Tópico y botiquín comunal del valle', 'health', 'Z07', 104_000, 650, 'Local comunal de El Algarrobal'],
  ['Sala de rehabilitación para personas con discapacidad', 'health', 'Z01', 274_000, 380, 'Casa del Adulto Mayor, Cercado'],
  ['Aulas nuevas para la I.E. 43008', 'school', 'Z03', 1_090_000, 720, 'Institución Educativa 43008, Alto Ilo'],
  ['Cobertura y servicios higiénicos de la I.E. Almirante Guise', 'school', 'Z03', 362_000, 1_150, 'Colegio Almirante Guise, Alto Ilo'],
  ['Cuna jardín de la Pampa Inalámbrica', 'school', 'Z02', 780_000, 240, 'Sector 2, junto al comedor popular'],
  ['Mejoramiento de la I.E. inicial de Miramar', 'school', 'Z04', 295_000, 130, 'I.E. Inicial 285, Miramar'],
  ['Biblioteca y sala de cómputo del colegio de Nuevo Ilo', 'school', 'Z06', 184_000, 860, 'I.E. Nuevo Ilo'],
  ['Escuela rural del valle: aulas y comedor', 'school', 'Z07', 410_000, 95, 'Escuela de Pampa de Palo'],
  ['Contenedores soterrados en el Cercado', 'waste', 'Z01', 356_000, 14_800, 'Calles del Cercado y el mercado central'],
  ['Centro de acopio de reciclaje de la Pampa', 'waste', 'Z02', 268_000, 21_500, 'Parque industrial de la Pampa Inalámbrica'],
  ['Erradicación de botaderos en la quebrada de Alto Ilo', 'waste', 'Z03', 197_000, 9_200, 'Quebrada Pocoma, borde de Alto Ilo'],
  ['Limpieza de playas y segregación en Villa del Mar', 'waste', 'Z05', 118_000, 3_600, 'Playa Pozo de Lisas y Villa del Mar'],
  ['Cámara de frío del desembarcadero artesanal', 'fishing', 'Z01', 936_000, 1_200, 'Desembarcadero Pesquero Artesanal de Ilo'],
  ['Fábrica de hielo para la pesca artesanal', 'fishing', 'Z01', 520_000, 1_200, 'Muelle fiscal, Cercado'],
  ['Parque y losa deportiva del sector 3', 'park', 'Z02', 342_000, 2_300, 'Parque del sector 3, Pampa Inalámbrica'],
  ['Recuperación del parque de Miramar', 'park', 'Z04', 132_000, 1_900, 'Parque central de Miramar'],
  ['Losa multideportiva de Nuevo Ilo', 'park', 'Z06', 287_000, 2_700, 'Manzana F, Nuevo Ilo'],
  ['Áreas verdes con riego tecnificado en Villa del Mar', 'park', 'Z05', 176_000, 1_500, 'Bermas de la Av. Costanera'],
  ['Mejoramiento del malecón costero', 'tourism', 'Z01', 1_280_000, 14_800, 'Malecón Costero, del muelle fiscal a Puerto Inglés'],
  ['Mirador y módulos artesanales de Puerto Inglés', 'tourism', 'Z01', 365_000, 420, 'Puerto Inglés'],
  ['Local comunal de la Pampa Inalámbrica', 'organizations', 'Z02', 398_000, 3_000, 'Sector 6, lote comunal'],
  ['Local comunal de Villa del Mar', 'organizations', 'Z05', 256_000, 900, 'Asociación de Vivienda Villa del Mar'],
  ['Casa de la mujer de Alto Ilo', 'organizations', 'Z03', 318_000, 1_400, 'Alto Ilo, junto al vaso de leche'],
];

const REGION = 'Gobierno Regional de Moquegua';
const COMPANIES = ['Southern Perú Copper Corporation', 'ENERSUR', 'Cámara de Comercio de Ilo'];
const NGOS = ['CEOP Ilo', 'Asociación Civil Labor', 'Cáritas Moquegua'];

/** Ilo's practice: the community gives about 30% in labour and materials; some projects add money from others. */
function pledgesFor(i: number, kind: Kind, zoneName: string, costCents: number): Pledge[] {
  const share = [0.3, 0.25, 0.1, 0.3, 0.15][i % 5]!;
  const round = (c: number) => Math.round(c / 100_00) * 100_00;
  const pledges: Pledge[] = [{
    funderKind: 'community', funderName: `Vecinos de ${zoneName}`, contribution: 'in_kind',
    description: kind === 'school' ? 'mano de obra de los padres de familia (faenas de fin de semana)' : 'mano de obra no calificada y agregados',
    amountCents: round(costCents * share),
  }];
  if (i % 3 === 0) pledges.push({ funderKind: 'company', funderName: COMPANIES[i % COMPANIES.length]!, contribution: 'money', description: 'aporte en efectivo por convenio', amountCents: round(costCents * 0.1) });
  if (i % 4 === 1) pledges.push({ funderKind: 'ngo', funderName: NGOS[i % NGOS.length]!, contribution: 'in_kind', description: 'expediente técnico y asistencia técnica', amountCents: round(costCents * 0.05) });
  if (kind === 'water' || kind === 'health') pledges.push({ funderKind: 'regional_government', funderName: REGION, contribution: 'money', description: 'cofinanciamiento regional comprometido en el taller', amountCents: round(costCents * 0.2) });
  if (i % 7 === 2) pledges.push({ funderKind: 'municipality', funderName: 'Municipalidad Provincial de Ilo', contribution: 'in_kind', description: 'maquinaria municipal (cargador frontal y volquetes)', amountCents: round(costCents * 0.05) });
  return pledges;
}

/**
 * About forty proposals of the 2007 process (full demo), brought on paper in April 2006 and typed in by the
 * facilitator, across the zones and the plan's axes; a few were corrected before the deadline (a second version).
 */
export const PROPOSALS_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const processId = ctx.state.get(DEMO_PAST_PROCESSES).get(YEAR)!;
    const zones = ctx.state.get(DEMO_ZONES);
    const zoneNames = new Map([['Z01', 'el Cercado'], ['Z02', 'la Pampa Inalámbrica'], ['Z03', 'Alto Ilo'], ['Z04', 'Miramar'], ['Z05', 'Villa del Mar'], ['Z06', 'Nuevo Ilo'], ['Z07', 'el valle de Ilo']]);
    const objectives = new Map((await objectiveRefs(ctx.trx, ctx.municipalityId)).map((o) => [o.code, o]));
    const agents = await agentProfiles(ctx.trx, ctx.municipalityId, { processId, approvedOnly: true });
    const facilitatorId = ctx.accounts.get('facilitator')!.id;
    const ids: string[] = [];
    for (const [i, [title, kind, zoneCode, soles, beneficiaries, location]] of PROPOSALS.entries()) {
      const k = KINDS[kind];
      const objective = objectives.get(k.objective)!;
      const zoneId = zones.get(zoneCode)!;
      const inZone = agents.filter((a) => a.zoneId === zoneId);
      const author = inZone[i % Math.max(inZone.length, 1)] ?? agents[i % agents.length]!;
      const costCents = soles * 100;
      const content: ProposalContent = {
        title, description: k.description, zoneId, axisId: objective.axisId, objectiveId: objective.id, problem: k.problem,
        beneficiariesCount: beneficiaries, beneficiaryGroups: k.groups, costCents, location,
        pledges: pledgesFor(i, kind, zoneNames.get(zoneCode)!, costCents), attachmentFileIds: [],
      };
      const day = String(3 + (i % 25)).padStart(2, '0');
      const at = `${YEAR - 1}-04-${day}T${String(14 + (i % 6)).padStart(2, '0')}:30:00.000Z`;
      const id = newId();
      ids.push(id);
      await insertProposal(ctx.trx, ctx.municipalityId, {
        id, processId, number: i + 1, status: i === 39 ? 'withdrawn' : 'submitted', authorAgentId: author.id, authorOrganizationId: null,
        source: 'paper', currentVersion: 1, submittedAt: at, submittedBy: facilitatorId, updatedAt: at,
      });
      await insertVersion(ctx.trx, ctx.municipalityId, id, 1, content, { createdAt: at, createdBy: facilitatorId, reason: 'formato de propuesta entregado en el taller' });
      await appendAudit(ctx.trx, ctx.handle.dialect, {
        scope: ctx.municipalityId, actorId: facilitatorId, action: 'proposal.register_paper', entityType: 'proposal', entityId: id,
        reason: 'formato de propuesta entregado en el taller', data: { processId, number: i + 1, version: 1, costCents },
      });
      if (i % 6 === 0) {
        // Corrected after the technical team's advice: the cost goes up with the expediente's real quantities.
        const corrected = { ...content, costCents: Math.round((costCents * 1.12) / 100_00) * 100_00, location: `${location} (con planos del expediente)` };
        const later = `${YEAR - 1}-05-${day}T16:00:00.000Z`;
        await insertVersion(ctx.trx, ctx.municipalityId, id, 2, corrected, { createdAt: later, createdBy: facilitatorId, reason: 'metrados corregidos según la visita técnica' });
        await setCurrentVersion(ctx.trx, ctx.municipalityId, id, 2, later);
        await appendAudit(ctx.trx, ctx.handle.dialect, {
          scope: ctx.municipalityId, actorId: facilitatorId, action: 'proposal.edit', entityType: 'proposal', entityId: id,
          reason: 'metrados corregidos según la visita técnica', data: { processId, number: i + 1, version: 2, costCents: corrected.costCents },
        });
      }
    }
    ctx.state.set(DEMO_PROPOSALS, { processId, fiscalYear: YEAR, ids });
  },
};
