import { parseReportText, splitOfficerNames } from '../../src/import/parse-report-text';
import { matchHeading } from '../../src/import/report-headings';
import { parseTerm, termKey } from '../../src/domain/term';
import type { SectionText } from '../../src/domain/model';

const NBSP = '\u00a0';

/** A well-formed report to vary line by line. */
function report(lines: string[]): string {
  return lines.join('\n');
}

const HEADER = ['Preston', '', 'Education Partnership Officer', 'Alison Walsh', 'Period', 'Autumn - October 24', ''];

function lines(text: SectionText): readonly string[] {
  return text.kind === 'items' ? text.items : text.paragraphs;
}

describe('matchHeading', () => {
  it.each([
    ['Priority', 'priority', undefined],
    ["PRIORITY", "priority", undefined],
    ['Priority 2', 'priority', undefined],
    ['Intended Outcomes- Linked to the EET strategy', 'intendedOutcomes', 'Linked to the EET strategy'],
    ['Intended Outcomes (draft)', 'intendedOutcomes', 'draft'],
    ['Planned Activity Next Period', 'plannedActivityNextPeriod', undefined],
    ['Planned activity for the next term', 'plannedActivityNextPeriod', undefined],
    ['Activity Last Period', 'activityLastPeriod', undefined],
    ['Impact So Far', 'impactSoFar', undefined],
    ['Exit strategy', 'exitStrategy', undefined],
    ['Education Partnership Officers', 'officers', undefined],
    ['Period', 'period', undefined],
  ])('reads %j as %s', (line, kind, qualifier) => {
    const match = matchHeading(line);
    expect(match?.kind).toBe(kind);
    expect(match?.qualifier).toBe(qualifier);
  });

  it.each([
    'Priority schools were identified by the attendance team.',
    'Impact so far has been limited by staffing',
    'Periodic reviews continue with the cluster.',
    'EPO - attended the pathways meeting',
  ])('leaves content %j alone', (line) => {
    expect(matchHeading(line)).toBeUndefined();
  });

  it('reads text after a colon as content under the heading', () => {
    expect(matchHeading('Impact so far: 6 meetings held')).toEqual({ kind: 'impactSoFar', inline: '6 meetings held' });
  });
});

describe('splitOfficerNames', () => {
  it.each([
    ['Claire Fox/Alison Walsh', ['Claire Fox', 'Alison Walsh']],
    ['Claire Fox / Alison Walsh', ['Claire Fox', 'Alison Walsh']],
    ['Claire Fox & Alison Walsh', ['Claire Fox', 'Alison Walsh']],
    ['Claire Fox and Alison Walsh', ['Claire Fox', 'Alison Walsh']],
    ['Claire Fox, Alison Walsh', ['Claire Fox', 'Alison Walsh']],
    ['Alison Walsh', ['Alison Walsh']],
  ])('splits %j', (text, names) => {
    expect(splitOfficerNames(text)).toEqual(names);
  });
});

describe('parseReportText', () => {
  it('reads a plain report: locality, officer, term and a priority with six sections', () => {
    const result = parseReportText(
      report([
        ...HEADER,
        'Priority',
        'Reduce the number of Not Knowns post 16.',
        'Intended Outcomes',
        '• Reduce Not Knowns.',
        '• Engage careers leads.',
        'Activity last period',
        'Meeting held with schools.',
        'Planned activity next period',
        '- Questionnaire for schools.',
        'Impact so far',
        '6 meetings held.',
        'Exit Strategy',
        'Partners continue the work.',
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.reports).toHaveLength(1);
    const [parsed] = result.reports;
    expect(parsed.locality).toBe('Preston');
    expect(parsed.officers).toEqual(['Alison Walsh']);
    expect(parsed.term && termKey(parsed.term)).toBe('2024-25-autumn');
    expect(parsed.priorities.map((priority) => priority.title)).toEqual(['Reduce the number of Not Knowns post 16.']);
    const sections = parsed.priorities[0].sections;
    expect(sections.intendedOutcomes).toEqual({ kind: 'items', items: ['Reduce Not Knowns.', 'Engage careers leads.'] });
    expect(sections.activityLastPeriod).toEqual({ kind: 'prose', paragraphs: ['Meeting held with schools.'] });
    expect(sections.plannedActivityNextPeriod).toEqual({ kind: 'items', items: ['Questionnaire for schools.'] });
    expect(lines(sections.exitStrategy)).toEqual(['Partners continue the work.']);
  });

  type Case = [string, string[], { titles: string[]; check?: (result: ReturnType<typeof parseReportText>) => void }];
  it.each<Case>([
    [
      'suffixed and oddly cased headings',
      [
        ...HEADER,
        'Priority',
        'Post 16 pathways',
        'Intended Outcomes- Linked to the EET strategy',
        '- Reduce Not Knowns.',
        'Activity Last Period',
        '- Meeting held.',
        'Planned Activity Next Period',
        '- Survey.',
        'Impact So Far',
        '- 6 schools.',
        'Exit Strategy',
        '- Runs into 24/25.',
      ],
      {
        titles: ['Post 16 pathways'],
        check: (result) => {
          const sections = result.reports[0].priorities[0].sections;
          expect(lines(sections.intendedOutcomes)).toEqual(['Reduce Not Knowns.']);
          expect(lines(sections.plannedActivityNextPeriod)).toEqual(['Survey.']);
          expect(lines(sections.impactSoFar)).toEqual(['6 schools.']);
          expect(result.problems).toEqual([expect.objectContaining({ line: 10, severity: 'warning' })]);
        },
      },
    ],
    [
      'a missing Priority heading after Exit Strategy and after the period',
      [
        'Education Partnership Officer',
        'Alison Walsh',
        'Autumn October 24',
        'First priority title',
        'Intended Outcomes',
        '- Outcome one.',
        'Exit Strategy',
        '- Runs on.',
        '- Schools linked.',
        'Second priority title',
        'Intended Outcomes',
        '- Outcome two.',
        'Exit Strategy',
        'Partners aware.',
        'Schools supported.',
      ],
      {
        titles: ['First priority title', 'Second priority title'],
        check: (result) => {
          const [first, second] = result.reports[0].priorities;
          expect(lines(first.sections.exitStrategy)).toEqual(['Runs on.', 'Schools linked.']);
          expect(lines(second.sections.exitStrategy)).toEqual(['Partners aware.', 'Schools supported.']);
          expect(result.reports[0].locality).toBe('Preston (hint)');
        },
      },
    ],
    [
      'several reports in one file',
      [
        ...HEADER,
        'Priority',
        'Preston priority',
        'Intended Outcomes',
        '- Outcome.',
        'Exit Strategy',
        'Ends in summer.',
        '',
        'West Lancashire',
        'Education Partnership Officers',
        'Claire Fox & Alison Walsh',
        'Period',
        'Summer 1 - May 2024',
        'Priority',
        'West Lancs priority',
        'Intended Outcomes',
        'To explore NEET numbers.',
      ],
      {
        titles: ['Preston priority'],
        check: (result) => {
          expect(result.reports.map((parsed) => parsed.locality)).toEqual(['Preston', 'West Lancashire']);
          expect(result.reports[1].officers).toEqual(['Claire Fox', 'Alison Walsh']);
          expect(result.reports[1].term).toEqual(parseTerm('Summer 1 - May 2024'));
          expect(result.reports[1].priorities.map((priority) => priority.title)).toEqual(['West Lancs priority']);
          expect(lines(result.reports[0].priorities[0].sections.exitStrategy)).toEqual(['Ends in summer.']);
        },
      },
    ],
    [
      'joint officers written "A and B"',
      ['Central', 'Education Partnership Officers', 'Claire Fox and Alison Walsh', 'Period', 'Spring – March 2025', 'Priority', 'NEET', 'Intended Outcomes', 'Fewer NEET.'],
      { titles: ['NEET'], check: (result) => expect(result.reports[0].officers).toEqual(['Claire Fox', 'Alison Walsh']) },
    ],
    [
      'names over two lines, and a title straight after the names',
      ['Central', 'Education Partnership Officers', 'Claire Fox &', 'Alison Walsh', 'Post 16 pathways', 'Intended Outcomes', 'Fewer NEET.'],
      {
        titles: ['Post 16 pathways'],
        check: (result) => {
          expect(result.reports[0].officers).toEqual(['Claire Fox', 'Alison Walsh']);
          expect(result.problems).toEqual([expect.objectContaining({ reason: expect.stringMatching(/no term/) })]);
        },
      },
    ],
    [
      'private-use bullets from Word symbol fonts',
      [...HEADER, 'Priority', 'Attendance', 'Intended Outcomes', '\uf0b7\tOutcome one.', '\uf0a7 Outcome two.', '\uf0d8 Outcome three.'],
      {
        titles: ['Attendance'],
        check: (result) =>
          expect(result.reports[0].priorities[0].sections.intendedOutcomes).toEqual({ kind: 'items', items: ['Outcome one.', 'Outcome two.', 'Outcome three.'] }),
      },
    ],
    [
      'stray characters: BOM, zero-width spaces, NBSP and narrow NBSP',
      [
        `\ufeffPreston${NBSP}`,
        `Education Partnership Officer${NBSP}${NBSP}`,
        `Alison\u200b Walsh${NBSP}`,
        `Period\u202f${NBSP}`,
        `Autumn${NBSP}-${NBSP}October 24${NBSP}`,
        `Priority${NBSP}`,
        `School${NBSP}avoidance\u200b`,
        `Intended Outcomes\u202f${NBSP}`,
        `${NBSP} Link schools to partners.${NBSP}`,
      ],
      {
        titles: ['School avoidance'],
        check: (result) => {
          expect(result.problems).toEqual([]);
          expect(result.reports[0].locality).toBe('Preston');
          expect(result.reports[0].officers).toEqual(['Alison Walsh']);
          expect(lines(result.reports[0].priorities[0].sections.intendedOutcomes)).toEqual(['Link schools to partners.']);
        },
      },
    ],
    [
      'items that wrap onto indented or lower-case lines',
      [
        ...HEADER,
        'Priority',
        'Mental health pathways',
        'Activity last period',
        '  • Multi-agency pathways meeting held with',
        '    11 MH providers.',
        '  • Linked the Youth Forum with the SMHL network to update',
        'about the MH objective.',
        '  • Data gathered.',
      ],
      {
        titles: ['Mental health pathways'],
        check: (result) =>
          expect(lines(result.reports[0].priorities[0].sections.activityLastPeriod)).toEqual([
            'Multi-agency pathways meeting held with 11 MH providers.',
            'Linked the Youth Forum with the SMHL network to update about the MH objective.',
            'Data gathered.',
          ]),
      },
    ],
    [
      'sections out of their usual order in one priority',
      [...HEADER, 'Priority', 'Attendance', 'Intended Outcomes', 'Fewer absences.', 'Impact so far', '- 4 schools.', 'Planned activity next period', '- Panel.', 'Exit Strategy', 'Hand over.'],
      {
        titles: ['Attendance'],
        check: (result) => {
          const sections = result.reports[0].priorities[0].sections;
          expect(lines(sections.impactSoFar)).toEqual(['4 schools.']);
          expect(lines(sections.plannedActivityNextPeriod)).toEqual(['Panel.']);
        },
      },
    ],
    [
      'a repeated heading without a Priority heading before it',
      [...HEADER, 'Priority', 'First', 'Activity last period', '- Met.', 'Exit Strategy', 'Ends.', 'Second', 'Activity last period', '- Planned.'],
      {
        titles: ['First', 'Second'],
        check: (result) => expect(lines(result.reports[0].priorities[0].sections.exitStrategy)).toEqual(['Ends.']),
      },
    ],
  ])('copes with %s', (_name, input, expected) => {
    const result = parseReportText(report(input), { locality: 'Preston (hint)' });
    expect(result.reports[0].priorities.map((priority) => priority.title)).toEqual(expected.titles);
    expected.check?.(result);
  });

  it.each<[string, string[], RegExp]>([
    ['no locality line and no --locality', ['Education Partnership Officer', 'Alison Walsh', 'Autumn October 24', 'Title', 'Intended Outcomes', 'x'], /no locality/],
    ['no term and no --term', ['Preston', 'Education Partnership Officer', 'Alison Walsh', 'Priority', 'Title', 'Intended Outcomes', 'x'], /no term/],
    ['text before the first report', ['Page 1 of 3', 'Preston', 'Education Partnership Officer', 'Alison Walsh', 'Autumn October 24', 'Priority', 'T', 'Intended Outcomes', 'x'], /before the first report/],
    ['a Period heading without a term', ['Preston', 'Education Partnership Officer', 'Alison Walsh', 'Period', 'Next week', 'Priority', 'T', 'Intended Outcomes', 'x'], /expected a term label/],
    ['no priorities at all', ['Preston', 'Education Partnership Officer', 'Alison Walsh', 'Autumn October 24'], /no priorities/],
  ])('reports %s as an error with its line number', (_name, input, reason) => {
    const result = parseReportText(report(input));
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ reason: expect.stringMatching(reason), line: expect.any(Number) })]));
    expect(errors.every((problem) => problem.line >= 1)).toBe(true);
  });

  it('reports an empty text as an error', () => {
    expect(parseReportText(`  \n${NBSP}\n\u200b`).problems).toEqual([expect.objectContaining({ severity: 'error', reason: 'the file has no text' })]);
  });

  it('uses --term only when the report names none', () => {
    const hinted = parseReportText(report(['Preston', 'Education Partnership Officer', 'Alison Walsh', 'Priority', 'T', 'Intended Outcomes', 'x']), {
      term: parseTerm('Spring 2025'),
    });
    expect(hinted.problems).toEqual([]);
    expect(hinted.reports[0].term && termKey(hinted.reports[0].term)).toBe('2024-25-spring');
    const named = parseReportText(report([...HEADER, 'Priority', 'T', 'Intended Outcomes', 'x']), { term: parseTerm('Spring 2025') });
    expect(named.reports[0].term && termKey(named.reports[0].term)).toBe('2024-25-autumn');
  });
});
