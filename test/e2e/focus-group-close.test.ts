// Closing a room with messages still waiting for the moderator: the confirm question says how many, and
// the transcript says, in a sentence that agrees with its number, that they were left out.
import { expect, test } from 'vitest';
import { Client, scheduleRoom, socketUrl, takeSeatIn } from '../focus-groups/helpers.ts';
import { portal } from './harness.ts';

const p = portal();

test('the close dialog counts the waiting messages, and the transcript says they were left out', async () => {
  const moderator = await p.staff('moderator');
  const title = 'Card disputes between Contact Centre and Operations';
  const { id } = await scheduleRoom(p.app, moderator, { title, moderation: 'pre' });
  const seat = await takeSeatIn(p.app, id);
  const [participant] = await Client.join(socketUrl(p.url.replace('http', 'ws'), id), { seat: seat.seat });
  for (const text of [
    'Disputes arrive without the transaction id.',
    'We call the customer back twice for the same form.',
    'Operations cannot see our notes.',
  ])
    participant.send({ type: 'say', text, clientId: crypto.randomUUID() });

  const console_ = await p.newPage();
  await p.signIn(console_, moderator);
  await console_.goto(`${p.url}/#/mod/focus-groups/${id}`);
  const waiting = console_.getByRole('region', { name: /Waiting for you/ });
  await waiting.getByText('Operations cannot see our notes.').waitFor();
  await p.screenshot(console_, 'room-console-pending');

  const asked = new Promise<string>((resolve) =>
    console_.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await console_.getByRole('button', { name: 'Close room' }).click();
  expect(await asked).toBe(
    'Close the room for everyone? Nobody can write in it afterwards. 3 messages are still waiting for you: they will not be published and the transcript leaves them out.',
  );
  await participant.next((frame) => frame.type === 'closed');
  participant.ws.close();

  const md = await p.app.inject({
    method: 'GET',
    url: `/api/mod/focus-groups/${id}/transcript.md`,
    headers: moderator.headers,
  });
  expect(md.statusCode).toBe(200);
  expect(md.body).toContain(
    '_3 messages were still waiting for the moderator when the room closed and are not included._',
  );
  expect(md.body).not.toContain('Operations cannot see our notes.');
});
