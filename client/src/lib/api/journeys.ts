import type { Static } from 'typebox';
import { get, post, put, send } from '../api.ts';
import type {
  Blueprint,
  CellItems,
  Created,
  DepartmentJourneys,
  Journey,
  JourneyDefinition,
  JourneyExport,
  JourneyList,
  VersionList,
} from '../../../../common/api/journeys.ts';

// Shapes come straight from common/api/journeys.ts (type-only imports: no schema code is bundled).

export type JourneyDefinitionView = Static<typeof JourneyDefinition>;
export type StageView = JourneyDefinitionView['stages'][number];
export type JourneyView = Static<typeof Journey>;
export type JourneyListView = Static<typeof JourneyList>;
export type BlueprintView = Static<typeof Blueprint>;
export type BlueprintStage = BlueprintView['stages'][number];
export type BlueprintCellView = BlueprintStage['cells'][number];
export type SignalView = BlueprintCellView['signals'][number];
export type CellItemsView = Static<typeof CellItems>;
export type DepartmentJourneysView = Static<typeof DepartmentJourneys>;
export type JourneyExportView = Static<typeof JourneyExport>;
type CreatedView = Static<typeof Created>;

const versionQuery = (version?: number) => (version ? `?version=${version}` : '');

export const journeysApi = {
  list: () => get<JourneyListView>('/api/journeys'),
  get: (id: string, version?: number) => get<JourneyView>(`/api/journeys/${id}${versionQuery(version)}`),
  versions: (id: string) => get<Static<typeof VersionList>>(`/api/journeys/${id}/versions`),
  blueprint: (id: string, quarter?: string, version?: number) => {
    const query = new URLSearchParams();
    if (quarter) query.set('quarter', quarter);
    if (version) query.set('version', String(version));
    const search = query.toString();
    return get<BlueprintView>(`/api/journeys/${id}/blueprint${search ? `?${search}` : ''}`);
  },
  cell: (id: string, stage: string, department: string, quarter?: string) =>
    get<CellItemsView>(
      `/api/journeys/${id}/cell?stage=${encodeURIComponent(stage)}&department=${department}${quarter ? `&quarter=${quarter}` : ''}`,
    ),
  forDepartment: (departmentId: string) =>
    get<DepartmentJourneysView>(`/api/departments/${departmentId}/journeys`),
  create: (definition: JourneyDefinitionView) => post<CreatedView>('/api/admin/journeys', definition),
  save: (id: string, definition: JourneyDefinitionView) =>
    put<CreatedView>(`/api/admin/journeys/${id}`, definition),
  export: (id: string, version?: number) =>
    get<JourneyExportView>(`/api/admin/journeys/${id}/export${versionQuery(version)}`),
  mapTheme: (id: string, stage: string, themeId: string) =>
    post<{ mapped: boolean }>(`/api/mod/journeys/${id}/themes`, { stage, themeId }),
  unmapTheme: (id: string, stage: string, themeId: string) =>
    send<void>(
      'DELETE',
      `/api/mod/journeys/${id}/themes?stage=${encodeURIComponent(stage)}&themeId=${encodeURIComponent(themeId)}`,
    ),
  import: (body: unknown, into?: string) =>
    post<CreatedView>(`/api/admin/journeys/import${into ? `?into=${into}` : ''}`, body),
};

/** The last `count` calendar quarters, newest first ('2026-Q4', …). */
export function recentQuarters(count = 4, now = new Date()): string[] {
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < count; i++) {
    quarters.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return quarters;
}
