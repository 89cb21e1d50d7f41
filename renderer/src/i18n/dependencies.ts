// Texts about skills calling skills (issue 12 §5), in both languages; merged into the catalogues in en.ts and pl.ts.
export const dependenciesEn = {
  'executions.calledBy': 'called by {caller}',
} as const;

export const dependenciesPl: Record<keyof typeof dependenciesEn, string> = {
  'executions.calledBy': 'wywołany przez {caller}',
};
