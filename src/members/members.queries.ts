import type { Executor } from '../db/database.js';
import type { MemberRow, NewMember } from '../db/schema.js';

export function insertMember(db: Executor, member: NewMember): Promise<MemberRow> {
  return db.insertInto('members').values(member).returningAll().executeTakeFirstOrThrow();
}
