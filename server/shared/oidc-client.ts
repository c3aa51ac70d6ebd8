// A sign-in through the company's OpenID Connect provider, with openid-client (panva): authorization code
// flow with PKCE, state and nonce; the ID token's issuer, audience, expiry and nonce are checked by
// openid-client. Used by employee enrolment (tokens) and staff sign-in (staff); each keeps its own
// state table and decides what to do with the claims.
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';

/** Why a sign-in did not end in a membership; the enrol page says each one in words. */
export type OidcFailure =
  | 'idp_unavailable'
  | 'invalid_state'
  | 'sign_in_cancelled'
  | 'id_token_invalid'
  | 'not_allowed'
  | 'unknown_department';

export class OidcError extends Error {
  constructor(
    readonly code: OidcFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A claim as a list of strings (a groups claim may be one string or an array). */
export const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

export const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** One provider, discovered once per process (again after a failure). */
export class OidcClient {
  #configuration: Promise<client.Configuration> | null = null;

  /** `wantedClaims`: claims to fetch from userinfo when the ID token lacks them (groups, a department). */
  constructor(
    readonly settings: OidcConfig,
    readonly wantedClaims: string[] = [],
  ) {}

  #discover(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const { settings } = this;
      const options: client.DiscoveryRequestOptions = {
        timeout: Math.max(1, Math.ceil(settings.timeoutMs / 1000)),
        // The ID token's signature is checked against the provider's keys too, not only trusted because it
        // came over TLS from the token endpoint (which OIDC Core 3.1.3.7 allows): a token endpoint
        // answer altered on the way (a proxy, a DNS mistake) is refused.
        execute: [
          client.enableNonRepudiationChecks,
          ...(settings.allowHttp ? [client.allowInsecureRequests] : []),
        ],
      };
      this.#configuration = client
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          undefined,
          client.ClientSecretBasic(settings.clientSecret),
          options,
        )
        .then((configuration) => {
          configuration.timeout = options.timeout!;
          return configuration;
        });
      this.#configuration.catch(() => (this.#configuration = null));
    }
    return this.#configuration;
  }

  /** Where to send the browser, and what to keep until it comes back. */
  async begin(redirectUri: string) {
    const configuration = await this.#discover().catch((error: unknown) => {
      throw unavailable(error);
    });
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Trades the code for tokens and returns the person's claims (ID token, plus userinfo if a mapped claim is missing). */
  async finish(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<Record<string, unknown>> {
    const configuration = await this.#discover().catch((error: unknown) => {
      throw unavailable(error);
    });
    if (callbackUrl.searchParams.has('error')) {
      throw new OidcError('sign_in_cancelled', 'The sign-in was cancelled or refused at the provider.');
    }
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (isNetworkError(error)) throw unavailable(error);
      throw new OidcError(
        'id_token_invalid',
        `The provider's answer did not check out (${describe(error)}).`,
      );
    }
    const claims: Record<string, unknown> = { ...tokens.claims() };
    if (this.wantedClaims.some((name) => claims[name] === undefined) && tokens.access_token) {
      try {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
        for (const [name, value] of Object.entries(info))
          if (claims[name] === undefined) claims[name] = value;
      } catch (error) {
        if (isNetworkError(error)) throw unavailable(error);
        throw new OidcError(
          'id_token_invalid',
          `The provider's userinfo did not check out (${describe(error)}).`,
        );
      }
    }
    return claims;
  }
}

function unavailable(error: unknown): OidcError {
  return new OidcError('idp_unavailable', `The company sign-in does not answer (${describe(error)}).`);
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause !== error && isNetworkError(cause);
}

/** The error's class and code only: a provider's message may quote claims. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
