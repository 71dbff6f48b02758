import { describe, expect, it } from 'vitest';
import {
  bookHomeVisitHref,
  visitHref,
  visitsLinkOf,
} from '../../../../../renderer/src/features/visits/visit-links';
import { locationFromHash } from '../../../../../renderer/src/common/routes';

describe('links into the visit calendar', () => {
  it.each([
    ['a visit', visitHref('visit-1'), { kind: 'visit', visitId: 'visit-1' }],
    ['a home visit to book', bookHomeVisitHref('yp-1'), { kind: 'bookHomeVisit', youngPersonId: 'yp-1' }],
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
  it('the calendar alone opens nothing', () => {
    expect(visitsLinkOf(locationFromHash('#/visits').recordId)).toBeUndefined();
  });
});
