import { useId, type ReactNode } from 'react';
import type { Localized } from '../../../../shared/i18n-types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** A titled part of a settings card. */
export function Subsection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="subsection" aria-labelledby={headingId}>
      <h3 id={headingId} className="subsection__title">{title}</h3>
      {children}
    </section>
  );
}

export function ErrorLine({ message }: { message: Localized | string | null }) {
  const { localize } = useI18n();
  return (
    <p className="field__error" role="alert">
      {message === null ? '' : typeof message === 'string' ? message : localize(message)}
    </p>
  );
}
