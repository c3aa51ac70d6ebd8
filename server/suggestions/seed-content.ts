// Demo suggestions for a bank and insurer: what people at the front and the back actually write.
// Each theme has a shape over the last 90 days so the trending-themes engine has something to find.

/** rising: most items in the last two weeks; fading: mostly two to three months ago; steady: spread out. */
export type Trend = 'rising' | 'fading' | 'steady';

export interface SeedTheme {
  concerns: string;
  trend: Trend;
  /** Departments the authors declared for themselves (cycled; null = not said). */
  authors: (string | null)[];
  /** Where the older, published items of this theme stand: status and the public response. */
  outcome?: { status: 'under_review' | 'planned' | 'in_progress' | 'done' | 'wont_do'; response: string };
  texts: string[];
}

export const SEED_THEMES: SeedTheme[] = [
  {
    concerns: 'IT',
    trend: 'rising',
    authors: ['Loan Processing', 'Branches', 'Contact Centre', null, 'Loan Processing', 'Mortgage Advice'],
    outcome: {
      status: 'in_progress',
      response:
        'IT opened a major incident for the loan origination system on the 14th. The vendor is patching the ' +
        'database connection pool; until then a status banner shows outages and the service desk has a priority line.',
    },
    texts: [
      'The loan origination system went down again at 10am and took every open application with it. Customers were sat in front of us while we waited.',
      'LOS outage for the third time this week. We had to take applications on paper and re-key them at 6pm.',
      'Please tell us when the loan origination system is down instead of letting us find out mid-application. A status page would save hours.',
      'The loan system froze while I was submitting a remortgage and now the case shows twice. Nobody knows which one is real.',
      'Every afternoon around 3 the loan origination system times out. It has been like this for two weeks and it is getting worse.',
      'We lost a whole morning of loan applications to the outage on Tuesday. Is anyone looking at the root cause?',
      'When the origination system crashes the draft is not saved. Auto-save would stop us having to start every application again.',
      'Branch customers are walking out because the loan system is down and we cannot give them a decision. This is costing us business.',
      'The new release of the loan origination system is much slower than the old one. Screens take 20 seconds to load.',
      'Could IT give branches a fallback when the loan system is down, even a simple offline form that syncs later?',
      'Loan origination was unavailable for four hours yesterday. The service desk line was engaged the whole time.',
      'I counted seven loan system outages this month. We need an honest update from IT on what is being done.',
      'The loan system logged me out three times during one application. Underwriting then rejected it for missing documents that I had uploaded.',
      'Please stop deploying changes to the loan origination system during business hours; the last two outages started right after a release.',
      'Payouts were delayed for a whole day because the loan system batch failed overnight. Customers called us first, not IT.',
      'The error message in the loan system just says "something went wrong". Staff cannot tell if they should retry or wait.',
      'Loan system outage again this morning. The mortgage advice team had eleven customer appointments to reschedule.',
      'Since the migration the loan origination system drops uploaded payslips. We have to ask customers to send them twice.',
      'Is there an incident report for last week’s loan system downtime? We keep apologising to customers without knowing why.',
      'Two hours without the loan origination system on the busiest day of the month. Please put a priority on stability over new features.',
      'The loan system outages are now daily. Our team stays late to catch up and morale is dropping.',
      'We need a way to see whether the loan system is down for everyone or just for our branch before calling the service desk.',
    ],
  },
  {
    concerns: 'IT',
    trend: 'steady',
    authors: ['Contact Centre', 'Underwriting', null, 'Finance', 'Contact Centre', 'Legal & Compliance'],
    outcome: {
      status: 'planned',
      response:
        'Laptops older than four years will be replaced from next quarter, starting with the Contact Centre. The VPN ' +
        'moves to a new gateway in two phases; pilot teams will be asked first.',
    },
    texts: [
      'My laptop takes 15 minutes to boot and update every morning. That is over an hour a week of sitting and waiting.',
      'The VPN drops every time a video call starts. Working from home is impossible in the afternoons.',
      'Contact Centre laptops are so slow that customers hear us apologise for the system on most calls.',
      'Please allow updates to install overnight instead of at 9am when everyone logs on.',
      'The VPN disconnects after 30 minutes of inactivity and logs us out of the policy admin system with unsaved work.',
      'Eight gigabytes of memory is not enough to run the CRM, Teams and the underwriting workbench at once.',
      'Our laptops freeze when we open large claim PDFs. Could underwriting get machines with more memory?',
      'VPN is very slow in the mornings. Could we get split tunnelling for video calls so they do not clog it?',
      'The new security agent made every laptop noticeably slower. Was performance tested before rollout?',
      'Ask IT to publish a simple guide for fixing the VPN when it hangs. Half my team rings the service desk for the same thing.',
      'It takes three weeks to get a replacement laptop battery. Mine lasts 40 minutes away from the desk.',
      'Docking stations at hot desks only work half of the time, so the laptop falls back to its tiny screen.',
      'The password reset process locks us out of the VPN for an hour. Please make the two sync immediately.',
      'Loaner laptops from the service desk arrive without the software we need, so they are useless for a day.',
    ],
  },
  {
    concerns: 'Facilities',
    trend: 'fading',
    authors: ['Branches', 'Contact Centre', null, 'IT', 'Contact Centre', 'HR'],
    outcome: {
      status: 'done',
      response:
        'The new car park booking app went live on 1 March, with 40 extra spaces at the overflow site and a shuttle ' +
        'every 15 minutes at shift changes. Thank you to everyone who raised it.',
    },
    texts: [
      'The car park is full by 8:15 and early-shift Contact Centre staff arrive to no spaces at all.',
      'Parking is first come first served, which punishes people who do school drop-off. A booking system would be fairer.',
      'Please reserve some parking spaces for people on late shifts who arrive at midday.',
      'The overflow car park has no lighting on the path back to the building. It does not feel safe in winter.',
      'Contractors are parking in staff spaces all week. Could they be directed to the visitor area?',
      'The barrier at the main car park breaks every other Monday and the queue backs onto the main road.',
      'More bike racks and a shower would take cars off the road; the current racks are always full.',
      'Could we have a car share scheme with priority spaces? Several of us live in the same village.',
      'Parking permits are still paper and get lost. A simple app would stop the arguments at the gate.',
      'Disabled parking bays are often taken by cars without a badge and nobody checks.',
      'The shuttle from the overflow car park stops at 6pm but our shift ends at 8pm.',
      'Please fix the potholes in the lower car park before someone damages a car or trips.',
      'Parking has become a daily stress. I leave home 40 minutes early just to find a space.',
      'Ask Facilities to share how many spaces there are versus staff on site; it would help people plan.',
    ],
  },
  {
    concerns: 'Underwriting',
    trend: 'steady',
    authors: ['Loan Processing', 'Mortgage Advice', 'Underwriting', null, 'Loan Processing', 'Branches'],
    outcome: {
      status: 'under_review',
      response:
        'Underwriting and Loan Processing are mapping the handoff together this month. A shared checklist for ' +
        'complete files is being drafted; we will post it here for comments.',
    },
    texts: [
      'The underwriting backlog is now 12 working days. Customers are withdrawing and going to other lenders.',
      'Files bounce between underwriting and loan processing three or four times for one missing document.',
      'Could underwriting publish a checklist of what a complete file looks like? We would get it right first time.',
      'Nobody owns a case once it leaves processing. Customers call us and we cannot see where it is in underwriting.',
      'The handoff to underwriting is an email with attachments. Things get lost; please use the case system instead.',
      'Underwriting queries come back with no explanation, just "refer". A one-line reason would save a phone call.',
      'The backlog gets worse every month end. Could we borrow trained people from other teams at peak times?',
      'Let loan processing see the underwriting queue position so we can give customers an honest timescale.',
      'Underwriters and processors never meet. A monthly joint session would fix half of these handoff problems.',
      'Simple remortgages with no changes wait in the same queue as complex self-employed cases. Please fast-track them.',
      'The underwriting manual was last updated two years ago and contradicts the current product rules.',
      'We re-request the same documents the branch already collected because underwriting cannot see the branch upload.',
    ],
  },
  {
    concerns: 'Legal & Compliance',
    trend: 'steady',
    authors: ['Branches', 'Contact Centre', 'Mortgage Advice', null, 'Branches'],
    outcome: {
      status: 'done',
      response:
        'Legal & Compliance now publish a one-page "what changed and what to do" summary with every policy update, ' +
        'and hold a 20-minute Q&A call the week it goes live.',
    },
    texts: [
      'New policies from Legal arrive as 40-page PDFs with no summary of what actually changes for frontline staff.',
      'The complaints-handling policy changed but nobody told the branches; we found out from a customer.',
      'Could Legal & Compliance run short Q&A sessions when a new rule lands? We have questions and nobody to ask.',
      'Two compliance policies say opposite things about when we can discuss a customer’s account with their partner.',
      'The vulnerable customer guidance is unclear about what we should write down. We are scared of getting it wrong.',
      'Policy updates are emailed on a Friday afternoon and effective Monday. That is not enough time to read them.',
      'Please give examples with every policy change. "Take reasonable steps" means something different to everyone.',
      'The script compliance approved for the mortgage calls is so long that customers hang up before the end.',
      'We need one place where current policies live. Old versions on the intranet keep being used by mistake.',
      'Could Legal explain why a rule exists? People follow it better when they understand the risk behind it.',
    ],
  },
  {
    concerns: 'Finance',
    trend: 'steady',
    authors: ['Branches', 'Mortgage Advice', null, 'Contact Centre', 'Branches'],
    outcome: {
      status: 'planned',
      response:
        'From next month expenses are paid in the weekly payroll run instead of monthly, and receipts can be ' +
        'photographed in the app. Finance will report the average payout time here every quarter.',
    },
    texts: [
      'Expense claims take six weeks to be reimbursed. Junior staff are paying for client travel out of their own pocket.',
      'The expense system rejects a claim for a missing receipt but does not say which line. Please show the reason.',
      'Mileage rates have not changed in years while fuel has gone up a lot. Could Finance review them?',
      'Could we get company cards for people who travel every week instead of claiming everything back?',
      'My expense claim has been "awaiting approval" for a month because my approver left. Nobody reassigned it.',
      'Please allow photos of receipts from a phone. Scanning paper receipts at the office is a waste of time.',
      'Expense reimbursement should run weekly, not monthly. A single hotel stay can wait seven weeks.',
      'The training course I paid for in advance still has not been refunded after two months.',
      'Finance sends expense queries by post to the branch, which only get opened on Thursdays.',
      'A simple guide to what can and cannot be claimed would stop so many rejected expense claims.',
    ],
  },
  {
    concerns: 'HR',
    trend: 'steady',
    authors: ['Contact Centre', 'Branches', 'Underwriting', null, 'Contact Centre'],
    outcome: {
      status: 'in_progress',
      response:
        'HR is replacing two of the e-learning modules with short live sessions this quarter, starting with the ' +
        'mortgage regulation refresher. Team leaders will get protected training time in the rota.',
    },
    texts: [
      'Mandatory e-learning takes two days a year and most of it repeats last year’s modules word for word.',
      'New starters in the Contact Centre get two days of training and are then on the phones alone. It is not enough.',
      'Please give us protected time for training. Right now we do it between calls, which means nobody really learns.',
      'There is no training at all on the new loan system release. We learn by making mistakes with real customers.',
      'Could experienced staff run peer training sessions? We learn more from each other than from the modules.',
      'Career development stops after year two. Nobody explains what it takes to move to underwriting or advice.',
      'The coaching programme was cancelled without explanation. It was the best thing about working here.',
      'Training materials still show screens from the old system. Please update them with the release.',
      'Offer shadowing days in backstage teams so frontline staff understand what happens after we hand a case over.',
    ],
  },
  {
    concerns: 'Branches',
    trend: 'rising',
    authors: ['Branches', 'Branches', 'Branches', null, 'Mortgage Advice'],
    outcome: {
      status: 'under_review',
      response:
        'Regional managers are reviewing branch rotas against footfall data. Relief staff from the Contact Centre are ' +
        'being trained to cover lunch peaks in the busiest branches.',
    },
    texts: [
      'Our branch is down to two people on Saturdays. If one is on a break the queue goes out the door.',
      'Branch staffing is based on last year’s footfall. Since the two nearby branches closed we have twice the customers.',
      'Lunchtime is our busiest hour and that is exactly when everyone has to take their break. Please stagger it.',
      'We are covering two branches with one adviser. Customers book appointments that we then have to cancel.',
      'Sickness cover in branches is non-existent. One person off means the branch opens late.',
      'Could branches share a relief pool across the region instead of each one struggling alone?',
      'Staff are leaving branches faster than we can replace them. Exit interviews keep saying workload.',
      'The new appointment system double books advisers because it does not know who is actually in.',
      'Lone working in small branches worries me, especially when closing up alone in the dark.',
      'Recruitment for branch roles takes four months. By the time someone starts, another person has left.',
    ],
  },
  {
    concerns: 'HR',
    trend: 'steady',
    authors: ['Underwriting', 'IT', 'Contact Centre', null, 'Finance'],
    outcome: {
      status: 'wont_do',
      response:
        'We looked at fully remote contracts for every role. Regulatory supervision of advice calls needs some office ' +
        'time, so the hybrid policy stays at two office days; teams can now choose which two.',
    },
    texts: [
      'The hybrid policy says two office days but some managers insist on four. Please make the rule the same for everyone.',
      'Office days are pointless when the rest of my team is at home and I sit on video calls all day anyway.',
      'Could teams agree their own anchor days so the office days are actually spent together?',
      'Hot desking means I spend 20 minutes every office day looking for a desk with a working monitor.',
      'Please allow compressed hours for people with caring responsibilities; it would keep good people here.',
      'The office is too noisy for calls on busy days. We need more quiet rooms if everyone is in on Tuesdays.',
      'Hybrid work has been great for focus. Please do not take it away without asking the people doing the work.',
      'Home working equipment allowance was removed. A proper chair should not be a luxury.',
      'New starters struggle with hybrid; they never get to sit next to someone experienced and ask quick questions.',
    ],
  },
  {
    concerns: 'HR',
    trend: 'fading',
    authors: ['Loan Processing', 'Facilities', 'Finance', null, 'IT'],
    outcome: {
      status: 'done',
      response:
        'The quarterly "backstage heroes" awards are back, nominated by frontline teams, and kudos stories from ' +
        'Greenroom are shared in the monthly all-hands.',
    },
    texts: [
      'Backstage teams never get thanked. Customers only see the branch, but we make the loan happen.',
      'The recognition scheme was quietly dropped last year. Even a thank-you email from leadership would help.',
      'Could frontline teams nominate backstage colleagues for awards? They know who helped them.',
      'Our team cleared the whole underwriting backlog over two weekends and nobody mentioned it.',
      'Recognition always goes to sales numbers. The people fixing complaints and keeping us compliant are invisible.',
      'Share good customer feedback with the back office teams who did the work, not just with the branch.',
      'Long service awards stopped at ten years. Some of us have been here twenty-five and heard nothing.',
      'A small budget for team lunches when we hit a hard deadline would show that someone noticed.',
    ],
  },
  {
    concerns: 'Facilities',
    trend: 'steady',
    authors: [null, 'Contact Centre', 'Underwriting', null],
    texts: [
      'The heating on the third floor is either off or at 28 degrees. Nobody seems to control it.',
      'Please put a microwave on every floor. The one in the canteen has a 20-minute queue at lunch.',
      'Printers on floor two jam every day and the toner is never replaced before Wednesday.',
      'The canteen closes at 2pm which is useless for late-shift staff. Could vending offer real food?',
      'Drinking water fountains have been out of order for weeks. Please fix them or put in water coolers.',
      'Meeting rooms are booked by people who never turn up. Release a room automatically after 15 minutes.',
    ],
  },
];

/** Items still waiting in the moderation queue: recent, some with personal data a moderator should catch. */
export const SEED_PENDING: { concerns: string | null; own: string | null; text: string }[] = [
  {
    concerns: 'IT',
    own: 'Loan Processing',
    text: 'The loan origination system has crashed every morning this week. Call me on 07700 900123 and I can show you the exact screen where it fails.',
  },
  {
    concerns: 'Underwriting',
    own: null,
    text: 'My manager Gary Hollis keeps moving urgent underwriting files to the bottom of the queue so his team’s numbers look better.',
  },
  {
    concerns: 'Finance',
    own: 'Branches',
    text: 'Still waiting for expenses from January. If anyone wants details email sam.porter@greenbank.example and I will forward the claim.',
  },
  {
    concerns: 'IT',
    own: 'Contact Centre',
    text: 'Loan system down again at 9:05 today. Contact Centre took 200 calls about failed applications before lunch.',
  },
  {
    concerns: 'Branches',
    own: 'Branches',
    text: 'Branch 0417 has had one member of staff on Saturdays for a month. It is not safe and customers are angry.',
  },
  {
    concerns: 'HR',
    own: null,
    text: 'Please offer mental health first aid training to team leaders. After the outages people are really stressed.',
  },
  {
    concerns: 'Legal & Compliance',
    own: 'Mortgage Advice',
    text: 'The new affordability rules came with no examples. Advisers are interpreting them three different ways.',
  },
  {
    concerns: 'IT',
    own: null,
    text: 'The loan origination system lost my session and all the notes on a vulnerable customer case. Please add auto-save.',
  },
  {
    concerns: null,
    own: null,
    text: 'More plants and natural light in the basement office would make a real difference to how people feel at work.',
  },
];

/** Refused items with the reason the author reads through their receipt. */
export const SEED_REJECTED: { concerns: string | null; text: string; reason: string }[] = [
  {
    concerns: 'Facilities',
    text: 'The person in the corner desk on floor 4 eats fish at their desk every day. Move them.',
    reason:
      'We do not publish suggestions about one identifiable colleague. If there is a wider point about eating at desks, please resubmit it that way.',
  },
  {
    concerns: null,
    text: 'test test this is a test of the suggestion box please ignore',
    reason: 'Looks like a test message, so we have not published it. Thanks for trying Greenroom!',
  },
];

/** Conversations on some published items: [from, text] in order, the moderator opening. */
export const SEED_THREADS: [string, ['moderator' | 'author', string][]][] = [
  [
    'The loan origination system went down again at 10am',
    [
      [
        'moderator',
        'Thank you — IT has opened a major incident. Do you remember roughly how many applications were open when it happened?',
      ],
      ['author', 'About six across the team. Two customers had to come back the next day.'],
      ['moderator', 'That detail helped IT prioritise the fix. We will post progress on the board.'],
    ],
  ],
  [
    'Files bounce between underwriting and loan processing',
    [
      ['moderator', 'Which documents go missing most often? It will help the joint checklist.'],
      ['author', 'Proof of income for self-employed customers, and the signed declaration.'],
    ],
  ],
  [
    'Expense claims take six weeks',
    [
      [
        'moderator',
        'Finance confirmed the weekly payout run starts next month. Thanks for raising this so clearly.',
      ],
    ],
  ],
  [
    'The car park is full by 8:15',
    [
      ['moderator', 'The booking app is live now — could you tell us if early shifts still struggle?'],
      ['author', 'Much better, I have had a space every day this week.'],
    ],
  ],
];
