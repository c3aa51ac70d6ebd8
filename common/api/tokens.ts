import { Type, type Static } from 'typebox';

/** Most codes one request generates (each costs an argon2id hash). */
export const MAX_CODES_PER_BATCH = 500;
/** Most codes generated per node every 10 minutes. */
export const CODES_PER_WINDOW = 1000;
/** Most TokenRequests in one batched issuance request. */
export const MAX_BATCH = 128;

export const NewCodesBody = Type.Object(
  {
    count: Type.Integer({
      minimum: 1,
      maximum: MAX_CODES_PER_BATCH,
      description: 'How many single-use codes',
    }),
    departmentId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'The department these codes are for: members enrolled with them carry it (public per week)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NewCodes = Type.Object({
  batchId: Type.String(),
  codes: Type.Array(Type.String(), { description: 'Shown once: only argon2id hashes are kept.' }),
});

export const CodeBatch = Type.Object({
  id: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  used: Type.Integer(),
  unused: Type.Integer(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
});

export const CodeBatches = Type.Object({ batches: Type.Array(CodeBatch) });

export const BatchParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Revoked = Type.Object({ revoked: Type.Integer() });

export const EnrolBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'As printed, e.g. K7QM-4XRT-9HWP-2FNC; case, spaces and dashes are ignored',
    }),
  },
  { additionalProperties: false },
);
export type EnrolBody = Static<typeof EnrolBody>;

export const Enrolled = Type.Object({
  credential: Type.String({
    description: 'Membership credential (256 random bits). Only its keyed hash is stored.',
  }),
  departmentId: Type.Union([Type.String(), Type.Null()], {
    description:
      "The code's department: the wallet may prove it with `<scope>@<departmentId>` tokens (k counts people)",
  }),
  departmentName: Type.Union([Type.String(), Type.Null()]),
});

const DepartmentWeek = Type.Object({
  week: Type.String({ description: 'Monday of the ISO week (UTC), YYYY-MM-DD' }),
  minted: Type.Integer({ description: 'Enrolment codes generated for the department that week' }),
  enrolled: Type.Integer({ description: 'Codes of the department used that week' }),
});

export const EnrolmentTransparency = Type.Object({
  departments: Type.Array(
    Type.Object({
      department: Type.Union([
        Type.Object({ id: Type.String(), name: Type.String() }),
        Type.Null({ description: 'Codes minted without a department' }),
      ]),
      members: Type.Integer({ description: 'Members enrolled with this department, all time' }),
      minted: Type.Integer(),
      weeks: Type.Array(DepartmentWeek),
    }),
  ),
});

export const TokenKeyInfo = Type.Object({
  tokenKey: Type.String({ description: 'base64url SPKI (RSASSA-PSS), exactly as in the issuer directory' }),
  tokenKeyId: Type.String({ description: 'SHA-256 of the token key, hex' }),
  scope: Type.String(),
  budget: Type.Integer({ description: 'Tokens each member may obtain for this key' }),
  notBefore: Type.String({ format: 'date-time', description: 'Tokens are redeemable from here' }),
  notAfter: Type.String({ format: 'date-time', description: 'Issuance and redemption end here' }),
  issuerName: Type.String(),
  originInfo: Type.String(),
});

export const KeysQuery = Type.Object(
  { scope: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);

export const TokenKeys = Type.Object({ keys: Type.Array(TokenKeyInfo) });

export const Directory = Type.Object({
  'issuer-request-uri': Type.String(),
  'token-keys': Type.Array(
    Type.Object({
      'token-type': Type.Integer(),
      'token-key': Type.String(),
      'not-before': Type.Integer({ description: 'Seconds since the Unix epoch' }),
    }),
  ),
});

export const Budget = Type.Object({
  keys: Type.Array(
    Type.Object({
      tokenKeyId: Type.String(),
      scope: Type.String(),
      budget: Type.Integer(),
      issued: Type.Integer(),
      remaining: Type.Integer(),
    }),
  ),
});

const MsRange = Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })]);
export const WalletPolicy = Type.Object({
  holdAfterEnrolMs: MsRange,
  quietMs: MsRange,
  jitterMs: MsRange,
  refillMs: MsRange,
  newKeyMs: MsRange,
});

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const KeyLogEntry = Type.Object({
  seq: Type.Integer({ minimum: 1, description: '1..n without gaps' }),
  scope: Type.String(),
  tokenKeyId: Type.String({ description: 'SHA-256 of the token key (SPKI), hex, as in /api/tokens/keys' }),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  prevHash: { ...Hash, description: 'hash of the entry before; 64 zeros for entry 1' },
  hash: { ...Hash, description: 'see common/key-log.ts entryHash for the encoding' },
});

export const KeyLog = Type.Object({
  entries: Type.Array(KeyLogEntry),
  head: Type.Object({ seq: Type.Integer({ minimum: 0 }), hash: Hash }),
});

/** Whether "Enrol with <company>" is offered, and the name on the button. */
export const OidcStatus = Type.Object({
  enabled: Type.Boolean(),
  providerName: Type.Union([Type.String(), Type.Null()]),
});

/** What the company's provider sends back to the callback (providers add their own parameters). */
export const OidcCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
  },
  { additionalProperties: true },
);
