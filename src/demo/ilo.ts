/**
 * The Ilo demo: Moquegua region, Ilo province and its three districts (INEI ubigeo codes), with the zones of Ilo.
 * Drawn from the Participedia case (../shared/seed/participedia-ilo-pb-case.txt).
 */
export const DEMO_PASSWORD = 'ilo-demo-2026';

export const JURISDICTIONS = [
  { key: 'moquegua', parent: null, level: 'region', name: 'Moquegua', ubigeo: '18' },
  { key: 'ilo-province', parent: 'moquegua', level: 'province', name: 'Ilo', ubigeo: '1803' },
  { key: 'ilo-district', parent: 'ilo-province', level: 'district', name: 'Ilo', ubigeo: '180301' },
  { key: 'el-algarrobal-district', parent: 'ilo-province', level: 'district', name: 'El Algarrobal', ubigeo: '180302' },
  { key: 'pacocha-district', parent: 'ilo-province', level: 'district', name: 'Pacocha', ubigeo: '180303' },
] as const;

export const MUNICIPALITIES = [
  { slug: 'ilo', jurisdiction: 'ilo-district', name: 'Municipalidad Provincial de Ilo', kind: 'provincial' },
  { slug: 'el-algarrobal', jurisdiction: 'el-algarrobal-district', name: 'Municipalidad Distrital de El Algarrobal', kind: 'district' },
  { slug: 'pacocha', jurisdiction: 'pacocha-district', name: 'Municipalidad Distrital de Pacocha', kind: 'district' },
] as const;

export const ILO_ZONES = [
  { code: 'Z01', name: 'Cercado de Ilo', kind: 'sector', population: 14800 },
  { code: 'Z02', name: 'Pampa Inalámbrica', kind: 'sector', population: 21500 },
  { code: 'Z03', name: 'Alto Ilo', kind: 'sector', population: 9200 },
  { code: 'Z04', name: 'Miramar', kind: 'neighbourhood_committee', population: 4100 },
  { code: 'Z05', name: 'Villa del Mar', kind: 'neighbourhood_committee', population: 3600 },
  { code: 'Z06', name: 'Nuevo Ilo', kind: 'neighbourhood_committee', population: 5300 },
  { code: 'Z07', name: 'Valle de Ilo (zona rural)', kind: 'rural_centre', population: 1500 },
] as const;

/** One account per role in Ilo, to sign in with. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@ilo.gob.pe', name: 'Rosa Quispe Mamani', role: 'administrator', dni: '40123456' },
  { email: 'tecnico@ilo.gob.pe', name: 'Jorge Flores Ticona', role: 'technical_team', dni: '40234567' },
  { email: 'facilitador@ilo.gob.pe', name: 'Lucía Condori Apaza', role: 'facilitator', dni: '40345678' },
  { email: 'vigilancia@ilo.gob.pe', name: 'Marta Huanca Choque', role: 'oversight_committee', dni: '40456789' },
  { email: 'agente@ilo.gob.pe', name: 'Pedro Mamani Cutipa', role: 'participating_agent', dni: '40567890' },
] as const;

/**
 * More of Ilo's planning and budget office on the technical team: with the technical team's account above, the three
 * evaluators of the 2007 proposals.
 */
export const DEMO_PLANNERS = [
  { email: 'planeamiento@ilo.gob.pe', name: 'Carmen Vizcarra Salas', role: 'technical_team', dni: '40678901' },
  { email: 'obras@ilo.gob.pe', name: 'Walter Chambilla Laura', role: 'technical_team', dni: '40789012' },
] as const;

/**
 * Agents of the 2007 process who voted online in June 2006, from their own accounts: four women and four men, linked to
 * the first four women and the first four men of that year's agents.
 */
export const DEMO_ONLINE_VOTERS = [
  { email: 'ana.coaquira@correo.pe', name: 'Ana Coaquira Ramos', sex: 'female', dni: '42110001' },
  { email: 'elena.ticona@correo.pe', name: 'Elena Ticona Vargas', sex: 'female', dni: '42110002' },
  { email: 'gladys.pari@correo.pe', name: 'Gladys Pari Mendoza', sex: 'female', dni: '42110003' },
  { email: 'nancy.apaza@correo.pe', name: 'Nancy Apaza Cruz', sex: 'female', dni: '42110004' },
  { email: 'hugo.calizaya@correo.pe', name: 'Hugo Calizaya Torres', sex: 'male', dni: '42110005' },
  { email: 'raul.ccama@correo.pe', name: 'Raúl Ccama Flores', sex: 'male', dni: '42110006' },
  { email: 'victor.laura@correo.pe', name: 'Víctor Laura Quispe', sex: 'male', dni: '42110007' },
  { email: 'jaime.nina@correo.pe', name: 'Jaime Nina Choque', sex: 'male', dni: '42110008' },
] as const;
