import type { Component } from 'svelte';
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap } from 'svelte-spa-router/wrap';
import Home from './routes/employee/Home.svelte';
import Enrol from './routes/employee/Enrol.svelte';
import Anonymity from './routes/employee/Anonymity.svelte';
import KeyTransparency from './routes/employee/KeyTransparency.svelte';
import Transparency from './routes/employee/Transparency.svelte';
import Wallet from './routes/employee/Wallet.svelte';
import Suggest from './routes/employee/Suggest.svelte';
import Board from './routes/employee/Board.svelte';
import MySuggestions from './routes/employee/MySuggestions.svelte';
import Kudos from './routes/employee/Kudos.svelte';
import Department from './routes/employee/Department.svelte';
import CustomerDigest from './routes/employee/CustomerDigest.svelte';
import Pulse from './routes/employee/Pulse.svelte';
import Handoff from './routes/employee/Handoff.svelte';
import FocusGroups from './routes/employee/FocusGroups.svelte';
import Room from './routes/employee/Room.svelte';
import Themes from './routes/employee/Themes.svelte';
import Journeys from './routes/employee/Journeys.svelte';
import Blueprint from './routes/employee/Blueprint.svelte';
import NotFound from './routes/NotFound.svelte';

/**
 * The staff console, its sign-in page and its dictionary (lib/i18n/staff) load only when a staff page is
 * opened: employees, nearly everyone, never download the moderator and admin views (a third of the code).
 */
const staff = (load: () => Promise<{ default: Component<any> }>) => wrap({ asyncComponent: load });

// Order matters: the first match wins; the catch-all stays last.
export const routes: RouteDefinition = {
  '/': Home,
  '/enrol': Enrol,
  '/anonymity': Anonymity,
  '/keys': KeyTransparency,
  '/transparency': Transparency,
  '/wallet': Wallet,
  '/suggest': Suggest,
  '/board': Board,
  '/mine': MySuggestions,
  '/kudos': Kudos,
  '/departments/:id': Department,
  '/departments/:id/digest': CustomerDigest,
  '/pulse': Pulse,
  '/handoff': Handoff,
  '/focus-groups': FocusGroups,
  '/focus-groups/:id': Room,
  '/themes': Themes,
  '/journeys': Journeys,
  '/journeys/:id': Blueprint,
  '/staff/login': staff(() => import('./routes/staff/StaffLogin.svelte')),
  '/staff/account': staff(() => import('./routes/staff/Account.svelte')),
  '/mod': staff(() => import('./routes/moderator/Console.svelte')),
  '/mod/queue': staff(() => import('./routes/moderator/Queue.svelte')),
  '/mod/kudos': staff(() => import('./routes/moderator/KudosQueue.svelte')),
  '/mod/pulses': staff(() => import('./routes/moderator/Pulses.svelte')),
  '/mod/pulses/:id': staff(() => import('./routes/moderator/PulseResults.svelte')),
  '/mod/focus-groups': staff(() => import('./routes/moderator/FocusGroups.svelte')),
  '/mod/focus-groups/:id': staff(() => import('./routes/moderator/RoomConsole.svelte')),
  '/mod/themes': staff(() => import('./routes/moderator/Themes.svelte')),
  '/mod/handoffs': staff(() => import('./routes/moderator/Handoffs.svelte')),
  '/mod/customer-voice': staff(() => import('./routes/moderator/CustomerVoice.svelte')),
  '/admin/:tab?': staff(() => import('./routes/admin/Admin.svelte')),
  '*': NotFound,
};
