// Which pulses this browser answered, kept only in this browser (the server cannot know, by design).
const key = (pulseId: string) => `greenroom.pulse-answered.${pulseId}`;

export function hasAnswered(pulseId: string): boolean {
  try {
    return localStorage.getItem(key(pulseId)) === '1';
  } catch {
    return false;
  }
}

export function rememberAnswered(pulseId: string): void {
  try {
    localStorage.setItem(key(pulseId), '1');
  } catch {
    // Private mode: the thank-you simply does not survive a reload.
  }
}
