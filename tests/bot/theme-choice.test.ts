import { mergeThemeChoice, readThemeChoice, suggestedThemeIds, themeChoiceFor } from '../../src/bot/themes/theme-choice';
import { DEFAULT_THEMES, type Theme } from '../../src/domain/themes';
import { items } from '../support/builders';

/** A council's own list: one theme of its own and one of the defaults. */
const COUNCIL_THEMES: readonly Theme[] = [
  { id: 'youth-voice', name: 'Youth voice', keywords: ['youth council', 'pupil voice'] },
  DEFAULT_THEMES.find((theme) => theme.id === 'neet')!,
];

describe('theme choice', () => {
  it('suggests themes from the title and outcomes of a priority that has none', () => {
    const choice = themeChoiceFor({ themes: [] }, 'Reduce the number of young people who are NEET', items('More young people in education, employment or training'), DEFAULT_THEMES);
    expect(choice.value).toBe('neet');
    expect(choice.suggested).toBe(true);
    expect(choice.choices.map((c) => c.value)).toContain('attendance');
  });

  it('keeps the officer\'s own choice', () => {
    expect(themeChoiceFor({ themes: ['send', 'transition'] }, 'NEET', items(), DEFAULT_THEMES)).toEqual(expect.objectContaining({ value: 'send,transition', suggested: false }));
  });

  it('ticks nothing when the text names no theme', () => {
    expect(suggestedThemeIds('Partnership meetings', items('Termly meetings are held.'), DEFAULT_THEMES)).toEqual([]);
  });

  it.each<[unknown, string[]]>([
    ['neet,attendance', ['neet', 'attendance']],
    [' neet , neet ,made-up', ['neet']],
    ['', []],
    [42, []],
    [undefined, []],
  ])('reads %j as %j', (raw, expected) => {
    expect(readThemeChoice(raw, DEFAULT_THEMES)).toEqual(expected);
  });

  it('keeps stored theme ids the card could not offer', () => {
    expect(mergeThemeChoice(['attendance', 'council-own-theme'], ['neet'], DEFAULT_THEMES)).toEqual(['neet', 'council-own-theme']);
    expect(mergeThemeChoice(['attendance'], [], DEFAULT_THEMES)).toEqual([]);
  });

  describe('with a council\'s own list', () => {
    it('offers only the council\'s themes and suggests from their keywords', () => {
      const choice = themeChoiceFor({ themes: [] }, 'Pupil voice and youth council', items('Every school has a pupil voice group'), COUNCIL_THEMES);
      expect(choice.choices).toEqual([
        { title: 'Youth voice', value: 'youth-voice' },
        { title: 'NEET and post-16', value: 'neet' },
      ]);
      expect(choice).toEqual(expect.objectContaining({ value: 'youth-voice', suggested: true }));
    });

    it('reads ticks of the council\'s ids and drops the defaults it left out', () => {
      expect(readThemeChoice('youth-voice,attendance,neet', COUNCIL_THEMES)).toEqual(['youth-voice', 'neet']);
    });

    it('keeps a stored default theme the council list no longer offers, beside what was ticked', () => {
      expect(mergeThemeChoice(['attendance', 'neet'], ['youth-voice'], COUNCIL_THEMES)).toEqual(['youth-voice', 'attendance']);
    });
  });
});
