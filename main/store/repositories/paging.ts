import type { PageRequest } from '../../../shared/contract/methods.ts';

/** WHERE clause and parameters for the optional filters of a paged request. */
export function pageFilter(
  request: PageRequest,
  columns: Partial<Record<'skillSlug' | 'status' | 'event', string>>,
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const key of ['skillSlug', 'status', 'event'] as const) {
    const column = columns[key];
    const value = request[key];
    if (column && value !== undefined) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
