import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTermlyOverview } from '../../../../../renderer/src/features/review/useTermlyOverview';
import { closeTestHome, openTestHome, signedInProviders } from '../render-signed-in';

// Counts how often the overview is worked out, still working it out for real.
const overviewsWorkedOut = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../../renderer/src/db/repositories/review-repository', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../../../renderer/src/db/repositories/review-repository')>();
  return {
    ...actual,
    reviewRepository: (...args: Parameters<typeof actual.reviewRepository>) => {
      const repository = actual.reviewRepository(...args);
      return {
        ...repository,
        termlyOverview: (...call: Parameters<typeof repository.termlyOverview>) => {
          overviewsWorkedOut.count += 1;
          return repository.termlyOverview(...call);
        },
      };
    },
  };
});

afterEach(() => {
  closeTestHome();
  overviewsWorkedOut.count = 0;
});

describe('the termly overview as the screen draws again', () => {
  it('is worked out once a term, though the screen hands over a new choice each time it draws', async () => {
    const home = await openTestHome();
    const { result, rerender } = renderHook(
      ({ termName }: { termName: 'autumn' | 'spring' }) =>
        // A new object each render, as the review screen makes it.
        useTermlyOverview({ yearId: 'year-2026', termName }),
      {
        wrapper: signedInProviders({ db: home.db, session: home.manager }),
        initialProps: { termName: 'autumn' },
      },
    );
    await waitFor(() => expect(result.current).toBeDefined());
    // The trend's progress redraws the screen many times; none of them may start the overview
    // (and so the trend) over.
    for (let draw = 0; draw < 5; draw += 1) rerender({ termName: 'autumn' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(overviewsWorkedOut.count).toBe(1);

    rerender({ termName: 'spring' });
    await waitFor(() => expect(overviewsWorkedOut.count).toBe(2));
    await waitFor(() => expect(result.current).toBeDefined());
  });
});
