// FROZEN labelled set (do not edit after the "freeze" commit; measure on it, never tune on it).
// Register: long, emotional free-text comments from a hospital's annual staff survey. Several
// sentences each, stories, asides, praise told as a story, sarcasm, negation ("not once has anyone…").
// A different domain and voice from the bank corpus. Each theme has a gold label, a planted trend
// and the tone most of its comments carry.

import type { FrozenTheme } from './layout.ts';

export const LONG_EMOTIONAL_THEMES: FrozenTheme[] = [
  {
    theme: 'night-staffing',
    label: 'Staffing levels on night shifts',
    trend: 'rising',
    tone: 'negative',
    texts: [
      'I have been a nurse for eleven years and I have never felt as frightened as I did last Tuesday night, two registered nurses for twenty-eight patients, one of them deteriorating, and nobody answering the bleep. I went home and cried in the car. We cannot keep doing nights like this.',
      'Nights are chronically short. We are told bank staff have been requested but they never turn up, and the ward is left with one healthcare assistant for a whole bay of confused patients. Something terrible is going to happen and it will be the nurse who gets blamed.',
      'Oh brilliant, another night shift where the staffing board says six and there are three of us. Fantastic planning, really. I love skipping my break so patients can have their medication on time.',
      'I am exhausted. Every single night shift this month I have been moved to cover another ward because they are short, which leaves my own ward short, and the cycle just goes on. Nobody from management has ever worked a night with us to see what it is like.',
      'Please, please look at the night staffing numbers. It is not safe. I have had patients fall because there was simply nobody free to walk with them to the toilet, and I filled in the incident forms knowing nothing would change.',
      'The staffing on nights has got noticeably worse since the summer. We used to have a floating nurse overnight and that quietly disappeared. I do not think anyone on the day side realises how thin we are spread at three in the morning.',
      'I love my patients and I love my team but I am seriously thinking about leaving because of the night shifts. Short staffed every time, no breaks, and then a rushed handover because the day team are short too.',
      'Not once this quarter have we had the planned number of nurses on a night shift. Not once. And yet the rota says we are fully staffed, because agency shifts that were never filled are counted as covered.',
      'When you are the only qualified nurse on a night and two patients deteriorate at the same time you have to choose who to go to first. Nobody should have to make that choice because of staffing levels.',
      'Night shift staffing needs to be treated as a safety issue, not a budget line. We are burning out the very people who hold the hospital together overnight.',
    ],
  },
  {
    theme: 'colleague-praise',
    label: 'Praise for ward colleagues',
    trend: 'steady',
    tone: 'positive',
    texts: [
      'I want to say thank you to the team on Ward 12. When my dad was admitted last spring I saw them from the other side, and the kindness they showed him, and me, sitting there at midnight not knowing what to do, is something I will never forget. I was in tears writing this.',
      'Our healthcare assistants are the unsung heroes of this hospital. Last week one of them spent her entire break holding the hand of an elderly lady who had no family, just so she would not be alone. That is who we are at our best.',
      'I started here six months ago terrified, straight out of university, and my preceptor has been incredible. She checks on me every shift, she never makes me feel stupid, and she covered for me when I had a wobble after my first cardiac arrest. I could not have wished for a better colleague.',
      'The porters deserve so much more recognition. They are always cheerful, always willing to help, and last month one of them spotted a patient going downhill in the corridor and raised the alarm before any of us had noticed.',
      'Honestly the best thing about this job is the people I work with. We have had an awful winter, but the way my team looks after each other, the cups of tea, the jokes at four in the morning, the hugs after a bad shift, is what keeps me coming back.',
      'I would like to thank our ward sister, who stayed two hours after her shift to help us settle a very distressed patient and then phoned me the next day to make sure I was okay. You do not forget that kind of leadership.',
      'A huge thank you to the pharmacy team who worked through their lunch to get discharge medications ready so a dying patient could go home to her garden one last time. Her daughter wrote to us afterwards and we all cried reading it.',
      'My colleagues in theatre recovery are simply wonderful. When I came back after my miscarriage they made me feel welcome without making a fuss, and quietly made sure I was never alone on a difficult list.',
      'I just want someone up there to know how proud I am of my team. Through everything, the short staffing, the corridor care, the abuse we sometimes get, they have not once lost their compassion.',
    ],
  },
  {
    theme: 'admin-restructure',
    label: 'Restructure of the admin teams',
    trend: 'fading',
    tone: 'negative',
    texts: [
      'The restructure of the medical secretaries has been handled appallingly. We found out from a slide in an all-staff meeting that our jobs were at risk, and we had to wait six weeks for anyone to sit down with us. Some of us have worked here for twenty years.',
      'Moving all the ward clerks into a central admin hub sounded efficient on paper, but now nobody on the ward knows who to ask about a missing set of notes and the consultants are doing their own typing. The consultation was a tick-box exercise.',
      'I am one of the admin staff whose role was downgraded in the restructure. I lost two thousand pounds a year, I am doing exactly the same work, and I was told I should be grateful to still have a job. I have never felt so undervalued.',
      'Wonderful restructure, truly. Three managers for the admin team now and fewer people actually doing the admin. Letters to patients are going out weeks late, but at least the organisation chart looks tidy.',
      'The stress of the admin reorganisation has been horrendous. Colleagues have been signed off, people are applying for their own jobs against their friends, and the communication has been cold and corporate from start to finish.',
      'Please learn from how the admin restructure went. Talk to the people affected before you announce it, tell us the criteria, and do not leave people hanging for months wondering whether they can pay their mortgage.',
      'Since the restructure of outpatient bookings, the phones ring out all day and patients shout at us because they cannot get through. We warned this would happen in the consultation and were ignored.',
      'I have worked in the appointments office for fifteen years and the restructure made me feel like a number on a spreadsheet. Nobody asked what we actually do all day before deciding half of it could be automated.',
      'The way the admin teams were restructured has destroyed trust. People who had given their whole careers to this hospital were treated like they were disposable.',
    ],
  },
  {
    theme: 'car-parking',
    label: 'Staff car parking',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'I pay nearly ninety pounds a month to park at work and I still cannot find a space after eight in the morning. I have been late for handover three times this month circling the car park, and I am made to feel it is my fault.',
      'After a thirteen hour shift the last thing I need is a parking ticket because the staff car park was full and I had to leave my car on the visitor side. Paying to come to work to care for people feels deeply wrong.',
      'Staff parking is a daily source of misery. The permits were oversold, the overflow car park is a muddy field a mile away with no lighting, and I do not feel safe walking back to it at night after a late shift.',
      'Why on earth are night staff charged the same for parking as day staff when the car park is half empty at night? It feels like one more small way we are taken for granted.',
      'I was in tears in my car last week because I could not find a parking space and knew I was going to be late to a ward that was already short. Something so simple should not cause this much stress.',
      'The new parking permit system is a disaster. I applied in January and I am still on the waiting list, paying daily rates that add up to more than my permit would have cost.',
      'Please look at the staff car park. The barriers break every week, the pay machines do not take cards half the time, and security are rude when you ask for help.',
      'It is shameful that a nurse on band five is paying this much to park at the place she works. Free staff parking should have stayed after the pandemic.',
      'Car parking at this site is a nightmare for anyone who does school drop off first. By the time I arrive there are no spaces left and I end up parked miles away on a residential street.',
    ],
  },
  {
    theme: 'return-to-office',
    label: 'Return-to-office mandate',
    trend: 'emerging',
    tone: 'negative',
    texts: [
      'The announcement that all non-clinical staff must be on site four days a week came out of nowhere. I have worked from home productively for three years, my performance reviews have been excellent, and now I have to find an extra three hundred pounds a month for childcare and travel.',
      'Forcing people back into the office when there are not enough desks for us is absurd. Last week I spent forty minutes looking for somewhere to sit and ended up taking a Teams call in a stairwell.',
      'I have a disability that makes commuting exhausting and working from home has made it possible for me to do my job well. The return to office mandate has left me feeling that none of that matters and I will have to choose between my health and my job.',
      'Nobody has explained why the office attendance rule has changed. If there is evidence that we work better on site, please share it. Otherwise it feels like the decision was made for the sake of appearances.',
      'Great, back in the office four days a week so I can sit on video calls with colleagues who are in other buildings anyway. Really makes the ninety minute commute worthwhile.',
      'The new hybrid working policy has caused so much anxiety in our team. Two people have already handed in their notice because they cannot make the office days work with caring responsibilities.',
      'I understand wanting people together sometimes, but a blanket four days in the office rule ignores how different our jobs are. Give teams the trust to decide what works for them.',
      'Please reconsider the office attendance mandate. Flexible working was one of the only reasons I stayed here when I could have earned more elsewhere.',
      'Being told to come back to the office by email on a Friday afternoon, with two weeks notice, felt disrespectful after everything we did to keep the hospital running remotely during the pandemic.',
    ],
  },
  {
    theme: 'career-progression',
    label: 'Career progression and training',
    trend: 'steady',
    tone: 'negative',
    texts: [
      'I have applied for the band six development post three times now and each time it has gone to someone who was already acting up, without a fair interview. I am starting to wonder whether there is any point in trying to progress here.',
      'There is no clear path for healthcare assistants who want to train as nurses. The apprenticeship places are few, the criteria change every year, and you are told to wait for next year again and again.',
      'I asked for study leave to finish my masters and was told the ward could not spare me. Yet we keep losing experienced staff to other hospitals that actually invest in their people. It is heartbreaking to watch.',
      'Training budgets have been cut to almost nothing. I paid for my own advanced life support course because I wanted to be better at my job, and I was not even given the day off to attend it.',
      'Progression here seems to depend on who you know. I have watched brilliant colleagues stay on the same band for a decade while others are fast-tracked after a couple of years.',
      'I would love to develop into a specialist role, but there is no mentoring, no career conversations, and my appraisal is rushed in ten minutes at the end of a shift. It makes you feel like your future does not matter.',
      'Please create proper career pathways for allied health professionals. We are always an afterthought when it comes to development opportunities and leadership training.',
      'The only way to get a promotion here is to leave and come back. That says everything about how we value growing our own people.',
      'I was so excited when I was accepted onto the leadership programme, and then it was cancelled two weeks before it started because of budget pressures. I felt utterly deflated.',
    ],
  },
  {
    theme: 'violence-abuse',
    label: 'Abuse and violence from the public',
    trend: 'rising',
    tone: 'negative',
    texts: [
      "I was punched in the face by a patient's relative in the emergency department last month, and the response from management was a leaflet about resilience. I did not feel supported at all, and I still feel sick walking past the spot where it happened.",
      'The verbal abuse we take from visitors has got so much worse. Being called names and threatened has become part of an ordinary shift, and security take twenty minutes to arrive if they come at all.',
      'A man spat at my colleague on reception yesterday and then waited for her outside at the end of her shift. We need proper protection, not posters saying that abuse will not be tolerated, because it clearly is.',
      'Every weekend in A&E now someone is aggressive. I have started dreading Saturday nights. We need security staff based in the department, not called from the other side of the site.',
      'I reported being threatened by a patient three times and nothing happened. The patient was back the following week, shouting at the same nurses. It feels like our safety does not count.',
      'The number of assaults on staff has clearly gone up this year. Please give us body cameras, panic alarms that actually work, and a manager who follows up after an incident instead of asking if we are okay to carry on.',
      'I love working in the emergency department but I am frightened. Being screamed at and having things thrown at you should never be normal, and yet it is now almost every shift.',
      'After I was assaulted by a patient I had to chase occupational health myself and take unpaid leave because my sickness absence was counted against me. That is how this hospital treats staff who are hurt at work.',
      'Zero tolerance means nothing when the people who abuse us face no consequences. We need the hospital to press charges and to stand by its staff.',
      'The abuse from the public has got so bad that two of our receptionists have left this month. Please take violence against staff seriously.',
    ],
  },
];

export const LONG_EMOTIONAL_MISCELLANEOUS: string[] = [
  'I think the new hospital website looks much more modern, although it is still hard to find the staff pages and the search box never finds the policy I am looking for.',
  'The gardens at the front of the main entrance have been lovely this year and I often sit out there for ten minutes at lunch to clear my head. Whoever looks after them, thank you.',
  'It would be good if the staff survey was shorter. Some of the questions feel like they are asked in three slightly different ways, and I gave up halfway through last year.',
  'The Christmas carol concert in the chapel was beautiful and a lovely reminder of why we all do this. More events like that would be welcome.',
  'Could the lifts in the east block be looked at? One of them has been out of order since October and the other is painfully slow when you are moving a bed.',
];
