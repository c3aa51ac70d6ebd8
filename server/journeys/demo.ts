import type { JourneyDefinitionT } from '../../common/api/journeys.ts';

// The demo bank's "Get a mortgage" journey: five stages, every lane filled, backstage teams by name (the
// seed resolves them to ids). Also used by the bench and the tests.

type Backstage = Array<{ department: string; actions: string[] }>;
interface DemoStage {
  key: string;
  name: string;
  customerActions: string[];
  frontstage: { actions: string[]; people: string[] };
  lineOfVisibility: string;
  backstage: Backstage;
  systems: string[];
  policies: string[];
  touchpoints: string[];
}

export const DEMO_JOURNEY_NAME = 'Get a mortgage';

const stages: DemoStage[] = [
  {
    key: 'enquiry',
    name: 'Enquiry',
    customerActions: [
      'Compares rates online',
      'Calls or books an appointment',
      'Asks how much they can borrow',
    ],
    frontstage: {
      actions: ['Answers the call or chat', 'Runs an affordability estimate', 'Books an adviser'],
      people: ['Contact Centre agents', 'Branch staff'],
    },
    lineOfVisibility:
      'The customer sees the estimate and the booking; not the rate tables or the diary system.',
    backstage: [
      { department: 'IT', actions: ['Keeps the rate pages, chat and booking system up'] },
      { department: 'Legal & Compliance', actions: ['Approves what advisers may say about rates'] },
    ],
    systems: ['Website rate tables', 'Appointment diary', 'Telephony and chat'],
    policies: ['Financial promotions rules', 'Affordability estimate guidance'],
    touchpoints: ['appointment', 'call', 'chat', 'website'],
  },
  {
    key: 'application',
    name: 'Application',
    customerActions: ['Meets an adviser', 'Uploads payslips and bank statements', 'Signs the application'],
    frontstage: {
      actions: ['Fact-find and recommendation', 'Checks documents with the customer', 'Submits the case'],
      people: ['Mortgage advisers'],
    },
    lineOfVisibility: 'The customer sees the document upload and a case number; not the checks behind them.',
    backstage: [
      { department: 'Loan Processing', actions: ['Checks documents are complete', 'Chases what is missing'] },
      { department: 'IT', actions: ['Runs the loan origination system and the upload portal'] },
      { department: 'Legal & Compliance', actions: ['Identity and anti-money-laundering checks'] },
    ],
    systems: ['Loan origination system', 'Document upload portal', 'Identity check service'],
    policies: ['Know your customer', 'Advice suitability rules'],
    touchpoints: ['application', 'documents', 'upload', 'loan origination', 'system'],
  },
  {
    key: 'underwriting',
    name: 'Underwriting',
    customerActions: ['Waits for a decision', 'Answers follow-up questions', 'Lets the valuer in'],
    frontstage: {
      actions: ['Keeps the customer updated', 'Passes on underwriter questions'],
      people: ['Mortgage advisers', 'Contact Centre agents'],
    },
    lineOfVisibility: 'The customer sees questions and a valuation visit; not the risk assessment.',
    backstage: [
      { department: 'Underwriting', actions: ['Assesses affordability and risk', 'Instructs the valuation'] },
      { department: 'Loan Processing', actions: ['Relays questions and answers', 'Updates the case'] },
      { department: 'IT', actions: ['Keeps credit scoring and the valuation panel link working'] },
    ],
    systems: ['Credit scoring', 'Valuation panel', 'Loan origination system'],
    policies: ['Lending policy', 'Responsible lending rules'],
    touchpoints: ['underwriting', 'valuation', 'decision', 'risk', 'approval'],
  },
  {
    key: 'offer',
    name: 'Offer',
    customerActions: ['Receives the mortgage offer', 'Reads the conditions', 'Accepts the offer'],
    frontstage: {
      actions: ['Explains the offer and its conditions', 'Answers questions about fees'],
      people: ['Mortgage advisers'],
    },
    lineOfVisibility: 'The customer sees the offer letter; not how it was drafted and approved.',
    backstage: [
      { department: 'Loan Processing', actions: ['Produces the offer letter'] },
      { department: 'Legal & Compliance', actions: ['Keeps offer templates and disclosures right'] },
      { department: 'Underwriting', actions: ['Sets special conditions'] },
    ],
    systems: ['Offer letter templates', 'Document generation'],
    policies: ['Mortgage disclosure rules', 'Offer validity (six months)'],
    touchpoints: ['offer', 'letter', 'template', 'conditions'],
  },
  {
    key: 'completion',
    name: 'Completion',
    customerActions: ['Instructs a solicitor', 'Signs the mortgage deed', 'Gets the keys'],
    frontstage: {
      actions: ['Confirms the completion date', 'Congratulates the customer'],
      people: ['Mortgage advisers', 'Contact Centre agents'],
    },
    lineOfVisibility:
      'The customer sees the money arrive on the day; not the payment run or the solicitor checks.',
    backstage: [
      { department: 'Finance', actions: ['Releases the funds on completion day'] },
      { department: 'Loan Processing', actions: ['Checks the certificate of title', 'Books the drawdown'] },
      { department: 'Legal & Compliance', actions: ['Solicitor panel and fraud checks'] },
    ],
    systems: ['Payments platform', 'Solicitor panel portal'],
    policies: ['Fraud prevention', 'Payment cut-off times'],
    touchpoints: ['completion', 'funds', 'payment', 'solicitor'],
  },
];

/** The demo journey with department names resolved to ids; unknown names are left out. */
export function demoJourney(departmentIdsByName: Map<string, string>): JourneyDefinitionT {
  return {
    name: DEMO_JOURNEY_NAME,
    description:
      'From the first question to the keys: what the customer does, who they meet, and the backstage teams, ' +
      'systems and policies that make each stage work.',
    stages: stages.map(({ backstage, ...stage }) => ({
      ...stage,
      backstage: backstage.flatMap((entry) => {
        const departmentId = departmentIdsByName.get(entry.department);
        return departmentId ? [{ departmentId, actions: entry.actions }] : [];
      }),
    })),
  };
}

/** Every department the demo journey names. */
export const DEMO_JOURNEY_DEPARTMENTS = [
  ...new Set(stages.flatMap((stage) => stage.backstage.map((entry) => entry.department))),
];
