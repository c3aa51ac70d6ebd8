import { ApiError, staffApi, type StaffMember } from './api.ts';

/** The signed-in staff member, if any. Employees never have one: they are known by tokens only. */
class StaffSession {
  staff = $state<StaffMember | null>(null);
  loaded = $state(false);

  async load() {
    try {
      this.staff = (await staffApi.me()).staff;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      this.staff = null;
    } finally {
      this.loaded = true;
    }
  }

  async login(username: string, password: string) {
    this.staff = (await staffApi.login(username, password)).staff;
  }

  async logout() {
    await staffApi.logout();
    this.staff = null;
  }

  get isAdmin() {
    return this.staff?.role === 'admin';
  }
}

export const session = new StaffSession();
