// TUNING set (not frozen: the engine may be tuned on this one, never on test/themes/frozen/). Long,
// emotional free-text comments from a city bus company's staff survey (drivers, depot engineers,
// controllers): a different domain from the bank corpus, the school tuning set and the frozen sets, in
// the same register (stories, asides, sarcasm, negation, feelings shared across topics). Written on
// 6 December 2026 before any engine change it was used for; laid out steadily over 90 days (trends are
// not scored).

import type { FrozenSet, FrozenTheme } from '../frozen/layout.ts';
import { evenlySpread } from './spread.ts';

export const LONG_BUS_THEMES: FrozenTheme[] = [
  {
    theme: 'rosters',
    label: 'Rosters and shift patterns',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'The new roster has me finishing at one in the morning and back on at half six. I sat in my car outside the depot and cried because I was too tired to drive home safely. Nobody who wrote that roster has ever driven a bus.',
      'Rosters come out on a Thursday for the week starting Monday. How am I supposed to arrange childcare with three days of notice? My mother is seventy and she is doing the school run again because I cannot plan anything.',
      'I love driving, I genuinely do, but split shifts are killing me. Four hours on, a three hour gap where I cannot go home because I live too far away, then five more hours. That is a fourteen hour day for nine hours of pay.',
      "Brilliant idea to change the rest day pattern without asking a single driver. Now I work six days in a row twice a month and I have missed my son's football every Saturday since the summer.",
      'Please give us rosters at least four weeks in advance like the other depots. Other companies manage it. We are people with families, not pieces on a board that you move around on a Wednesday night.',
      "The shift swap system is a joke. You put in a request, it sits in the controller's tray for a fortnight, and by the time someone looks at it the day has gone. A simple shared list would fix it.",
      'Since the timetable change my shifts have no proper meal break, just a ten minute stand at the terminus if the traffic is kind. It never is. I eat a sandwich at red lights and I know that is not right.',
      'I asked to go on to a fixed early roster for my health, with a letter from my doctor, and I was told the roster cannot be personalised. Three months later I am still on rotating lates and my sleep is in pieces.',
    ],
  },
  {
    theme: 'assaults',
    label: 'Abuse and assaults on drivers',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'A passenger spat in my face on the 42 last month because I asked him to pay. I pressed the alarm and nobody answered for six minutes. I finished the route because I did not know what else to do, and I have not slept properly since.',
      'The abuse on the late buses is getting worse every week. Groups of lads kicking the screen, threatening to wait for you at the end of the line. We report it and nothing happens, not once has anyone been caught.',
      'When I was punched at the bus station the company sent me a form to fill in and a leaflet about resilience. I did not need a leaflet. I needed someone to ring me and ask if I was all right.',
      'The assault screens on the older buses do not close properly, and the cameras on half the fleet have not recorded for months. If something happens to me, there will be no footage and no proof.',
      'I have been a driver for twenty years and I have never been as frightened as I am on the Friday night routes now. A police presence on the worst routes, even once a fortnight, would make a real difference.',
      'Honestly the best part of my week was when a woman thanked me for staying calm while a drunk man screamed at me for ten minutes about the fare. That should not be normal, but it is.',
      'We were told to avoid confrontation at all costs, so fare dodgers walk on laughing and the ones who pay watch it. Then the same people threaten us when we say anything at all. We feel completely unprotected.',
      'After the attack on my colleague at the terminus, the company promised body cameras for every driver by Christmas. It is March. I am still waiting, and so is everyone else on the night routes.',
    ],
  },
  {
    theme: 'toilets',
    label: 'Toilets and welfare facilities on routes',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'There is no toilet at the end of the 17 route. None. I have a two hour round trip and I have had to knock on the door of a pub to beg to use theirs. I am fifty four years old and it is humiliating.',
      'The welfare cabin at the terminus has had a broken lock for months and the toilet in it has not been cleaned since I do not know when. Female drivers have stopped using it altogether, and who can blame them.',
      'Please put proper toilets at the ends of the long routes. I have started not drinking water on shift so I do not need to go, and my doctor says that is why I keep getting kidney infections.',
      'The new welfare unit at the hospital stop is lovely, warm, clean, a kettle that works. Thank you. Now can we have one at the other five terminus points that only have a bench in the rain.',
      'We are allowed to use the toilets at the supermarket on the ring road, except the supermarket changed its mind and now the staff ask us to leave. Nobody from the company has sorted a replacement.',
      'Imagine telling office staff they could only use the toilet every three hours and only if the traffic allows it. That is our working day, and the answer from management is always that it is being looked at.',
      'I would like somewhere to sit down, eat and use a toilet on my break that is not the back seat of the bus. The mess room at the depot is the only one and I never finish a shift near it.',
    ],
  },
  {
    theme: 'fleet',
    label: 'Old buses and breakdowns',
    trend: 'steady',
    tone: 'negative',
    texts: [
      "The bus I had on Tuesday had a heater stuck on full in July, a driver's seat that would not adjust, and a door that opened on its own at the lights. I reported all three on the defect card and it was back out on Wednesday.",
      'Our fleet is ancient. Half the buses on the 9 are older than the apprentices fixing them, and we break down so often that passengers now ask me if we will make it to town.',
      'The engineers in the workshop work miracles with what they have, but they cannot get parts. One bus has been stood on the ramp for seven weeks waiting for a gearbox that never comes.',
      'My wheelchair ramp failed at a stop in the rain and a young mum with a pushchair and a man in a wheelchair had to wait for the next bus. I felt awful apologising for something I could not fix.',
      'The electric buses are wonderful to drive, quiet and smooth, but there are only six of them and the chargers at the depot keep tripping, so they spend more time plugged in than on the road.',
      'Defects we report on the card are signed off as no fault found. Then the same bus breaks down with the same fault two days later with forty passengers on it and I am the one who gets shouted at.',
      'The mirrors on the older double deckers are so small that I cannot see cyclists on the nearside. I have raised it three times, and every time I am told the buses are due to be replaced next year.',
      'I took out a bus with bald tyres because the controller said there was nothing else. I should have refused. Next time I will, and I would like to know that the company will back me when I do.',
    ],
  },
  {
    theme: 'communication',
    label: 'Communication from management and the restructure',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'We found out about the depot restructure from a newspaper article before anyone from management told us. Forty of us read it on our phones in the canteen. That is not how you treat people who have given you years of service.',
      'Managers never come down to the depot floor. The only time we see a manager is when something has gone wrong, and then it is a letter inviting you to a meeting with no reason given. It makes everyone anxious.',
      'The quarterly briefing was forty slides about the brand refresh and two minutes about the restructure that might move half of us to the new depot. Questions were not taken because time had run out.',
      'Nobody tells drivers anything. Route changes, diversions, new stops: we find out from the passengers, who read it on the website, and then we look stupid and the passengers think we do not care.',
      'I asked my manager three times about what the restructure means for the engineering team and got three different answers. If they do not know, just say so, and tell us when they will know.',
      'Honestly, the staff newsletter celebrating record passenger numbers the same week they announced no pay rise and the restructure was a masterpiece of bad timing. Read the room, please.',
      'A simple notice board in the mess room with what is changing, when, and who to ask would stop half the rumours. At the moment the rumours are the only communication we get from management.',
    ],
  },
  {
    theme: 'mentors',
    label: 'Praise for driver mentors and trainers',
    trend: 'steady',
    tone: 'positive',
    texts: [
      'I want to thank Dave, my driver mentor, who sat with me on my first week of live routes. When I clipped a kerb and panicked, he talked me through it like it was nothing and I finished the shift. I would have quit that day without him.',
      'The driving instructors at the training school are the best people in this company. Patient, funny, honest about the job. Every new driver I know talks about their instructor like a favourite teacher.',
      'Our mentor scheme for new drivers is the one thing this depot gets completely right. Pairing a nervous newcomer with an old hand who has seen everything makes the first months bearable.',
      'Big thank you to Shirley in the training team, who stayed after hours to help me practise for my test because my English is not perfect. I passed first time and I cried when I told her.',
      'When I came back after my assault, my mentor rode along with me for a week on my own routes, just sitting behind the cab. I do not think I could have got back in the seat without her.',
      'The trainers deserve recognition. They are short staffed and still run refresher courses, ride along with drivers who have had complaints, and never make anyone feel stupid for asking.',
      'I was a mentor this year for three new drivers and watching them grow in confidence was the proudest thing I have done here. Please keep the scheme and give mentors a bit of time to do it properly.',
    ],
  },
  {
    theme: 'pay-overtime',
    label: 'Pay and overtime',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'Overtime is paid at flat rate now, not time and a half. So I give up my rest day, miss my family, and get the same as a normal day. Unsurprisingly nobody is volunteering anymore and services are being cancelled.',
      'Our pay is the lowest of any bus company in the region. Drivers are leaving for the firm across the city for two pounds an hour more, and I do not blame a single one of them.',
      'My payslip was wrong three months running, missing my Sunday enhancement and the overtime from a bank holiday. Every time I have to chase payroll myself, and it takes weeks to be corrected.',
      'Fantastic that the chief executive got a bonus for record profits. I got a pay offer below inflation and a mug with the new logo on it. I am drinking my tea out of it right now, thanks.',
      'Engineers are paid less than drivers now, which would be fine if anyone could explain why. We fix the buses at night in the cold and we cannot afford our rent. Several of the best have already gone.',
      'Please bring back the attendance bonus. It was small, but it made a difference at Christmas, and it rewarded people who turn up in all weathers. Cutting it saved pennies and cost a lot of goodwill.',
      'I work fifty hours a week with overtime and I still use the food bank at the end of the month. That is the truth. A proper rate of pay for a skilled and dangerous job is all we ask for.',
      'The pay negotiations have dragged on for eight months. The union says one thing, the company another, and in the meantime the cost of everything keeps going up while our pay stays the same.',
    ],
  },
];

export const LONG_BUS_MISCELLANEOUS = [
  'The new uniform jackets are warm but the zips catch on the seat belt.',
  'Could the canteen at the depot open a bit earlier for the five o clock starts?',
  "The charity bus pull for the children's hospital was a brilliant day, well done everyone.",
  'Please sort out the car park lighting at the depot, it is pitch dark at four in the morning.',
];

/** The tuning set, every comment spread evenly over 90 days (deterministic). */
export function longBusSet(): FrozenSet {
  return evenlySpread('long bus comments (tuning)', LONG_BUS_THEMES, LONG_BUS_MISCELLANEOUS);
}
