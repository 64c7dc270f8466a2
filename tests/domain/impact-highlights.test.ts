import { notableImpactLines } from '../../src/domain/impact-highlights';
import { anUpdate, items, prose } from '../support/builders';

describe('the impact lines a manager sees first', () => {
  const central = anUpdate({
    priorityId: 'p1',
    impactSoFar: items(
      'Schools reported feeling supported.',
      '8 high schools attended the first panel meeting (4/11/24), 6 external partners and discussion around 8 young people.',
      'Commitment from Compass Bloom to coordinate and facilitate the SMHL network.',
    ),
  });
  const neet = anUpdate({
    priorityId: 'p2',
    impactSoFar: prose('This piece of work is in the early stages of gathering the correct data.'),
  });

  it('puts measured results first and gives each priority a line before any gets two', () => {
    expect(notableImpactLines([central, neet])).toEqual([
      '8 high schools attended the first panel meeting (4/11/24), 6 external partners and discussion around 8 young people.',
      'This piece of work is in the early stages of gathering the correct data.',
      'Commitment from Compass Bloom to coordinate and facilitate the SMHL network.',
    ]);
  });

  it('does not count dates as figures', () => {
    const dated = anUpdate({ impactSoFar: items('Next meeting 21.01.2025 in 2025.', '12 schools signed up to Positive Footsteps.') });
    expect(notableImpactLines([dated], 1)).toEqual(['12 schools signed up to Positive Footsteps.']);
  });

  it('returns nothing when no impact has been written', () => {
    expect(notableImpactLines([anUpdate({ impactSoFar: items() })])).toEqual([]);
  });
});
