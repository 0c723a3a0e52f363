import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import { fileUrl } from '../../lib/paths';
import type { Attachment } from '../../lib/api-types';

/** Documents to download, each with its size. A file the server gives a path for (`url`) is fetched from there. */
export function FileLinks({ slug, files }: { slug: string; files: (Attachment & { url?: string })[] }) {
  const { language } = useT();
  return (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url?.startsWith('/') ? f.url : fileUrl(slug, f.id)} download={f.filename}>
            {f.filename}
          </a>{' '}
          <span className="muted">({formatBytes(f.sizeBytes, language)})</span>
        </li>
      ))}
    </ul>
  );
}
