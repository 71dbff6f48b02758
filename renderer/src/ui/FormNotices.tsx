import { Banner } from './Banner';

/**
 * Above a form, one notice at most: why it was not saved; or that it was saved (`saved`, for forms
 * that stay open); or that what was being typed was kept from before, and needs checking.
 */
export function FormNotices({
  failure,
  saved,
  draftRestoredAt,
}: {
  readonly failure: string | undefined;
  readonly saved?: string | undefined;
  readonly draftRestoredAt?: string | undefined;
}) {
  if (failure) return <Banner tone="error">{failure}</Banner>;
  if (saved) return <Banner tone="success">{saved}</Banner>;
  if (draftRestoredAt) return <Banner tone="info">We kept what you were typing. Check it, then save.</Banner>;
  return null;
}
