import type { ReactNode } from 'react';
import type { Resource } from '../lib/useResource';
import { ErrorNotice, Loading } from './Status';

/** A resource's "Loading…" line, or its error with a "try again" button, or its data as `children` render it. */
export function Loaded<T>({
  resource,
  errorTitle,
  children,
}: {
  resource: Resource<T> & { reload(): void };
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    return (
      <ErrorNotice title={errorTitle} onRetry={resource.reload}>
        <p>{resource.error.message}</p>
      </ErrorNotice>
    );
  }
  return <>{children(resource.data)}</>;
}
