import { checkTypedImpact, impactChanged, impactFields, readTypedImpact, InvalidImpactInputError } from '../../src/bot/impact/impact-inputs';
import { items } from '../support/builders';

describe('impact status and figures', () => {
  it('reads the status and the three figure rows, ignoring other inputs', () => {
    expect(readTypedImpact({ rag: 'some concerns', figureValue_0: '16', figureCounts_0: ' schools signed up ', text: 'x', figureValue_7: '9' })).toEqual({
      rag: 'some concerns',
      figures: [
        { value: '16', counts: 'schools signed up' },
        { value: '', counts: '' },
        { value: '', counts: '' },
      ],
    });
  });

  it('refuses a status that is not one of the three', async () => {
    expect(() => readTypedImpact({ rag: 'green' })).toThrow(InvalidImpactInputError);
  });

  it.each<[string, Record<string, string>, object]>([
    ['a status and a figure', { rag: 'on track', figureValue_0: '1,200', figureCounts_0: 'young people reached' }, { rag: 'on track', figures: [{ value: 1200, counts: 'young people reached' }], problems: [] }],
    ['no status (not rated) and no figures', {}, { figures: [], problems: [] }],
    ['words without a number', { rag: 'on track', figureCounts_1: 'schools' }, { rag: 'on track', figures: [], problems: ['Figure 2: give the number as digits, e.g. 16.'] }],
    ['a number without words', { rag: 'on track', figureValue_0: '8' }, { rag: 'on track', figures: [], problems: ['Figure 1: say what the figure counts, e.g. "schools signed up to Positive Footsteps".'] }],
    ['a negative number', { rag: 'off track', figureValue_2: '-3', figureCounts_2: 'schools' }, { rag: 'off track', figures: [], problems: ['Figure 3: a figure cannot be negative.'] }],
  ])('checks %s', (_what, raw, expected) => {
    expect(checkTypedImpact(readTypedImpact(raw))).toEqual(expected);
  });

  it('offers the stored figures, else the figures found in the text, else empty rows', () => {
    const text = items('16 schools signed up to Positive Footsteps', 'Meetings held with partners');
    expect(impactFields({ rag: 'on track', figures: [{ value: 8, counts: 'high schools' }] }, text).figures[0]).toEqual({ valueId: 'figureValue_0', countsId: 'figureCounts_0', value: '8', counts: 'high schools' });
    const suggested = impactFields({ figures: [] }, text);
    expect(suggested.rag).toBe('');
    expect(suggested.figures.map((row) => [row.value, row.counts])).toEqual([['16', 'schools signed up to Positive Footsteps'], ['', ''], ['', '']]);
  });

  it('notices a change of status or figures', () => {
    expect(impactChanged({ rag: 'on track', figures: [] }, { rag: 'on track', figures: [], problems: [] })).toBe(false);
    expect(impactChanged({ rag: 'on track', figures: [] }, { rag: 'off track', figures: [], problems: [] })).toBe(true);
    expect(impactChanged({ figures: [] }, { figures: [{ value: 1, counts: 'school' }], problems: [] })).toBe(true);
  });
});
