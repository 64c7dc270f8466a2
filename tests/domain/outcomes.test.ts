import type { ImpactFigure, Locality, Priority, PriorityUpdate, RagStatus } from '../../src/domain/model';
import { outcomeTrend, summariseOutcomes, TermRangeError, UNTHEMED } from '../../src/domain/outcomes';

const LOCALITIES: Locality[] = [
  { id: 'preston', name: 'Preston', order: 3 },
  { id: 'west-lancs', name: 'West Lancashire', order: 1 },
  { id: 'central', name: 'Central Lancs', order: 2 },
];

function priority(id: string, localityId: string, themes: string[]): Priority {
  return {
    id,
    localityId,
    title: `Priority ${id}`,
    intendedOutcomes: { kind: 'items', items: [] },
    exitStrategy: { kind: 'items', items: [] },
    themes,
    status: 'active',
    openedTerm: '2023-24-autumn',
    order: 1,
    version: 1,
  };
}

function update(
  priorityId: string,
  localityId: string,
  term: string,
  rag: RagStatus | undefined,
  extra: { figures?: ImpactFigure[]; title?: string; version?: number } = {},
): PriorityUpdate {
  const empty = { kind: 'items', items: [] } as const;
  return {
    priorityId,
    localityId,
    term,
    title: extra.title ?? `Priority ${priorityId} (${term})`,
    intendedOutcomes: empty,
    activityLastPeriod: empty,
    plannedActivityNextPeriod: empty,
    impactSoFar: empty,
    exitStrategy: empty,
    carryForward: [],
    sectionsDone: [],
    ...(rag ? { rag } : {}),
    figures: extra.figures ?? [],
    version: extra.version ?? 1,
  };
}

describe('the trend of each priority', () => {
  it.each([
    [['off track', 'some concerns', 'on track'], 'improving', 'on track'],
    [['on track', 'some concerns'], 'worsening', 'some concerns'],
    [['some concerns', 'off track', 'some concerns'], 'steady', 'some concerns'],
    [['on track'], 'not enough data', 'on track'],
    [['on track', undefined], 'not enough data', undefined],
    [[undefined, 'off track', undefined, 'on track'], 'improving', 'on track'],
  ] as const)('%j is %s, latest %s', (statuses, direction, latest) => {
    const terms = ['2023-24-autumn', '2023-24-spring', '2023-24-summer', '2024-25-autumn'];
    const updates = statuses.map((rag, index) => update('p1', 'central', terms[index], rag));
    const [trend] = outcomeTrend(updates);
    expect(trend.direction).toBe(direction);
    expect(trend.latest).toBe(latest);
    expect(trend.statuses.map((status) => status.term)).toEqual(terms.slice(0, statuses.length));
  });

  it('orders terms chronologically whatever order the updates come in, half-terms included', () => {
    const updates = [
      update('p1', 'west-lancs', '2024-25-autumn', 'on track', { title: 'Latest title', figures: [{ value: 16, counts: 'schools' }] }),
      update('p1', 'west-lancs', '2023-24-summer-1', 'off track'),
      update('p1', 'west-lancs', '2023-24-summer-2', 'some concerns'),
    ];
    const [trend] = outcomeTrend(updates);
    expect(trend.statuses).toEqual([
      { term: '2023-24-summer-1', rag: 'off track' },
      { term: '2023-24-summer-2', rag: 'some concerns' },
      { term: '2024-25-autumn', rag: 'on track' },
    ]);
    expect(trend.title).toBe('Latest title');
    expect(trend.figures).toEqual([{ value: 16, counts: 'schools' }]);
    expect(trend.direction).toBe('improving');
  });

  it('keeps the higher version when one term is given twice', () => {
    const [trend] = outcomeTrend([
      update('p1', 'central', '2024-25-autumn', 'off track', { version: 3 }),
      update('p1', 'central', '2024-25-autumn', 'on track', { version: 2 }),
    ]);
    expect(trend.statuses).toEqual([{ term: '2024-25-autumn', rag: 'off track' }]);
  });

  it('lists priorities in the order they first appear', () => {
    const trends = outcomeTrend([
      update('b', 'central', '2024-25-autumn', 'on track'),
      update('a', 'central', '2024-25-autumn', 'on track'),
      update('b', 'central', '2024-25-spring', 'on track'),
    ]);
    expect(trends.map((trend) => trend.priorityId)).toEqual(['b', 'a']);
  });

  it('is empty with no updates', () => {
    expect(outcomeTrend([])).toEqual([]);
  });
});

describe('the county summary of outcomes', () => {
  const priorities = [
    priority('wl-eet', 'west-lancs', ['neet']),
    priority('wl-network', 'west-lancs', []),
    priority('cl-avoid', 'central', ['attendance', 'mental-health']),
    priority('cl-eet', 'central', ['neet']),
    priority('pr-avoid', 'preston', ['attendance', 'local-priority']),
  ];
  const updates = [
    update('wl-eet', 'west-lancs', '2023-24-summer', 'off track'),
    update('wl-eet', 'west-lancs', '2024-25-autumn', 'some concerns'),
    update('wl-eet', 'west-lancs', '2024-25-spring', 'on track'),
    update('wl-network', 'west-lancs', '2024-25-autumn', 'on track'),
    update('wl-network', 'west-lancs', '2024-25-spring', undefined),
    update('cl-avoid', 'central', '2024-25-autumn', 'on track'),
    update('cl-avoid', 'central', '2024-25-spring', 'some concerns'),
    update('cl-eet', 'central', '2024-25-autumn', 'some concerns'),
    update('cl-eet', 'central', '2024-25-spring', 'some concerns'),
    update('pr-avoid', 'preston', '2024-25-spring', 'off track'),
    update('pr-avoid', 'preston', '2025-26-autumn', 'on track'),
  ];
  const summary = summariseOutcomes(priorities, updates, LOCALITIES, '2024-25-autumn', '2024-25-spring');

  it('counts only updates inside the range, both ends included', () => {
    const wlEet = summary.priorities.find((trend) => trend.priorityId === 'wl-eet');
    expect(wlEet?.statuses.map((status) => status.term)).toEqual(['2024-25-autumn', '2024-25-spring']);
    expect(wlEet?.direction).toBe('improving');
    const prAvoid = summary.priorities.find((trend) => trend.priorityId === 'pr-avoid');
    expect(prAvoid?.statuses).toEqual([{ term: '2024-25-spring', rag: 'off track' }]);
  });

  it('summarises the county', () => {
    expect(summary.county).toEqual({
      priorities: 5,
      latest: { 'on track': 1, 'some concerns': 2, 'off track': 1, 'not rated': 1 },
      directions: { improving: 1, steady: 1, worsening: 1, 'not enough data': 2 },
    });
  });

  it('lists every locality in report order', () => {
    expect(summary.byLocality.map((locality) => [locality.name, locality.priorities, locality.latest['some concerns']])).toEqual([
      ['West Lancashire', 2, 0],
      ['Central Lancs', 2, 2],
      ['Preston', 1, 0],
    ]);
    expect(summary.byLocality[2].latest['off track']).toBe(1);
  });

  it('groups by theme in the theme list order, then other themes, then priorities without one', () => {
    expect(summary.byTheme.map((theme) => [theme.themeId, theme.name, theme.priorities, theme.localityIds])).toEqual([
      ['neet', 'NEET and post-16', 2, ['west-lancs', 'central']],
      ['attendance', 'School avoidance and attendance', 2, ['central', 'preston']],
      ['mental-health', 'Mental health and wellbeing', 1, ['central']],
      ['local-priority', 'local-priority', 1, ['preston']],
      [UNTHEMED, 'No theme', 1, ['west-lancs']],
    ]);
    const neet = summary.byTheme[0];
    expect(neet.directions).toEqual({ improving: 1, steady: 1, worsening: 0, 'not enough data': 0 });
  });

  it('lists a locality with nothing in the range with zero counts', () => {
    const early = summariseOutcomes(priorities, updates, LOCALITIES, '2023-24-summer', '2023-24-summer');
    expect(early.byLocality.map((locality) => locality.priorities)).toEqual([1, 0, 0]);
    expect(early.byTheme.map((theme) => theme.themeId)).toEqual(['neet']);
  });

  it('refuses a range that runs backwards', () => {
    expect(() => summariseOutcomes(priorities, updates, LOCALITIES, '2024-25-spring', '2024-25-autumn')).toThrow(TermRangeError);
  });
});
