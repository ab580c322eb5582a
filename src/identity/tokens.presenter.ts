import type { Static } from '@sinclair/typebox';
import type { ApiTokenSchema } from './tokens.schemas.js';

export interface ApiTokenRow {
  id: string;
  name: string | null;
  scopes: string[];
  token_last_characters: string;
  date_created: Date;
  expires_at: Date | null;
}

export function presentApiToken(row: ApiTokenRow): Static<typeof ApiTokenSchema> {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    dateCreated: row.date_created,
    expiresAt: row.expires_at,
    tokenLastCharacters: row.token_last_characters,
  };
}
