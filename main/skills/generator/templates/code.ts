// Helpers for writing skill source. Text that came from a person (subject, unit, messages) only
// ever enters the code as a JSON literal, so it cannot close a string or add a statement.
import type { ModAction } from '../../../../shared/skills/mod-types.ts';

/** A JavaScript literal for a JSON value. */
export const lit = (value: unknown): string => JSON.stringify(value);

/** A piece of code, as opposed to text, for `textExpr`. */
export interface CodeExpr {
  code: string;
}
export const expr = (code: string): CodeExpr => ({ code });

/**
 * An expression filling a text template: `Only {total}{unit} today` with
 * `{ total: expr('d.total_ml'), unit: 'ml' }` gives `"Only " + d.total_ml + "ml today"`.
 * Text values (even a person's) become literals; only `expr` values are code, and those are ours.
 */
export function textExpr(template: string, values: Record<string, CodeExpr | string>): string {
  const pieces: (CodeExpr | string)[] = [];
  template.split(/\{(\w+)\}/).forEach((part, index) => {
    const value = index % 2 === 0 ? part : values[part];
    if (value === undefined) throw new Error(`textExpr: no value for {${part}}`);
    const last = pieces[pieces.length - 1];
    if (typeof value === 'string' && typeof last === 'string') pieces[pieces.length - 1] = last + value;
    else if (value !== '') pieces.push(value);
  });
  if (pieces.length === 0) return '""';
  return pieces
    .map((piece, index) => (typeof piece === 'string' ? lit(piece) : index === 0 ? `String(${piece.code})` : piece.code))
    .join(' + ');
}

/** `getActions()` returning the actions as one literal. */
export function getActionsMethod(actions: ModAction[]): string {
  const body = JSON.stringify(actions, null, 2).replace(/\n/g, '\n    ');
  return `  getActions() {\n    return ${body};\n  }`;
}

/** Reads that fail are errors of the execution, not empty results. */
export function throwOnReadError(what: string): string {
  return `if (error) throw new Error(${lit(`Could not read ${what}: `)} + String(error.message ?? error));`;
}

/**
 * The generated read of the tenant's own rows in `table`, in `order`, at most `limit` (a number or
 * an expression of ours), with any extra `.eq(…)` filters; a failed read throws.
 */
export function readTenantRows(table: string, order: { column: string; ascending: boolean }, limit: number | CodeExpr, filters: string[] = []): string {
  return [
    'const { data, error } = await supabase',
    `      .from(${lit(table)})`,
    '      .select("*")',
    '      .eq("tenant_id", tenant_id)',
    ...filters.map((filter) => `      ${filter}`),
    `      .order(${lit(order.column)}, { ascending: ${order.ascending} })`,
    `      .limit(${typeof limit === 'number' ? limit : limit.code});`,
    `    ${throwOnReadError(table)}`,
  ].join('\n');
}
