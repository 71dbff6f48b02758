/**
 * The "Export CSV" button beside a list's filters: out of use until the list has loaded and its
 * filters make sense, so an export never holds less than the screen shows.
 */
export function ExportCsvButton({
  isDisabled,
  onExport,
}: {
  readonly isDisabled: boolean;
  readonly onExport: () => Promise<void>;
}) {
  return (
    <button
      type="button"
      className="button button--secondary"
      disabled={isDisabled}
      onClick={() => void onExport()}
    >
      Export CSV
    </button>
  );
}
