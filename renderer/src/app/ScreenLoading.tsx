/** What shows while a screen's code or first data loads: plain, and announced to screen readers. */
export function ScreenLoading() {
  return (
    <p role="status" className="page">
      Loading…
    </p>
  );
}
