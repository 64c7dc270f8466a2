import { parseTerm, termLabel, termKey, previousTerm, compareTerms, TermLabelError, termFromKey } from '../../src/domain/term';

describe('reading the term labels officers write', () => {
  it.each([
    // every spelling in the shared seeds and the issue
    ['Summer 1 - May 2024', 'Summer 1 – May 2024', '2023-24-summer-1'],
    ['Summer 1 - May 2024\u00a0', 'Summer 1 – May 2024', '2023-24-summer-1'],
    ['Autumn - October 24', 'Autumn – October 2024', '2024-25-autumn'],
    ['Autumn - October 24\u00a0\u00a0', 'Autumn – October 2024', '2024-25-autumn'],
    ['Autumn October 24', 'Autumn – October 2024', '2024-25-autumn'],
    ['Spring- March 2025', 'Spring – March 2025', '2024-25-spring'],
    ['Spring – March 25', 'Spring – March 2025', '2024-25-spring'],
    ['Spring – March 2025', 'Spring – March 2025', '2024-25-spring'],
    ['spring term 2 - mar 2026', 'Spring 2 – March 2026', '2025-26-spring-2'],
    ['Summer 2024', 'Summer – July 2024', '2023-24-summer'],
    ['2024-25 Autumn', 'Autumn – October 2024', '2024-25-autumn'],
    ['2024-25-spring', 'Spring – March 2025', '2024-25-spring'],
  ])('%j is %s', (label, houseLabel, key) => {
    const term = parseTerm(label);
    expect(termLabel(term)).toBe(houseLabel);
    expect(termKey(term)).toBe(key);
  });

  it.each(['', '   ', 'March 2025', 'Winter 2025', 'Spring', 'Autumn 1850'])('refuses %j with a helpful message', (label) => {
    expect(() => parseTerm(label)).toThrow(TermLabelError);
    expect(() => parseTerm(label)).toThrow(/like "Spring – March 2025"/);
  });

  it('keys round-trip', () => {
    for (const key of ['2024-25-autumn', '2023-24-summer-1', '2099-00-spring']) {
      expect(termKey(termFromKey(key))).toBe(key);
    }
  });

  it('steps back a term for carry-forward, across the academic year', () => {
    expect(termKey(previousTerm(parseTerm('Spring – March 2025')))).toBe('2024-25-autumn');
    expect(termKey(previousTerm(parseTerm('Autumn - October 24')))).toBe('2023-24-summer');
    expect(termKey(previousTerm(parseTerm('Summer 2 - July 2024')))).toBe('2023-24-summer-1');
  });

  it('orders terms chronologically', () => {
    const labels = ['Spring – March 2025', 'Summer 1 - May 2024', 'Autumn - October 24', 'Summer 2 - July 2024'];
    const sorted = labels.map(parseTerm).sort(compareTerms).map(termLabel);
    expect(sorted).toEqual(['Summer 1 – May 2024', 'Summer 2 – July 2024', 'Autumn – October 2024', 'Spring – March 2025']);
  });
});
