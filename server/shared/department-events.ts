import type { DepartmentKind } from '../../db/schema.ts';

// The department signal: the departments feature says when an admin created a department or changed its
// kind, and features that keep something per department (handoff ratings' token keys) act at once instead
// of at their next hourly run. Nobody imports the departments feature for this.

export interface DepartmentChange {
  departmentId: string;
  kind: DepartmentKind;
  change: 'created' | 'updated';
}

export type DepartmentListener = (change: DepartmentChange) => Promise<void>;

export class DepartmentEvents {
  readonly #listeners: DepartmentListener[] = [];

  on(listener: DepartmentListener): void {
    this.#listeners.push(listener);
  }

  /**
   * Runs every listener and waits for them, so what they make exists when the admin's request answers. A
   * listener that fails is reported to `onError` and does not fail the others (their hourly jobs catch up).
   */
  async changed(change: DepartmentChange, onError: (error: unknown) => void): Promise<void> {
    await Promise.all(this.#listeners.map((listener) => listener(change).catch(onError)));
  }
}
