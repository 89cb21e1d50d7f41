import { initial } from './001-initial.ts';
import { skillData } from './002-skill-data.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; a migration, once released, never changes: add a new one instead. */
export const MIGRATIONS: readonly Migration[] = [initial, skillData];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
