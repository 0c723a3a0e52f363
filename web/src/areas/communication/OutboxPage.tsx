import { useState } from 'react';
import { useT } from '../../i18n';
import { communicationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDateTime } from '../../lib/format';
import { Loaded } from '../../components/Loaded';
import { SelectField } from '../../components/fields';
import { useStaffContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';

const TOPICS = ['registration.decision', 'training.scheduled'] as const;

/** The notification outbox: every message to applicants and agents, sent, pending or failed (administrator). */
export function OutboxPage() {
  const { slug, municipality } = useStaffContext();
  const { t, language } = useT();
  useDocumentTitle(t('outbox.title'));
  const [topic, setTopic] = useState('');
  const topicLabel = (tp: string) =>
    tp === 'registration.decision' ? t('outbox.topics.registration') : tp === 'training.scheduled' ? t('outbox.topics.training') : tp;
  const list = useResource(`outbox:${slug}:${topic}`, (signal) => communicationApi.notifications(slug, { topic, limit: 200 }, signal));

  return (
    <Page eyebrow={municipality.name} title={t('outbox.title')} lead={t('outbox.intro')}>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="outbox-topic"
          label={t('outbox.topic')}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          placeholder={t('common.all')}
          options={TOPICS.map((tp) => ({ value: tp, label: t(`outbox.topics.${tp === 'registration.decision' ? 'registration' : 'training'}`) }))}
        />
      </form>
      <Loaded resource={list} errorTitle={t('outbox.loadError')}>
        {({ notifications }) =>
          notifications.length === 0 ? (
            <p className="empty">{t('outbox.empty')}</p>
          ) : (
            <ul className="entry-list">
              {notifications.map((n) => (
                <li key={n.id} className="entry">
                  <p className="entry-head">
                    <span className="entry-name">{n.subject}</span>{' '}
                    <span className={`badge badge-outbox-${n.status}`}>{t(`outbox.status.${n.status}`)}</span>
                  </p>
                  <p className="entry-meta">
                    {t(`outbox.channel.${n.channel}`)}: {n.recipient} · {topicLabel(n.topic)} · {formatDateTime(n.createdAt, language)}
                    {n.sentAt && ` · ${t('outbox.sentAt', { when: formatDateTime(n.sentAt, language), via: n.sentVia ?? '—' })}`}
                    {n.attempts > 0 && ` · ${t('outbox.attempts', { count: n.attempts })}`}
                  </p>
                  <p className="prewrap">{n.body}</p>
                  {n.lastError && <p className="entry-reason">{t('outbox.lastError', { error: n.lastError })}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
