/**
 * A search box that filters a list as one types: its hint, and the line that counts the matches (`countId`, a
 * status region) are read with it.
 */
export function SearchField({
  id,
  label,
  hint,
  countId,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  countId: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <div className="field search-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <input
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        aria-describedby={`${id}-hint ${countId}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
