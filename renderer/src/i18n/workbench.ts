// Texts of the workbench screens, in both languages; merged into the catalogues in en.ts and pl.ts.
export const workbenchEn = {} as const satisfies Record<string, string>;

export const workbenchPl: Record<keyof typeof workbenchEn, string> = {};
