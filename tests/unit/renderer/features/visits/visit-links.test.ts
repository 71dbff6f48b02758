import { describe, expect, it } from 'vitest';
import {
  bookHomeVisitHref,
  bookVisitHref,
  visitHref,
  visitsLinkOf,
} from '../../../../../renderer/src/features/visits/visit-links';
import { locationFromHash } from '../../../../../renderer/src/common/routes';

describe('links into the visit calendar', () => {
  it.each([
    ['a visit', visitHref('visit-1'), { kind: 'visit', visitId: 'visit-1' }],
    ['a home visit to book', bookHomeVisitHref('yp-1'), { kind: 'bookHomeVisit', youngPersonId: 'yp-1' }],
    [
      'a Learning Mentor’s home visit to book',
      bookVisitHref('yp-1', 'homeVisit'),
      { kind: 'book', visitKind: 'homeVisit', youngPersonId: 'yp-1' },
    ],
    [
      'a PEP meeting to book',
      bookVisitHref('yp-1', 'pepMeeting'),
      { kind: 'book', visitKind: 'pepMeeting', youngPersonId: 'yp-1' },
    ],
    [
      'an id with a slash or a colon survives the hash',
      visitHref('a/b:c'),
      { kind: 'visit', visitId: 'a/b:c' },
    ],
  ] as const)('%s round-trips through the address', (_case, href, expected) => {
    const location = locationFromHash(href);
    expect(location.route).toBe('visits');
    expect(visitsLinkOf(location.recordId)).toEqual(expected);
  });
  it('a booking link for a kind the calendar does not know opens that record id as a visit', () => {
    expect(visitsLinkOf('book:party:yp-1')).toEqual({ kind: 'visit', visitId: 'book:party:yp-1' });
  });
  it('the calendar alone opens nothing', () => {
    expect(visitsLinkOf(locationFromHash('#/visits').recordId)).toBeUndefined();
  });
});
