/** Deterministic generation of demo people: Peruvian names, DNIs, phones. The same seed gives the same town. */

export function prng(seed: number): () => number {
  // mulberry32: small, fast, and good enough for demo data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

const WOMEN = ['María', 'Rosa', 'Carmen', 'Juana', 'Elena', 'Lucía', 'Ana', 'Gladys', 'Norma', 'Betty', 'Yolanda', 'Flor', 'Silvia', 'Nelly', 'Julia', 'Sonia', 'Maribel', 'Delia', 'Teresa', 'Luz', 'Milagros', 'Rocío', 'Vilma', 'Olga'];
const MEN = ['José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Pedro', 'Víctor', 'Mario', 'Julio', 'Raúl', 'Alberto', 'César', 'Walter', 'Óscar', 'Edgar', 'Hugo', 'Fredy', 'Wilber', 'Percy', 'Alfredo', 'Ricardo', 'Ángel', 'Teófilo', 'Rubén'];
const SURNAMES = ['Mamani', 'Quispe', 'Condori', 'Flores', 'Apaza', 'Ticona', 'Choque', 'Huanca', 'Cutipa', 'Pari', 'Coaquira', 'Laura', 'Chambilla', 'Vizcarra', 'Ramos', 'Cruz', 'Zeballos', 'Valdivia', 'Chávez', 'Torres', 'Gómez', 'Rodríguez', 'Mendoza', 'Arias', 'Benavides', 'Salas', 'Paredes', 'Velásquez'];

export function personName(rand: () => number, sex: 'female' | 'male'): string {
  return `${pick(rand, sex === 'female' ? WOMEN : MEN)} ${pick(rand, SURNAMES)} ${pick(rand, SURNAMES)}`;
}

/** Unique 8-digit DNIs from a counter, spread so they look like real ones. */
export function dniFor(index: number, base = 41_000_000): string {
  return String(base + ((index * 7919) % 8_000_000)).padStart(8, '0');
}

export function mobileFor(index: number): string {
  return `9${String(52_000_000 + ((index * 104_729) % 47_000_000)).padStart(8, '0')}`;
}

export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export function ageBand(rand: () => number): (typeof AGE_BANDS)[number] {
  const r = rand();
  return r < 0.22 ? '18-29' : r < 0.58 ? '30-44' : r < 0.86 ? '45-59' : '60+';
}
