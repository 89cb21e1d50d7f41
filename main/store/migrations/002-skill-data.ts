// Schema v2: rows that skills keep in their own tables. A skill never gets DDL or raw SQL: each
// declared table is a (skill, table) partition of this one table, reached only through the
// sandbox's query builder.
export const skillData = {
  version: 2,
  name: 'skill-data',
  sql: `
CREATE TABLE skill_rows (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  skill_slug TEXT NOT NULL,
  table_name TEXT NOT NULL,
  data       TEXT NOT NULL CHECK (json_valid(data)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX skill_rows_table ON skill_rows(skill_slug, table_name, id);
`,
} as const;
