// Enrolment through the company's OpenID Connect provider (issue 21), with openid-client (panva).
// Authorization code flow with PKCE, state and nonce; the ID token's issuer, audience, expiry and nonce
// are checked by openid-client. What is kept of the person: one keyed hash of issuer + subject.
import { randomBytes } from 'node:crypto';
import type { OidcConfig } from '../config.ts';
import { asList, OidcClient } from '../shared/oidc-client.ts';

export { hashState, OidcClient, OidcError, type OidcFailure } from '../shared/oidc-client.ts';

export const SUBJECT_PURPOSE = 'oidc-subject';
export const CALLBACK_PATH = '/api/enrol/oidc/callback';
/** Holds the sign-in's state between the redirect out and the return (HttpOnly, Lax: it survives the IdP's redirect). */
export const STATE_COOKIE = 'greenroom_oidc_state';
/** Holds the sealed credential from the return until the enrol page claims it. */
export const HANDOFF_COOKIE = 'greenroom_oidc_handoff';
export const COOKIE_PATH = '/api/enrol/oidc';

/** The enrolment client: it fetches the groups and department claims from userinfo if the ID token lacks them. */
export const enrolmentClient = (settings: OidcConfig) =>
  new OidcClient(
    settings,
    [settings.departmentClaim, settings.allowedGroups.length ? settings.groupsClaim : null].filter(
      (name): name is string => Boolean(name),
    ),
  );

/** The person may enrol when no group is required, or they are in one of the allowed groups. */
export function isAllowed(settings: OidcConfig, claims: Record<string, unknown>): boolean {
  if (settings.allowedGroups.length === 0) return true;
  const groups = asList(claims[settings.groupsClaim]);
  return settings.allowedGroups.some((group) => groups.includes(group));
}

/** The department name the claims map to (the first mapped value), or null when none is configured or found. */
export function departmentNameFrom(settings: OidcConfig, claims: Record<string, unknown>): string | null {
  if (!settings.departmentClaim) return null;
  const values = asList(claims[settings.departmentClaim]);
  const mapped = Object.keys(settings.departmentMap).length > 0;
  for (const value of values) {
    if (!mapped) return value;
    const name = settings.departmentMap[value];
    if (name) return name;
  }
  return null;
}

export const newState = () => randomBytes(16).toString('base64url');
