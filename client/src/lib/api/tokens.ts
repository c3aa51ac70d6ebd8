import type { Static } from 'typebox';
import { get, post, send } from '../api.ts';
import type {
  Budget,
  CodeBatch,
  EnrolmentTransparency as EnrolmentTransparencySchema,
  TokenKeyInfo,
} from '../../../../common/api/tokens.ts';

// Shapes come from common/api/tokens.ts (type-only imports: nothing of the server is bundled).
export type PublishedKey = Static<typeof TokenKeyInfo>;
export type KeyBudget = Static<typeof Budget>['keys'][number];
export type CodeBatchInfo = Static<typeof CodeBatch>;

export const MEDIA = {
  request: 'application/private-token-request',
  batchRequest: 'application/private-token-generic-batch-request',
} as const;

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

export const tokensApi = {
  keys: (scope?: string) =>
    get<{ keys: PublishedKey[] }>(`/api/tokens/keys${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`),
  enrol: (code: string) =>
    post<{ credential: string; departmentId: string | null; departmentName: string | null }>('/api/enrol', {
      code,
    }),
  companySignIn: () => get<{ enabled: boolean; providerName: string | null }>('/api/enrol/oidc'),
  claimCompanyEnrolment: () =>
    post<{ credential: string; departmentId: string | null; departmentName: string | null }>(
      '/api/enrol/oidc/claim',
    ),
  budget: (credential: string) =>
    send<{ keys: KeyBudget[] }>('GET', '/api/tokens/budget', { headers: bearer(credential) }),
  /** One TokenRequest, or a GenericBatchTokenRequest when `batched`; answers the raw response bytes. */
  issue: (credential: string, bytes: Uint8Array, batched: boolean) =>
    send<Uint8Array>('POST', '/api/tokens/issue', {
      headers: bearer(credential),
      raw: { contentType: batched ? MEDIA.batchRequest : MEDIA.request, bytes },
    }),
};

export type EnrolmentTransparency = Static<typeof EnrolmentTransparencySchema>;

export const transparencyApi = {
  enrolment: () => get<EnrolmentTransparency>('/api/transparency/enrolment'),
};

export const enrolmentCodesApi = {
  create: (count: number, departmentId: string) =>
    post<{ batchId: string; codes: string[] }>('/api/admin/enrolment-codes', { count, departmentId }),
  batches: () => get<{ batches: CodeBatchInfo[] }>('/api/admin/enrolment-codes'),
  revoke: (batchId: string) =>
    post<{ revoked: number }>(`/api/admin/enrolment-codes/batches/${batchId}/revoke`),
};
