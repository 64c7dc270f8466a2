/** The edge: what an Action.Execute carries is validated before any handler reads it. */
import { InvalidActionDataError, parseActionContext, parseClosePriorityAction, parseSectionAction } from '../../../src/bot/report-wizard/action-data';
import { readTypedSection } from '../../../src/bot/report-wizard/section-save';
import { items, prose } from '../../support/builders';
import { DEFAULT_THEMES } from '../../../src/domain/themes';

const CONTEXT = { localityId: 'central-lancs', term: '2024-25-spring', priorityId: 'central-school-avoidance', section: 'impactSoFar', version: 3, basis: 'abc', view: 'section' };

describe('action data', () => {
  it('reads a section save: context, text and carry-forward marks, ignoring unknown inputs', () => {
    const action = parseSectionAction({ ...CONTEXT, section: 'activityLastPeriod', text: 'Panel met', carryOutcome_0: 'done', carryOutcome_2: '', other: 'x' }, DEFAULT_THEMES);
    expect(action.context).toEqual({ ...CONTEXT, section: 'activityLastPeriod' });
    expect(action.text).toBe('Panel met');
    expect([...action.carryForward]).toEqual([[0, 'done']]);
  });

  it.each([
    ['a missing locality', { ...CONTEXT, localityId: '' }],
    ['a term that is not a term key', { ...CONTEXT, term: 'Spring' }],
    ['an unknown section', { ...CONTEXT, section: 'summary' }],
    ['a negative version', { ...CONTEXT, version: -1 }],
    ['a priority id with odd characters', { ...CONTEXT, priorityId: '../../etc' }],
    ['an unknown carry-forward outcome', { ...CONTEXT, text: '', carryOutcome_0: 'finished' }],
    ['text far over any limit', { ...CONTEXT, text: 'x'.repeat(100_001) }],
    ['no section on a section save', { ...CONTEXT, section: '' }],
  ])('refuses %s', (_case, raw) => {
    expect(() => parseSectionAction(raw, DEFAULT_THEMES)).toThrow(InvalidActionDataError);
  });

  it.each([
    ['closed', 'closed'],
    ['handed over', 'handed over'],
    ['', ''],
  ])('reads a close with status "%s"', (status, expected) => {
    expect(parseClosePriorityAction({ ...CONTEXT, status, closingNote: 'Now with the Locality Group' }).status).toBe(expected);
  });

  it('refuses to "close" a priority as active', () => {
    expect(() => parseClosePriorityAction({ ...CONTEXT, status: 'active', closingNote: '' })).toThrow(InvalidActionDataError);
  });

  it('fills defaults for report-level actions', () => {
    expect(parseActionContext({ localityId: 'central-lancs', term: '2024-25-spring', version: '0' })).toEqual({
      localityId: 'central-lancs', term: '2024-25-spring', priorityId: '', section: '', version: 0, basis: '', view: 'report',
    });
  });
});

describe('reading what was typed', () => {
  it.each([
    ['one line per item becomes one bullet each', 'First\nSecond', items(), items('First', 'Second')],
    ['bullets of any kind are stripped', '• First\n- Second\n* Third', items(), items('First', 'Second', 'Third')],
    ['one line is prose', 'Schools now refer through the panel.', items(), prose('Schools now refer through the panel.')],
    ['untouched multi-paragraph prose keeps its shape', 'First paragraph.\nSecond paragraph.', prose('First paragraph.', 'Second paragraph.'), prose('First paragraph.', 'Second paragraph.')],
    ['untouched text with stray spaces keeps its shape', 'One item \u00a0\r\n', items('One item'), items('One item')],
  ])('%s', (_case, typed, stored, expected) => {
    expect(readTypedSection(typed, stored)).toEqual(expected);
  });
});
