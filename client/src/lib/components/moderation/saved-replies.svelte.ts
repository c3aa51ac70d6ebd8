import { ApiError } from '../../api.ts';
import { t } from '../../i18n/index.ts';
import { savedRepliesApi, type SavedReply } from '../../api/moderation.ts';

/** The moderation team's saved replies, loaded once per page and shared by every card and the bulk bar. */
class SavedReplies {
  replies = $state.raw<SavedReply[]>([]);
  error = $state<string | null>(null);
  #loading: Promise<void> | null = null;

  load(force = false): Promise<void> {
    if (this.#loading && !force) return this.#loading;
    this.#loading = savedRepliesApi
      .list()
      .then((body) => {
        this.replies = body.replies;
        this.error = null;
      })
      .catch((caught) => {
        this.#loading = null;
        this.error = caught instanceof ApiError ? caught.message : t('moderation.repliesFailed');
      });
    return this.#loading;
  }

  async add(label: string, body: string) {
    await savedRepliesApi.create({ label, body });
    await this.load(true);
  }

  async remove(id: string) {
    await savedRepliesApi.remove(id);
    await this.load(true);
  }
}

export const savedReplies = new SavedReplies();
