// Texts of the review screens, in both languages; merged into the catalogues in en.ts and pl.ts.
export const reviewEn = {} as const satisfies Record<string, string>;

export const reviewPl: Record<keyof typeof reviewEn, string> = {};
