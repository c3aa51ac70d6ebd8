// Demo content for handoff ratings: what frontline people say after working with a backstage team.
// Each team has a profile (how easy it usually is, how it usually turns out) and its own voice.

export interface SeedTeam {
  /** Ratings per month, oldest first (three calendar months ending with the current one). */
  perMonth: [number, number, number];
  /** Typical effort (CES 1–7) and outcome (1–5); individual ratings scatter around these. */
  effort: number;
  outcome: number;
  requestTypes: string[];
  praise: string[];
  constructive: string[];
}

// Facilities and HR are rated by few people: their months stay hidden under k (HR's whole quarter does).
export const SEED_TEAMS: Record<string, SeedTeam> = {
  'Loan Processing': {
    perMonth: [9, 11, 7],
    effort: 5,
    outcome: 4,
    requestTypes: ['Payout date', 'Missing documents', 'Application status'],
    praise: [
      'Chased the missing payslip with the customer directly and the loan paid out the same afternoon.',
      'Clear answer on the payout date within the hour, so I could call the customer back before close.',
      'They spotted the wrong sort code before the money went out. Saved us a very awkward call.',
    ],
    constructive: [
      'Three different people asked me for the same bank statement. One checklist up front would save a day.',
      'Status in the system said "in review" for a week; nobody could tell me what was actually missing.',
      'The shared inbox auto-reply promises 24 hours but it took four days to hear anything.',
    ],
  },
  Underwriting: {
    perMonth: [8, 10, 6],
    effort: 3,
    outcome: 3,
    requestTypes: ['Mortgage referral', 'Exception request', 'Valuation query'],
    praise: [
      'Took the time to explain why the self-employed income did not qualify, so I could explain it properly.',
      'Turned round an exception for a first-time buyer before their chain collapsed. Brilliant.',
    ],
    constructive: [
      'Referrals go into a queue with no visibility. Customers ring me daily and I have nothing to tell them.',
      'Decline reasons come back as a code only. A sentence we can pass on to the customer would help a lot.',
      'Valuation queries bounce between underwriting and the surveyor and nobody owns them.',
      'Needed a yes or no on a gifted deposit letter and it took eleven days.',
    ],
  },
  IT: {
    perMonth: [12, 14, 8],
    effort: 6,
    outcome: 4,
    requestTypes: ['Laptop or hardware', 'Loan system access', 'Branch network'],
    praise: [
      'Branch card reader died at 9am; someone was on site by 10:30 with a spare. Customers barely noticed.',
      'Reset my loan system access while I had the customer on hold. Two minutes, start to finish.',
      'The service desk called me back rather than closing the ticket. Small thing, felt like a real team.',
    ],
    constructive: [
      'The password reset portal does not work from branch tablets, so we still have to phone in.',
      'Ticket was closed as "resolved" when the printer still was not working.',
    ],
  },
  'Legal & Compliance': {
    perMonth: [6, 7, 5],
    effort: 3,
    outcome: 4,
    requestTypes: ['Letter wording', 'Complaint review', 'Vulnerable customer'],
    praise: [
      'Rewrote the arrears letter with us in one call, and it actually reads like a human wrote it now.',
      'Quick, practical advice on a vulnerable customer case. I knew exactly what I could and could not do.',
    ],
    constructive: [
      'Sign-off on a one-line wording change took three weeks. A fast lane for small edits would help.',
      'Advice came back as a long memo; I needed to know what to say to the customer today.',
      'Hard to know who to ask. The team page lists a mailbox that nobody seems to read.',
    ],
  },
  Facilities: {
    perMonth: [4, 3, 4],
    effort: 4,
    outcome: 3,
    requestTypes: ['Branch repairs', 'Accessibility'],
    praise: [
      'Fixed the branch ramp the same week we reported it. A wheelchair user thanked us at the counter.',
    ],
    constructive: [
      'The heating in the interview room has been broken for a month; customers sit in their coats.',
      'Repair requests go to a form with no reference number, so we cannot chase them.',
    ],
  },
  Finance: {
    perMonth: [7, 9, 6],
    effort: 5,
    outcome: 4,
    requestTypes: ['Refund or goodwill payment', 'Supplier payment'],
    praise: [
      'Goodwill payment to a customer approved and sent the same day. Turned a complaint into a thank-you.',
      'Explained the refund timings clearly so I could set the right expectation with the customer.',
    ],
    constructive: [
      'Refunds over £500 need two approvals and nobody tells the branch when the second one is done.',
      'The cut-off for same-day payments is not written down anywhere we can find it.',
    ],
  },
  HR: {
    perMonth: [1, 2, 1],
    effort: 4,
    outcome: 3,
    requestTypes: ['Cover for a shift'],
    praise: ['Found cover for a sick colleague so the branch could stay open on Saturday.'],
    constructive: ['Took a week to confirm whether a new starter could do customer calls yet.'],
  },
};

/** Stories raised as kudos alerts (each also a rating with kudos_alert); the last two wait for a moderator. */
export const SEED_KUDOS_ALERTS: { to: string; story: string; published: boolean }[] = [
  {
    to: 'IT',
    story:
      'The service desk rebuilt a mortgage adviser’s laptop over lunch so a customer’s completion did not slip.',
    published: true,
  },
  {
    to: 'Loan Processing',
    story:
      'Loan Processing stayed late to pay out a bridging loan before a house sale deadline. The customer cried.',
    published: true,
  },
  {
    to: 'Finance',
    story:
      'Finance turned round a hardship refund in an hour for a customer who could not buy food that week.',
    published: true,
  },
  {
    to: 'Underwriting',
    story:
      'Underwriting found a way to approve a mortgage for a nurse on a new contract when everyone else said no.',
    published: false,
  },
  {
    to: 'Legal & Compliance',
    story: 'Legal answered a bereavement question on the phone in ten minutes and made a hard call kinder.',
    published: false,
  },
];
