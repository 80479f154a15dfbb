/**
 * The one table of the app: columns as data, a row's attributes (test ids, classes) from the row. On a
 * narrow screen the stylesheet shows each row as a card, each cell with its column's name before it
 * (`data-label`).
 */
import { Fragment, type HTMLAttributes, type Key, type ReactNode } from 'react';

export interface Column<R> {
  /** Header cell; a table whose columns all lack one has no header row. */
  head?: ReactNode;
  /** The column's name on a card, when the header is not plain text. */
  label?: string;
  cell: (row: R) => ReactNode;
  /** Class of the body cells: `n` (numbers), `nowrap`, `small`…, or of each row's cell. */
  className?: string | ((row: R) => string);
  /** Class of the header cell. */
  headClassName?: string;
  /** `data-testid` of the body cells. */
  testId?: string;
}

export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | boolean | undefined };

export function DataTable<R>({ rows, columns, rowKey, testId, className = 'grid', rowProps, after, empty }: {
  rows: readonly R[];
  columns: readonly Column<R>[];
  rowKey: (row: R, index: number) => Key;
  testId?: string;
  className?: string;
  rowProps?: (row: R) => RowAttributes;
  /** Rows shown below a row (an expanded detail). */
  after?: (row: R) => ReactNode;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const heads = columns.some((c) => c.head !== undefined);
  return (
    <table className={className} data-testid={testId}>
      {heads && (
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} className={c.headClassName}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((r, i) => (
          <Fragment key={rowKey(r, i)}>
            <tr {...rowProps?.(r)}>
              {columns.map((c, j) => (
                <td key={j} className={typeof c.className === 'function' ? c.className(r) : c.className} data-testid={c.testId} data-label={c.label ?? (typeof c.head === 'string' ? c.head : undefined)}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
            {after?.(r)}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
