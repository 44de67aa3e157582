// One filter drop-down: a label, a 「すべて」 choice meaning "no condition" (value ''), and the options.
// Shared by the item list filters and the annotation list filters.
import { MINISTRY_CODES, MINISTRY_NAMES } from '../../../../shared/domain';

export interface FilterOption {
  value: string;
  label: string;
  /** A choice that would show nothing: greyed out, but still shown (and kept if already chosen). */
  disabled?: boolean;
}

interface Props {
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  ariaLabel?: string;
  className?: string;
}

export function SelectFilter({ label, value, options, onChange, ariaLabel, className }: Props) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={ariaLabel}>
        <option value="">すべて</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled && o.value !== value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export const MINISTRY_OPTIONS: readonly FilterOption[] = MINISTRY_CODES.map((m) => ({ value: m, label: `${m}(${MINISTRY_NAMES[m]})` }));
