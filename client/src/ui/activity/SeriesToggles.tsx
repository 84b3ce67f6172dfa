import { useMessages } from '../i18n/i18n.ts';
import { activityMessages } from './messages.ts';

export interface ToggleItem {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly isShown: boolean;
}

/** The chart legend, as toggle buttons: each says what its colour is and shows or hides it. */
export function SeriesToggles({
  items,
  onToggle,
}: {
  readonly items: readonly ToggleItem[];
  readonly onToggle: (key: string) => void;
}) {
  const t = useMessages(activityMessages);
  return (
    <div class="series-toggles" role="group" aria-label={t.showSeries}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          class="series-toggle"
          aria-pressed={item.isShown}
          // The last visible line cannot be hidden: an empty chart says nothing.
          disabled={item.isShown && items.filter((other) => other.isShown).length === 1}
          onClick={() => onToggle(item.key)}
        >
          <span class="chart-swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.label}
        </button>
      ))}
    </div>
  );
}
