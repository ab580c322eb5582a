import { ApiError } from '../platform/http/errors.js';
import { ORG_ROLE_IDS } from '../access/roles.js';
import { decodeAvatar, type DecodedAvatar } from './avatar.js';
import { ORG_OPTIONS } from '../access/org-options.js';
import { FLAG_SETTINGS } from './org-settings.js';
import { UpdateOrganizationBody } from './org-settings.schemas.js';
import { orgSlugProblem } from '../platform/lib/slug.js';

/** The roles a setting may name (Sentry's choices: every org role but billing). */
const SETTABLE_ROLES: readonly string[] = ORG_ROLE_IDS.filter((role) => role !== 'billing');

/** decisions.md, Clarifications: `sensitiveFields` and `safeFields` hold at most 4,000 characters together. */
export const FIELD_NAMES_MAX_CHARACTERS = 4000;

export const SETTINGS_MESSAGES = {
  no2fa: 'Cannot require two-factor authentication without personal two-factor enabled.',
  sso: 'Cannot require two-factor authentication with SSO enabled',
  unverified: 'Cannot require email verification before verifying your email address.',
  emptyValue: 'Empty values are not allowed.',
  sensitiveTooLong: 'List of sensitive fields is too long.',
  safeTooLong: 'List of safe fields is too long.',
  invalidRole: 'Invalid role',
  imageFormat: 'Invalid image format.',
  imageDimensions: 'Invalid image dimensions.',
  uploadWithoutAvatar: 'Cannot set avatarType to upload without avatar',
} as const;

/** What validation needs to know beyond the body; each is asked only when the body makes it matter. */
export interface SettingsFacts {
  isAdmin: boolean;
  hasAuthProvider: boolean;
  /** Raw organization_options rows by option key. */
  storedOptions: Readonly<Record<string, unknown>>;
  slugTakenByAnother(slug: string): Promise<boolean>;
  requesterHasTwoFactor(): Promise<boolean>;
  requesterEmailVerified(): Promise<boolean>;
  hasStoredAvatar(): Promise<boolean>;
}

export interface ValidatedSettings {
  /** For `writeSettings` and `settingsChangedData`: API key → value. */
  settings: Record<string, unknown>;
  /** A new avatar type, with the new image when one was sent. */
  avatar: { type: 'letter_avatar' | 'upload'; image: DecodedAvatar | null } | null;
  cancelDeletion: boolean;
  enforceTwoFactor: boolean;
  enforceEmailVerification: boolean;
}

/**
 * Checks a settings body with Sentry's messages (sentry-behavior.md §9.3–9.5). Every field error is
 * collected into one 400 `{"field": ["message"]}`; an image over 5,000,000 bytes is a 413 first, as
 * Sentry's avatar field raises it outside the serializer's error map. Nothing is written here.
 */
export async function validateSettings(body: UpdateOrganizationBody, facts: SettingsFacts): Promise<ValidatedSettings> {
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  const settings: Record<string, unknown> = {};
  const input = body as Record<string, unknown>;

  for (const key of [...FLAG_SETTINGS.map((flag) => flag.apiKey), ...ORG_OPTIONS.map((option) => option.apiKey)]) {
    // Flags and options outside the body schema (superuser access, project creation) are not settable here.
    if (key in UpdateOrganizationBody.properties && input[key] !== undefined) settings[key] = input[key];
  }

  const avatar = await checkAvatar(body, facts, fail);

  if (body.name !== undefined) {
    const name = body.name.trim();
    if (!name) fail('name', 'This field may not be blank.');
    settings.name = name;
  }

  if (body.slug !== undefined) {
    const problem = orgSlugProblem(body.slug);
    // Sentry checks uniqueness after the reserved list and before whitespace, which it reads on the raw input.
    const whitespaceOnly = problem !== null && problem === `The slug "${body.slug}" should not contain any whitespace.`;
    if (problem && !whitespaceOnly) fail('slug', problem);
    else if (await facts.slugTakenByAnother(body.slug.trim())) fail('slug', `The slug "${body.slug.trim()}" is already in use.`);
    else if (problem) fail('slug', problem);
    settings.slug = body.slug;
  }

  if (facts.isAdmin && body.defaultRole !== undefined) {
    if (!SETTABLE_ROLES.includes(body.defaultRole)) fail('defaultRole', `"${body.defaultRole}" is not a valid choice.`);
    settings.defaultRole = body.defaultRole;
  }

  for (const field of ['attachmentsRole', 'debugFilesRole'] as const) {
    const role = body[field];
    if (role !== undefined && !SETTABLE_ROLES.includes(role)) fail(field, SETTINGS_MESSAGES.invalidRole);
  }

  checkFieldNames(body, facts.storedOptions, settings, fail);

  if (body.require2FA === true) {
    if (!(await facts.requesterHasTwoFactor())) fail('require2FA', SETTINGS_MESSAGES.no2fa);
    else if (facts.hasAuthProvider) fail('require2FA', SETTINGS_MESSAGES.sso);
  }
  if (body.requireEmailVerification === true && !(await facts.requesterEmailVerified())) {
    fail('requireEmailVerification', SETTINGS_MESSAGES.unverified);
  }

  if (Object.keys(errors).length > 0) throw new ApiError(400, errors, 'invalid_field');
  return {
    settings,
    avatar,
    cancelDeletion: facts.isAdmin && body.cancelDeletion === true,
    enforceTwoFactor: body.require2FA === true,
    enforceEmailVerification: body.requireEmailVerification === true,
  };
}

async function checkAvatar(body: UpdateOrganizationBody, facts: SettingsFacts, fail: (field: string, message: string) => void) {
  if (body.avatar === undefined && body.avatarType === undefined) return null;
  // Sentry saves an avatar sent without a type as an upload.
  const type = body.avatarType ?? 'upload';
  let image: DecodedAvatar | null = null;
  if (body.avatar) {
    const decoded = await decodeAvatar(body.avatar);
    if (decoded === 'too_large') throw new ApiError(413, { detail: 'Image too large' }, 'too_large');
    if (decoded === 'invalid_format') fail('avatar', SETTINGS_MESSAGES.imageFormat);
    else if (decoded === 'invalid_dimensions') fail('avatar', SETTINGS_MESSAGES.imageDimensions);
    else image = decoded;
  }
  if (body.avatarType === 'upload' && !body.avatar && !(await facts.hasStoredAvatar())) {
    fail('avatarType', SETTINGS_MESSAGES.uploadWithoutAvatar);
  }
  return { type, image };
}

/** Blank names are refused; both lists together stay within 4,000 characters (the stored one counts when only the other is sent). */
function checkFieldNames(
  body: UpdateOrganizationBody,
  storedOptions: Readonly<Record<string, unknown>>,
  settings: Record<string, unknown>,
  fail: (field: string, message: string) => void,
) {
  const lists = { sensitiveFields: 'sentry:sensitive_fields', safeFields: 'sentry:safe_fields' } as const;
  let total = 0;
  for (const [field, optionKey] of Object.entries(lists) as Array<[keyof typeof lists, string]>) {
    const sent = body[field];
    if (sent !== undefined) {
      const names = sent.map((name) => name.trim());
      if (names.some((name) => name === '')) fail(field, SETTINGS_MESSAGES.emptyValue);
      settings[field] = names;
      total += names.reduce((sum, name) => sum + name.length, 0);
    } else {
      const stored = storedOptions[optionKey];
      if (Array.isArray(stored)) total += stored.reduce((sum: number, name) => sum + String(name).length, 0);
    }
  }
  if (total > FIELD_NAMES_MAX_CHARACTERS) {
    if (body.sensitiveFields !== undefined) fail('sensitiveFields', SETTINGS_MESSAGES.sensitiveTooLong);
    else if (body.safeFields !== undefined) fail('safeFields', SETTINGS_MESSAGES.safeTooLong);
  }
}
