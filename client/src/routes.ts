import type { Component } from 'svelte';
import Home from './routes/employee/Home.svelte';
import StaffLogin from './routes/staff/StaffLogin.svelte';
import Console from './routes/moderator/Console.svelte';
import Admin from './routes/admin/Admin.svelte';
import NotFound from './routes/NotFound.svelte';

// Order matters: the first match wins; the catch-all stays last.
export const routes: Record<string, Component<any>> = {
  '/': Home,
  '/staff/login': StaffLogin,
  '/mod': Console,
  '/admin/:tab?': Admin,
  '*': NotFound,
};
