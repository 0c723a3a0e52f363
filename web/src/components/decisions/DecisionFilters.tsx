import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { REGISTRATION_STATUSES } from '../../lib/api-types';
import { SelectField } from '../fields';
import { TextField } from '../TextField';

/** A filter beside the status: its query parameter, its select's id and label, its empty choice and its options. */
export interface FilterSpec {
  name: string;
  id: string;
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
}

/**
 * The filters of a decision list: the status, the list's own selects, and a search run on submit. Each change goes
 * to `onChange` at once, except the search text, which goes when the form is sent.
 */
export function DecisionFilters({
  idPrefix,
  status,
  values,
  filters,
  searchLabel,
  searchHint,
  onStatus,
  onFilter,
  onSearch,
}: {
  idPrefix: string;
  status: string;
  values: Record<string, string>;
  filters: FilterSpec[];
  searchLabel: string;
  searchHint?: string;
  onStatus(status: string): void;
  onFilter(name: string, value: string): void;
  onSearch(q: string): void;
}) {
  const { t } = useT();
  const [search, setSearch] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(search.trim());
  };
  return (
    <form className="filters" role="search" aria-label={t('decisionList.filters')} onSubmit={submit}>
      <SelectField
        id={`${idPrefix}-status`}
        label={t('registry.filterStatus')}
        value={status}
        onChange={(e) => onStatus(e.target.value)}
        placeholder={t('common.all')}
        options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))}
      />
      {filters.map((f) => (
        <SelectField
          key={f.name}
          id={f.id}
          label={f.label}
          value={values[f.name] ?? ''}
          onChange={(e) => onFilter(f.name, e.target.value)}
          placeholder={f.placeholder}
          options={f.options}
        />
      ))}
      <TextField id={`${idPrefix}-search`} type="search" label={searchLabel} hint={searchHint} value={search} onChange={(e) => setSearch(e.target.value)} />
      <button type="submit" className="button button-secondary">
        {t('common.search')}
      </button>
    </form>
  );
}
