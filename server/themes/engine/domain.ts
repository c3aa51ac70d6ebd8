// A small workplace thesaurus for a bank/insurer: words (lemmas) and two-word phrases that people use
// for the same concern. WordNet knows that "salary" and "wage" are one thing, but not that "queue",
// "caller" and "helpline" belong to the contact centre or that "LOS" is a loan system; this fills that
// gap the way an analyst's coding frame would. Each word may sit in several concepts.

const CONCEPTS: Record<string, string> = {
  'it-systems':
    'system platform software app application tool portal crash freeze froze outage downtime uptime offline online error timeout ' +
    'bug glitch hang lag reboot restart upgrade server unavailable unstable stability instability performance los origination ' +
    'login logout log slow broken down spinning decision-engine',
  'it-support':
    'laptop computer pc desktop monitor screen headset printer scanner keyboard password account vpn email helpdesk ' +
    'service-desk it technician engineer ticket drive permission windows hardware device equipment',
  telephony:
    'call caller phone telephone helpline line queue hold adviser advisor agent handling wrap webchat chat inbound outbound ' +
    'wallboard callback contact-centre call-centre contact-center call-center hang-up',
  workload:
    'understaffed understaffing staffing headcount vacancy recruit recruitment hire workload overtime burnout stress stressed ' +
    'exhausted exhaustion pressure capacity shortage sick absence morale rota shift schedule cover short-staffed target break ' +
    'quit leave resign',
  pay:
    'pay salary wage bonus raise rise increase remuneration pension incentive reward compensation inflation cost-of-living band ' +
    'grade benchmarking benchmark profit-share payout percentage earnings pay-rise pay-review salary-review gender-pay',
  travel:
    'parking car park space bay permit drive driver vehicle bike bicycle cycle motorbike charging commute commuting train bus ' +
    'shuttle traffic fine car-park multistorey barrier badge',
  catering:
    'canteen cafeteria cafe café restaurant food meal lunch breakfast dinner snack coffee tea drink menu catering vending ' +
    'kitchen fridge microwave fruit salad sandwich vegetarian vegan halal gluten allergen water cooler kettle portion eat ' +
    'chip chocolate crisp',
  temperature:
    'heating heater radiator boiler air-conditioning air-con aircon conditioning cooling ventilation temperature thermostat hot ' +
    'cold warm freezing boiling cool draught stuffy airless sun sunshine blind window fan sauna degree overheat overheating arctic',
  facilities:
    'lift toilet lighting light cleaning clean building floor chair meeting-room maintenance repair facility facilities leak ' +
    'bucket door corridor reception',
  hybrid:
    'remote home wfh hybrid office attendance flexible flexibility mandate return desk hot-desking desk-booking anchor ' +
    'working-from-home work-from-home home-working remote-working office-day commute childcare compressed',
  learning:
    'training train course learning elearning module induction onboarding starter joiner mentor mentoring coaching coach ' +
    'apprenticeship apprentice qualification development career promotion progression secondment shadow skill appraisal ' +
    'refresher',
  compliance:
    'compliance regulatory regulation regulator kyc aml laundering sanction sanctions diligence audit attestation certification ' +
    'consumer-duty procedure form paperwork signature checklist legal contract clause gdpr data-protection identity verification ' +
    'tick-box approval sign-off',
  insurance:
    'underwriting underwriter underwrite referral refer broker risk premium quote renewal decline cover policy medical protection ' +
    'life-cover appetite commercial home-insurance',
  lending:
    'loan lending lender mortgage credit affordability borrower origination completion offer personal-loan credit-check',
  expenses:
    'expense expenses claim reimbursement reimburse receipt mileage hotel cost-code finance invoice refund out-of-pocket ' +
    'expense-claim expenses-app',
  recognition:
    'thanks thank grateful gratitude kudos shout-out brilliant excellent fantastic superb hero appreciate appreciated appreciation ' +
    'well-done cheers impressed praise credit',
  communication:
    'communication consultation announcement announce transparency newsletter intranet update notice inform explanation',
};

export type ConceptMap = Map<string, string[]>;

/** lemma or "two words" → concepts it belongs to. */
export function domainConcepts(): ConceptMap {
  const map: ConceptMap = new Map();
  for (const [concept, words] of Object.entries(CONCEPTS)) {
    for (const word of words.split(/\s+/).filter(Boolean)) {
      const key = word.replace(/-/g, ' ');
      const list = map.get(key) ?? [];
      if (!list.includes(concept)) list.push(concept);
      map.set(key, list);
    }
  }
  return map;
}
