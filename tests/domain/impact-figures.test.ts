import { extractImpactFigures, parseImpactFigure, validateImpactFigure } from '../../src/domain/impact-figures';

describe('reading a figure from an impact line', () => {
  it.each([
    ['16 schools signed up to Positive Footsteps', { value: 16, counts: 'schools signed up to Positive Footsteps' }],
    // Seed lines, bullets and non-breaking spaces included
    [
      '  \u2022 12 high schools attended and contributed to the initial discussion around school avoidance and 4 high schools were part of the School Avoidance pilot, 6 individual cases have been discussed in the pilot.',
      { value: 12, counts: 'high schools attended and contributed to the initial discussion around school avoidance' },
    ],
    [
      '  \u2022 8 high schools attended the first panel meeting (4/11/24), 6 external partners and discussion around 8 young people.',
      { value: 8, counts: 'high schools attended the first panel meeting' },
    ],
    [
      '  \u2022 80 schools/ partners attended the mental health development session hosted by CFW with presentations for mental health partners.\u00a0',
      { value: 80, counts: 'schools/ partners attended the mental health development session hosted by CFW with presentations for mental health partners' },
    ],
    ['- 14 schools received the Primary School resources.', { value: 14, counts: 'schools received the Primary School resources' }],
    ['Over 1,200 young people reached through assemblies.', { value: 1200, counts: 'young people reached through assemblies' }],
    ['85% of pupils improved their attendance', { value: 85, counts: '% of pupils improved their attendance' }],
    ['Twelve schools joined the network', { value: 12, counts: 'schools joined the network' }],
    ['4.2% NEET rate in West Lancs', { value: 4.2, counts: '% NEET rate in West Lancs' }],
  ])('%j', (line, figure) => {
    expect(parseImpactFigure(line)).toEqual(figure);
  });

  it.each([
    'Initial meeting held and themes identified.',
    '2024/25 data shows a rise',
    '21.01.2025 next working group',
    '4/11/24 panel meeting',
    '10:30 start for the network',
    '1st meeting of the panel',
    'Tenants association invited',
    '12 -',
    '3',
  ])('finds no figure in %j', (line) => {
    expect(parseImpactFigure(line)).toBeUndefined();
  });
});

describe('every figure in a section', () => {
  it('reads the leading count of each line and clause', () => {
    const figures = extractImpactFigures({
      kind: 'items',
      items: [
        '6 successful meetings held with 5 schools, 2 colleges and 10 different partners.',
        'Schools reported feeling that the meetings were beneficial and supportive.',
        '4 secondary schools are linked with Preston City Council for latest vacancies and opportunities.',
      ],
    });
    expect(figures).toEqual([
      { value: 6, counts: 'successful meetings held with 5 schools' },
      { value: 2, counts: 'colleges' },
      { value: 10, counts: 'different partners' },
      { value: 4, counts: 'secondary schools are linked with Preston City Council for latest vacancies and opportunities' },
    ]);
  });

  it('finds none in prose without counts', () => {
    expect(extractImpactFigures({ kind: 'prose', paragraphs: ['Initial meeting held and themes identified.'] })).toEqual([]);
  });
});

describe('checking a figure typed on a card', () => {
  it('accepts a figure and trims what it counts', () => {
    expect(validateImpactFigure({ value: 16, counts: ' schools signed up ' })).toEqual({
      ok: true,
      figure: { value: 16, counts: 'schools signed up' },
    });
  });

  it.each([
    [{ value: -1, counts: 'schools' }, /negative/],
    [{ value: 16, counts: '' }, /say what the figure counts/],
    [{ value: 16, counts: '12 34' }, /needs words/],
    [{ value: 16, counts: '4 schools' }, /another number/],
    [{ value: Number.NaN, counts: 'schools' }, /value/],
    [{ value: 50_000_000, counts: 'schools' }, /typing slip/],
    [{ counts: 'schools' }, /value/],
  ])('refuses %j', (figure, problem) => {
    const result = validateImpactFigure(figure);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('; ')).toMatch(problem);
  });
});
