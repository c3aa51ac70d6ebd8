// TUNING set (not frozen: the engine may be tuned on this one, never on test/themes/frozen/). Long,
// emotional free-text comments from a secondary school's staff survey: a different domain from the bank
// corpus and from the frozen hospital set, in the same register (stories, asides, sarcasm, negation).
// Written before any engine change it was used for; laid out steadily over 90 days (trends are not scored).

import type { FrozenSet, FrozenTheme } from '../frozen/layout.ts';
import { evenlySpread } from './spread.ts';

export const LONG_SCHOOL_THEMES: FrozenTheme[] = [
  {
    theme: 'behaviour',
    label: 'Behaviour and support from leadership',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'I sent a pupil out of my lesson for swearing at me for the third time this week and he was back in the room ten minutes later with a sweet from the office. What message does that send to the other twenty-nine children who were watching?',
      'Behaviour in the corridors at lunchtime has become frightening. I have been pushed into a wall twice and when I reported it I was asked what I had done to provoke it. I went home and seriously looked at other jobs that night.',
      'We have a behaviour policy on paper but nobody on the senior team backs it up. Detentions are cancelled, exclusions are avoided because of the numbers, and the staff who follow the policy end up looking like the bad guys.',
      'Honestly, a lovely new behaviour flowchart laminated on every wall. Shame that when you call for on-call support nobody comes for twenty minutes, by which time the lesson is long gone and so is my patience.',
      'I love teaching but I do not love being told to build relationships with a pupil who threw a chair at a classmate. Leadership need to see what happens in Year 9 on a Friday afternoon before they write another policy.',
      'Not once this term has a member of the senior team walked the top corridor during lesson changeovers. The behaviour there is awful and the newly qualified teachers on that floor are drowning.',
      'The removal room is full by period two every day, and then we are told not to send anyone else. So the disruptive pupils stay in class and the ones who want to learn lose out again.',
      'I would like leadership to trust us when we say a class is out of control. Instead I got a lesson observation and a note about my seating plan. The seating plan is not why a pupil kicked the door in.',
    ],
  },
  {
    theme: 'marking-workload',
    label: 'Marking and data workload',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'I marked books until midnight every Sunday this half term because of the new feedback policy with its three colours of pen. My own children asked me why I never come to the park anymore. That one hurt.',
      'The data drops are relentless. Every six weeks we enter predicted grades for every pupil into three different spreadsheets that nobody reads, and then we get an email asking why a column is missing.',
      'Triple marking, verbal feedback stamps, green pen responses, and a marking scrutiny every month. I spend more time proving I have marked than actually helping children improve their writing.',
      'Oh good, another spreadsheet. I cannot wait to copy the same assessment data into the tracker, the report system and the department sheet by Friday. Truly the reason I went into teaching.',
      'The workload this year is not sustainable. Planning, marking, reports, data entry, duties and parents evening all in the same fortnight, and no reduction anywhere. Something has to give and it is usually my sleep.',
      'I used to enjoy marking essays and writing comments that meant something. Now it is a box-ticking exercise for a book scrutiny, and the pupils do not even read the comments because there are too many.',
      'Please stop asking for the same data in different formats. One assessment system, entered once, would give every teacher here back hours every single week.',
      'My weekends disappear under marking and data entry. I am a good teacher, I know I am, but I cannot keep working seventy hours a week and still be patient and kind in the classroom on Monday.',
    ],
  },
  {
    theme: 'parent-emails',
    label: 'Parent emails out of hours',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'A parent emailed me at eleven at night about a detention and then copied in the head when I had not replied by seven the next morning. We need a clear policy on when staff are expected to answer parent emails.',
      'I get parent emails on Saturday evenings demanding to know why their child got a B instead of an A. I answer them because I feel I have to, and then I lie awake thinking about the tone of my reply.',
      'The parent portal sends every message straight to my phone. I have turned notifications off three times and the app turns them back on. I want my evenings back.',
      'Lovely to receive an email from a parent at half past ten telling me I am the reason their son hates science. Really sets you up for a good night of sleep before teaching him period one.',
      'Some parents treat email like a chat service and expect an answer within the hour. Leadership told us we should reply within twenty-four hours, including weekends apparently. That is not reasonable.',
      'Parents have my school email and they use it at all hours. A simple rule that staff answer parent emails in school hours only, and an automatic reply saying so, would take so much pressure off.',
      'I was in tears after a run of angry parent emails over half term, each one copied to the governors. Nobody from the office checked on me. A bit of protection for staff from abusive emails would mean a lot.',
    ],
  },
  {
    theme: 'building',
    label: 'Cold, leaking classrooms',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'My classroom in the old block was eleven degrees on Monday morning. The children sat in their coats and I taught in gloves. The heating has been broken since October and every request comes back as waiting for a contractor.',
      'The roof in the science corridor leaks every time it rains. We have buckets on the benches next to the gas taps and a ceiling tile fell on a desk last week. Thankfully nobody was sitting there.',
      'It is freezing in the music rooms. The instruments go out of tune in the cold and the pupils cannot feel their fingers to play. We have asked about the radiators since September and nothing has happened.',
      'Nothing says we value our staff like a staffroom with a broken window taped over with cardboard since the summer holidays, and a heater that trips the fuse if you switch on the kettle.',
      'The leaking roof over the library has ruined two shelves of books and the smell of damp is awful. Pupils with asthma have started avoiding the room and who can blame them.',
      'Some classrooms are boiling in summer and freezing in winter, the windows do not open or do not shut, and the heating either roars or does nothing. It is hard to concentrate and hard to teach in rooms like that.',
      'Please fix the heating in the languages block before the winter. I have been buying my own fan heater and I am sure that is against some rule, but the children cannot learn when they are shivering.',
    ],
  },
  {
    theme: 'teaching-assistants',
    label: 'Praise for teaching assistants',
    trend: 'steady',
    tone: 'positive',
    texts: [
      'I want to say thank you to Mrs Patel, our teaching assistant in Year 7. She noticed a boy who had not eaten all day, quietly sorted breakfast for him every morning, and now he is reading two years ahead of where he was.',
      'Our teaching assistants are the unsung heroes of this school. They calm pupils down, they spot problems before we do, and they never get thanked at the end of term assembly. They should be.',
      'The teaching assistant in my Year 10 group turned a lesson around on Thursday when one pupil had a panic attack. She took him out, calmed him, and came back with him smiling. I could not have managed without her.',
      'I have worked in four schools and I have never seen teaching assistants as kind and skilled as ours. They know every child by name and they know which ones need a word at the door in the morning.',
      'A huge thank you to the teaching assistants who ran the reading club every lunchtime this term, for nothing extra, because they wanted the weaker readers to catch up. The difference in those children is wonderful.',
      "Our teaching assistant stayed late on parents evening to help me explain a pupil's support plan to his grandmother, who speaks little English. She translated patiently for an hour. That is going above and beyond.",
      'The support staff in the learning centre are brilliant. Every time I ask for help with a pupil who is struggling they make time, they follow up, and they tell me what worked. Please pay them what they are worth.',
    ],
  },
  {
    theme: 'send-funding',
    label: 'Support for pupils with special needs',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'We have pupils with education, health and care plans who are meant to have one-to-one support and they are sitting in classes of thirty with nobody. The plans are legal documents and we are not meeting them.',
      'The special needs department is two people for over a hundred pupils on the register. They are heroic but they are drowning, and the children with autism and dyslexia are the ones who pay for it.',
      'Not once this year has the support plan for my pupil with hearing loss been reviewed, and the radio aid has been broken since September. He sits at the front and misses half of what is said.',
      'Funding for special educational needs was cut again and we were told to differentiate more. I already plan three versions of every lesson. Differentiation does not replace a trained adult sitting next to a child.',
      'I watched a pupil with severe anxiety have a meltdown in the corridor because the quiet room was closed for lack of staff. She needed support and we had none to give. I felt like I had failed her.',
      'Parents of pupils with special needs are rightly angry. They were promised support in the plan and the school cannot provide it because the budget is not there. We are the ones who face them at parents evening.',
      'Training on special needs would help. Many of us have never been taught how to support a pupil with ADHD or dyslexia, and we are guessing, and the pupils know we are guessing.',
    ],
  },
  {
    theme: 'pay-progression',
    label: 'Pay and pay progression',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'I was told I had met every target for pay progression and then told there was no money for it this year. So I did the extra work for nothing. It is hard to stay motivated after that.',
      'My pay has not kept up with the cost of living for years. I am a head of department with ten years of experience and I have started tutoring in the evenings just to cover my rent.',
      'Pay progression here feels like a lottery. Two colleagues with the same results went up the scale and I did not, and nobody could explain why in writing when I asked.',
      'Wonderful news that the pay award has been announced, less wonderful that the school says it cannot afford to honour it in full. I will just tell my landlord the budget is tight, shall I.',
      'The pay scale for support staff is shameful. Teaching assistants with twenty years in this school earn less than the supermarket down the road pays for stacking shelves. Pay them properly.',
      'Please publish the pay policy and the criteria for moving up the pay scale clearly. At the moment it feels like it depends on who likes you rather than what you achieve with your classes.',
      'I love this school but I cannot afford to stay on this salary. A small pay rise or even the promised progression would make the difference between staying and leaving next summer.',
    ],
  },
];

export const LONG_SCHOOL_MISCELLANEOUS = [
  'The new lanyards are nice but the clips break after a week.',
  'Could we have a second photocopier on the top floor? The queue before period one is long.',
  'The school trip to the coast was a highlight of my year, thank you to everyone who organised it.',
  'Please bring back the staff football match at the end of the summer term.',
];

/** The tuning set, every comment spread evenly over 90 days (deterministic). */
export function longSchoolSet(): FrozenSet {
  return evenlySpread('long school comments (tuning)', LONG_SCHOOL_THEMES, LONG_SCHOOL_MISCELLANEOUS);
}
