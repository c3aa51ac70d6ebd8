import fp from 'fastify-plugin';
import { ThemeSources } from '../shared/theme-sources.ts';
import { ThreadItems } from '../shared/threads/items.ts';
import { ScopeKeys } from '../shared/scope-keys.ts';
import { BlueprintOverlays } from '../shared/blueprint-overlays.ts';
import { KudosStories } from '../shared/kudos-stories.ts';
import { DepartmentEvents } from '../shared/department-events.ts';
import { NotificationSources } from '../shared/notification-sources.ts';
import { ModeratorThemes } from '../shared/moderator-themes.ts';

// Ports: where features plug into shared machinery without importing each other. Features register at
// start (theme readers, thread item finders, scope-key and kudos-story providers); the themes job and the thread routes read what is there.

declare module 'fastify' {
  interface FastifyInstance {
    /** Readers the themes engine draws its texts from, one per feature. */
    themeSources: ThemeSources;
    /** How each kind of item behind a receipt is shown in its thread. */
    threadItems: ThreadItems;
    /** Issuer keys for scopes a feature defines (the tokens feature provides them). */
    scopeKeys: ScopeKeys;
    /** What each feature knows per department and period, for the service blueprint (k applied there). */
    blueprintOverlays: BlueprintOverlays;
    /** Kudos stories other features collect (the kudos feature writes them). */
    kudosStories: KudosStories;
    /** Departments created or changed by an admin (the departments feature says so; others listen). */
    departmentEvents: DepartmentEvents;
    /** What each feature tells outbound notifications (counts and published content; notifications owns no such table). */
    notificationSources: NotificationSources;
    /** Whether a theme is in the moderators' current snapshot (the themes feature answers). */
    moderatorThemes: ModeratorThemes;
  }
}

export default fp(
  async (app) => {
    app.decorate('themeSources', new ThemeSources());
    app.decorate('threadItems', new ThreadItems());
    app.decorate('scopeKeys', new ScopeKeys());
    app.decorate('blueprintOverlays', new BlueprintOverlays());
    app.decorate('kudosStories', new KudosStories());
    app.decorate('departmentEvents', new DepartmentEvents());
    app.decorate('notificationSources', new NotificationSources());
    app.decorate('moderatorThemes', new ModeratorThemes());
  },
  { name: 'ports' },
);
