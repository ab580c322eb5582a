import { detailError } from '../platform/http/errors.js';
import { parseMemberQuery } from '../members/member-query.js';

/** What the teams list's `query` parameter asks for; `nothing` when it can match no team. */
export interface TeamSearch {
  nothing: boolean;
  text: string | null;
  slugs: string[] | null;
  ids: string[] | null;
}

/**
 * Sentry's team search (the same token syntax as the member search): `query` words match name or
 * slug, `slug:` and `id:` list values, `hasExternalTeams:true` matches nothing here (Roster has no
 * external teams), any other key matches nothing. A non-numeric `id:` is a 400.
 */
export function parseTeamSearch(input: string | undefined): TeamSearch {
  const search: TeamSearch = { nothing: false, text: null, slugs: null, ids: null };
  for (const [key, values] of parseMemberQuery(input ?? '')) {
    switch (key) {
      case 'query':
        search.text = values.join(' ');
        break;
      case 'slug':
        search.slugs = values;
        break;
      case 'id':
        if (!values.every((value) => /^\d{1,18}$/.test(value))) throw detailError(400, 'Invalid id value', 'invalid_id');
        search.ids = values;
        break;
      case 'hasExternalTeams':
        if (values.includes('true')) search.nothing = true;
        break;
      default:
        search.nothing = true;
    }
  }
  return search;
}
