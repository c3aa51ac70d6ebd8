// The staff console's own dictionary: German has every English key with the same placeholders, and the
// moderator, admin and staff views hold no user-visible English outside `ts()` (text between tags, and the
// aria-label / placeholder / title / alt attributes a screen reader or a hover shows).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholders } from '../../client/src/lib/i18n/format.ts';
import { staffDe } from '../../client/src/lib/i18n/staff/de.ts';
import { staffEn } from '../../client/src/lib/i18n/staff/en.ts';

const keys = (dictionary: object) => Object.keys(dictionary).sort();
type Key = keyof typeof staffEn;

// Words that are the same in both languages; anything else identical to the English is an untranslated copy.
const SAME_IN_BOTH = new Set<string>([
  'common.name',
  'common.status',
  'login.username',
  'departments.backstage',
  'codes.codes',
  'journeys.version',
  'types.team',
  'settings.mode',
  'kudosq.title',
  'pulses.scale.0-10',
  'pulses.scale.1-5',
  'rooms.status.live',
  'cv.tab.import',
  'cv.tab.feedback',
  'import.scale.nps',
  'import.scale.csat',
  'import.scale.ces',
  'teams.quarter',
  'schedule.optional',
  'schedule.scaleEnps',
  'themes.source.kudos',
]);

/** The views this dictionary serves (the staff-accounts and notifications views have their own). */
export const STAFF_VIEWS = [
  'routes/moderator/Console.svelte',
  'routes/moderator/CustomerVoice.svelte',
  'routes/moderator/FocusGroups.svelte',
  'routes/moderator/Handoffs.svelte',
  'routes/moderator/KudosQueue.svelte',
  'routes/moderator/Pulses.svelte',
  'routes/moderator/Queue.svelte',
  'routes/moderator/RoomConsole.svelte',
  'routes/admin/Admin.svelte',
  'routes/admin/AuditLog.svelte',
  'routes/admin/CustomerVoiceAdmin.svelte',
  'routes/admin/Departments.svelte',
  'routes/admin/EnrolmentCodes.svelte',
  'routes/admin/JourneyEditor.svelte',
  'routes/admin/Journeys.svelte',
  'routes/admin/Notifications.svelte',
  'routes/admin/RequestTypes.svelte',
  'routes/admin/SettingsForm.svelte',
  'routes/admin/StaffAccounts.svelte',
  'routes/staff/Account.svelte',
  'routes/staff/StaffLogin.svelte',
  'lib/components/RequireStaff.svelte',
  'lib/components/staff/ChangePassword.svelte',
  'lib/components/customer-voice/Drivers.svelte',
  'lib/components/customer-voice/FeedbackBrowser.svelte',
  'lib/components/customer-voice/FeedbackCard.svelte',
  'lib/components/customer-voice/ImportReport.svelte',
  'lib/components/customer-voice/ImportWizard.svelte',
  'lib/components/customer-voice/RulesPanel.svelte',
  'lib/components/customer-voice/StoryForm.svelte',
  'lib/components/customer-voice/StoryQueue.svelte',
  'lib/components/handoffs/TeamsTable.svelte',
  'lib/components/kudos/ModKudosCard.svelte',
  'lib/components/suggestions/DecisionForm.svelte',
  'lib/components/suggestions/ModConversation.svelte',
  'lib/components/suggestions/ModItemCard.svelte',
  'lib/components/suggestions/StatusControls.svelte',
  'lib/components/focus-groups/HideControl.svelte',
  'lib/components/focus-groups/ParticipantList.svelte',
  'lib/components/focus-groups/PendingQueue.svelte',
  'lib/components/focus-groups/PromptScript.svelte',
  'lib/components/focus-groups/ScheduleForm.svelte',
  'lib/components/pulses/ScheduleForm.svelte',
  'routes/moderator/Themes.svelte',
  'routes/moderator/PulseResults.svelte',
  'lib/components/themes/ModThemeCard.svelte',
  'lib/components/themes/MoveComment.svelte',
  'lib/components/themes/QuestionLines.svelte',
  'lib/components/themes/ThemeItems.svelte',
  'lib/components/themes/ThemeFilters.svelte',
  'lib/components/themes/DepartmentBreakdown.svelte',
];

/** Removes `{…}` expressions (nested braces and quoted strings included), leaving the markup around them. */
function withoutExpressions(markup: string): string {
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < markup.length; i++) {
    const char = markup[i]!;
    if (depth === 0) {
      if (char === '{') depth = 1;
      else out += char;
      continue;
    }
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
  }
  return out;
}

const WORDY = /[A-Za-zÄÖÜäöüß]{2,}/;
const ATTRIBUTES = /\s(aria-label|placeholder|title|alt)\s*=\s*"([^"]*)"/g;

/** The user-visible literal text in a Svelte file's markup: text nodes and labelling attributes. */
export function literalText(source: string): string[] {
  const markup = withoutExpressions(
    source
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      // Code (an endpoint, a header) is the same in every language.
      .replace(/<code\b[^>]*>[\s\S]*?<\/code>/g, '<code></code>'),
  );
  const found: string[] = [];
  for (const tag of markup.match(/<[^<>]*>/g) ?? [])
    for (const [, name, value] of tag.matchAll(ATTRIBUTES))
      if (WORDY.test(value!)) found.push(`${name}="${value!.trim()}"`);
  for (const text of markup.replace(/<[^<>]*>/g, '\n').split('\n'))
    if (WORDY.test(text)) found.push(text.trim());
  return found;
}

describe('the staff dictionary', () => {
  it('German has exactly the English keys', () => {
    expect(keys(staffDe)).toEqual(keys(staffEn));
  });

  it('German uses the same placeholders and plural forms as English, message by message', () => {
    for (const key of keys(staffEn) as Key[]) {
      expect(typeof staffDe[key], key).toBe(typeof staffEn[key]);
      expect(placeholders(staffDe[key]), key).toEqual(placeholders(staffEn[key]));
    }
  });

  it('no message is empty, and German is translated rather than copied', () => {
    for (const [key, message] of Object.entries(staffDe)) {
      const texts = typeof message === 'string' ? [message] : [message.one, message.other];
      for (const text of texts) expect(text.trim(), key).not.toBe('');
    }
    const copied = (keys(staffEn) as Key[]).filter(
      (key) => !SAME_IN_BOTH.has(key) && JSON.stringify(staffDe[key]) === JSON.stringify(staffEn[key]),
    );
    expect(copied).toEqual([]);
  });
});

describe('the staff views', () => {
  it('the scanner finds text nodes and labelling attributes, and ignores expressions, scripts and styles', () => {
    const sample = `<script>const a = 'Hidden';</script>
<p>Plain words</p><button aria-label="Close it" title={ts('x')}>{ts('common.close')}</button>
{#if x}<input placeholder="Type here" />{:else}<span>{count} — {'quoted {brace}'}</span>{/if}
<style>p { color: red; }</style>`;
    expect(literalText(sample)).toEqual(['aria-label="Close it"', 'placeholder="Type here"', 'Plain words']);
  });

  for (const file of STAFF_VIEWS)
    it(`${file} shows no English outside ts()`, () => {
      const source = readFileSync(join(import.meta.dirname, '../../client/src', file), 'utf8');
      expect(literalText(source)).toEqual([]);
    });
});
