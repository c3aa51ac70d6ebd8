// Demo kudos: realistic thank-yous from the front line to the teams behind it.
export const SEED_KUDOS: Array<{ to: string; story: string }> = [
  {
    to: 'IT',
    story:
      'A customer was mid-way through a mortgage switch when my screen froze. The service desk remoted in within five minutes, fixed the profile and stayed on the line until the offer went out. She never knew anything had gone wrong.',
  },
  {
    to: 'IT',
    story:
      'The new loan origination release landed overnight with zero downtime. First morning in months where nobody in the branch had to say "the system is slow today, please bear with me".',
  },
  {
    to: 'IT',
    story:
      'Thank you for swapping my headset on the same day. I had back-to-back bereavement calls and the old one kept cutting out — small thing, huge difference for the families on the other end.',
  },
  {
    to: 'IT',
    story:
      'When the card-block tool went down on a Saturday, someone from IT came online within minutes and walked us through the manual workaround. Not one fraud victim had to wait until Monday.',
  },
  {
    to: 'IT',
    story:
      'The password reset self-service page is brilliant. Colleagues on the late shift no longer lose half an hour waiting for a ticket, which means customers do not either.',
  },
  {
    to: 'IT',
    story:
      'Huge thanks for setting up laptops for our six new starters before day one. They were taking supervised calls by Wednesday instead of sitting around waiting for logins.',
  },
  {
    to: 'IT',
    story:
      'The service desk chased a printer fault at our branch three times with the supplier until it was properly fixed. Our elderly customers can get printed statements again.',
  },
  {
    to: 'IT',
    story:
      'Someone rewrote the error messages in the branch teller app so they finally say what to do next. Training new tellers got so much easier.',
  },
  {
    to: 'Underwriting',
    story:
      'A self-employed customer had been turned down elsewhere twice. Underwriting took the time to read her accountant letters properly and approved her within two days. She cried on the phone — happy tears.',
  },
  {
    to: 'Underwriting',
    story:
      'Thank you for the quick-reference sheet on what evidence you need for contractors. My referrals stopped bouncing back and customers get answers a week sooner.',
  },
  {
    to: 'Underwriting',
    story:
      'An underwriter called me back personally to explain a decline so I could explain it properly to the customer, with options. That turned an angry complaint into a customer who stayed.',
  },
  {
    to: 'Underwriting',
    story:
      'The Friday afternoon fast-track for chain-sensitive house purchases saved a family from losing their new home. Whoever set that up: thank you.',
  },
  {
    to: 'Underwriting',
    story:
      'You turned around a complicated buy-to-let case during the system outage by working from the paper file. The broker has sent us three more cases since.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'The rewritten arrears letters are so much kinder and clearer. Customers in financial difficulty now call us instead of ignoring the letter, which is exactly what we need.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'Compliance answered my vulnerable-customer question within the hour with a clear yes/no and the reason. I could help the customer there and then instead of calling her back next week.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'Thanks for the lunch-and-learn on Consumer Duty. It was practical, full of real examples from our branches, and nobody fell asleep — a first for regulation training.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'Legal reviewed the new savings leaflet in two days instead of two weeks because it was a launch-week emergency. The product went live on time.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'The plain-English summary of the complaints rules on the intranet is now my go-to. I used it three times this week with customers on the phone.',
  },
  {
    to: 'Facilities',
    story:
      'The heating at our branch broke in the cold snap and Facilities had portable heaters there by 10am. Customers and staff both noticed — thank you.',
  },
  {
    to: 'Facilities',
    story:
      'The new quiet booths on the contact centre floor are wonderful for difficult calls. Being able to hear a distressed customer properly makes all the difference.',
  },
  {
    to: 'Facilities',
    story:
      'Thank you for fixing the wheelchair ramp at the high street branch so quickly after we reported it. A regular customer can come in on her own again.',
  },
  {
    to: 'Facilities',
    story:
      'The canteen now stays open until the late shift finishes. Small change, but it tells us someone remembered we exist after 6pm.',
  },
  {
    to: 'Finance',
    story:
      'Payroll spotted that my overtime had been missed and fixed it before I even noticed. That would have hurt badly this month.',
  },
  {
    to: 'Finance',
    story:
      'Expenses for the branch refurbishment were paid within a week, so our local suppliers kept working with us. Finance made us look reliable.',
  },
  {
    to: 'Finance',
    story:
      'Thank you for explaining the fee refund process so clearly. I can now tell customers exactly when the money will be back instead of guessing.',
  },
  {
    to: 'Finance',
    story:
      'Someone in Finance stayed late to release an urgent supplier payment so the branch alarm could be repaired the same night.',
  },
  {
    to: 'Loan Processing',
    story:
      'A customer needed his car loan paid out before the dealer closed on Friday. Loan Processing pushed it through in an afternoon and he drove the car home that evening.',
  },
  {
    to: 'Loan Processing',
    story:
      'The new status updates mean I can tell customers where their application is without chasing anyone. Fewer anxious calls, happier customers.',
  },
  {
    to: 'Loan Processing',
    story:
      'Thank you for catching a typo in a customer bank account number before the payout went out. You saved a family weeks of stress.',
  },
  {
    to: 'Loan Processing',
    story:
      'During the month-end rush the team still answered every branch query the same day. We noticed and we are grateful.',
  },
  {
    to: 'Loan Processing',
    story:
      'The checklist you shared for complete applications cut our returns in half. Customers get their money days sooner.',
  },
  {
    to: 'HR',
    story:
      'HR sorted my flexible working request within a week so I can do the school run. I am staying with the bank because of it.',
  },
  {
    to: 'HR',
    story:
      'The onboarding buddy scheme is great. My buddy in the contact centre made the first month feel a lot less lonely.',
  },
  {
    to: 'HR',
    story:
      'Thank you for the wellbeing sessions after the difficult fraud-scam season. Talking it through with people who understood helped a lot.',
  },
  {
    to: 'HR',
    story:
      'HR made the return-to-work plan after my surgery genuinely gradual. I came back confident instead of overwhelmed.',
  },
  {
    to: 'Contact Centre',
    story:
      'The contact centre took over a confused elderly customer from our branch and stayed with him until his new card was sorted. Real teamwork across channels.',
  },
  {
    to: 'Branches',
    story:
      'The Market Street branch team helped one of our phone customers who could not use online banking set up a simple direct debit in person. Thank you.',
  },
  {
    to: 'IT',
    story:
      'The new chat routing sends mortgage questions straight to trained advisers. Customers no longer get bounced between three people.',
  },
  {
    to: 'Underwriting',
    story:
      'Thanks for joining our branch huddle to explain the new affordability rules. Everyone finally understood the why, not just the what.',
  },
  {
    to: 'Facilities',
    story:
      'The new standing desks in the processing centre have made a noticeable difference to backs and moods. Thank you for listening to the feedback.',
  },
];

/** More recent stories (the last few weeks), so the 30-day recognition ranking has several teams above k. */
export const SEED_RECENT_KUDOS: Array<{ to: string; story: string }> = [
  {
    to: 'Underwriting',
    story:
      'Underwriting turned round a self-employed mortgage case in a day so the couple could exchange before their chain collapsed. They cried on the phone — happy tears this time.',
  },
  {
    to: 'Underwriting',
    story:
      'Thank you for the pre-submission clinic on Tuesdays. Our referral rate has dropped because we now send complete cases the first time.',
  },
  {
    to: 'Underwriting',
    story:
      'An underwriter rang our customer directly to explain why we needed one more bank statement. It took two minutes and saved a complaint.',
  },
  {
    to: 'Underwriting',
    story:
      'Thanks for taking a second look at a declined remortgage when we sent new evidence. The customer kept her home and her trust in us.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'Legal reviewed our new savings leaflet the same afternoon so it could go out before the rate change. Clear, accurate and on time.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'Compliance sat with our team for an hour to talk through vulnerable customer rules with real examples. We now know what good looks like.',
  },
  {
    to: 'Legal & Compliance',
    story:
      "Thank you for untangling a power of attorney case that had been stuck for weeks. The family can finally manage their mother's account.",
  },
  {
    to: 'Facilities',
    story:
      'The heating in the contact centre was fixed overnight after one message. We came in to a warm floor and a note saying sorry for the wait.',
  },
  {
    to: 'Facilities',
    story:
      'Facilities set up a quiet room for colleagues coming back from long-term sick leave. It has made phased returns so much easier.',
  },
  {
    to: 'Facilities',
    story:
      'Thanks for moving the accessible parking bays closer to the entrance. Two of our customers with mobility issues noticed straight away.',
  },
  {
    to: 'Facilities',
    story:
      'The branch door that kept jamming was replaced within a week. No more customers stuck outside in the rain while we wrestle with it.',
  },
  {
    to: 'Finance',
    story:
      'Finance paid a supplier on the same day so our branch refit could keep its date. The local community event went ahead as planned.',
  },
  {
    to: 'Finance',
    story:
      'Thank you for sorting my overtime underpayment within a day of me raising it, with a proper explanation of what went wrong.',
  },
  {
    to: 'Finance',
    story:
      'The new expenses app is so much quicker. I claimed my travel for the training course in two minutes from the train home.',
  },
  {
    to: 'Loan Processing',
    story:
      'Loan Processing stayed late to complete twenty offers before the rate change deadline. Every one of those customers got the lower rate.',
  },
  {
    to: 'Loan Processing',
    story:
      'Thanks for calling the solicitor yourselves when the completion funds were stuck. The buyers got their keys on the day they planned.',
  },
  {
    to: 'Loan Processing',
    story:
      'The new checklist for personal loan documents means we fix gaps while the customer is still in the branch, not a week later.',
  },
  {
    to: 'HR',
    story:
      'HR helped me set up a phased return after my operation with real care. I felt supported, not managed.',
  },
  {
    to: 'Contact Centre',
    story:
      'The contact centre took a warm transfer from our branch for a bereaved customer and handled the whole thing so kindly. Thank you.',
  },
  {
    to: 'Branches',
    story:
      'The Leeds branch team met a customer we could not help by phone, checked his ID in person and unlocked his account the same morning.',
  },
  {
    to: 'IT',
    story:
      'IT rolled out the new headsets floor by floor without anyone missing a call. Thanks for planning it around our busiest hours.',
  },
];

/** Waiting for a moderator in the demo queue (one with a name and a phone number the server flags). */
export const SEED_PENDING_KUDOS: Array<{ to: string; story: string }> = [
  {
    to: 'IT',
    story:
      'Massive thanks to my manager Dave Collins and the IT guy on ext 4432 who fixed the VPN for our whole team before the audit.',
  },
  {
    to: 'Finance',
    story:
      'Finance answered every question about the new expenses tool in the team chat within minutes. It made the switch painless.',
  },
  {
    to: 'HR',
    story:
      'The new parental leave guide is clear and kind. I read it twice and did not need to ask anyone anything.',
  },
  {
    to: 'Legal & Compliance',
    story:
      'Thank you for turning the new data protection rules into a one-page checklist we can keep at the desk.',
  },
];

export const SEED_FEATURED = new Set([0, 8, 13, 26]);
