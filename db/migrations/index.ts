import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_tokens.ts';
import * as m0003 from './0003_suggestions.ts';
import * as m0004 from './0004_kudos.ts';
import * as m0005 from './0005_pulses.ts';
import * as m0006 from './0006_focus_groups.ts';
import * as m0007 from './0007_themes.ts';
import * as m0008 from './0008_moderator_message_dedup.ts';
import * as m0009 from './0009_enrolment_unlinked.ts';
import * as m0013 from './0013_key_log.ts';
import * as m0010 from './0010_people_groups.ts';
import * as m0011 from './0011_shared_state.ts';
import * as m0015 from './0015_handoffs.ts';
import * as m0018 from './0018_journeys.ts';
import * as m0019 from './0019_journey_stage_themes.ts';
import * as m0016 from './0016_customer_voice.ts';
import * as m0020 from './0020_theme_corrections.ts';
import * as m0026 from './0026_staff_tools.ts';
import * as m0023 from './0023_oidc_enrolment.ts';
import * as m0024 from './0024_webhooks.ts';
import * as m0027 from './0027_staff_sso.ts';
import * as m0028 from './0028_theme_diff_and_split.ts';
import * as m0029 from './0029_request_type_order.ts';
import * as m0030 from './0030_theme_item_prompt.ts';
import * as m0031 from './0031_moderation_queue_indexes.ts';
import * as m0033 from './0033_theme_tone.ts';
import * as m0034 from './0034_theme_actions.ts';
import * as m0035 from './0035_theme_pinned.ts';
import * as m0036 from './0036_theme_hidden_items.ts';

// Listed explicitly (not read from disk) so bundlers and tsx resolve the same set.
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_tokens': m0002,
  '0003_suggestions': m0003,
  '0004_kudos': m0004,
  '0005_pulses': m0005,
  '0006_focus_groups': m0006,
  '0007_themes': m0007,
  '0008_moderator_message_dedup': m0008,
  '0009_enrolment_unlinked': m0009,
  '0013_key_log': m0013,
  '0010_people_groups': m0010,
  '0011_shared_state': m0011,
  '0015_handoffs': m0015,
  '0018_journeys': m0018,
  '0019_journey_stage_themes': m0019,
  '0016_customer_voice': m0016,
  '0020_theme_corrections': m0020,
  '0026_staff_tools': m0026,
  '0023_oidc_enrolment': m0023,
  '0024_webhooks': m0024,
  '0027_staff_sso': m0027,
  '0028_theme_diff_and_split': m0028,
  '0029_request_type_order': m0029,
  '0030_theme_item_prompt': m0030,
  '0031_moderation_queue_indexes': m0031,
  '0033_theme_tone': m0033,
  '0034_theme_actions': m0034,
  '0035_theme_pinned': m0035,
  '0036_theme_hidden_items': m0036,
};
