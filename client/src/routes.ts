import type { Component } from 'svelte';
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
import StaffLogin from './routes/staff/StaffLogin.svelte';
import StaffAccount from './routes/staff/Account.svelte';
import Console from './routes/moderator/Console.svelte';
import Queue from './routes/moderator/Queue.svelte';
import KudosQueue from './routes/moderator/KudosQueue.svelte';
import Pulses from './routes/moderator/Pulses.svelte';
import PulseResults from './routes/moderator/PulseResults.svelte';
import ModFocusGroups from './routes/moderator/FocusGroups.svelte';
import RoomConsole from './routes/moderator/RoomConsole.svelte';
import ModThemes from './routes/moderator/Themes.svelte';
import ModHandoffs from './routes/moderator/Handoffs.svelte';
import CustomerVoice from './routes/moderator/CustomerVoice.svelte';
import Admin from './routes/admin/Admin.svelte';
import NotFound from './routes/NotFound.svelte';

// Order matters: the first match wins; the catch-all stays last.
export const routes: Record<string, Component<any>> = {
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
  '/staff/login': StaffLogin,
  '/staff/account': StaffAccount,
  '/mod': Console,
  '/mod/queue': Queue,
  '/mod/kudos': KudosQueue,
  '/mod/pulses': Pulses,
  '/mod/pulses/:id': PulseResults,
  '/mod/focus-groups': ModFocusGroups,
  '/mod/focus-groups/:id': RoomConsole,
  '/mod/themes': ModThemes,
  '/mod/handoffs': ModHandoffs,
  '/mod/customer-voice': CustomerVoice,
  '/admin/:tab?': Admin,
  '*': NotFound,
};
