/**
 * Names Windows opens as devices rather than files (CON, NUL, COM1...), with or without an
 * extension, in any case.
 */
export const windowsDeviceNames = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A safe path segment, or undefined if nothing usable is left: what the case-file folder's folder
 * and file names are made of. Pure, so the renderer can work out the folder a case number is filed
 * under (`caseFileFolderOf`) by the very rule the main process names it with.
 */
export function safeSegment(text: string): string | undefined {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    // Windows drops trailing dots and spaces; leading dots would hide the file on Linux and macOS.
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return undefined;
  return windowsDeviceNames.test(cleaned) ? `_${cleaned}` : cleaned;
}
