import { Type, type Static } from 'typebox';

export const StaffRole = Type.Union([Type.Literal('admin'), Type.Literal('moderator')]);

export const StaffMember = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  /** Signed in with a temporary password an admin set: nothing opens until it is changed. */
  mustChangePassword: Type.Boolean(),
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const NewStaffBody = Type.Object(
  {
    username: Type.String({
      pattern: '^[a-zA-Z0-9._-]{3,32}$',
      description: 'Letters, digits, dot, dash, underscore',
    }),
    displayName: Type.String({ minLength: 1, maxLength: 80 }),
    role: StaffRole,
    password: Type.String({ minLength: 12, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type NewStaffBody = Static<typeof NewStaffBody>;

export const StaffListItem = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRole,
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  /** Signed in by the company provider, which sets the role: no role change or password reset here. */
  managedByIdp: Type.Boolean(),
});

export const PASSWORD_MIN = 12;
const NewPassword = Type.String({ minLength: PASSWORD_MIN, maxLength: 256 });

export const PasswordChangeBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: NewPassword },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const PasswordReset = Type.Object({
  temporaryPassword: Type.String({
    description: 'Shown once; the account must replace it at its next sign-in',
  }),
});

export const RoleBody = Type.Object({ role: StaffRole }, { additionalProperties: false });

export const StaffIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
