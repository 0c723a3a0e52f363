import { describe, expect, it } from 'vitest';
import { format, sentenceDate } from '../../src/shared/i18n.ts';
import { AppError, errorBody } from '../../src/shared/errors.ts';
import '../../src/voting/voting.messages.ts';

describe('messages', () => {
  it('writes dates inside sentences as people do, in each language, and leaves other text alone', () => {
    expect(sentenceDate('2026-12-13', 'es')).toBe('13 de diciembre de 2026');
    expect(sentenceDate('2026-12-13', 'en')).toBe('December 13, 2026');
    // An instant is shown in Peru's time (UTC-5): 20:00 UTC is 15:00 in Lima.
    expect(sentenceDate('2026-12-13T20:00:00.000Z', 'es')).toMatch(/^13 de diciembre de 2026 a las 3:00\s?p\.\s?m\.$/);
    expect(sentenceDate('2026-12-13T20:00:00.000Z', 'en')).toMatch(/^December 13, 2026 at 3:00\sPM$/);
    for (const other of ['12345678', '2026-13-45', '2026-02-30', 'Mesa 1', '']) expect(sentenceDate(other, 'es')).toBe(other);
    expect(format('Vence el {day}; quedan {n} días.', { day: '2027-01-05', n: 3 }, 'es')).toBe('Vence el 5 de enero de 2027; quedan 3 días.');
  });

  it('sends every error in the request language and in both, so a page can follow a language switch', () => {
    const body = errorBody(new AppError('VOTE_SETTINGS_FROZEN', { openedAt: '2026-06-28T13:00:00.000Z' }), 'en');
    expect(body.error.message).toBe(body.error.messages.en);
    expect(body.error.messages.es).toMatch(/^La votación se abrió el 28 de junio de 2026 a las 8:00\s?a\.\s?m\.: /);
    expect(body.error.messages.en).toMatch(/^The vote opened on June 28, 2026 at 8:00\sAM: /);
    expect(body.error.details).toEqual({ openedAt: '2026-06-28T13:00:00.000Z' });
    const validation = errorBody(new AppError('VALIDATION', { rule: 'required' }, 'reason'), 'es');
    expect(validation.error.messages.es).not.toBe(validation.error.messages.en);
  });
});
