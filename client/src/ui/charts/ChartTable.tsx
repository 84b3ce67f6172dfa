import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n.ts';
import { chartMessages } from './messages.ts';

export interface ChartTableRow {
  readonly key: string;
  /** The row header, e.g. the month. */
  readonly header: string;
  readonly cells: readonly string[];
}

interface ChartTableProps {
  readonly caption: string;
  readonly columns: readonly string[];
  /** Called only once the table is opened: formatting 100+ months costs nothing until needed. */
  readonly rows: () => readonly ChartTableRow[];
}

/** The figures behind a chart, as a real table: for screen readers, and for people who prefer it. */
export function ChartTable({ caption, columns, rows }: ChartTableProps) {
  const t = useMessages(chartMessages);
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details class="chart-table" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary>{t.showTable}</summary>
      {isOpen && (
        <div class="chart-table-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                {columns.map((column) => (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows().map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.header}</th>
                  {row.cells.map((cell, index) => (
                    <td class="amount" key={index}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
