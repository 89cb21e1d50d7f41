import { useId, type ReactNode } from 'react';

/** A view: its heading names the region, the intro says what the view is for. */
export function ViewSection({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="view" aria-labelledby={headingId}>
      <header className="view__header">
        <h1 id={headingId} className="view__title">{title}</h1>
        {intro && <p className="view__intro">{intro}</p>}
      </header>
      {children}
    </section>
  );
}
