import { Banner } from './Banner';

/**
 * Shown on a settings screen whose saved values do not match what the audit log says was saved:
 * they were changed outside Family Links. `meanwhile` says what the app uses until they are saved
 * again (the safe value, never the changed one).
 */
export function DamagedSettingsNotice({ meanwhile }: { readonly meanwhile: string }) {
  return (
    <Banner tone="error">
      These settings were changed outside Family Links, so {meanwhile}. Check them and save them again.
    </Banner>
  );
}
