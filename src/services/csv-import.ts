/** What a CSV import reports about the rows it could not take (delegates, the programme's sessions). */

/** How many rejected rows the report lists (`rejected_count` counts them all). */
export const MAX_REJECTED_LISTED = 1000;

export interface RejectedRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  errors: Array<{ field: string; message: string }>;
}
