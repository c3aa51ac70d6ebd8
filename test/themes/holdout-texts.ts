// A second, held-out labelled set for the themes engine: topics and wording the workplace thesaurus
// (server/themes/engine/domain.ts) was never tuned on, written in a different voice (terse, chatty,
// some lower case and typos). Used only to measure how the engine generalises (bench/themes-quality.ts).

interface HoldoutTheme {
  theme: string;
  texts: string[];
}

export const HOLDOUT_THEMES: HoldoutTheme[] = [
  {
    theme: 'wellbeing-support',
    texts: [
      'The employee assistance line only answers 9-5, which is useless when you are struggling at night.',
      'Could we have trained mental health first aiders on every floor, not just two for the whole site?',
      'six free counselling sessions is not enough, the waiting list for the NHS is months',
      'I had a panic attack at my desk last month and honestly did not know who to talk to.',
      'Please run the wellbeing workshops at times branch colleagues can actually attend.',
      'Mental health days would show that the company means what it says about wellbeing.',
      'My line manager was great when my anxiety got bad, but that is luck, there is no proper guidance for managers.',
      'Therapy through the health plan took six weeks to arrange. People need help sooner than that.',
      'Wellbeing champions are a nice idea but nobody knows who ours is.',
      'the resilience webinar felt like being told to cope better instead of fixing anything',
    ],
  },
  {
    theme: 'performance-ratings',
    texts: [
      'Forced distribution in year-end ratings means someone in every team has to be marked down.',
      'My objectives changed twice this year and I was still rated against the originals.',
      'Calibration happens behind closed doors and the rating we get has no explanation.',
      'mid year review was 10 mins on teams and then nothing for six months',
      'Tying the bonus to a single rating makes people hide mistakes instead of learning from them.',
      'Could reviews include feedback from peers, not just the manager who barely sees our work?',
      'I got "meets expectations" after smashing every goal. What does exceeding even look like?',
      'The performance review form is twelve pages long and half of it is irrelevant to branch roles.',
      'Ratings feel like they are decided before the review conversation even happens.',
      'Please publish how many people get each rating so we can see whether the curve is fair.',
    ],
  },
  {
    theme: 'annual-leave',
    texts: [
      'Holiday requests sit unapproved for weeks so we cannot book flights.',
      'Only two people can be off at once in our team, so the summer holidays go to whoever asks in January.',
      'Can we carry over more than five days of annual leave? I lost four days last year.',
      'the leave booking tool says I have 12 days left, HR says 9. which is it??',
      'Buying extra holiday should be possible more than once a year.',
      'School holidays are impossible to get off when you have kids and no seniority.',
      'Annual leave allowance has not gone up in ten years while other banks give 28 days.',
      'My manager cancelled approved leave a week before I was due to go away.',
      'Please let us take holiday in half days, not only full days.',
      'Christmas leave is always first come first served and the same people get it every year.',
    ],
  },
  {
    theme: 'open-plan-noise',
    texts: [
      'The open plan floor is so loud I cannot hear customers on the phone.',
      'Could we have some quiet zones? Concentrating on a complex case with people chatting all around is impossible.',
      'noise cancelling headphones should be standard kit on the third floor',
      'People take video calls on speaker at their desks and the whole row hears both sides.',
      'Since the partitions were taken out, the noise from the sales team carries across the whole floor.',
      'There is nowhere private to take a personal call, every booth is always booked.',
      'Loud conversations by the printers all day long. A bit of etiquette please.',
      'Open plan was sold as collaborative but mostly it is just distracting.',
      'I come in early purely to get an hour of peace before the floor gets noisy.',
      'Some sound-absorbing panels or plants would make a huge difference to the din.',
    ],
  },
  {
    theme: 'complaint-handling',
    texts: [
      'Customer complaints bounce between three departments before anyone owns them.',
      'We are given eight weeks to resolve a complaint but the case notes system does not even remind us of the deadline.',
      'Front line staff should be allowed to offer a small goodwill gesture without a manager signing it off.',
      'When a complaint goes to the ombudsman nobody tells the branch what happened.',
      'complaints team never calls us back when we escalate an unhappy customer',
      'The root cause of most complaints is the same letter template. Fix the letter and half of them go away.',
      'Redress payments take so long that customers complain again about the delay.',
      'Could we see the monthly complaint themes? We could stop the same mistakes happening.',
      'I spend hours writing up complaint files that nobody reads.',
      'A customer waited 6 weeks for a final response letter and then got the wrong name on it.',
    ],
  },
  {
    theme: 'laptop-refresh',
    texts: [
      'My laptop is five years old, the battery lasts forty minutes and the fan sounds like a jet engine.',
      'When is the laptop refresh actually happening? We were told spring, now it is autumn.',
      'new starters get shiny machines while the rest of us limp along on ancient ones',
      'It takes fifteen minutes to boot my machine every morning.',
      'The replacement notebooks arrived without docking stations so they sit in boxes.',
      'Could the hardware refresh prioritise people who work from home full time?',
      'My keyboard has three dead keys and I have been told to wait for the replacement programme.',
      'Old laptops cannot run the new video software, the camera just freezes.',
      'We were promised lighter devices for staff who travel between branches. Still carrying a brick.',
      'Please tell us where we are in the device replacement queue.',
    ],
  },
  {
    theme: 'hiring-delays',
    texts: [
      'It took four months to approve replacing a colleague who left, and meanwhile we cover her work.',
      'The candidate we wanted accepted another job because our offer took five weeks.',
      'Hiring freeze or not, someone should tell teams whether vacancies will ever be filled.',
      'Background checks for new joiners take so long that they start a month late.',
      'recruiters send us CVs that have nothing to do with the role',
      'Three rounds of interviews for an entry level job scares good applicants away.',
      'We lost two great candidates because nobody from talent acquisition replied to them.',
      'Job adverts still ask for a degree for roles that do not need one.',
      'Our team has had an open vacancy since March and the advert has not even gone live.',
      'Please let hiring managers see where each applicant is in the process.',
    ],
  },
  {
    theme: 'building-access',
    texts: [
      'My pass stops working at the turnstiles every other week and I have to queue at security.',
      'Forgot my lanyard once and had to wait forty minutes for a temporary pass.',
      'The side entrance is locked after six, so late workers walk all the way round in the dark.',
      'access cards for contractors take days to set up, they stand in reception like visitors',
      'Could the new ID cards work on both sites? I carry two.',
      'Security guards at the gate are lovely but the sign-in process for guests is painfully slow.',
      'The door to the bike store needs a card reader, anyone can walk in.',
      'After the reorganisation half of us lost access to the fourth floor and nobody can fix it.',
      'Please put the entrance barriers back to fast mode in the morning, the queue goes out the door.',
      'Replacing a lost pass costs fifteen pounds, which seems steep for a plastic card.',
    ],
  },
];

/** One-off comments that belong to no theme. */
export const HOLDOUT_MISCELLANEOUS: string[] = [
  'Can we have a book swap shelf in the break area?',
  'Well done to everyone who did the charity bake sale.',
  'The plant on reception has been dead for months.',
  'Why do we still send paper payslips?',
  'A table tennis table would be fun.',
];

/** The held-out set as labelled items (no days: it measures grouping, not trends). */
export function holdoutItems(): Array<{ id: string; text: string; theme: string }> {
  return [
    ...HOLDOUT_THEMES.flatMap(({ theme, texts }) =>
      texts.map((text, index) => ({ id: `${theme}-${index + 1}`, text, theme })),
    ),
    ...HOLDOUT_MISCELLANEOUS.map((text, index) => ({
      id: `miscellaneous-${index + 1}`,
      text,
      theme: 'miscellaneous',
    })),
  ];
}
