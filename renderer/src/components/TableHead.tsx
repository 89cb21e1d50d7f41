export type Column = string | { label: string; numeric?: boolean; hidden?: boolean };

/** A table's caption (for screen readers) and its column headers, the same way in every table. */
export function TableHead({ caption, columns }: { caption: string; columns: Column[] }) {
  return (
    <>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, index) => {
            const { label, numeric, hidden } = typeof column === 'string' ? { label: column } : column;
            return (
              <th key={index} scope="col" className={numeric ? 'numeric' : undefined}>
                {hidden ? <span className="visually-hidden">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
    </>
  );
}
