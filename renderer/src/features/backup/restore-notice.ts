const key = 'family-links:restore-notice';

/** Kept across the reload that follows a restore, shown once on the sign-in screen. */
export function rememberRestoreNotice(text: string): void {
  try {
    sessionStorage.setItem(key, text);
  } catch {
    // No session storage: the restore still worked; the notice is a courtesy.
  }
}

export function takeRestoreNotice(): string | undefined {
  try {
    const text = sessionStorage.getItem(key) ?? undefined;
    sessionStorage.removeItem(key);
    return text;
  } catch {
    return undefined;
  }
}
