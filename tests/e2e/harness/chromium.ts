import { existsSync } from 'node:fs';

/** Debian's Chromium (apt), standing in for Playwright's download, which cannot be fetched here. */
export const chromiumPath = process.env['FAMILY_LINKS_CHROMIUM'] ?? '/usr/bin/chromium';

// The switches keep it from phoning home or needing a GPU or a user namespace.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // As electron/main/index.ts does: dates in forms read day/month/year, as on a UK office computer.
  '--lang=en-GB',
];

// Chromium on Linux takes its interface language (and so the day/month order of date inputs)
// from the environment, and only if the language's resources are installed.
export const chromiumEnvironment = { ...process.env, LANGUAGE: 'en_GB', LANG: 'en_GB.UTF-8' };

/** Why date fields would show month/day/year, if they would; undefined when all is well. */
export function britishLocaleProblem(): string | undefined {
  if (chromiumPath !== '/usr/bin/chromium' || existsSync('/usr/lib/chromium/locales/en-GB.pak'))
    return undefined;
  return 'Debian Chromium has no en-GB resources, so date fields will read month/day/year. Install them with: apt-get install -y chromium-l10n';
}
