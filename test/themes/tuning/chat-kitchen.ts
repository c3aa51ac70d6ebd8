// TUNING set (not frozen: the engine may be tuned on this one, never on test/themes/frozen/). Terse,
// chat-like lines typed into a live focus-group room by the staff of a restaurant chain (kitchen and
// front of house): lower case, abbreviations, typos, half-sentences, replies to each other. A different
// domain from the bank corpus and the frozen sets. Written on 6 December 2026 before any engine change it
// was used for; laid out steadily over 90 days (trends are not scored).

import type { FrozenItem, FrozenSet, FrozenTheme } from '../frozen/layout.ts';

export const CHAT_KITCHEN_THEMES: FrozenTheme[] = [
  {
    theme: 'tips',
    label: 'Tips and service charge',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'where do the card tips actually go??',
      'tips split is so unfair, kitchen gets nothing',
      'service charge on the bill but we never see it lol',
      'cash tips only, card tips vanish',
      'can we get a breakdown of the tronc each month',
      'tronc paid 2 months late again',
      'managers taking a cut of tips is not ok',
      'customers think the service charge goes to us. it doesnt',
      'kp should get tips too, they work hardest tbh',
      'tips used to be weekly now its whenever',
      'just be transparent about the tip money pls',
    ],
  },
  {
    theme: 'rota',
    label: 'Rota published late',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'rota comes out sunday night for monday. every week',
      'cant plan my life with the rota this late',
      'rota changed AGAIN after it was posted',
      'i got put on a close then open, 6 hrs between',
      'rota on the app would be nice instead of a photo in the group chat',
      'same, found out my shift from a screenshot',
      'two weeks notice on the rota is all we want',
      'asked for saturday off a month ago still on the rota',
      'clopens need to stop fr',
      'the rota favours the managers mates',
      'my hours got cut on the rota with no warning',
    ],
  },
  {
    theme: 'heat',
    label: 'Kitchen heat and extraction',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'kitchen was 38 degrees on friday',
      'extraction fan broken since march',
      'someone nearly fainted on the grill section',
      'it is SO hot on the line in summer',
      'can we get a fan at the pass at least',
      'the extractor makes a noise like a plane and does nothing',
      'no air in the kitchen, smoke everywhere when the fan is off',
      'water bottles on the line should be allowed when its that hot',
      'heat in there is actually dangerous',
      'fix the extraction pls before august',
      'grill side is a sauna',
    ],
  },
  {
    theme: 'staff-food',
    label: 'Staff meals',
    trend: 'steady',
    tone: 'mixed',
    texts: [
      'staff meal is just chips most days',
      'love the staff curry on thursdays tho',
      'we used to get a proper staff meal before service',
      'can staff food be something other than leftover pasta',
      'staff discount on the menu would be nice',
      'no time to eat the staff meal anyway',
      'thursday staff curry is elite ngl',
      'vegan staff get nothing for staff meal',
      '50% off food on days off would be a good perk',
      'staff meal at 4 when you started at 8am is too late',
      'chef does a great staff lunch when hes in',
    ],
  },
  {
    theme: 'equipment',
    label: 'Broken kitchen equipment',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'dishwasher broke again, kp washing by hand all night',
      'fryer 2 has been out for weeks',
      'the walk in fridge door doesnt seal',
      'dishwasher needs replacing not fixing',
      'the glass washer leaves everything cloudy',
      'half the burners dont light',
      'till in the bar keeps freezing mid order',
      'the oven temp is off by like 30 degrees',
      'repairs take forever, we report it and nothing',
      'fryer and dishwasher both down on a saturday. chaos',
      'new combi oven is class tho',
    ],
  },
  {
    theme: 'shouting',
    label: 'Shouting and respect in the kitchen',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'head chef screams at the juniors every service',
      'there is a lot of shouting on the pass',
      'got called an idiot in front of customers',
      'shouting doesnt make the food come out faster',
      'new starters cry in the walk in, thats not normal',
      'respect goes both ways chef',
      'hr never does anything when you report the shouting',
      'old school kitchen culture needs to go',
      'sous chef is lovely tho, never raises his voice',
      'people leave because of the way we get spoken to',
      'being sworn at is not banter',
    ],
  },
  {
    theme: 'training',
    label: 'Training for new starters',
    trend: 'steady',
    tone: 'mixed',
    texts: [
      'new starters get no training, just thrown on the floor',
      'i learned the till from a customer lol',
      'allergen training should be done before your first shift',
      'a proper induction would save so much stress',
      'shadow shifts help loads, more of those',
      'wine training was really good actually',
      'nobody showed me how to close the bar',
      'training folder is from 2019',
      'training on the new menu was 5 mins before service',
      'more barista training pls, coffee complaints every day',
      'buddy system for new starters would be great',
    ],
  },
  {
    theme: 'uniform',
    label: 'Uniform',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'we have to buy our own black trousers and shoes',
      'the uniform shirts are see through',
      'aprons are never clean, not enough to go round',
      'non slip shoes should be provided',
      'chef whites fall apart after a month',
      'uniform deducted from wages is illegal isnt it',
      'hats are too hot in the kitchen',
      'new polo shirts look good tbf',
      'only 2 shirts for 5 shifts a week',
      'can we have aprons with pockets',
      'shoes cost me 60 quid out of my own money',
    ],
  },
];

export const CHAT_KITCHEN_MISCELLANEOUS = [
  'whos doing the secret santa',
  'the car park barrier is broken again',
  'happy birthday jess!!',
  'wifi in the staff room please',
  'great turnout at the quiz night',
];

const FIRST_DAY = '2026-01-01';
const SPAN = 90;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The tuning set, every line spread evenly over 90 days (deterministic). */
export function chatKitchenSet(): FrozenSet {
  const items: FrozenItem[] = [];
  let n = 0;
  for (const { theme, texts } of CHAT_KITCHEN_THEMES)
    texts.forEach((text, index) =>
      items.push({ id: `${theme}-${index + 1}`, text, day: addDays(FIRST_DAY, (n++ * 37) % SPAN), theme }),
    );
  CHAT_KITCHEN_MISCELLANEOUS.forEach((text, index) =>
    items.push({
      id: `miscellaneous-${index + 1}`,
      text,
      day: addDays(FIRST_DAY, (n++ * 37) % SPAN),
      theme: 'miscellaneous',
    }),
  );
  items.sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return {
    name: 'kitchen chat (tuning)',
    themes: CHAT_KITCHEN_THEMES,
    items,
    lastDay: addDays(FIRST_DAY, SPAN - 1),
  };
}
