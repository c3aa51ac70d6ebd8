import type { Static } from 'typebox';
import { ApiError, get, post, put, send } from '../api.ts';
import type {
  ApiKeyCreated,
  ApiKeys,
  DepartmentVoice,
  Digest,
  Drivers,
  FeedbackList,
  HandMapped,
  ImportReport,
  Imports,
  Mapping,
  Preview,
  Retention,
  RuleCreated,
  Rules,
  Stories,
  StoryCreated,
  StoryQueue,
} from '../../../../common/api/customer-voice.ts';

// Shapes come straight from common/api/customer-voice.ts (type-only imports: no schema code is bundled).

export type MappingView = Static<typeof Mapping>;
export type PreviewView = Static<typeof Preview>;
export type ImportReportView = Static<typeof ImportReport>;
export type FeedbackListView = Static<typeof FeedbackList>;
export type FeedbackView = FeedbackListView['items'][number];
export type RulesView = Static<typeof Rules>;
export type StoryView = Static<typeof Stories>['stories'][number];
export type DepartmentVoiceView = Static<typeof DepartmentVoice>;
export type DriversView = Static<typeof Drivers>;
export type DigestView = Static<typeof Digest>;
export type ApiKeyView = Static<typeof ApiKeys>['keys'][number];
export type Format = 'csv' | 'jsonl';

const base = '/api/mod/customer-voice';
const contentType = (format: Format) => (format === 'csv' ? 'text/csv' : 'application/x-ndjson');
export const formatOf = (fileName: string): Format =>
  /\.(jsonl|ndjson|json)$/i.test(fileName) ? 'jsonl' : 'csv';

/**
 * Sends a whole file with upload progress (fetch cannot report it): the server reads the body as it
 * arrives, so bytes sent is how far the import has got.
 */
function uploadFile(
  path: string,
  file: Blob,
  format: Format,
  onprogress: (fraction: number) => void,
): Promise<ImportReportView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('content-type', contentType(format));
    request.upload.onprogress = (event) => event.lengthComputable && onprogress(event.loaded / event.total);
    request.onload = () => {
      const body = JSON.parse(request.responseText || '{}');
      if (request.status >= 200 && request.status < 300) resolve(body as ImportReportView);
      else
        reject(new ApiError(request.status, body.error ?? 'unknown', body.message ?? 'The import failed.'));
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'The upload was interrupted.'));
    request.send(file);
  });
}

export const customerVoiceApi = {
  preview: (file: File, format: Format) => previewOf(file, format),
  import: (
    file: File,
    format: Format,
    mapping: MappingView,
    options: { accept: 'all' | 'valid'; dryRun: boolean },
    onprogress: (fraction: number) => void,
  ) => {
    const query = new URLSearchParams({ format, label: file.name.slice(0, 200), accept: options.accept });
    if (options.dryRun) query.set('dryRun', 'true');
    for (const [key, value] of Object.entries(mapping)) if (value) query.set(key, String(value));
    return uploadFile(`${base}/imports?${query}`, file, format, onprogress);
  },
  imports: () => get<Static<typeof Imports>>(`${base}/imports`),
  feedback: (filter: { department?: string; unmapped?: boolean; search?: string } = {}) => {
    const query = new URLSearchParams();
    if (filter.department) query.set('department', filter.department);
    if (filter.unmapped) query.set('unmapped', 'true');
    if (filter.search) query.set('search', filter.search);
    return get<FeedbackListView>(`${base}/feedback?${query}`);
  },
  mapByHand: (id: string, departmentIds: string[]) =>
    put<Static<typeof HandMapped>>(`${base}/feedback/${id}/departments`, { departmentIds }),
  rules: () => get<RulesView>(`${base}/rules`),
  addRule: (rule: { departmentId: string; stage?: string; channel?: string; keyword?: string }) =>
    post<Static<typeof RuleCreated>>(`${base}/rules`, rule),
  deleteRule: (id: string) => send<unknown>('DELETE', `${base}/rules/${id}`),
  queue: (filter: { status?: 'candidate' | 'dismissed'; q?: string; sort?: 'newest' | 'oldest' } = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
    return get<Static<typeof StoryQueue>>(`${base}/stories/queue?${query}`);
  },
  /** The curation queue's base path for tab counts and bulk decisions (dismiss, restore). */
  queueBase: `${base}/stories/queue`,
  share: (story: { feedbackId: string; departmentId: string; title: string; text: string }) =>
    post<Static<typeof StoryCreated>>(`${base}/stories`, story),
  dismiss: (id: string) => post<unknown>(`${base}/feedback/${id}/dismiss`),
  stories: () => get<Static<typeof Stories>>(`${base}/stories`),
  withdraw: (id: string) => send<unknown>('DELETE', `${base}/stories/${id}`),
  drivers: () => get<DriversView>(`${base}/drivers`),
  department: (id: string) => get<DepartmentVoiceView>(`/api/departments/${id}/customer-voice`),
  digest: (id: string, week?: string) =>
    get<DigestView>(
      `/api/departments/${id}/customer-voice/digest${week ? `?week=${encodeURIComponent(week)}` : ''}`,
    ),
  apiKeys: () => get<Static<typeof ApiKeys>>('/api/admin/customer-voice/api-keys'),
  createKey: (label: string, scopes: Array<'feedback:write' | 'feedback:validate'>) =>
    post<Static<typeof ApiKeyCreated>>('/api/admin/customer-voice/api-keys', { label, scopes }),
  revokeKey: (id: string) => send<unknown>('DELETE', `/api/admin/customer-voice/api-keys/${id}`),
  retention: () => get<Static<typeof Retention>>('/api/admin/customer-voice/settings'),
  setRetention: (retentionMonths: number) =>
    put<Static<typeof Retention>>('/api/admin/customer-voice/settings', { retentionMonths }),
};

/** The first 64 KB of the file is enough for the columns and ten rows. */
async function previewOf(file: File, format: Format): Promise<PreviewView> {
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  return send<PreviewView>('POST', `${base}/preview?format=${format}`, {
    raw: { contentType: contentType(format), bytes: head },
  });
}
