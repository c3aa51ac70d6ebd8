import type { DepartmentKind } from '../../db/schema.ts';

export const DEMO_DEPARTMENTS: { name: string; kind: DepartmentKind; description: string }[] = [
  {
    name: 'Contact Centre',
    kind: 'frontstage',
    description: 'Phones, chat and email for every customer question.',
  },
  { name: 'Branches', kind: 'frontstage', description: 'Our 40 high-street branches and mobile advisers.' },
  {
    name: 'Mortgage Advice',
    kind: 'frontstage',
    description: 'Advisers who take customers from first call to offer.',
  },
  {
    name: 'Loan Processing',
    kind: 'backstage',
    description: 'Turns applications into decisions and payouts.',
  },
  { name: 'Underwriting', kind: 'backstage', description: 'Assesses risk on loans, mortgages and policies.' },
  {
    name: 'IT',
    kind: 'backstage',
    description: 'Service desk, networks, the loan origination system and laptops.',
  },
  {
    name: 'Legal & Compliance',
    kind: 'backstage',
    description: 'Keeps products, letters and processes within the rules.',
  },
  {
    name: 'Facilities',
    kind: 'backstage',
    description: 'Buildings, desks, parking, heating and the canteen.',
  },
  { name: 'Finance', kind: 'backstage', description: 'Payroll, expenses, supplier payments and budgets.' },
  { name: 'HR', kind: 'backstage', description: 'Hiring, onboarding, training, benefits and wellbeing.' },
];
