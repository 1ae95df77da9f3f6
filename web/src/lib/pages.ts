/** Cursor-paged lists (`?cursor=&limit=`, answered with `items` and `next_cursor`). Long lists show
 * a page and a "Show more" button; a screen that needs a whole list that the domain keeps short
 * (the goals of one pair or one conversation) reads every page with `allPages`. */

export interface Paged<T> {
  items: T[];
  next_cursor: string | null;
}

/** The most items a page may hold (the API's maximum). */
export const MAX_PAGE = 100;

/** `path` with the page's query parameters added. */
export function pagePath(path: string, cursor: string | null, limit?: number): string {
  const params = new URLSearchParams();
  if (limit !== undefined) params.set("limit", String(limit));
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  if (!query) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

/** Every item of a paged list, in the API's order, `MAX_PAGE` at a time. */
export async function allPages<T>(get: (path: string) => Promise<Paged<T>>, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Paged<T> = await get(pagePath(path, cursor, MAX_PAGE));
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
