import { compileLocalityReport, prioritiesInTerm, type LocalityReportInput } from '../../src/reports/compile-locality-report';
import { renderText } from '../../src/reports/render-text';
import { renderReport } from '../../src/reports/render-report';
import type { ReportFormat } from '../../src/reports/report-document';
import mammoth from 'mammoth';
import { aLocality, anOfficer, anUpdate, aPriority, aReport, items, prose, SAMPLE_TERM } from '../support/builders';
import type { Priority } from '../../src/domain/model';

const claire = anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk' });
const alison = anOfficer();

function input(overrides: Partial<LocalityReportInput> = {}): LocalityReportInput {
  const priority = aPriority();
  return {
    locality: aLocality(),
    term: SAMPLE_TERM,
    termLabel: 'Autumn – October 2024',
    officers: [claire, alison],
    priorities: [priority],
    updates: [
      anUpdate({
        title: 'School avoidance',
        intendedOutcomes: items('Schools know the mental health offer.'),
        activityLastPeriod: items('Panel pilot held.', 'Mapping completed.'),
        plannedActivityNextPeriod: items('Hand over to the Attendance Team.'),
        impactSoFar: prose('8 high schools attended the first panel.'),
        exitStrategy: prose('The pathways document is in place.', 'MH partners support leads.'),
      }),
    ],
    report: aReport(),
    ...overrides,
  };
}

describe('compileLocalityReport', () => {
  it('lays the report out exactly as the EPOs write it', () => {
    expect(renderText(compileLocalityReport(input()))).toBe(
      [
        'Central Lancs',
        '',
        'Education Partnership Officers',
        '',
        'Claire Fox/Alison Walsh',
        '',
        'Period',
        '',
        'Autumn – October 2024',
        '',
        '',
        'Priority',
        '',
        'School avoidance',
        '',
        'Intended Outcomes',
        '',
        '  • Schools know the mental health offer.',
        '',
        'Activity last period',
        '',
        '  • Panel pilot held.',
        '  • Mapping completed.',
        '  • Invitation extended to all Chorley and South Ribble secondary schools (done)',
        '  • Meeting with Lancashire Mind (carried forward)',
        '',
        'Planned activity next period',
        '',
        '  • Hand over to the Attendance Team.',
        '',
        'Impact so far',
        '',
        '8 high schools attended the first panel.',
        '',
        'Exit Strategy',
        '',
        'The pathways document is in place.',
        '',
        'MH partners support leads.',
        '',
      ].join('\n'),
    );
  });

  it.each<[ReportFormat, string]>([
    ['text', '  • Panel pilot held.\n  • Mapping completed.\n  • Invitation extended to all Chorley and South Ribble secondary schools (done)\n  • Meeting with Lancashire Mind (carried forward)\n'],
    ['md', '- Panel pilot held.\n- Mapping completed.\n- Invitation extended to all Chorley and South Ribble secondary schools (done)\n- Meeting with Lancashire Mind (carried forward)\n'],
    ['html', '<li>Invitation extended to all Chorley and South Ribble secondary schools (done)</li>'],
    ['docx', 'Mapping completed.\n\nInvitation extended to all Chorley and South Ribble secondary schools (done)\n\nMeeting with Lancashire Mind (carried forward)\n'],
  ])('shows under Activity last period how each of last term\'s planned items went, in %s', async (format, expected) => {
    const content = await renderReport(compileLocalityReport(input()), format);
    const text = format === 'docx' ? (await mammoth.extractRawText({ buffer: content as Buffer })).value : String(content);
    expect(text).toContain(expected);
  });

  it('shows no outcomes when none were marked', () => {
    const text = renderText(compileLocalityReport(input({ updates: [anUpdate({ carryForward: [] })] })));
    expect(text).not.toMatch(/\((?:done|partly done|not done|carried forward)\)/);
  });

  it.each([
    [1, 'Education Partnership Officer'],
    [2, 'Education Partnership Officers'],
  ])('with %i officer(s) says "%s"', (count, heading) => {
    const blocks = compileLocalityReport(input({ officers: [claire, alison].slice(0, count) })).blocks;
    expect(blocks).toContainEqual({ kind: 'heading', level: 2, text: heading });
  });

  it('uses real heading levels: locality 1, Priority 2, sections 3', () => {
    const headings = compileLocalityReport(input()).blocks.filter((block) => block.kind === 'heading');
    expect(headings.map((block) => (block.kind === 'heading' ? `${block.level} ${block.text}` : ''))).toEqual([
      '1 Central Lancs',
      '2 Education Partnership Officers',
      '2 Period',
      '2 Priority',
      '3 Intended Outcomes',
      '3 Activity last period',
      '3 Planned activity next period',
      '3 Impact so far',
      '3 Exit Strategy',
    ]);
  });
});

describe('prioritiesInTerm', () => {
  const autumn = '2024-25-autumn';
  type Case = [string, Partial<Priority>, boolean, boolean];
  it.each<Case>([
    ['an active priority with an update', { status: 'active', openedTerm: '2023-24-summer' }, true, true],
    ['an active priority without an update', { status: 'active', openedTerm: '2023-24-summer' }, false, false],
    ['a priority opened after the term', { status: 'active', openedTerm: '2024-25-spring' }, true, false],
    ['a priority closed in the term, without an update', { status: 'closed', openedTerm: '2023-24-summer', closedTerm: autumn }, false, true],
    ['a priority handed over in the term', { status: 'handed over', openedTerm: '2023-24-summer', closedTerm: autumn }, true, true],
    ['a priority closed in an earlier term, even with a stray update', { status: 'closed', openedTerm: '2023-24-autumn', closedTerm: '2023-24-summer' }, true, false],
  ])('%s: update=%s -> shown=%s', (_name, overrides, hasUpdate, shown) => {
    const priority = aPriority(overrides);
    const result = prioritiesInTerm({ term: autumn, priorities: [priority], updates: hasUpdate ? [anUpdate({ term: autumn })] : [] });
    expect(result.length).toBe(shown ? 1 : 0);
  });

  it('prints the closing note of a priority closed this term', () => {
    const priority = aPriority({ status: 'handed over', closedTerm: SAMPLE_TERM, closingNote: 'now closed to the Locality Group' });
    const text = renderText(compileLocalityReport(input({ priorities: [priority], updates: [] })));
    expect(text).toContain('Handed over this period: now closed to the Locality Group\n');
    expect(text).toContain(priority.title);
    expect(text).toContain('  • The Central Lancs TASS work will link in with the county wide work looking at this.');
  });

  it('keeps the priorities in report order', () => {
    const first = aPriority({ id: 'p1', order: 1, title: 'First' });
    const second = aPriority({ id: 'p2', order: 2, title: 'Second' });
    const result = prioritiesInTerm({
      term: SAMPLE_TERM,
      priorities: [first, second],
      updates: [anUpdate({ priorityId: 'p2', title: 'Second' }), anUpdate({ priorityId: 'p1', title: 'First' })],
    });
    expect(result.map((entry) => entry.title)).toEqual(['First', 'Second']);
  });
});
