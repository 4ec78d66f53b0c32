// Splits a list into numbered pages at stable URLs: page 1 at the base URL, page n at `<base>page/n/`.

/** One page of a paginated list. */
export interface Page<T> {
  /** This page's site path. */
  url: string;
  /** 1-based. */
  number: number;
  /** How many pages the list has. */
  total: number;
  items: T[];
  /** 1-based position of the first and last item on this page in the whole list. */
  from: number;
  to: number;
  /** Items in the whole list. */
  count: number;
  prev: string | null;
  next: string | null;
  first: string;
  last: string;
}

/** The site path of page `n` of a list at `base` (which ends in `/`). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** Cuts `items` into pages of `size`; an empty list still has one (empty) page so its URL exists. */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let n = 1; n <= total; n++) {
    const start = (n - 1) * size;
    const slice = items.slice(start, start + size);
    pages.push({
      url: pageUrl(base, n),
      number: n,
      total,
      items: slice,
      from: slice.length ? start + 1 : 0,
      to: start + slice.length,
      count: items.length,
      prev: n > 1 ? pageUrl(base, n - 1) : null,
      next: n < total ? pageUrl(base, n + 1) : null,
      first: base,
      last: pageUrl(base, total),
    });
  }
  return pages;
}
