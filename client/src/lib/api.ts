/** The one way the client talks to the server: every call goes through `send`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes (Privacy Pass wire format) instead of JSON. */
  raw?: { contentType: string; bytes: Uint8Array };
}

export async function send<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.bytes as BodyInit;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    referrerPolicy: 'no-referrer',
  });
  if (!response.ok) {
    const error = await response.json().catch(() => ({ error: 'network', message: response.statusText }));
    throw new ApiError(response.status, error.error ?? 'unknown', error.message ?? 'Something went wrong.');
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return (await response.json()) as T;
  return new Uint8Array(await response.arrayBuffer()) as T;
}

export const get = <T>(path: string) => send<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  send<T>('POST', path, { body: body ?? {}, headers });
export const put = <T>(path: string, body: unknown) => send<T>('PUT', path, { body });
export const patch = <T>(path: string, body: unknown) => send<T>('PATCH', path, { body });
export const del = <T>(path: string) => send<T>('DELETE', path);

// ---- typed endpoints (shapes mirror the server's TypeBox schemas) ----

export type Role = 'admin' | 'moderator';
export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Signed in with a temporary password: it must be replaced before anything else opens. */
  mustChangePassword?: boolean;
}
export interface Department {
  id: string;
  name: string;
  kind: 'frontstage' | 'backstage';
  description: string;
}
export interface AdminDepartment extends Department {
  archived: boolean;
}
export interface StaffListItem extends StaffMember {
  disabled: boolean;
  createdAt: string;
  /** Signed in by the company provider, which sets the role (no role change or password reset here). */
  managedByIdp: boolean;
}
export interface Settings {
  minimumGroupSize: number;
  generalBudget: number;
  epochDays: number;
  moderationMode: 'pre' | 'post';
}
export interface AuditEntry {
  at: string;
  staff: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
}

export const staffApi = {
  login: (username: string, password: string) =>
    post<{ staff: StaffMember }>('/api/staff/login', { username, password }),
  logout: () => post<void>('/api/staff/logout'),
  me: () => get<{ staff: StaffMember | null }>('/api/staff/me'),
  /** Whether staff may sign in through the company provider ("Sign in with <company>"). */
  companySignIn: () => get<{ enabled: boolean; providerName: string | null }>('/api/staff/oidc'),
  changePassword: (currentPassword: string, newPassword: string) =>
    post<void>('/api/staff/password', { currentPassword, newPassword }),
};

export const departmentsApi = {
  list: () => get<{ departments: Department[] }>('/api/departments'),
  create: (input: { name: string; kind: Department['kind']; description?: string }) =>
    post<{ id: string }>('/api/admin/departments', input),
  all: () => get<{ departments: AdminDepartment[] }>('/api/admin/departments'),
  update: (id: string, changes: Partial<Pick<Department, 'name' | 'kind' | 'description'>>) =>
    patch<{ id: string }>(`/api/admin/departments/${id}`, changes),
  setArchived: (id: string, archived: boolean) =>
    post<{ id: string; archived: boolean }>(`/api/admin/departments/${id}/archived`, { archived }),
};

export const adminApi = {
  staff: () => get<{ staff: StaffListItem[] }>('/api/admin/staff'),
  createStaff: (input: { username: string; displayName: string; role: Role; password: string }) =>
    post<{ id: string }>('/api/admin/staff', input),
  setDisabled: (id: string, disabled: boolean) =>
    post<{ disabled: boolean }>(`/api/admin/staff/${id}/disabled`, { disabled }),
  resetPassword: (id: string) => post<{ temporaryPassword: string }>(`/api/admin/staff/${id}/password-reset`),
  setRole: (id: string, role: Role) =>
    post<{ id: string; role: Role }>(`/api/admin/staff/${id}/role`, { role }),
  settings: () => get<Settings>('/api/admin/settings'),
  updateSettings: (changes: Partial<Settings>) => put<Settings>('/api/admin/settings', changes),
  audit: () => get<{ entries: AuditEntry[] }>('/api/admin/audit'),
};
