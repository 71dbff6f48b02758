import { describe, expect, it } from 'vitest';
import {
  addToVisitorSearchIndex,
  buildVisitorSearchIndex,
  searchVisitors,
} from '../../../../shared/rules/visitor-search';

const entries = [
  { id: 'old-john', visitorName: 'John Smith', arrivedAt: '2024-03-01T10:00:00.000Z' },
  { id: 'new-john', visitorName: 'John Smith', arrivedAt: '2026-11-20T10:00:00.000Z' },
  { id: 'siobhan', visitorName: "Siobhán O'Brien", arrivedAt: '2026-01-05T10:00:00.000Z' },
  { id: 'joanna', visitorName: 'Joanna Smithson-Hale', arrivedAt: '2025-06-01T10:00:00.000Z' },
  { id: 'tom', visitorName: 'Tom Jones', arrivedAt: '2026-02-01T10:00:00.000Z' },
];
const index = buildVisitorSearchIndex(entries);

describe('finding a past visitor as the name is typed', () => {
  it.each([
    ['the start of a surname, newest visit first', 'smi', ['new-john', 'joanna', 'old-john']],
    ['first name and surname in either order', 'smith john', ['new-john', 'old-john']],
    ['the start of each word typed', 'jo sm', ['new-john', 'joanna', 'old-john']],
    ['without the accent or the apostrophe', 'siobhan obr', ['siobhan']],
    ['either half of a double-barrelled name', 'hale', ['joanna']],
    ['in capitals with extra spaces', '  TOM   ', ['tom']],
  ])('finds %s', (_case, query, expected) => {
    expect(searchVisitors(index, query).map((hit) => hit.id)).toEqual(expected);
  });

  it.each([
    ['a word from the middle of a name', 'mith'],
    ['a name nobody had', 'zebedee'],
    ['nothing typed', '   '],
  ])('finds nothing for %s', (_case, query) => {
    expect(searchVisitors(index, query)).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(searchVisitors(index, 'j', 2).map((hit) => hit.id)).toEqual(['new-john', 'tom']);
  });

  it('finds a correction and not the entry it replaced', () => {
    const live = buildVisitorSearchIndex(entries);
    addToVisitorSearchIndex(live, {
      id: 'tom-corrected',
      visitorName: 'Tom Jones',
      arrivedAt: '2026-02-01T10:00:00.000Z',
      amendsEntryId: 'tom',
    });
    expect(searchVisitors(live, 'tom').map((hit) => hit.id)).toEqual(['tom-corrected']);
  });

  it('puts a visitor who has just signed in first', () => {
    const live = buildVisitorSearchIndex(entries);
    addToVisitorSearchIndex(live, {
      id: 'now',
      visitorName: 'Jo Smart',
      arrivedAt: '2026-11-23T09:00:00.000Z',
    });
    expect(searchVisitors(live, 'jo s')[0]?.id).toBe('now');
  });
});
