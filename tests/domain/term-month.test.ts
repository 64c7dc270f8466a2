/**
 * Which month a report's label names: the one written in its label when that is not the
 * season's usual month, and for a new report the council's calendar (its due date's month).
 */
import { parseTerm, termFromKey, termLabelOf, unusualMonthOf } from '../../src/domain/term';
import { TermCalendar } from '../../src/domain/term-calendar';

describe('the month kept with a report', () => {
  it.each([
    ['Autumn – December 2024', 12],
    ['Autumn Nov 24', 11],
    ['Spring – April 2025', 4],
    ['Summer 1 - June 2024', 6],
    ['Autumn – October 2024', undefined],
    ['Spring 2025', undefined],
    ['Summer 1 - May 2024', undefined],
    ['Summer 2 – July 2024', undefined],
  ])('%j keeps %p', (label, month) => {
    expect(unusualMonthOf(parseTerm(label))).toBe(month);
  });

  it.each([
    ['2024-25-autumn', 12, 'Autumn – December 2024'],
    ['2024-25-autumn', undefined, 'Autumn – October 2024'],
    ['2023-24-summer-1', 6, 'Summer 1 – June 2024'],
  ])('%s with month %p is labelled %s', (key, month, label) => {
    expect(termLabelOf(key, month)).toBe(label);
  });
});

describe("the calendar's month for a new report", () => {
  const autumn2025 = termFromKey('2025-26-autumn');

  it('is none under the English school-year defaults', () => {
    expect(new TermCalendar().reportMonthOf(autumn2025)).toBeUndefined();
    expect(new TermCalendar().reportMonthOf('2025-26-spring')).toBeUndefined();
  });

  it("is December when the council's Autumn report is due in December", () => {
    const calendar = new TermCalendar([{ term: parseTerm('Autumn 2025'), due: '2025-12-05' }]);
    expect(calendar.reportMonthOf(autumn2025)).toBe(12);
    expect(calendar.reportMonthOf('2025-26-autumn')).toBe(12);
    expect(calendar.datesOf(autumn2025).label).toBe('Autumn – December 2025');
  });

  it("is none when the council's due date falls in the usual month", () => {
    const calendar = new TermCalendar([{ term: parseTerm('Autumn 2025'), due: '2025-10-17' }]);
    expect(calendar.reportMonthOf(autumn2025)).toBeUndefined();
  });

  it('ignores a month the caller passes in: the calendar decides', () => {
    const calendar = new TermCalendar([{ term: parseTerm('Autumn 2025'), due: '2025-12-05' }]);
    expect(calendar.reportMonthOf({ ...autumn2025, month: 10 })).toBe(12);
  });
});
