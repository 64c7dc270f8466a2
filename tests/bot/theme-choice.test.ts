import { mergeThemeChoice, readThemeChoice, suggestedThemeIds, themeChoiceFor } from '../../src/bot/themes/theme-choice';
import { items } from '../support/builders';

describe('theme choice', () => {
  it('suggests themes from the title and outcomes of a priority that has none', () => {
    const choice = themeChoiceFor({ themes: [] }, 'Reduce the number of young people who are NEET', items('More young people in education, employment or training'));
    expect(choice.value).toBe('neet');
    expect(choice.suggested).toBe(true);
    expect(choice.choices.map((c) => c.value)).toContain('attendance');
  });

  it('keeps the officer\'s own choice', () => {
    expect(themeChoiceFor({ themes: ['send', 'transition'] }, 'NEET', items())).toEqual(expect.objectContaining({ value: 'send,transition', suggested: false }));
  });

  it('ticks nothing when the text names no theme', () => {
    expect(suggestedThemeIds('Partnership meetings', items('Termly meetings are held.'))).toEqual([]);
  });

  it.each<[unknown, string[]]>([
    ['neet,attendance', ['neet', 'attendance']],
    [' neet , neet ,made-up', ['neet']],
    ['', []],
    [42, []],
    [undefined, []],
  ])('reads %j as %j', (raw, expected) => {
    expect(readThemeChoice(raw)).toEqual(expected);
  });

  it('keeps stored theme ids the card could not offer', () => {
    expect(mergeThemeChoice(['attendance', 'council-own-theme'], ['neet'])).toEqual(['neet', 'council-own-theme']);
    expect(mergeThemeChoice(['attendance'], [])).toEqual([]);
  });
});
