import { describe, expect, it } from 'vitest';
import { visitAlertRequests } from '../../../../../renderer/src/db/repositories/visit-pan-alerts';
import { buildVisit } from '../../../../factories';

describe('the PAN alerts a booking or a cancellation raises', () => {
  it('names the kind and the day on the home’s clock, once for each young person, and no one by name', () => {
    const [mia, sam] = [crypto.randomUUID(), crypto.randomUUID()];
    // 23:30 UTC on 14 July is 00:30 on the 15th in a home on British Summer Time.
    const visit = buildVisit({
      kind: 'homeVisit',
      youngPersonIds: [mia, sam],
      startsAt: '2026-07-14T23:30:00.000Z',
    });
    expect(visitAlertRequests('booked', [visit], 'Europe/London')).toEqual([
      {
        youngPersonId: mia,
        event: 'visitBooked',
        reference: 'Visit 2026-07-15',
        summary: 'Home visit to the family home on 15 July 2026 booked',
      },
      {
        youngPersonId: sam,
        event: 'visitBooked',
        reference: 'Visit 2026-07-15',
        summary: 'Home visit to the family home on 15 July 2026 booked',
      },
    ]);
  });

  it('names a series by its first date and how many dates it has', () => {
    const series = ['2026-09-08', '2026-09-15', '2026-09-22'].map((date) =>
      buildVisit({ kind: 'familyVisit', startsAt: `${date}T15:00:00.000Z` }),
    );
    const [request] = visitAlertRequests('cancelled', series, 'Europe/London');
    expect(request?.event).toBe('visitCancelled');
    expect(request?.summary).toBe('Family visit at the home on 8 September 2026 (3 dates) cancelled');
  });

  it('raises nothing for no visits', () => {
    expect(visitAlertRequests('booked', [], 'Europe/London')).toEqual([]);
  });
});
