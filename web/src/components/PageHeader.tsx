import type { ReactNode } from 'react';

/** The header of a page: its one <h1> (`#page-title`, which the page's <article> is labelled by), an eyebrow line above, a lead below. */
export function PageHeader({ eyebrow, title, lead, children }: { eyebrow?: ReactNode; title: string; lead?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1 id="page-title">{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </header>
  );
}

/** A page: an <article> labelled by its heading, with its header first. */
export function Page({ children, ...header }: { eyebrow?: ReactNode; title: string; lead?: string; header?: ReactNode; children?: ReactNode }) {
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={header.eyebrow} title={header.title} lead={header.lead}>
        {header.header}
      </PageHeader>
      {children}
    </article>
  );
}
