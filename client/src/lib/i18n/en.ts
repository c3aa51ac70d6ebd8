// English: the source language. Every key here must exist in every other language (types.ts checks it).
// `{name}` is a placeholder; `{ one, other }` is a plural chosen by `{count}`.
export const en = {
  // App shell
  'shell.skip': 'Skip to content',
  'shell.footer': 'Greenroom — say what is broken, what could be better, and who helped. Anonymously.',
  'shell.footer.anonymity': 'How your anonymity is protected',
  'shell.footer.transparency': 'Who enrolled, team by team',
  'shell.language': 'Language',
  'nav.home': 'Greenroom home',
  'nav.main': 'Main',
  'nav.menu': 'Menu',
  'nav.suggest': 'Suggest',
  'nav.board': 'You said, we did',
  'nav.kudos': 'Kudos',
  'nav.handoff': 'Rate a handoff',
  'nav.journeys': 'Journeys',
  'nav.focusGroups': 'Focus groups',
  'nav.mine': 'My suggestions',
  'nav.wallet': 'My wallet',
  'nav.news': { one: '({count} with news)', other: '({count} with news)' },
  'nav.staffSignIn': 'Staff sign-in',
  'nav.console': 'Console',
  'nav.admin': 'Admin',
  'nav.account': 'Your account ({role})',
  'nav.signOut': 'Sign out',

  // Shared words
  'common.loading': 'Loading…',
  'common.openingWallet': 'Opening your wallet…',
  'common.makeSuggestion': 'Make a suggestion',

  // Home
  'home.title': 'Say it here. Nobody will know it was you.',
  'home.lead':
    'What is broken, what could be better, and who helped — especially the backstage teams customers never see. Greenroom cannot tell who wrote what: not your manager, not IT, not us.',
  'home.thankTeam': 'Thank a team',
  'home.howAnonymity': 'How anonymity works',
  'home.enrol.label': 'Enrol',
  'home.enrol.new': 'New here?',
  'home.enrol.text': 'Enrol this browser with the code on your welcome sheet to take part.',
  'home.enrol.button': 'Enrol now',
  'home.steps': 'How Greenroom works',
  'home.step1.title': 'Enrol once',
  'home.step1.text':
    'Type the code from your welcome sheet. Your browser gets a membership key; nobody learns whose.',
  'home.step2.title': 'Speak freely',
  'home.step2.text':
    'Each suggestion, vote or thank-you spends one blind token the server signed without seeing it.',
  'home.step3.title': 'Hear back',
  'home.step3.text':
    'Your receipt, kept in this browser, is the only key to replies. Not even moderators know it was you.',
  'home.featured': 'Thank-yous to the teams behind the scenes',
  'home.allKudos': 'All kudos →',
  'home.pulse.title': 'This week’s pulse',
  'home.pulse.none': 'No pulse is open right now.',
  'home.pulse.past': 'See past results',
  'home.pulse.closes': 'Anonymous: one answer per person, closes {day}.',
  'home.pulse.more': 'More',
  'home.themes.title': 'What people are talking about',
  'home.themes.all': 'All themes',
  'home.themes.unavailable': 'Themes are not available right now.',
  'home.themes.none': 'No themes yet: they appear once enough comments are published.',
  'home.themes.comments': { one: '{count} comment', other: '{count} comments' },

  // Suggest
  'suggest.lead':
    'What is broken, slow or could be better? Say it plainly. Greenroom cannot tell who wrote it — not your manager, not IT, not the moderators.',
  'suggest.notEnrolled': 'This browser is not enrolled yet.',
  'suggest.notEnrolled.link': 'Enrol with the code on your welcome sheet',
  'suggest.notEnrolled.after': 'to send suggestions.',
  'suggest.label': 'Your suggestion',
  'suggest.placeholder':
    'e.g. The loan origination system drops uploaded payslips, so we ask customers to send them twice…',
  'suggest.tooShort': 'At least {min} characters ({length} so far).',
  'suggest.length': '{length} / {max} characters.',
  'suggest.concerns': 'Which team does it concern? (optional)',
  'suggest.concerns.none': 'Not sure / several',
  'suggest.yourTeam': 'your team',
  'suggest.own': 'Say I work in {team}',
  'suggest.own.hint':
    'Your enrolment code was for {team}, so only your own team can be named — nobody can claim it for you. The label shows only once enough colleagues are enrolled in {team} and enough published suggestions share it that nobody can be singled out (at least five of each by default).',
  'suggest.sending': 'Sending…',
  'suggest.send': 'Send anonymously',
  'suggest.uses': { one: 'Uses your last token.', other: 'Uses one of your {count} tokens.' },
  'suggest.usesOwn': {
    one: 'Uses your last token that says you work in {team}.',
    other: 'Uses one of your {count} tokens that say you work in {team}.',
  },
  'suggest.privacy':
    'A moderator reads it before it appears on the board. You get a receipt: the only way to read replies.',

  // Department picker
  'departments.backstage': 'Backstage teams',
  'departments.frontstage': 'Frontstage teams',

  // PII warnings (in the author's own browser)
  'pii.title': 'This may identify you or someone else.',
  'pii.text': 'Moderators will see it before anyone else does, but it is safer to leave it out.',
  'pii.looksLike': 'Looks like {what}:',
  'pii.redact': 'Redact',
  'pii.redactAll': 'Redact all',
  'pii.email': 'an email address',
  'pii.phone': 'a phone number',
  'pii.staff-id': 'a staff number',
  'pii.branch-number': 'a branch number',
  'pii.person-name': 'a person’s name',
  'pii.card-or-account': 'a card or account number',
  'pii.iban': 'a bank account (IBAN)',

  // Receipt after sending
  'receipt.title': 'Here is your receipt.',
  'receipt.label': 'Your receipt',
  'receipt.what': 'Your suggestion',
  'receipt.onlyWay': 'This receipt is the only way back to your suggestion.',
  'receipt.onlyWay.text':
    'With it you can read the moderators’ replies, see why it was or was not published, and answer them. Nobody — not even Greenroom — knows it was you, so nobody can send it to you again.',
  'receipt.saved': '✓ Saved in this browser’s wallet (see “My suggestions”).',
  'receipt.notSaved': 'This browser could not keep it: copy or download it now.',
  'receipt.clearing':
    'Clearing this browser, or using another device, loses the wallet copy. Keep a second copy somewhere private.',
  'receipt.copied': 'Copied ✓',
  'receipt.copy': 'Copy receipt',
  'receipt.download': 'Download as a file',
  'receipt.another': 'Write another',
  'receipt.file.title': 'Greenroom receipt',
  'receipt.file.sent':
    'Sent on {day}. Open Greenroom → “My suggestions” → “Add a receipt” and paste it to read replies and answer them.',
  'receipt.file.private': 'Anyone holding this receipt can read the conversation: keep it somewhere private.',
  'receipt.file.onlyWay':
    'It is the only way back. Greenroom does not know who you are, so it cannot send it again.',

  // Outbox
  'outbox.sent': '✓ Sent.',
  'outbox.failed': 'Not sent: {reason}',
  'outbox.queued': 'Queued in this browser.',
  'outbox.leaves':
    '{what} leaves {when}, at a random moment, so it cannot be matched to your visit or to your enrolment. You can close this page: it is sent the next time you open Greenroom.',
  'outbox.it': 'It',
  'outbox.waiting': {
    one: 'One anonymous action waits in this browser and leaves at a random moment.',
    other: '{count} anonymous actions wait in this browser and leave at a random moment.',
  },
  'outbox.notSent': { one: 'One could not be sent.', other: '{count} could not be sent.' },
  'outbox.seeWallet': 'See the wallet',
  'outbox.keyWarning': 'Greenroom’s server did something a fair server never does with its keys.',
  'outbox.details': 'Details',
  'outbox.keyLog': 'Key log',
  'wait.fewSeconds': 'in a few seconds',
  'wait.seconds': { one: 'within {count} second', other: 'within {count} seconds' },
  'wait.minutes': { one: 'within a minute', other: 'within {count} minutes' },
  'wait.hours': { one: 'within an hour', other: 'within {count} hours' },

  // Errors an employee meets (server messages stay English; these codes are translated)
  'error.network': 'Could not send. Check your connection and try again.',
  'error.not_enrolled': 'This browser is not enrolled yet.',
  'error.rate_limited': 'Too many requests just now. Wait a moment and try again.',
  'error.no_tokens': 'No token is left for this right now.',

  // Wallet
  'wallet.title': 'Your wallet',
  'wallet.lead':
    'Everything here lives only in this browser. The server has no copy and cannot tell whose it is.',
  'wallet.kind.suggestion': 'A suggestion',
  'wallet.kind.kudos': 'Kudos',
  'wallet.kind.vote': 'A “me too”',
  'wallet.kind.pulse': 'A pulse answer',
  'wallet.kind.seat': 'A focus-group seat',
  'wallet.kind.handoff': 'A handoff rating',
  'wallet.scope.general': 'Suggestions, votes and kudos',
  'wallet.scope.pulse': 'Pulse question (one answer)',
  'wallet.scope.seat': 'Focus group seat',
  'wallet.receiptKind.kudos': 'Kudos',
  'wallet.receiptKind.suggestion': 'Suggestion',
  'wallet.file.header':
    'Greenroom receipts — keep this file private. Each receipt opens replies to what you wrote.',
  'wallet.forget.confirm':
    'Forget this wallet? Its membership key, tokens and receipts are deleted from this browser and cannot be recovered.',
  'wallet.membership': 'Membership',
  'wallet.enrolled': 'Enrolled',
  'wallet.enrolled.text': 'This browser can take part anonymously.',
  'wallet.notEnrolled': 'Not enrolled',
  'wallet.notEnrolled.link': 'Enrol with the code on your welcome sheet.',
  'wallet.private': 'This window keeps nothing after it closes: save your receipts before you leave.',
  'wallet.warning': 'Warning:',
  'wallet.warning.tell': 'Tell a colleague or your works council: a fair server never does this.',
  'wallet.outbox': 'Waiting to be sent',
  'wallet.outbox.text':
    'Anonymous actions leave this browser at random moments, never right after it fetched tokens, so the server cannot match them to you. Closing the tab is fine: they go out next time you open Greenroom.',
  'wallet.dismiss': 'Dismiss',
  'wallet.leaves': 'leaves {when}',
  'wallet.tokens': 'Tokens',
  'wallet.fetching': 'Fetching…',
  'wallet.checkTokens': 'Check for new tokens',
  'wallet.for': 'For',
  'wallet.readyNow': 'Ready now',
  'wallet.readyNextWeek': 'Ready for next week',
  'wallet.tokens.text':
    'Each action spends one token. Tokens are fetched in one go, ahead of time and at random moments, so using one says nothing about when you got it. Fetching now sends your membership credential: what you do in the next few minutes then waits a little longer before it leaves.',
  'wallet.tokens.next': 'Next fetch: {when}.',
  'wallet.receipts': 'Receipts',
  'wallet.downloadAll': 'Download all',
  'wallet.noReceipts': 'No receipts yet. When you post a suggestion or kudos, its receipt appears here.',
  'wallet.news': 'News: open My suggestions',
  'wallet.copied': 'Copied',
  'wallet.copy': 'Copy',
  'wallet.download': 'Download',
  'wallet.receipts.text':
    'Anyone with a receipt can read the replies to that item. Keep them somewhere private, like a password manager.',
  'wallet.leaving': 'Leaving this computer?',
  'wallet.leaving.text': 'On a shared computer, download your receipts first, then forget this wallet.',
  'wallet.forget': 'Forget this wallet',
} as const;
