import { ApiError } from '../platform/http/errors.js';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** RFC 7644 §3.12's `scimType` values for 400, 409 and 412 answers. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** The body every SCIM route answers an error with (spec scim.md, Roster's choice 2). */
export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail?: string;
}

export function scimErrorBody(status: number, detail: string | undefined, scimType?: ScimType): ScimErrorBody {
  return {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** An error in the SCIM envelope: `{"schemas": [Error URN], "status": "400", "scimType": …, "detail": …}`. */
export function scimError(status: number, detail: string | undefined, scimType?: ScimType): ApiError {
  return new ApiError(status, scimErrorBody(status, detail, scimType), scimType ?? 'scim');
}
