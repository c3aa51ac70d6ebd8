import { suppress } from '../shared/min-group.ts';
import type { OverlayCell } from '../shared/blueprint-overlays.ts';
import type { BlueprintT, JourneyDefinitionT, SignalT } from '../../common/api/journeys.ts';

// The blueprint, composed from a journey version and what each overlay returned. Pure (no I/O): the routes,
// the property tests and the bench call it the same way. This is the one place k is applied to overlays.

export interface OverlayResult {
  id: string;
  label: string;
  lane: string;
  scoreLabel: string | null;
  cells: OverlayCell[];
}

export interface TouchpointTheme {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  sentiment: number;
}

/** Themes whose sentiment is below this are customer pain when they map to a stage. */
export const PAIN_SENTIMENT = -0.1;

export interface BlueprintInput {
  journey: { id: string; version: number; definition: JourneyDefinitionT };
  departments: Array<{ id: string; name: string; kind: string }>;
  period: string;
  k: number;
  overlays: OverlayResult[];
  touchpointThemes: TouchpointTheme[];
  /** Themes a moderator mapped to a stage, by stage key. */
  stageThemes?: Map<string, Set<string>>;
}

/** The journey's departments in order of first appearance. */
export function journeyDepartmentIds(definition: JourneyDefinitionT): string[] {
  const ids: string[] = [];
  for (const stage of definition.stages)
    for (const entry of stage.backstage) if (!ids.includes(entry.departmentId)) ids.push(entry.departmentId);
  return ids;
}

/** Lower case, accents off, anything but letters and digits a single space, padded for whole-word tests. */
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** A theme maps to a stage when a declared touchpoint appears as whole words in its label or its keywords. */
export function themeMatches(theme: TouchpointTheme, touchpoints: string[]): boolean {
  const texts = [theme.label, ...theme.keywords].map(words);
  return touchpoints.some((touchpoint) => {
    const phrase = words(touchpoint);
    return phrase.trim().length > 0 && texts.some((text) => text.includes(phrase));
  });
}

const hiddenSignal = (overlay: OverlayResult): SignalT => ({
  overlay: overlay.id,
  label: overlay.label,
  hidden: true,
  count: null,
  score: null,
  scoreLabel: overlay.scoreLabel,
  detail: null,
  facts: [],
  friction: false,
  pain: false,
});

export function composeBlueprint(input: BlueprintInput): BlueprintT {
  const { definition } = input.journey;
  const ids = journeyDepartmentIds(definition);
  const known = new Map(input.departments.map((department) => [department.id, department]));
  const departments = ids.map((id) => known.get(id) ?? { id, name: 'Unknown department', kind: 'backstage' });

  // Per overlay: one cell per journey department (the same department on several stages shows the same
  // numbers), suppressed together with the journey total so total − shown never singles out a small group.
  const perOverlay = input.overlays.map((overlay) => {
    const byDepartment = new Map(overlay.cells.map((cell) => [cell.departmentId, cell]));
    const cells = ids.map((id) => byDepartment.get(id) ?? { departmentId: id, count: 0 });
    const total = cells.reduce((sum, cell) => sum + cell.count, 0);
    const shown = suppress(
      cells.map((cell) => ({ key: cell.departmentId, count: cell.count, people: cell.people })),
      input.k,
      total,
    );
    const signals = new Map<string, SignalT>();
    cells.forEach((cell, i) => {
      const view = shown.cells[i]!;
      signals.set(
        cell.departmentId,
        view.suppressed
          ? hiddenSignal(overlay)
          : {
              overlay: overlay.id,
              label: overlay.label,
              hidden: false,
              count: view.count,
              score: cell.count > 0 ? (cell.score ?? null) : null,
              scoreLabel: overlay.scoreLabel,
              detail: cell.count > 0 ? (cell.detail ?? null) : null,
              facts: cell.count > 0 ? (cell.facts ?? []) : [],
              friction: cell.count > 0 && cell.friction === true,
              pain: cell.count > 0 && cell.pain === true,
            },
      );
    });
    const totalSignal: SignalT =
      shown.total === null
        ? hiddenSignal(overlay)
        : { ...hiddenSignal(overlay), hidden: false, count: shown.total };
    return { overlay, signals, totalSignal };
  });

  let hotspots = 0;
  const stages = definition.stages.map((stage) => {
    const mapped = input.stageThemes?.get(stage.key);
    const matched = input.touchpointThemes.filter(
      (theme) => mapped?.has(theme.id) || themeMatches(theme, stage.touchpoints),
    );
    const customer: SignalT[] = [];
    if (stage.touchpoints.length > 0 || (mapped?.size ?? 0) > 0) {
      const size = matched.reduce((sum, theme) => sum + theme.size, 0);
      const painful = matched.filter((theme) => theme.sentiment < PAIN_SENTIMENT);
      customer.push({
        overlay: 'touchpoint-themes',
        label: 'Themes at this stage',
        // Each matched theme already holds at least k items; none matched is an honest zero.
        hidden: false,
        count: size,
        score: null,
        scoreLabel: null,
        detail: matched.length
          ? matched
              .map((theme) => theme.label)
              .slice(0, 3)
              .join(' · ')
          : null,
        facts: [],
        friction: false,
        pain: painful.length > 0,
      });
    }
    // Customer-lane overlays (customer feedback once it registers) put pain on the whole stage: the
    // customer feels the stage, not a team. Only shown cells count, so the flag reveals nothing hidden.
    const customerLane = perOverlay.filter(({ overlay }) => overlay.lane === 'customer');
    const stagePain =
      customer.some((signal) => signal.pain) ||
      stage.backstage.some((entry) =>
        customerLane.some(({ signals }) => signals.get(entry.departmentId)?.pain === true),
      );
    const cells = ids.map((id) => {
      const entry = stage.backstage.find((candidate) => candidate.departmentId === id);
      if (!entry)
        return {
          departmentId: id,
          involved: false,
          actions: [],
          signals: [],
          friction: false,
          pain: false,
          hotspot: false,
        };
      const signals = perOverlay.map(({ signals: byDepartment }) => byDepartment.get(id)!);
      const friction = signals.some((signal) => signal.friction);
      const pain = stagePain || signals.some((signal) => signal.pain);
      const hotspot = friction && pain;
      if (hotspot) hotspots++;
      return { departmentId: id, involved: true, actions: entry.actions, signals, friction, pain, hotspot };
    });
    return {
      key: stage.key,
      name: stage.name,
      customerActions: stage.customerActions,
      frontstage: stage.frontstage,
      lineOfVisibility: stage.lineOfVisibility,
      systems: stage.systems,
      policies: stage.policies,
      touchpoints: stage.touchpoints,
      customer,
      pain: stagePain,
      cells,
    };
  });

  return {
    journey: {
      id: input.journey.id,
      version: input.journey.version,
      name: definition.name,
      description: definition.description,
    },
    period: input.period,
    minimumGroupSize: input.k,
    overlays: input.overlays.map((overlay) => ({ id: overlay.id, label: overlay.label, lane: overlay.lane })),
    departments: departments.map((department) => ({
      id: department.id,
      name: department.name,
      kind: department.kind,
    })),
    stages,
    totals: perOverlay.map((entry) => entry.totalSignal),
    hotspots,
  };
}

/** 'YYYY-Qn' of a day. */
export const quarterOf = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** First and last day of a quarter. */
export function quarterDays(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const first = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return {
    from: `${year}-${String(first).padStart(2, '0')}-01`,
    to: `${year}-${String(first + 2).padStart(2, '0')}-${String(last).padStart(2, '0')}`,
  };
}
