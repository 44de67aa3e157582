// The pieces every annotation form has: the tags field, the colour choice, and the footer with the
// error and the submit / cancel buttons.
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../../shared/annotations';
import { colorLabel } from './annotation-model';

export function TagsField({
  value,
  onChange,
  autoFocus,
  placeholder,
}: {
  value: string;
  onChange: (v: string) => void;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  return (
    <label className="annot-form-field">
      <span>タグ(読点・空白区切り)</span>
      <input type="text" value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} placeholder={placeholder} />
    </label>
  );
}

/** Radio buttons of the highlight colours; `name` must be unique on the page. */
export function ColorChoice({ name, value, onChange }: { name: string; value: AnnotationColor; onChange: (c: AnnotationColor) => void }) {
  return (
    <fieldset className="annot-colors">
      <legend>色</legend>
      {ANNOTATION_COLORS.map((c) => (
        <label key={c} className="annot-color-choice" title={colorLabel(c)}>
          <input type="radio" name={name} value={c} checked={value === c} onChange={() => onChange(c)} />
          <span className={`annot-swatch annot-c-${c}`} aria-hidden="true" />
          <span className="visually-hidden">{colorLabel(c)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="annot-error" role="alert">
      {error}
    </p>
  ) : null;
}

export function FormFooter({
  error,
  submitLabel,
  submitDisabled,
  onCancel,
}: {
  error: string | null;
  submitLabel: string;
  submitDisabled: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <FormError error={error} />
      <div className="annot-form-actions">
        <button type="submit" className="button button-primary button-small" disabled={submitDisabled}>
          {submitLabel}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          キャンセル
        </button>
      </div>
    </>
  );
}
