import { recall, remember } from '../../browser-traces.ts';

// Which pulses this browser answered, kept only in this browser (the server cannot know, by design).
const name = (pulseId: string) => `pulse-answered.${pulseId}`;

export const hasAnswered = (pulseId: string): boolean => Boolean(recall<unknown>(name(pulseId), false));

export const rememberAnswered = (pulseId: string): void => remember(name(pulseId), true);
