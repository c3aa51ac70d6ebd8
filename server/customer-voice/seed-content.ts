// Demo customer feedback for the demo bank, generated from templates (see seed.ts): what customers of a
// retail bank say about loans, mortgages, branches, the contact centre and the app, each tied to the
// journey stage and channel a survey tool records. `{…}` slots are filled from FILLS.

export interface Scenario {
  stage: string;
  channel: string[];
  product: string;
  /** Which end of the scale the scenario's comments come from. */
  mood: 'promoter' | 'detractor' | 'passive';
  /** Relative weight per month (oldest first): trends move over the three months. */
  weights: [number, number, number];
  templates: string[];
}

export const FILLS: Record<string, string[]> = {
  days: ['two', 'three', 'four', 'five'],
  weeks: ['three', 'four', 'five', 'six'],
  name: ['Gemma', 'Priya', 'Tom', 'Omar', 'Sarah Jones', 'Mrs Patel', 'Callum'],
  town: ['Leeds', 'the high street', 'Bristol', 'Norwich', 'the city centre'],
  minutes: ['35', '40', '50', '75'],
  contact: ['07700 900123', 'jane.doe@example.com', '020 7946 0958'],
};

export const SCENARIOS: Scenario[] = [
  {
    stage: 'offer',
    channel: ['web', 'email'],
    product: 'mortgage',
    mood: 'promoter',
    weights: [2, 3, 5],
    templates: [
      'The mortgage offer came through in {days} days, much faster than our last bank. Whoever did the underwriting, thank you.',
      'Mortgage offer arrived within a week of the application and the underwriter only asked for documents once.',
      'Really quick mortgage offer, the underwriting team clearly read everything we sent the first time.',
      'From application to mortgage offer in {days} days, we could put our offer on the house before anyone else.',
      'Our mortgage offer was ready before the estate agent had even chased us. Brilliant underwriting.',
      'Impressed that the underwriter understood my self-employed accounts without a dozen questions; offer in {days} days.',
      'Remortgage offer came through quicker than my broker expected, no fuss at all.',
    ],
  },
  {
    stage: 'valuation',
    channel: ['phone', 'web'],
    product: 'mortgage',
    mood: 'detractor',
    weights: [5, 4, 2],
    templates: [
      'Waited {weeks} weeks for the valuation and nobody could tell me why the mortgage was stuck.',
      'The valuation was booked, cancelled and booked again, our mortgage offer slipped by {weeks} weeks.',
      'Underwriting asked for the same payslips three times before the valuation, very frustrating. Call me on {contact}.',
      'Mortgage delayed for weeks waiting on a valuation, we nearly lost the house.',
      'The surveyor never turned up for the valuation and it took {weeks} weeks to rebook.',
      'Our purchase nearly fell through because the valuation sat in a queue for a month.',
      'Nobody would give me a date for the valuation, every call got a different answer.',
    ],
  },
  {
    stage: 'payout',
    channel: ['app', 'web'],
    product: 'personal loan',
    mood: 'promoter',
    weights: [3, 3, 4],
    templates: [
      'Loan approved in the morning and the money was in my account the same afternoon.',
      'The loan payout was instant, the car dealer could not believe it.',
      'Personal loan paid out the same day I signed, smooth from start to finish.',
      'Applied for a car loan on my lunch break and the funds were there by the evening.',
      'Borrowing to fix the roof was painless, the money landed within hours.',
    ],
  },
  {
    stage: 'payout',
    channel: ['phone', 'branch'],
    product: 'personal loan',
    mood: 'detractor',
    weights: [4, 3, 2],
    templates: [
      'Loan was approved but the payout took {days} working days, and my account number {account} was checked twice.',
      'The loan money did not arrive when promised, I had to call {minutes} minutes to find out why.',
      'Approved for the loan, then nothing for days while someone re-checked my income.',
      'Told the loan was approved, then asked for more proof of income a week later. Why not ask at the start?',
      'The loan funds were promised for Friday and arrived the following Wednesday with no explanation.',
    ],
  },
  {
    stage: 'letters',
    channel: ['post', 'email'],
    product: 'mortgage',
    mood: 'detractor',
    weights: [4, 4, 4],
    templates: [
      'The letter about my mortgage rate change was full of legal jargon, I had to ask my son what it meant.',
      'Your letters are impossible to understand, three pages of terms and conditions to say the rate went up.',
      'Confusing letter about my loan agreement, the important part was hidden in small print.',
      'Got a letter saying my rate was changing but it never said what the new payment would be.',
      'Four pages of letter and I still do not know if my mortgage payment goes up or down.',
      'The letter about my account terms read like a legal contract. Please write for normal people.',
    ],
  },
  {
    stage: 'letters',
    channel: ['post', 'email'],
    product: 'savings',
    mood: 'promoter',
    weights: [1, 2, 3],
    templates: [
      'The new letter explaining my savings rate was short and in plain English, thank you.',
      'Clear, plain English letter about the changes to my account, no jargon at all.',
      'Finally a letter from a bank I could understand first time. It said exactly what changes and when.',
      'The rate change letter had a simple table showing old and new interest. More of this please.',
    ],
  },
  {
    stage: 'online banking',
    channel: ['app'],
    product: 'current account',
    mood: 'detractor',
    weights: [5, 3, 2],
    templates: [
      'The app logged me out every time I tried to make a payment this week.',
      'Online banking was down on payday again, I could not pay my rent.',
      'App keeps crashing when I upload documents for my mortgage application.',
      'Could not log in to the app for two days, the error just said try again later.',
      'The app freezes on the payment screen and I never know if the transfer went through.',
      'Fingerprint login on the app stopped working after the update and I got locked out.',
      'Tried to upload my payslips in the app five times, it failed every time without saying why.',
    ],
  },
  {
    stage: 'online banking',
    channel: ['app'],
    product: 'current account',
    mood: 'promoter',
    weights: [1, 3, 5],
    templates: [
      'The new app update is fast and uploading documents finally works.',
      'Love the new app, paying someone new takes seconds now.',
      'The app is so much quicker now, I can see my balance before the page has finished loading.',
      'Freezing my card in the app when I lost my wallet saved me a lot of stress.',
    ],
  },
  {
    stage: 'branch visit',
    channel: ['branch'],
    product: 'current account',
    mood: 'passive',
    weights: [3, 3, 3],
    templates: [
      'The branch in {town} was freezing cold and there was nowhere to sit while we waited.',
      'Branch staff were lovely but the heating at the branch in {town} was broken again.',
      'The refurbished branch in {town} is bright and comfortable, {name} sorted my card in minutes.',
      'We sat in our coats in the branch in {town} for half an hour, the heating was off again.',
      'Lovely staff in {town} but the branch is always freezing and there are only two chairs.',
      'The branch in {town} has been done up nicely, warm and welcoming, and the queue moved quickly.',
    ],
  },
  {
    stage: 'support call',
    channel: ['phone'],
    product: 'current account',
    mood: 'detractor',
    weights: [4, 4, 3],
    templates: [
      'Waited on hold for {minutes} minutes to report a lost card.',
      'Long wait on the phone and then I was transferred three times.',
      'On hold for {minutes} minutes, then the call dropped and I had to start again.',
      'Kept on hold for {minutes} minutes just to cancel a lost card. Anyone could have used it meanwhile.',
      'The hold music is the only thing I hear from you. {minutes} minutes and no answer.',
      'Passed between three departments on the phone and each one asked for my details again.',
    ],
  },
  {
    stage: 'support call',
    channel: ['phone', 'chat'],
    product: 'current account',
    mood: 'promoter',
    weights: [3, 3, 4],
    templates: [
      '{name} on the phone sorted everything in one call and followed up by email.',
      'The adviser on chat fixed my direct debit problem in five minutes.',
      'The lady on the phone stayed with me until the payment was sorted, and rang back the next day to check.',
      'Chat support answered straight away and fixed my standing order without any fuss.',
    ],
  },
  {
    stage: 'fees',
    channel: ['app', 'phone'],
    product: 'current account',
    mood: 'detractor',
    weights: [2, 3, 3],
    templates: [
      'I was charged an overdraft fee twice for the same day and it took weeks to get a refund.',
      'Unexpected fee on my statement, nobody could explain what it was for.',
      'A charge appeared on my statement with a code nobody in the branch could explain.',
      'I was refunded the overdraft fee in the end but only after three calls and a complaint.',
    ],
  },
];

/** Rules a moderator would set up for the demo bank: stage, channel or keyword → department. */
export const SEED_RULES: Array<{ department: string; stage?: string; channel?: string; keyword?: string }> = [
  { department: 'Underwriting', stage: 'offer' },
  { department: 'Underwriting', stage: 'valuation' },
  { department: 'Mortgage Advice', keyword: 'mortgage' },
  { department: 'Loan Processing', stage: 'payout' },
  { department: 'Legal & Compliance', stage: 'letters' },
  { department: 'IT', stage: 'online banking' },
  { department: 'Facilities', keyword: 'heating' },
  { department: 'Facilities', keyword: 'freezing' },
  { department: 'Branches', channel: 'branch' },
  { department: 'Contact Centre', stage: 'support call' },
  { department: 'Finance', stage: 'fees' },
];

/** Stories a moderator curated, crediting the backstage teams whose work the customer felt. */
export const SEED_STORIES: Array<{
  department: string;
  stage: string;
  mood: Scenario['mood'];
  title: string;
}> = [
  {
    department: 'Underwriting',
    stage: 'offer',
    mood: 'promoter',
    title: 'An offer in days, and the house was theirs',
  },
  {
    department: 'Loan Processing',
    stage: 'payout',
    mood: 'promoter',
    title: 'Money in the account the same afternoon',
  },
  { department: 'IT', stage: 'online banking', mood: 'promoter', title: 'Document upload finally works' },
  {
    department: 'Legal & Compliance',
    stage: 'letters',
    mood: 'promoter',
    title: 'A letter in plain English',
  },
  {
    department: 'Legal & Compliance',
    stage: 'letters',
    mood: 'detractor',
    title: 'What our letters feel like today',
  },
  {
    department: 'Facilities',
    stage: 'branch visit',
    mood: 'passive',
    title: 'A cold branch colours the whole visit',
  },
];
