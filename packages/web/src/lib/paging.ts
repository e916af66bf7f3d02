/** Where one page sits in a paged list: the page actually shown, how many pages there are, and its 1-based rows. */
export interface PageRange {
  page: number;
  pages: number;
  /** First row on the page; 0 when the list is empty. */
  from: number;
  to: number;
}

/**
 * The range a pager shows for `page`. A page past the end (a bookmark from when the list was longer, or
 * `?page=9` typed by hand) counts as the last page, so the footer never reads "26–12 of 12".
 */
export function computePageRange(page: number, pageSize: number, total: number): PageRange {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    page: shown,
    pages,
    from: total === 0 ? 0 : (shown - 1) * pageSize + 1,
    to: Math.min(shown * pageSize, total),
  };
}
