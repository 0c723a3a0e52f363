import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { auditApi, type AuditVocabulary } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDateTime } from '../../lib/format';
import { Loaded } from '../../components/Loaded';
import { SelectField } from '../../components/fields';
import { useStaffContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';

/** The audit log: every change with who, when and why, newest first (administrator, oversight committee). */
export function AuditPage() {
  const { slug, municipality } = useStaffContext();
  const { t, language } = useT();
  useDocumentTitle(t('audit.title'));
  const [entityType, setEntityType] = useState('');
  const [limit, setLimit] = useState(100);
  const list = useResource(`audit:${slug}:${entityType}:${limit}`, (signal) => auditApi.audit(slug, { entityType, limit }, signal));
  // The filter's choices stay while a new page of the log loads.
  const vocabulary = useRef<AuditVocabulary | null>(null);
  if (list.status === 'ok') vocabulary.current = list.data.vocabulary;

  return (
    <Page eyebrow={municipality.name} title={t('audit.title')} lead={t('audit.intro')}>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="audit-type"
          label={t('audit.entityType')}
          value={entityType}
          onChange={(e) => setEntityType(e.target.value)}
          placeholder={t('common.all')}
          options={Object.entries(vocabulary.current?.entities ?? {})
            .map(([value, label]) => ({ value, label: label[language] }))
            .sort((a, b) => a.label.localeCompare(b.label, language))}
        />
      </form>
      <Loaded resource={list} errorTitle={t('audit.loadError')}>
        {({ entries, vocabulary: words }) =>
          entries.length === 0 ? (
            <p className="empty">{t('audit.empty')}</p>
          ) : (
            <>
              <ol className="entry-list audit-list">
                {entries.map((e) => (
                  <li key={e.seq} className="entry">
                    <p className="entry-head">
                      <span className="entry-name">{words.actions[e.action]?.[language] ?? e.action}</span>{' '}
                      <span className="muted">
                        #{e.seq} · <code>{e.action}</code>
                      </span>
                    </p>
                    <p className="entry-meta">
                      {formatDateTime(e.at, language)} · {e.actorName ?? t('audit.system')} · {words.entities[e.entityType]?.[language] ?? e.entityType}
                      {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}
                    </p>
                    {e.reason && (
                      <p className="entry-reason">
                        {t('common.reason')}: {e.reason}
                      </p>
                    )}
                    {Object.keys(e.data).length > 0 && (
                      <details>
                        <summary>{t('audit.data')}</summary>
                        <pre className="data">{JSON.stringify(e.data, null, 2)}</pre>
                      </details>
                    )}
                  </li>
                ))}
              </ol>
              {entries.length >= limit && limit < 500 && (
                <button type="button" className="button button-secondary" onClick={() => setLimit((n) => Math.min(500, n + 100))}>
                  {t('common.showMore')}
                </button>
              )}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
