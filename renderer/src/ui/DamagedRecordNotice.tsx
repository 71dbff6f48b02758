import { Banner } from './Banner';

/** Shown in place of a record that did not open: it was changed outside Family Links. */
export function DamagedRecordNotice() {
  return (
    <Banner tone="error">
      This record has been changed outside Family Links and cannot be trusted. Tell the registered manager.
    </Banner>
  );
}
