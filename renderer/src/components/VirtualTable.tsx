import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
}

interface VirtualTableProps<T> {
  label: string;
  /** Sets the grid's column widths in CSS. */
  className: string;
  columns: Column<T>[];
  total: number;
  /** The row at an index, or undefined while its page is still on its way. */
  rowAt: (index: number) => T | undefined;
  loadingLabel: string;
  /** Told which rows are on screen (plus a margin), so their pages can be fetched. */
  onVisibleRange: (first: number, last: number) => void;
}

const ROW_HEIGHT = 44;

/**
 * A table of any length that keeps only the rows on screen in the DOM (ARIA table semantics, with
 * aria-rowcount/aria-rowindex telling assistive tech the true size and position).
 */
export function VirtualTable<T>({ label, className, columns, total, rowAt, loadingLabel, onVisibleRange }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index;
  const last = rows.at(-1)?.index;

  useEffect(() => {
    if (first !== undefined && last !== undefined) onVisibleRange(first, last);
  }, [first, last, onVisibleRange]);

  return (
    <div role="table" aria-label={label} aria-rowcount={total + 1} className={`vtable ${className}`}>
      <div role="rowgroup" className="vtable__head">
        <div role="row" aria-rowindex={1} className="vtable__row">
          {columns.map((column) => <div role="columnheader" key={column.id} className="vtable__cell">{column.header}</div>)}
        </div>
      </div>
      <div ref={scrollRef} className="vtable__scroll" tabIndex={0}>
        <div role="rowgroup" className="vtable__body" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                role="row"
                key={item.key}
                aria-rowindex={item.index + 2}
                className="vtable__row vtable__row--body"
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                {row === undefined
                  ? <div role="cell" className="vtable__cell vtable__cell--placeholder">{loadingLabel}</div>
                  : columns.map((column) => <div role="cell" key={column.id} className="vtable__cell">{column.cell(row)}</div>)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
