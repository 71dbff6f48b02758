/**
 * Saves `text` as a file through the browser's own download (a Blob and an <a download>), so
 * nothing leaves the app except the file the person asked for. The link is removed at once and
 * its object URL released after the click has been handled.
 */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
