import { Type } from '@sinclair/typebox';
import { SCIM_MAX_RESULTS } from './scim-discovery.js';

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** The query of a SCIM list (RFC 7644 §3.4.2): any integer for the window, which `listWindow` puts in range. */
export const ScimListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 4096 })),
  startIndex: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
  count: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
  attributes: Type.Optional(Type.String({ maxLength: 1024 })),
  excludedAttributes: Type.Optional(Type.String({ maxLength: 1024 })),
});

export interface ListWindow {
  /** 1-based, as echoed in the answer. */
  startIndex: number;
  /** How many resources the page holds at most. */
  count: number;
  offset: number;
}

/**
 * Roster's choice 4: `startIndex` below 1 is 1 and `count` below 0 is 0 (RFC 7644 §3.4.2.4, where
 * Sentry answers 400); `count` defaults to and is capped at SCIM_MAX_RESULTS, the advertised maximum.
 */
export function listWindow(query: { startIndex?: number; count?: number }): ListWindow {
  const startIndex = Math.max(1, query.startIndex ?? 1);
  const count = Math.min(SCIM_MAX_RESULTS, Math.max(0, query.count ?? SCIM_MAX_RESULTS));
  return { startIndex, count, offset: startIndex - 1 };
}

/** A ListResponse: `itemsPerPage` is the size of this page, `Resources` always present (empty when nothing matched). */
export function listResponse<T>(resources: T[], totalResults: number, window: ListWindow) {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex: window.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
