import { ZodError } from 'zod';
import { DEFAULT_THEMES, parseThemes, suggestThemes, type Theme } from '../../src/domain/themes';

/** Title and intended outcomes of every priority in the shared seed reports, as written. */
const SEED_PRIORITIES = {
  westLancsNetworks: {
    title: 'Support the development of school-to-school support networks in West Lancs \u2013 specifically small and rural schools.\u00a0',
    outcomes: [
      'To facilitate discussion of the importance of whole school ethos and multi-agency working; particularly relating to early help approaches.\u00a0\u00a0\u00a0',
      'To improve access to local knowledge, information, funding, CVFS organisations, experiences, and good practice.\u00a0\u00a0',
      'To strengthen school to school support underpinned by local and national drivers.\u00a0\u00a0\u00a0',
      'To enable the group to have a mechanism for addressing challenges they are facing via TASS Locality Group and have relationships with wider partners to offer solutions.\u00a0',
    ].join('\n'),
  },
  westLancsEet: {
    title: 'Explore the pathways of support for young people who are not/at risk of not being in education, employment and training (EET) in West Lancashire.\u00a0',
    outcomes: 'To explore the number of young people across WL who are NEET (Not in Education Employment or Training) and develop a pathway of support, advice and guidance to improve their outcomes.\u202f\u00a0',
  },
  centralAvoidance: {
    title: 'School Avoidance- what support is available for schools when working with children and families experiencing anxiety when attending school, resulting in poor attendance.',
    outcomes: [
      '  \u2022 Ongoing work is needed to support schools with the available mental health and emotional wellbeing support across Chorley and South Ribble\u00a0',
      '  \u2022 The Central Lancs TASS work will link in with the county wide work looking at this.\u00a0',
      '  \u2022 Local needs can be addressed through the TASS partnership and linked to the Trauma Informed work.\u00a0',
    ].join('\n'),
  },
  centralEet: {
    title: 'Increase the number of young people engaging in education, employment and training across Chorley & South Ribble',
    outcomes: 'To explore the number of young people who are NEET (Not in Education Employment or Training) and develop a pathway of support, advice and guidance to improve their outcomes.\u00a0\u00a0',
  },
  prestonPost16: {
    title: 'Develop a partnership approach to increase the number of young people accessing education, employment or training post-16.',
    outcomes: [
      "- Reduce the number of 'Not Knowns', young people whose post 16 status is unknown to the LA.",
      '- Increase the number of YP engaging in positive post 16 EET- including the Investing in Youth programme.',
      '- Engage Preston Schools careers leads in the project to share good practice and identify gaps.',
      '- Engage Preston primary schools in the work also, looking at preventative work and raising aspirations.',
    ].join('\n'),
  },
  prestonAvoidance: {
    title: 'Work with schools and multi-agency partners to explore factors contributing to school avoidance across Preston, including anxiety around school and wider emotional health and wellbeing support for children, young people and families.',
    outcomes: [
      '- To identify some of the reasons why children are struggling to attend school.',
      '- Link schools to partners in the district who can support with school avoidance.',
      '- Develop, in partnership, a mental health pathways Document across providers for schools to use when making referrals into MH services.',
      "- Align the work with the Preston Youth Forum and Preston Youth Strategy, the objectives of 'Be Healthy' and 'Be Ready for the Future'.",
    ].join('\n'),
  },
};

describe('suggesting themes for the seed priorities', () => {
  it.each([
    ['westLancsEet', 'neet'],
    ['centralAvoidance', 'attendance'],
    ['centralEet', 'neet'],
    ['prestonPost16', 'neet'],
    ['prestonAvoidance', 'attendance'],
  ] as const)('%s is first suggested %s', (priority, themeId) => {
    expect(suggestThemes(SEED_PRIORITIES[priority])[0].themeId).toBe(themeId);
  });

  it('offers mental health second for the school avoidance priorities that talk about anxiety', () => {
    expect(suggestThemes(SEED_PRIORITIES.centralAvoidance)[1].themeId).toBe('mental-health');
    expect(suggestThemes(SEED_PRIORITIES.prestonAvoidance)[1].themeId).toBe('mental-health');
  });

  it('suggests nothing for the school-to-school network priority, which no default theme fits, so the officer chooses', () => {
    expect(suggestThemes(SEED_PRIORITIES.westLancsNetworks)).toEqual([]);
  });

  it('says which keywords it found', () => {
    const [neet] = suggestThemes(SEED_PRIORITIES.prestonPost16);
    expect(neet.matched).toEqual(expect.arrayContaining(['EET', 'post-16', 'not knowns', 'careers leads']));
  });
});

describe('suggesting themes from keywords', () => {
  it.each([
    ['Reduce the number of EET drop-outs', 'neet'],
    ['Post 16 pathways for YP', 'neet'],
    ['Careers leads network', 'neet'],
    ['Anxiety support in secondary schools', 'mental-health'],
    ['MH offer for schools', 'mental-health'],
    ['Waiting lists for CAMHs', 'mental-health'],
    ['Year 6 to Year 7 transition', 'transition'],
    ['EHCP and SEND support for families', 'send'],
    ['School readiness in Reception', 'early-years'],
    ['County lines and ASB around the high school', 'community-safety'],
    ['Persistent absence and part time timetables', 'attendance'],
  ])('%j suggests %s first', (text, themeId) => {
    expect(suggestThemes(text)[0]?.themeId).toBe(themeId);
  });

  it.each([
    ['abbreviations only in capitals', 'we met the chosen sen group', []],
    ['whole words only', 'The meeting was essential for the senders', []],
  ])('matches %s', (_rule, text, expected) => {
    expect(suggestThemes(text).map((suggestion) => suggestion.themeId)).toEqual(expected);
  });

  it('weighs the title above the outcomes', () => {
    const priority = { title: 'Transition to high school', outcomes: 'Reduce anxiety for pupils with SEND' };
    expect(suggestThemes(priority)[0].themeId).toBe('transition');
  });

  it('uses a council theme list instead of the defaults', () => {
    const themes: Theme[] = [{ id: 'rural-schools', name: 'Small and rural schools', keywords: ['rural', 'small schools'] }];
    expect(suggestThemes(SEED_PRIORITIES.westLancsNetworks, themes).map((suggestion) => suggestion.themeId)).toEqual(['rural-schools']);
  });
});

describe('a council theme list', () => {
  it('accepts the defaults', () => {
    expect(parseThemes(DEFAULT_THEMES)).toEqual(DEFAULT_THEMES);
  });

  it.each([
    ['no themes', []],
    ['an id with spaces', [{ id: 'post 16', name: 'Post 16', keywords: ['college'] }]],
    ['no keywords', [{ id: 'neet', name: 'NEET', keywords: [] }]],
    ['a repeated id', [{ id: 'neet', name: 'NEET', keywords: ['EET'] }, { id: 'neet', name: 'Post 16', keywords: ['college'] }]],
  ])('refuses %s', (_problem, input) => {
    expect(() => parseThemes(input)).toThrow(ZodError);
  });
});
