import { KIND_LABELS } from '../timeline/timeline-items';

/** What the shapes and colours on the timeline mean. */
export function Legend({ density }: { density: boolean }) {
  return (
    <ul className="legend" aria-label="Legend">
      {(['STATEMENT', 'MEETING', 'EVENT'] as const).map((kind) => (
        <li key={kind}>
          <span className={`legend-swatch kind-${kind.toLowerCase()}`} aria-hidden="true" />
          {KIND_LABELS[kind].one}
        </li>
      ))}
      <li>
        <span className="legend-swatch status-scheduled" aria-hidden="true" />
        Scheduled
      </li>
      <li>
        <span className="legend-swatch fuzzy" aria-hidden="true" />
        Week, month or year
      </li>
      {density && (
        <li>
          <span className="legend-swatch density" aria-hidden="true" />
          Many items
        </li>
      )}
    </ul>
  );
}
