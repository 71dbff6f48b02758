import { Banner } from './Banner';

/**
 * Shown in place of a record that did not open: it was changed outside Family Links. `advice` says
 * what to do next, which depends on who is reading (`whatToDoNext`): the manager is not told to
 * tell the manager.
 */
export function DamagedRecordNotice({ advice }: { readonly advice: string }) {
  return (
    <Banner tone="error">
      This record has been changed outside Family Links and cannot be trusted. {advice}
    </Banner>
  );
}
