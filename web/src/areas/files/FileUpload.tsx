import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { filesApi } from './api';
import { formatBytes } from '../../lib/format';
import type { Attachment } from '../../lib/api-types';
import { FieldError } from '../../components/fields';
import { focusWhenRendered } from '../../lib/focus';
import { said, type Said } from '../../lib/said';

/**
 * Picks files and uploads each at once (POST /files); the uploaded files are listed with a "remove" button.
 * An upload refused by the server (too large, wrong type) shows its message next to the picker.
 */
export function FileUpload({
  id,
  slug,
  label,
  files,
  onChange,
  accept,
}: {
  id: string;
  slug: string;
  label: string;
  files: Attachment[];
  onChange(files: Attachment[]): void;
  accept?: string;
}) {
  const { t, language } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said | null>(null);
  const [status, setStatus] = useState('');

  const upload = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    setError(null);
    const added: Attachment[] = [];
    try {
      for (const file of Array.from(list)) {
        setStatus(t('files.uploading', { name: file.name }));
        const stored = await filesApi.upload(slug, file);
        added.push({ id: stored.id, filename: stored.filename, contentType: stored.contentType, sizeBytes: stored.sizeBytes });
      }
      setStatus(t('files.uploaded', { count: added.length }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
      setStatus('');
      focusWhenRendered(() => input.current);
    } finally {
      setBusy(false);
      if (added.length > 0) onChange([...files, ...added.filter((a) => !files.some((f) => f.id === a.id))]);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('files.hint')}
      </p>
      <FieldError id={id} error={error} />
      <input
        ref={input}
        id={id}
        type="file"
        className="input input-file"
        multiple
        accept={accept}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        data-field="file"
        onChange={(e) => void upload(e.target.files)}
      />
      <p role="status" className="muted">
        {status}
      </p>
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.id}>
              {f.filename} <span className="muted">({formatBytes(f.sizeBytes, language)})</span>{' '}
              <button type="button" className="link-button" onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
                {t('files.remove', { name: f.filename })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
